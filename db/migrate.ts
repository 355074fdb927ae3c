import { sql, type Kysely } from 'kysely'
import type Sqlite from 'better-sqlite3'
import type { Migration } from './migrations'

/** Marks files written by this app, so another app's SQLite file is never mistaken for ours. */
export const APPLICATION_ID = 0x53544743 // "STGC"

export function readSchemaVersion(sqlite: Sqlite.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number
}

/**
 * Runs every pending migration and the version bump in one transaction: either all of
 * them land or the schema stays exactly as it was. (Kysely's own Migrator does not wrap
 * SQLite migrations in a transaction.)
 */
export async function runMigrations(db: Kysely<any>, sqlite: Sqlite.Database, list: readonly Migration[]): Promise<{ from: number; to: number }> {
  const from = readSchemaVersion(sqlite)
  const to = list.length
  if (from >= to) return { from, to: from }
  await db.transaction().execute(async (trx) => {
    for (const migration of list.slice(from)) {
      await migration.up(trx)
    }
    await sql.raw(`PRAGMA user_version = ${to}`).execute(trx)
    await sql.raw(`PRAGMA application_id = ${APPLICATION_ID}`).execute(trx)
  })
  return { from, to }
}
