import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { listBackups, verifyBackupFile, type BackupInfo } from './backup'
import { APPLICATION_ID } from './migrate'
import { accessProblemOf, describeAccessProblem, isDamage } from './file-errors'

/** What is wrong with a database file, in the terms the recovery screen uses. */
export type FileProblem =
  | 'missing'
  | 'empty'
  | 'truncated'
  | 'not-sqlite'
  | 'corrupt'
  | 'foreign-keys'
  | 'foreign-app'
  | 'too-new'
  // The file cannot be used right now, but nothing says it is damaged: never set aside.
  | 'busy'
  | 'read-only'
  | 'no-permission'
  | 'unreadable'
  // A write-ahead log beside a cleanly closed file: another copy's, or a program's that has it open now.
  | 'stale-journal'

/** Problems that are about access to the file, not its contents: reported with a retry, never quarantined. */
export const ACCESS_PROBLEMS: ReadonlySet<FileProblem> = new Set(['busy', 'read-only', 'no-permission', 'unreadable', 'stale-journal'])

/** Whether a problem means the file itself is damaged or not ours, so it is set aside. */
export const isDamageProblem = (problem: FileProblem): boolean => !ACCESS_PROBLEMS.has(problem) && problem !== 'missing' && problem !== 'too-new'

/**
 * The verdict for an error met while reading the file: damage only when SQLite says so;
 * a lock, a read-only drive or a missing permission as what it is; anything else
 * (an I/O error of the disk) as unreadable, which is retried, not set aside.
 */
export function verdictOfError(error: unknown, path?: string): { ok: false; problem: FileProblem; detail: string } {
  const message = error instanceof Error ? error.message : String(error)
  if (isDamage(error)) return { ok: false, problem: 'corrupt', detail: message }
  let access = accessProblemOf(error)
  // SQLite says only "unable to open": a missing file or a read-only drive is told apart by looking.
  if (access === 'no-permission' && path !== undefined) {
    if (!existsSync(path)) access = 'missing'
    else if (folderIsReadOnly(path)) access = 'read-only'
  }
  if (access === 'busy') return { ok: false, problem: 'busy', detail: describeAccessProblem('busy') }
  if (access === 'read-only') return { ok: false, problem: 'read-only', detail: describeAccessProblem('read-only') }
  if (access === 'no-permission') return { ok: false, problem: 'no-permission', detail: describeAccessProblem('no-permission') }
  if (access === 'missing') return { ok: false, problem: 'missing', detail: 'The database file is not there.' }
  return {
    ok: false,
    problem: 'unreadable',
    detail: `Stagecraft could not read the database file (${message}). Nothing says the file is damaged; try again, and check the disk if it happens again.`
  }
}

export type FileVerdict = { ok: true; schemaVersion: number } | { ok: false; problem: FileProblem; detail: string }

const HEADER = Buffer.from('SQLite format 3\0', 'latin1')

function header(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(100)
    return buf.subarray(0, readSync(fd, buf, 0, 100, 0))
  } finally {
    closeSync(fd)
  }
}

/**
 * The quick part of the start-up checks, read-only: the file is there, not empty, a SQLite
 * file as long as its header says, ours, and not from a newer version. Reads the header
 * page only, so it costs the same at any size.
 */
export function checkDatabaseHeader(path: string, latestVersion: number): FileVerdict {
  try {
    return inspectHeader(path, latestVersion)
  } catch (error) {
    return verdictOfError(error, path)
  }
}

/**
 * Rolls back a hot rollback journal left by a crash (a restore killed while it switched the
 * file out of WAL mode, say), as SQLite does on any open that may write: a read-only open
 * cannot, and would report "attempt to write a readonly database" for a file that is fine.
 * A journal held by a live writer is not hot, and SQLite leaves it alone.
 */
export function finishInterruptedJournal(path: string): void {
  const journal = `${path}-journal`
  if (!existsSync(journal) || statSync(journal).size === 0) return
  const db = new Sqlite(path, { fileMustExist: true, timeout: 2000 })
  try {
    db.pragma('schema_version', { simple: true })
  } finally {
    db.close()
  }
}

