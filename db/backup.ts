import { chmodSync, createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { APPLICATION_ID } from './migrate'

export const BACKUP_REASONS = ['daily', 'pre-migration', 'manual', 'pre-restore', 'pre-import', 'on-quit', 'pre-team', 'pre-leave'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/**
 * Retention, by kind: the last seven daily backups; the last ten safety copies (made before a
 * migration, an import or a restore, so the change can be undone); and the last ten of the
 * rest (manual and on quit). The kinds are pruned apart, so ten quits never push out the
 * copy that undoes a restore.
 */
export const RETENTION = { daily: 7, safety: 10, events: 10 } as const
export type RetentionClass = keyof typeof RETENTION
const SAFETY: ReadonlySet<BackupReason> = new Set(['pre-migration', 'pre-import', 'pre-restore', 'pre-team', 'pre-leave'])
export const retentionClassOf = (reason: BackupReason): RetentionClass => (reason === 'daily' ? 'daily' : SAFETY.has(reason) ? 'safety' : 'events')

export interface BackupInfo {
  path: string
  fileName: string
  reason: BackupReason
  /** The wall-clock time the backup was made, as the laptop's clock said: shown, never trusted for order. */
  createdAt: string
  /**
   * Where the backup stands in the order backups were made: one more than the highest before
   * it, whatever the clock said. Backups named before sequences existed have 0 and sort by
   * their time, below every numbered one.
   */
  sequence: number
  sizeBytes: number
}

/**
 * `stagecraft-<sequence>-<time>-<reason>.db` (sequence: at least six digits); the older
 * `stagecraft-<time>-<reason>.db` is still read.
 */
export const BACKUP_NAME = new RegExp(`^stagecraft-(?:(\\d{6,12})-)?(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${BACKUP_REASONS.join('|')})\\.db$`)

/** What a backup's name says: its sequence (0 for the older names), time and reason. */
export function parseBackupName(fileName: string): { sequence: number; createdAt: string; reason: BackupReason } | null {
  const m = BACKUP_NAME.exec(fileName)
  if (!m) return null
  return { sequence: m[1] ? Number(m[1]) : 0, createdAt: isoOf(m[2]!), reason: m[3] as BackupReason }
}

export const backupFileName = (sequence: number, at: Date, reason: BackupReason): string =>
  `stagecraft-${String(sequence).padStart(6, '0')}-${stampOf(at)}-${reason}.db`

/** Newest first: by sequence, then (for the older names) by time, then by name. */
export function newestFirst<T extends { sequence: number; createdAt: string; fileName: string }>(a: T, b: T): number {
  if (a.sequence !== b.sequence) return b.sequence - a.sequence
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0
}

const stampOf = (d: Date): string => (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString().replace(/:/g, '-').replace('.', '-')
const isoOf = (stamp: string): string => stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')

/** The backups folder sits beside the database. */
export const backupsDirFor = (databasePath: string): string => join(databasePath, '..', 'backups')

/** The backups in a folder, newest first (in the order they were made, not by the clock). */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .flatMap((fileName) => {
      const parsed = parseBackupName(fileName)
      if (!parsed) return []
      const path = join(dir, fileName)
      try {
        return [{ path, fileName, ...parsed, sizeBytes: statSync(path).size }]
      } catch {
        // Gone between the listing and the look (pruned by another window): not a backup any more.
        return []
      }
    })
    .sort(newestFirst)
}

/** The sequence the next backup takes: one more than any in the folder or given (copies elsewhere). */
export function nextSequence(dir: string, alsoSeen: readonly number[] = []): number {
  return Math.max(0, ...listBackups(dir).map((b) => b.sequence), ...alsoSeen) + 1
}

/**
 * Copies a database file byte for byte into `dest` (mode 0600), flushed to the disk, and
 * checks the copy the way a restore would. On any failure nothing is left at `dest`.
 */
export async function copyDatabaseFile(source: string, dest: string): Promise<void> {
  try {
    const out = await open(dest, 'w', 0o600)
    try {
      for await (const chunk of createReadStream(source)) await out.write(chunk as Buffer)
      await out.sync()
    } finally {
      await out.close()
    }
    const verdict = verifyBackupFile(dest)
    if (!verdict.ok) throw new Error(`the copy could not be verified: ${verdict.reason}`)
  } catch (error) {
    rmSync(dest, { force: true })
    throw error
  }
}

/** Checks a backup file the way a restore would: opened read-only, intact, and ours. */
export function verifyBackupFile(path: string): { ok: true; schemaVersion: number } | { ok: false; reason: string } {
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true })
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') return { ok: false, reason: `integrity check reported: ${String(check)}` }
    const appId = db.pragma('application_id', { simple: true }) as number
    if (appId !== APPLICATION_ID) return { ok: false, reason: 'it is not a Stagecraft database' }
    return { ok: true, schemaVersion: db.pragma('user_version', { simple: true }) as number }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    db?.close()
  }
}

