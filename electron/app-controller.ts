import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import {
  backupsDirFor,
  copyDatabaseFile,
  createBackup,
  listBackups,
  replaceDatabaseFile,
  takeDailyBackupIfDue,
  verifyBackupFile,
  type BackupInfo,
  type BackupReason
} from '../db/backup'
import { heldByAnotherConnection } from '../db/connection'
import { describeAccessProblem, describeFileError, isDamage } from '../db/file-errors'
import { backupStatusPathFor, readBackupStatus, writeBackupStatus, type BackupFailure } from '../app/backup-status'
import type { Deps } from '../db/deps'
import { DatabaseOpenError } from '../db/errors'
import { checkDatabaseContentsInWorker } from '../db/contents-check'
import {
  ACCESS_PROBLEMS,
  checkDatabaseContents,
  checkDatabaseHeader,
  countContents,
  isDamageProblem,
  newestVerifiedBackup,
  verdictOfError,
  type FileProblem,
  type FileVerdict
} from '../db/health'
import { migrations } from '../db/migrations'
import { setAsideDamaged, type SalvageReport } from '../db/salvage'
import { cleanCloseMarkerFor, clearCleanClose, journalSuspect, markCleanClose, setAsideJournal } from '../db/clean-close'
import { CONTROLLER_CHANNELS, READ_ONLY_CHANNELS, type ControllerChannel } from '../shared/ipc/channels'
import type { ChannelOutput } from '../shared/ipc/contract'
import { AppError, fail, type Result } from '../shared/ipc/result'
import { startBackend, type Backend } from './backend'
import type { SecretStore } from '../app/team.service'
import { createDispatcher, type Dispatch, type HandlersFor, type SenderInfo } from './dispatcher'
import {
  checkCopyFolder,
  copySettingsPathFor,
  listCopies,
  NO_COPIES,
  readCopySettings,
  sealFromPassphrase,
  syncCopies,
  unsealFile,
  writeCopySettings,
  type CopyInfo,
  type CopySettings
} from '../app/backup-copies'
import type { FileDialogs, ShellPort } from '../app/files'

const READ_ONLY: ReadonlySet<string> = new Set(READ_ONLY_CHANNELS)

export interface ControllerOptions {
  databasePath: string
  deps: Deps
  appVersion: string
  trustedOrigin: string
  dialogs?: FileDialogs
  shell?: ShellPort
  dailyBackup?: boolean
  backupsDir?: string
  /**
   * Run quick_check and foreign_key_check on a worker thread after the data opens instead of
   * before (the header checks always run first, and every check runs first when migrations
   * are pending). Until they pass, only channels that never write are served; others wait.
   */
  deferContentChecks?: boolean
  /** Where the backup-copy settings are kept; beside the database by default. */
  copySettingsPath?: string
  /** Called by "Quit" on the recovery screen. */
  quit?: () => void
  onUnexpectedError?: (channel: string, error: unknown) => void
  /** The team sign-in's keychain (electron/team-secrets.ts); absent: team mode is refused. */
  secrets?: SecretStore
  /** Background sync interval while signed in to a team. */
  syncEveryMs?: number
}

export interface RecoveryState {
  problem: FileProblem
  detail: string
  quarantineFolder: string | null
  /** What could be read from the damaged file, in a new file kept in the quarantine folder. */
  salvage: { path: string; report: SalvageReport } | null
}

const PROBLEM_TEXT: Record<FileProblem, string> = {
  missing: 'Your Stagecraft database is missing from its folder.',
  empty: 'Your Stagecraft database file is empty.',
  truncated: 'Your Stagecraft database file has been cut short.',
  'not-sqlite': 'The file where Stagecraft keeps your data is not a database.',
  corrupt: 'Your Stagecraft database is damaged.',
  'foreign-keys': 'Some records in your Stagecraft database point at data that is gone.',
  'foreign-app': 'The file where Stagecraft keeps your data belongs to another application.',
  'too-new': 'Your database was written by a newer version of Stagecraft.',
  // Not damage: the title says only that the data cannot be opened now; the detail says why and what to do.
  busy: 'Stagecraft cannot open your data right now.',
  'read-only': 'Stagecraft cannot open your data right now.',
  'no-permission': 'Stagecraft cannot open your data right now.',
  unreadable: 'Stagecraft cannot open your data right now.',
  'stale-journal': 'Stagecraft found a journal file beside your data that it did not leave there.'
}

