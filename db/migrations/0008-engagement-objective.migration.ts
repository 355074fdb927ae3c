import { sql, type Kysely } from 'kysely'

/** The engagement's objective and success metric, in the consultant's words (printed in the proposal). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE engagement ADD COLUMN objective TEXT`.execute(db)
}
