import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The consultant's content library: one row per task template, role profile or interview
  // question, its content as JSON validated by shared/schemas/library.schema.ts.
  await sql`
    CREATE TABLE library_item (
      kind TEXT NOT NULL CHECK (kind IN ('task', 'role', 'question')),
      id TEXT NOT NULL,
      data TEXT NOT NULL,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    ) WITHOUT ROWID
  `.execute(db)
}