const STALE_JOURNAL_DETAIL =
  'Your data was closed cleanly last time, yet a journal of changes (stagecraft.db-wal) is now beside it. It may belong to another program that has your data open right now, such as the Stagecraft command line: close it and try again. Or it came from another copy of your data (a sync tool, a copy from another computer): set it aside, and your data opens as you left it; the journal is kept, unapplied, in the quarantine folder.'

/**
 * Owns the database's life: the start-up checks, quarantine and the recovery screen's
 * choices, backups and restores (each restore saves the current data first so it can be
 * undone). Regular channels go to the backend; while recovering they are refused.
 */
export function createAppController(options: ControllerOptions) {
  const path = options.databasePath
  const backupsDir = options.backupsDir ?? backupsDirFor(path)
  const markerPath = join(dirname(path), `.${basename(path)}.expected`)
  const closedPath = cleanCloseMarkerFor(path)
  const latest = migrations.length
  let backend: Backend | undefined
  let recovery: RecoveryState | undefined
  /** Damage confined to what can be rebuilt, repaired at start: said once on the first screen. */
  let repaired: { title: string; detail: string; quarantineFolder: string | null } | undefined
  /** The deferred content checks, while they run (resolved once they are done). */
  let contentChecks: Promise<void> | null = null
  /** The daily backup taken after the first screen, once the checks have passed. */
  let housekeeping: Promise<void> = Promise.resolve()
  /** The copies to the chosen folder that follow it. */
  let afterHousekeeping: Promise<void> = Promise.resolve()
  const copySettingsPath = options.copySettingsPath ?? copySettingsPathFor(path)
  const backupStatusPath = backupStatusPathFor(path)
  let copySettings: CopySettings = readCopySettings(copySettingsPath)
  let copying: Promise<void> = Promise.resolve()

  const saveCopySettings = (next: CopySettings) => {
    writeCopySettings(copySettingsPath, next)
    copySettings = next
  }

  /**
   * Brings the chosen folder up to date with the local backups, one run at a time. A
   * failure (drive unplugged, disk full) is recorded for the Backups screen and never
   * disturbs the local backups or the caller.
   */
  const syncBackupCopies = (): Promise<void> => {
    const run = copying.then(async () => {
      const settings = copySettings
      if (!settings.folder) return
      let lastCopy: CopySettings['lastCopy']
      try {
        await syncCopies(listBackups(backupsDir), settings)
        lastCopy = { at: options.deps.now().toISOString(), ok: true, message: null }
      } catch (error) {
        const message =
          error instanceof AppError
            ? error.message
            : `Copying the backups to ${settings.folder} failed: ${error instanceof Error ? error.message : String(error)}. Backups are still kept in Stagecraft’s own folder.`
        lastCopy = { at: options.deps.now().toISOString(), ok: false, message }
      }
      // Settings may have changed while copying; only the status is updated.
      if (copySettings.folder === settings.folder) {
        try {
          saveCopySettings({ ...copySettings, lastCopy })
        } catch (error) {
          options.onUnexpectedError?.('backups:copy', error)
        }
      }
    })
    copying = run.catch(() => undefined)
    return run
  }

  const openNormal = async () => {
    // A read-only drive or folder opens read-only without a word from SQLite, and the first
    // save would then fail: find out now, and say so (EROFS/EACCES become a retry).
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK)
    if (existsSync(dirname(path))) accessSync(dirname(path), constants.W_OK)
    backend = await startBackend({
      databasePath: path,
      deps: options.deps,
      appVersion: options.appVersion,
      trustedOrigin: options.trustedOrigin,
      dialogs: options.dialogs,
      shell: options.shell,
      secrets: options.secrets,
      syncEveryMs: options.syncEveryMs,
      // Taken after the first screen instead (see start): at 200 MB it takes about a second.
      dailyBackup: false,
      onUnexpectedError: (channel, error) => {
        if (isDamage(error)) void enterRecovery('corrupt', 'SQLite reported damage while reading or writing.')
        options.onUnexpectedError?.(channel, error)
      }
    })
    recovery = undefined
    clearCleanClose(closedPath)
    // From now on a missing file is a problem, not a first start.
    try {
      writeFileSync(markerPath, JSON.stringify({ database: basename(path), since: options.deps.now().toISOString() }))
    } catch (error) {
      options.onUnexpectedError?.('app:marker', error)
    }
  }

  const enterRecovery = async (problem: FileProblem, detail: string) => {
    if (backend) {
      await backend.close().catch(() => undefined)
      backend = undefined
    }
    // Only damage (or a file that is not ours) is set aside, after what can still be read is
    // copied into a new file; a locked or read-only file is left where it is.
    const { quarantineFolder, salvage } = isDamageProblem(problem)
      ? await setAsideDamaged(path, problem, options.deps.now())
      : { quarantineFolder: null, salvage: null }
    if (salvage?.report.complete) {
      // Nothing was lost: the damage was only in what is rebuilt from the rest (the search
      // index, the indexes). The rebuilt file takes the damaged one's place.
      try {
        await replaceDatabaseFile(salvage.path, path)
        await openNormal()
        repaired = {
          title: 'Your data was repaired',
          detail:
            'Part of the file that Stagecraft works out from your data (such as the search index) was damaged. Everything you entered could still be read, and those parts were rebuilt.',
          quarantineFolder
        }
        return
      } catch {
        // The rebuilt file would not open: set it aside too, and offer it with the backups.
        const opened = backend as Backend | undefined
        if (opened) await opened.close().catch(() => undefined)
        backend = undefined
        rmSync(path, { force: true })
      }
    }
    recovery = { problem, detail, quarantineFolder, salvage }
  }

  /** Opens the data; a file another program holds, or a folder Stagecraft may not write, becomes a retry, never damage. */
  const openOrBlock = async (): Promise<'ready' | 'recovery'> => {
    try {
      await openNormal()
      return 'ready'
    } catch (error) {
      const cause = error instanceof DatabaseOpenError && error.cause !== undefined ? error.cause : error
      const verdict = verdictOfError(cause, path)
      if (ACCESS_PROBLEMS.has(verdict.problem)) {
        recovery = { problem: verdict.problem, detail: verdict.detail, quarantineFolder: null, salvage: null }
        return 'recovery'
      }
      if (verdict.problem === 'corrupt' && !(error instanceof DatabaseOpenError && error.problem === 'too-new')) {
        await enterRecovery('corrupt', verdict.detail)
        return recovery ? 'recovery' : 'ready'
      }
      throw error
    }
  }

  /** The start-up sequence; a newer-version database is refused and left untouched (it throws). */
  const start = async (): Promise<'ready' | 'recovery'> => {
    // A write-ahead log beside a file that was closed cleanly is not applied blindly: it may be
    // another copy's, or belong to a program that has the file open now (see db/clean-close).
    if (journalSuspect(closedPath, path)) {
      recovery = { problem: 'stale-journal', detail: STALE_JOURNAL_DETAIL, quarantineFolder: null, salvage: null }
      return 'recovery'
    }
    const expected = existsSync(markerPath) || listBackups(backupsDir).length > 0
    let deferred: number | null = null
    if (existsSync(path) || expected) {
      const head = checkDatabaseHeader(path, latest)
      let verdict: FileVerdict = head
      if (head.ok) {
        if (options.deferContentChecks && head.schemaVersion === latest) deferred = head.schemaVersion
        else verdict = checkDatabaseContents(path, head.schemaVersion)
      }
      if (!verdict.ok) {
        if (verdict.problem === 'too-new') {
          throw new DatabaseOpenError(
            'too-new',
            path,
            `${PROBLEM_TEXT['too-new']} ${verdict.detail} Please update Stagecraft. The database has not been changed.`
          )
        }
        await enterRecovery(verdict.problem, verdict.detail)
        if (recovery) return 'recovery'
      }
    }
    if (!backend && (await openOrBlock()) === 'recovery') return 'recovery'
    if (deferred !== null) {
      const schemaVersion = deferred
      contentChecks = checkDatabaseContentsInWorker(path, schemaVersion).then(async (verdict) => {
        if (!verdict.ok) await enterRecovery(verdict.problem, verdict.detail)
        contentChecks = null
      })
    }
    // The daily backup and the copies to the chosen folder happen after the first screen,
    // never before it; the backup waits for the checks, so it never copies a damaged file.
    housekeeping = (async () => {
      await contentChecks
      if (options.dailyBackup && backend && !recovery) {
        try {
          const made = await takeDailyBackupIfDue(backend.database.sqlite, backupsDir, options.deps.now(), backupOptions())
          if (made) recordBackupSuccess()
        } catch (error) {
          recordBackupFailure('daily', error)
          options.onUnexpectedError?.('backups:daily', error)
        }
      }
    })()
    afterHousekeeping = housekeeping.then(syncBackupCopies).catch(() => undefined)
    return 'ready'
  }

  const describeBackup = (b: BackupInfo) => ({
    fileName: b.fileName,
    reason: b.reason,
    createdAt: b.createdAt,
    sizeBytes: b.sizeBytes,
    counts: countContents(b.path)
  })

  /** Sequences of the copies on the chosen drive, so a new backup always sorts after them. */
  const seenSequences = (): number[] => (copySettings.folder ? listCopies(copySettings.folder).map((c) => c.sequence) : [])
  const backupOptions = (protect: readonly string[] = []) => ({ protect, seenSequences: seenSequences() })

  /** A backup that could not be made, for the Backups screen (and the next start, after a failed one on quit). */
  const recordBackupFailure = (kind: BackupFailure['kind'], error: unknown) => {
    const message =
      error instanceof AppError ? error.message : (describeFileError(error, 'the backup') ?? (error instanceof Error ? error.message : String(error)))
    try {
      writeBackupStatus(backupStatusPath, { lastFailure: { at: options.deps.now().toISOString(), kind, message } })
    } catch (writeError) {
      options.onUnexpectedError?.('backups:status', writeError)
    }
  }
  const recordBackupSuccess = () => {
    if (readBackupStatus(backupStatusPath).lastFailure === null) return
    try {
      writeBackupStatus(backupStatusPath, { lastFailure: null })
    } catch (writeError) {
      options.onUnexpectedError?.('backups:status', writeError)
    }
  }
  /** Makes a backup of the open data, recording the outcome for the Backups screen. */
  const backUp = async (reason: BackupReason, kind: BackupFailure['kind'], protect: readonly string[] = []): Promise<BackupInfo> => {
    if (!backend) throw new AppError('DATA_UNAVAILABLE', 'Your data is not open.')
    try {
      const made = await createBackup(backend.database.sqlite, backupsDir, reason, options.deps.now(), backupOptions(protect))
      recordBackupSuccess()
      return made
    } catch (error) {
      recordBackupFailure(kind, error)
      throw error
    }
  }

  const restoreFailure = (error: unknown, step: string): AppError => {
    if (error instanceof AppError) return error
    const why = describeFileError(error, step) ?? `${step} failed (${error instanceof Error ? error.message : String(error)})`
    return new AppError('CONFLICT', `The restore did not go ahead: ${why} Your data has not been changed.`)
  }

  /**
   * Replaces the data with a backup, all or nothing: the backup is copied beside the data and
   * checked, and the current data saved as an undo backup, while the data stays open; only
   * then is it closed and the checked copy swapped in (one rename). A full disk, a vanished
   * file or another program holding the database stops it before anything changes, and the
   * data stays open. Retention never deletes the backup being restored.
   */
  const restoreFrom = async (backupPath: string): Promise<{ undoFileName: string | null }> => {
    // The checks and the daily backup read the file a restore is about to replace: let them finish first.
    await contentChecks
    await housekeeping
    const verdict = verifyBackupFile(backupPath)
    if (!verdict.ok) {
      const gone = !existsSync(backupPath)
      throw new AppError(
        'INVALID_INPUT',
        gone
          ? 'That backup is no longer there, so nothing was restored. Your data has not been changed.'
          : `That backup cannot be restored: ${verdict.reason}. Your data has not been changed.`
      )
    }
    if (verdict.schemaVersion > latest) throw new AppError('INVALID_INPUT', 'That backup was made by a newer version of Stagecraft.')
    const staged = `${path}.restoring`
    rmSync(staged, { force: true })
    try {
      await copyDatabaseFile(backupPath, staged)
    } catch (error) {
      throw restoreFailure(error, 'copying the backup beside your data')
    }
    let undo: BackupInfo | null = null
    try {
      if (backend) {
        try {
          undo = await backUp('pre-restore', 'pre-restore', [backupPath])
        } catch (error) {
          throw restoreFailure(error, 'saving your current data first (so the restore can be undone)')
        }
        await backend.close()
        backend = undefined
      }
      let held = false
      try {
        held = existsSync(path) && heldByAnotherConnection(path)
      } catch (error) {
        throw restoreFailure(error, 'checking that no other program is using your database')
      }
      if (held) throw new AppError('CONFLICT', `The restore did not go ahead: ${describeAccessProblem('busy')} Your data has not been changed.`)
      // The last connection closed cleanly, so SQLite has folded its WAL into the file; any
      // companion files left are stale and must not be applied to the restored one.
      for (const stale of [`${path}-wal`, `${path}-shm`]) rmSync(stale, { force: true })
      try {
        renameSync(staged, path)
      } catch (error) {
        throw restoreFailure(error, 'putting the restored file in place')
      }
    } catch (error) {
      rmSync(staged, { force: true })
      // Whatever stopped the restore, the data the consultant had is open again.
      if (!backend && !recovery) await openNormal()
      throw error
    }
    try {
      await openNormal()
    } catch (error) {
      // The restored file passed every check but would not open: put the data back as it was.
      if (undo) {
        await replaceDatabaseFile(undo.path, path)
        await openNormal()
      }
      throw restoreFailure(error, 'opening the restored data')
    }
    return { undoFileName: undo?.fileName ?? null }
  }

  const describeCopies = () => {
    const folder = copySettings.folder
    const items = folder ? listCopies(folder) : []
    return {
      folder,
      // Sealed only when every copy there is: plain copies left from before read as they are.
      sealed: copySettings.seal !== null && items.every((c) => c.sealed),
      available: folder ? existsSync(folder) : false,
      lastCopy: copySettings.lastCopy,
      items: items
        .slice(0, 100)
        .map((c: CopyInfo) => ({ fileName: c.fileName, reason: c.reason, createdAt: c.createdAt, sizeBytes: c.sizeBytes, sealed: c.sealed }))
    }
  }

  /** A file that is only locked or read-only is not replaced or abandoned: the way forward is to try again. */
  const refuseWhileOnlyBlocked = () => {
    if (recovery && ACCESS_PROBLEMS.has(recovery.problem)) {
      throw new AppError('CONFLICT', `Your data is not damaged, only out of reach: ${recovery.detail} Nothing was restored or replaced.`)
    }
  }

  const findBackup = (fileName: string): BackupInfo => {
    const found = listBackups(backupsDir).find((b) => b.fileName === fileName)
    if (!found) throw new AppError('NOT_FOUND', 'That backup is no longer in the backups folder.')
    return found
  }

  const recoveryStatus = (): ChannelOutput<'recovery:status'> => {
    if (!recovery) return repaired ? { mode: 'normal', repaired } : { mode: 'normal' }
    const newest = newestVerifiedBackup(backupsDir, latest)
    const folder = copySettings.folder
    const copy = folder ? listCopies(folder)[0] : undefined
    return {
      mode: 'recovery',
      problem: recovery.problem,
      message: PROBLEM_TEXT[recovery.problem],
      detail: recovery.detail,
      quarantineFolder: recovery.quarantineFolder,
      retry: ACCESS_PROBLEMS.has(recovery.problem),
      newestBackup: newest ? describeBackup(newest) : null,
      newestCopy:
        copy && folder
          ? { folder, fileName: copy.fileName, reason: copy.reason, createdAt: copy.createdAt, sizeBytes: copy.sizeBytes, sealed: copy.sealed }
          : null,
      salvage: recovery.salvage
        ? {
            rows: recovery.salvage.report.rows,
            incomplete: recovery.salvage.report.tables
              .filter((t) => !t.complete)
              .map((t) => t.name)
              .slice(0, 200),
            orphansRemoved: recovery.salvage.report.orphansRemoved
          }
        : null
    }
  }

  const local: HandlersFor<ControllerChannel> = {
    'recovery:status': async () => recoveryStatus(),
    'recovery:checks-done': async () => {
      await contentChecks
      return recoveryStatus()
    },
    'recovery:restore-latest': async () => {
      refuseWhileOnlyBlocked()
      const newest = newestVerifiedBackup(backupsDir, latest)
      if (!newest) throw new AppError('NOT_FOUND', 'There is no backup that passes the checks.')
      await restoreFrom(newest.path)
      return { mode: 'normal' }
    },
    'recovery:start-empty': async () => {
      if (!recovery) throw new AppError('CONFLICT', 'Your data is open; there is nothing to recover.')
      refuseWhileOnlyBlocked()
      await openNormal()
      return { mode: 'normal' }
    },
    'recovery:retry': async () => {
      if (!recovery) return recoveryStatus()
      if (!ACCESS_PROBLEMS.has(recovery.problem))
        throw new AppError('CONFLICT', 'The file was set aside because it is damaged; restore a backup or start empty.')
      recovery = undefined
      await start()
      return recoveryStatus()
    },
    'recovery:set-aside-journal': async () => {
      if (recovery?.problem !== 'stale-journal') throw new AppError('CONFLICT', 'There is no journal file to set aside.')
      let folder: string
      try {
        folder = setAsideJournal(path, options.deps.now())
      } catch (error) {
        throw new AppError(
          'CONFLICT',
          `The journal file could not be set aside: ${describeFileError(error, 'moving it') ?? (error instanceof Error ? error.message : String(error))} Nothing was changed.`
        )
      }
      clearCleanClose(closedPath)
      recovery = undefined
      repaired = {
        title: 'The journal file was set aside',
        detail: 'Your data opened as you left it; the journal was not applied.',
        quarantineFolder: folder
      }
      await start()
      return recoveryStatus()
    },
    'recovery:use-salvage': async () => {
      if (!recovery) throw new AppError('CONFLICT', 'Your data is open; there is nothing to recover.')
      refuseWhileOnlyBlocked()
      const salvaged = recovery.salvage
      if (!salvaged || !existsSync(salvaged.path)) throw new AppError('NOT_FOUND', 'Nothing was salvaged from the damaged file.')
      // Like a restore: the file is checked, copied beside the data and swapped in; it stays in the quarantine folder too.
      await restoreFrom(salvaged.path)
      return { mode: 'normal' }
    },
    'recovery:quit': async () => {
      options.quit?.()
      return {}
    },
    'backups:list': async () => ({
      folder: backupsDir,
      items: listBackups(backupsDir).map(describeBackup),
      copies: describeCopies(),
      lastFailure: readBackupStatus(backupStatusPath).lastFailure
    }),
    'backups:create': async () => {
      let made: ReturnType<typeof describeBackup>
      try {
        made = describeBackup(await backUp('manual', 'manual'))
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError(
          'CONFLICT',
          `The backup could not be made: ${describeFileError(error, 'the backup') ?? (error instanceof Error ? error.message : String(error))}`
        )
      }
      await syncBackupCopies()
      return made
    },
    'backups:restore': async ({ fileName }) => {
      const result = await restoreFrom(findBackup(fileName).path)
      void syncBackupCopies()
      return result
    },
    'backups:set-folder': async ({ passphrase }) => {
      if (!options.dialogs?.chooseFolder) throw new AppError('INTERNAL', 'Choosing a folder is not available here.')
      const folder = await options.dialogs.chooseFolder({ title: 'Keep copies of your backups in…' })
      if (!folder) return { status: 'cancelled' }
      checkCopyFolder(folder, dirname(path))
      const seal = passphrase === null ? null : await sealFromPassphrase(passphrase)
      await copying
      saveCopySettings({ version: 1, folder, seal, lastCopy: null })
      // A fresh backup, so the folder holds today's data straight away.
      if (backend) await backUp('manual', 'manual')
      await syncBackupCopies()
      return { status: 'set', copies: describeCopies() }
    },
    'backups:stop-copies': async () => {
      await copying
      saveCopySettings(NO_COPIES)
      return { copies: describeCopies() }
    },
    'backups:restore-copy': async ({ fileName, passphrase }) => {
      const folder = copySettings.folder
      if (!folder) throw new AppError('NOT_FOUND', 'No backup folder is chosen.')
      const copy = listCopies(folder).find((c) => c.fileName === fileName)
      if (!copy) throw new AppError('NOT_FOUND', `That copy is no longer in ${folder}.`)
      let result: { undoFileName: string | null }
      if (copy.sealed) {
        if (passphrase === null) throw new AppError('INVALID_INPUT', 'This copy is sealed: enter its passphrase to restore it.')
        mkdirSync(backupsDir, { recursive: true, mode: 0o700 })
        const opened = join(backupsDir, `.opening-${process.pid}-${Date.now()}.db`)
        try {
          await unsealFile(copy.path, opened, passphrase)
          result = await restoreFrom(opened)
        } finally {
          rmSync(opened, { force: true })
        }
      } else {
        result = await restoreFrom(copy.path)
      }
      void syncBackupCopies()
      return result
    }
  }

  const localDispatch = createDispatcher({
    channels: CONTROLLER_CHANNELS,
    handlers: local,
    trustedOrigin: options.trustedOrigin,
    onUnexpectedError: options.onUnexpectedError
  })
  const isLocal = new Set<string>(CONTROLLER_CHANNELS)

  /** Routes a call: recovery and backup channels here, everything else to the backend. */
  const dispatch: Dispatch = async (channel, payload, sender: SenderInfo): Promise<Result<unknown>> => {
    if (isLocal.has(channel)) return localDispatch(channel, payload, sender)
    if (contentChecks && !READ_ONLY.has(channel)) {
      // Nothing is written to a file the start-up checks have not yet passed.
      await contentChecks
    }
    if (!backend) {
      return fail('DATA_UNAVAILABLE', 'Your data is not open. Choose what to do on the recovery screen.')
    }
    const result = await backend.dispatch(channel, payload, sender)
    if (!result.ok && recovery) {
      return fail('DATA_UNAVAILABLE', 'Stagecraft found damage in your database and has set it aside. Choose what to do on the recovery screen.')
    }
    return result
  }

  return {
    start,
    dispatch,
    get backend() {
      return backend
    },
    get recovery() {
      return recovery
    },
    /** On quit: a last backup, then close. */
    /** Resolves once the start-up content checks are done (at once when none are running). */
    checksDone: async () => {
      await contentChecks
    },
    /** Resolves once the work after the first screen (checks, daily backup, copies) is done. */
    backgroundDone: async () => {
      await contentChecks
      await afterHousekeeping
      await copying
    },
    close: async () => {
      await contentChecks
      await housekeeping
      if (!backend) return
      try {
        await backUp('on-quit', 'on-quit')
      } catch (error) {
        options.onUnexpectedError?.('app:quit', error)
      }
      await backend.close()
      backend = undefined
      markCleanClose(closedPath, path, (error) => options.onUnexpectedError?.('app:closed-marker', error))
      await syncBackupCopies()
    }
  }
}

export type AppController = ReturnType<typeof createAppController>
