import type { Kysely } from 'kysely'
import type { Deps } from '../../db/deps'
import type { Database } from '../../db/schema'
import type { FileDialogs } from '../services/files'

/** What every handler may use: the database, time and identity, and facts about the app. */
export interface HandlerContext {
  db: Kysely<Database>
  deps: Deps
  appVersion: string
  databasePath: string
  schemaVersion: number
  /** Native file dialogs; absent where there is no window (then file actions are refused). */
  dialogs?: FileDialogs
}
