import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('in_progress','complete')`))
    // JSON array of names: who was in the room.
    .addColumn('present', 'text', (c) => c.notNull().defaultTo('[]'))
    // The question the workshop was on, so it resumes where it left off.
    .addColumn('cursor', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute()
  await db.schema.createIndex('assessment_engagement_idx').on('assessment').columns(['engagement_id', 'created_at']).execute()

  await sql`
    CREATE TABLE assessment_answer (
      assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      -- JSON: an option id ("A"), a count (3) or "unknown"; NULL while only a note exists.
      value TEXT,
      -- Shareable with the client (goes into reports).
      note TEXT,
      -- The consultant's own: never shown while presenting, never exported.
      private_note TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (assessment_id, question_id)
    ) WITHOUT ROWID
  `.execute(db)

  // An answer or note touches its assessment in the same implicit transaction: one
  // statement and one fsync per keystroke-sized save.
  await sql`
    CREATE TRIGGER assessment_answer_touch_insert AFTER INSERT ON assessment_answer BEGIN
      UPDATE assessment SET updated_at = NEW.updated_at WHERE id = NEW.assessment_id;
    END
  `.execute(db)
  await sql`
    CREATE TRIGGER assessment_answer_touch_update AFTER UPDATE ON assessment_answer BEGIN
      UPDATE assessment SET updated_at = NEW.updated_at WHERE id = NEW.assessment_id;
    END
  `.execute(db)
}
