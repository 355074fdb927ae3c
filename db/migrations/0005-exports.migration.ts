import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // What was sent: the template and sections, the model the document was made from, and the
  // exact bytes, so a past export can be reopened as the client received it.
  await sql`
    CREATE TABLE export_snapshot (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagement(id) ON DELETE CASCADE,
      template TEXT NOT NULL,
      sections TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      model TEXT NOT NULL,
      bytes BLOB NOT NULL,
      created_at TEXT NOT NULL
    )
  `.execute(db)
  await sql`CREATE INDEX export_snapshot_engagement_idx ON export_snapshot (engagement_id, created_at)`.execute(db)
}
