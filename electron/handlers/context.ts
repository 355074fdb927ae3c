import type { Kysely } from 'kysely'
import type { Deps } from '../../db/deps'
import type { Database } from '../../db/schema'

/** What every handler may use: the database, time and identity, and facts about the app. */
export interface HandlerContext {
  db: Kysely<Database>
  deps: Deps
  appVersion: string
  databasePath: string
  schemaVersion: number
}
