import type Sqlite from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { Deps } from '../../db/deps'
import type { Database } from '../../db/schema'
import type { FileDialogs, ShellPort } from '../../app/files'
import type { TeamService } from '../../app/team.service'

/** What every handler may use: the database, time and identity, and facts about the app. */
export interface HandlerContext {
  db: Kysely<Database>
  deps: Deps
  appVersion: string
  databasePath: string
  schemaVersion: number
  /** Native file dialogs; absent where there is no window (then file actions are refused). */
  dialogs?: FileDialogs
  /** Opening exported files with the system; absent in tests. */
  shell?: ShellPort
  /** The raw SQLite handle, for backups taken before an import (absent: such imports are refused). */
  sqlite?: Sqlite.Database
  /** Team mode (absent: the app is solo and says so). */
  team?: TeamService
}
