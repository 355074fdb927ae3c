import { openDatabase, type DatabaseHandle } from '../db/connection'
import type { Deps } from '../db/deps'
import { BACKEND_CHANNELS, createDispatcher, type Dispatch } from './dispatcher'
import { createHandlers } from './handlers'
import { seedLibraryOnce } from '../db/repositories/library.repository'
import type { FileDialogs, ShellPort } from '../app/files'
import { createTeamService, type SecretStore } from '../app/team.service'

export interface BackendOptions {
  databasePath: string
  deps: Deps
  appVersion: string
  trustedOrigin: string
  dailyBackup?: boolean
  dialogs?: FileDialogs
  shell?: ShellPort
  onUnexpectedError?: (channel: string, error: unknown) => void
  /** Where the team sign-in is kept (the OS keychain in the app); without it team mode is refused. */
  secrets?: SecretStore
  /** How often to sync in the background while signed in to a team (0: never). */
  syncEveryMs?: number
  fetch?: typeof fetch
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
  const team = createTeamService({
    db: database.db,
    sqlite: database.sqlite,
    deps: options.deps,
    databasePath: database.path,
    secrets: options.secrets,
    fetch: options.fetch
  })
  const handlers = createHandlers({
    team,
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
  // Background sync while signed in: quiet when solo or offline (the status line says so).
  const every = options.syncEveryMs ?? 0
  const backgroundSync = () =>
    void team
      .status()
      .then((s) => (s.mode === 'team' ? team.syncNow() : undefined))
      .catch((error: unknown) => options.onUnexpectedError?.('team:background-sync', error))
  const timer = every > 0 ? setInterval(backgroundSync, every) : undefined
  // And once soon after start, so a laptop back from a workshop catches up at once.
  const first = every > 0 ? setTimeout(backgroundSync, Math.min(every, 5_000)) : undefined
  first?.unref()
  timer?.unref()
  return {
    dispatch,
    database,
    close: async () => {
      if (timer) clearInterval(timer)
      if (first) clearTimeout(first)
      await database.close()
    }
  }
}