function inspectHeader(path: string, latestVersion: number): FileVerdict {
  if (!existsSync(path)) return { ok: false, problem: 'missing', detail: 'The database file is not there.' }
  finishInterruptedJournal(path)
  const size = statSync(path).size
  if (size === 0) return { ok: false, problem: 'empty', detail: 'The database file is empty (0 bytes).' }
  const head = header(path)
  if (head.length < 100 || !head.subarray(0, 16).equals(HEADER)) {
    return { ok: false, problem: 'not-sqlite', detail: 'The file is not a SQLite database.' }
  }
  const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16)
  const pages = head.readUInt32BE(28)
  if (pages > 0 && size < pageSize * pages && !existsSync(`${path}-wal`)) {
    return { ok: false, problem: 'truncated', detail: `The file is shorter than its header says (${size} of ${pageSize * pages} bytes).` }
  }
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true, timeout: 2000 })
    const appId = db.pragma('application_id', { simple: true }) as number
    const version = db.pragma('user_version', { simple: true }) as number
    if (appId !== 0 && appId !== APPLICATION_ID) {
      return { ok: false, problem: 'foreign-app', detail: 'The file belongs to another application.' }
    }
    if (version > latestVersion) {
      return { ok: false, problem: 'too-new', detail: `It was written by a newer version of Stagecraft (data version ${version}).` }
    }
    if (version > 0 && appId !== APPLICATION_ID) {
      return { ok: false, problem: 'foreign-app', detail: 'The file is a SQLite database, but not a Stagecraft one.' }
    }
    if (appId === 0 && version === 0) {
      // Neither marked as ours nor new: another program's database at our path is refused, not migrated.
      const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n
      if (tables > 0)
        return { ok: false, problem: 'foreign-app', detail: `The file is a SQLite database with ${tables} tables of its own, but not a Stagecraft one.` }
    }
    return { ok: true, schemaVersion: version }
  } catch (error) {
    return verdictOfError(error, path)
  } finally {
    db?.close()
  }
}

function folderIsReadOnly(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK)
    return false
  } catch (error) {
    return accessProblemOf(error) === 'read-only'
  }
}

/** What quick_check and foreign_key_check found, in the recovery screen's terms. */
export function contentsVerdict(quick: string, orphans: number, schemaVersion: number): FileVerdict {
  if (quick !== 'ok') return { ok: false, problem: 'corrupt', detail: `SQLite's integrity check reported: ${quick}` }
  if (orphans > 0) return { ok: false, problem: 'foreign-keys', detail: `${orphans} record(s) point at data that no longer exists.` }
  return { ok: true, schemaVersion }
}

/** The slow part, read-only: SQLite's quick_check and foreign_key_check over every page. */
export function checkDatabaseContents(path: string, schemaVersion: number): FileVerdict {
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true, timeout: 2000 })
    const quick = String(db.pragma('quick_check', { simple: true }))
    const orphans = quick === 'ok' ? (db.pragma('foreign_key_check') as unknown[]).length : 0
    return contentsVerdict(quick, orphans, schemaVersion)
  } catch (error) {
    return verdictOfError(error, path)
  } finally {
    db?.close()
  }
}

/**
 * All the start-up checks, read-only: the header, then SQLite's quick_check and
 * foreign_key_check. Nothing here writes to the file.
 */
export function checkDatabaseFile(path: string, latestVersion: number): FileVerdict {
  const head = checkDatabaseHeader(path, latestVersion)
  return head.ok ? checkDatabaseContents(path, head.schemaVersion) : head
}

/**
 * Moves the database and its -wal/-shm companions together into a dated quarantine
 * folder beside it, so a damaged file is never overwritten and can still be sent to
 * support or rescued by hand. Returns the folder, or null when there was nothing to move.
 */
export function quarantineDatabase(path: string, now: Date): string | null {
  const files = [path, `${path}-wal`, `${path}-shm`, `${path}-journal`].filter((f) => existsSync(f))
  if (files.length === 0) return null
  const folder = join(path, '..', 'quarantine', now.toISOString().replace(/[:.]/g, '-'))
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  for (const file of files) renameSync(file, join(folder, basename(file)))
  return folder
}

/** The newest backup that passes verification (opened read-only, quick_check, ours). */
export function newestVerifiedBackup(backupsDir: string, latestVersion: number): BackupInfo | null {
  for (const backup of listBackups(backupsDir)) {
    const verdict = verifyBackupFile(backup.path)
    if (verdict.ok && verdict.schemaVersion <= latestVersion) return backup
  }
  return null
}

/** Content counts for the backups screen, read without writing. */
export function countContents(path: string): { clients: number; engagements: number; assessments: number } | null {
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true })
    const count = (table: string) => {
      try {
        return (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      } catch {
        return 0
      }
    }
    return { clients: count('client'), engagements: count('engagement'), assessments: count('assessment') }
  } catch {
    return null
  } finally {
    db?.close()
  }
}
