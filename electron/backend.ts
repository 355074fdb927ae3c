import { openDatabase, type DatabaseHandle } from '../db/connection'
import type { Deps } from '../db/deps'
import { BACKEND_CHANNELS, createDispatcher, type Dispatch } from './dispatcher'
import { createHandlers } from './handlers'
import { seedLibraryOnce } from '../db/repositories/library.repository'
import type { FileDialogs, ShellPort } from '../app/files'

export interface BackendOptions {
  databasePath: string
  deps: Deps
  appVersion: string
  trustedOrigin: string
  dailyBackup?: boolean
  dialogs?: FileDialogs
  shell?: ShellPort
  onUnexpectedError?: (channel: string, error: unknown) => void
}

export interface Backend {
  dispatch: Dispatch
  database: DatabaseHandle
  close: () => Promise<void>
}

/**
 * Everything behind the window that does not need Electron: the database and the
 * dispatcher. The app, the end-to-end tests and the benchmarks all start it this way.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const database = await openDatabase(options.databasePath, {
    now: options.deps.now,
    dailyBackup: options.dailyBackup ?? false
  })
  // The consultant's library starts as the built-in content, once.
  await seedLibraryOnce(database.db, options.deps)
  const handlers = createHandlers({
    db: database.db,
    deps: options.deps,
    appVersion: options.appVersion,
    databasePath: database.path,
    sqlite: database.sqlite,
    schemaVersion: database.schemaVersion,
    dialogs: options.dialogs,
    shell: options.shell
  })
  const dispatch = createDispatcher({
    channels: BACKEND_CHANNELS,
    handlers,
    trustedOrigin: options.trustedOrigin,
    onUnexpectedError: options.onUnexpectedError
  })
  return { dispatch, database, close: database.close }
}