export interface CreateBackupOptions {
  /** Backups retention must not delete now (the one being restored). */
  protect?: readonly string[]
  /** Sequences seen elsewhere (the copies on an external drive), so the new backup sorts after them. */
  seenSequences?: readonly number[]
}

/**
 * Copies the live database through SQLite's online backup API (never a file copy, which
 * can catch a half-written WAL), into a temporary name that is verified before it is
 * renamed into place, so a listed backup is always a restorable one. Its name carries the
 * next sequence number, so the order of backups never depends on the clock.
 */
export async function createBackup(
  sqlite: Sqlite.Database,
  dir: string,
  reason: BackupReason,
  now: Date,
  options: CreateBackupOptions = {}
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const sequence = nextSequence(dir, options.seenSequences)
  const fileName = backupFileName(sequence, now, reason)
  const finalPath = join(dir, fileName)
  const tempPath = `${finalPath}.tmp`
  try {
    await sqlite.backup(tempPath)
    // A backup is one self-contained file: no -wal companion to lose when it is copied.
    const copy = new Sqlite(tempPath)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    const verdict = verifyBackupFile(tempPath)
    if (!verdict.ok) throw new Error(`The backup could not be verified: ${verdict.reason}`)
    chmodSync(tempPath, 0o600)
    renameSync(tempPath, finalPath)
  } finally {
    rmSync(tempPath, { force: true })
  }
  pruneBackups(dir, options.protect ?? [])
  const made = parseBackupName(fileName)!
  return { path: finalPath, fileName, ...made, sizeBytes: statSync(finalPath).size }
}

/** What retention would delete from `backups` (newest first): past each kind's count, never a protected path. */
export function backupsToPrune<T extends { reason: BackupReason; path: string }>(backups: readonly T[], protect: readonly string[] = []): T[] {
  const kept = new Set(protect)
  const seen: Record<RetentionClass, number> = { daily: 0, safety: 0, events: 0 }
  return backups.filter((b) => {
    const kind = retentionClassOf(b.reason)
    seen[kind]++
    return seen[kind] > RETENTION[kind] && !kept.has(b.path)
  })
}

export function pruneBackups(dir: string, protect: readonly string[] = []): void {
  for (const old of backupsToPrune(listBackups(dir), protect)) rmSync(old.path, { force: true })
}

export function hasBackupOnDay(dir: string, day: string): boolean {
  return listBackups(dir).some((b) => b.createdAt.startsWith(day))
}

/**
 * The first start of each day (by the laptop's clock) keeps a copy of the data as it was
 * before that day's work. A wrong clock can only cause an extra daily backup or a skipped
 * one: which backups are kept and which is newest go by sequence.
 */
export async function takeDailyBackupIfDue(sqlite: Sqlite.Database, dir: string, now: Date, options: CreateBackupOptions = {}): Promise<BackupInfo | null> {
  if (hasBackupOnDay(dir, now.toISOString().slice(0, 10))) return null
  return createBackup(sqlite, dir, 'daily', now, options)
}

/**
 * Puts a checked database file in place of the (closed) database: copied beside it and renamed
 * over it, so the path holds the old file or the new one, never half of either. Companion
 * -wal/-shm files left from the old file are removed first: they must not be applied to the new one.
 */
export async function replaceDatabaseFile(source: string, path: string): Promise<void> {
  const staged = `${path}.restoring`
  rmSync(staged, { force: true })
  try {
    await copyDatabaseFile(source, staged)
    for (const stale of [`${path}-wal`, `${path}-shm`]) rmSync(stale, { force: true })
    renameSync(staged, path)
  } catch (error) {
    rmSync(staged, { force: true })
    throw error
  }
}
