import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { listBackups, verifyBackupFile, type BackupInfo } from './backup'
import { APPLICATION_ID } from './migrate'

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
  if (!existsSync(path)) return { ok: false, problem: 'missing', detail: 'The database file is not there.' }
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
    db = new Sqlite(path, { readonly: true, fileMustExist: true })
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
    return { ok: true, schemaVersion: version }
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: error instanceof Error ? error.message : String(error) }
  } finally {
    db?.close()
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
    db = new Sqlite(path, { readonly: true, fileMustExist: true })
    const quick = String(db.pragma('quick_check', { simple: true }))
    const orphans = quick === 'ok' ? (db.pragma('foreign_key_check') as unknown[]).length : 0
    return contentsVerdict(quick, orphans, schemaVersion)
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: error instanceof Error ? error.message : String(error) }
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
