import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One current plan per engagement. Its parts are JSON validated at the boundary:
  // the basis (assessment snapshot), the library snapshot, the consultant's edits, pricing.
  await sql`
    CREATE TABLE plan (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL UNIQUE REFERENCES engagement(id) ON DELETE CASCADE,
      assessment_id TEXT REFERENCES assessment(id) ON DELETE SET NULL,
      basis TEXT NOT NULL,
      kept_stale TEXT NOT NULL DEFAULT '[]',
      library TEXT NOT NULL,
      settings TEXT NOT NULL,
      edits TEXT NOT NULL,
      pricing TEXT NOT NULL,
      last_diff TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )
  `.execute(db)
}
