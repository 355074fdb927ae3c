import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { APPLICATION_ID } from './migrate'

export const BACKUP_REASONS = ['daily', 'pre-migration', 'manual', 'pre-restore', 'pre-import', 'on-quit'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** Retention: the last seven daily backups and the last ten of every other kind together. */
export const RETENTION = { daily: 7, events: 10 } as const

export interface BackupInfo {
  path: string
  fileName: string
  reason: BackupReason
  createdAt: string
  sizeBytes: number
}

const NAME = new RegExp(`^stagecraft-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${BACKUP_REASONS.join('|')})\\.db$`)

const stampOf = (d: Date): string => d.toISOString().replace(/:/g, '-').replace('.', '-')
const isoOf = (stamp: string): string =>
  stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')

/** The backups folder sits beside the database. */
export const backupsDirFor = (databasePath: string): string => join(databasePath, '..', 'backups')

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((fileName) => ({ fileName, m: NAME.exec(fileName) }))
    .filter((x): x is { fileName: string; m: RegExpExecArray } => x.m !== null)
    .map(({ fileName, m }) => {
      const path = join(dir, fileName)
      return {
        path,
        fileName,
        reason: m[2] as BackupReason,
        createdAt: isoOf(m[1]!),
        sizeBytes: statSync(path).size
      }
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
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

/**
 * Copies the live database through SQLite's online backup API (never a file copy, which
 * can catch a half-written WAL), into a temporary name that is verified before it is
 * renamed into place, so a listed backup is always a restorable one.
 */
export async function createBackup(
  sqlite: Sqlite.Database,
  dir: string,
  reason: BackupReason,
  now: Date
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  let stampDate = now
  let fileName = `stagecraft-${stampOf(stampDate)}-${reason}.db`
  while (existsSync(join(dir, fileName))) {
    stampDate = new Date(stampDate.getTime() + 1)
    fileName = `stagecraft-${stampOf(stampDate)}-${reason}.db`
  }
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
  pruneBackups(dir)
  return {
    path: finalPath,
    fileName,
    reason,
    createdAt: stampDate.toISOString(),
    sizeBytes: statSync(finalPath).size
  }
}

export function pruneBackups(dir: string): void {
  const all = listBackups(dir)
  const daily = all.filter((b) => b.reason === 'daily').slice(RETENTION.daily)
  const events = all.filter((b) => b.reason !== 'daily').slice(RETENTION.events)
  for (const old of [...daily, ...events]) rmSync(old.path, { force: true })
}

export function hasBackupOnDay(dir: string, day: string): boolean {
  return listBackups(dir).some((b) => b.createdAt.startsWith(day))
}

/** The first start of each day keeps a copy of the data as it was before that day's work. */
export async function takeDailyBackupIfDue(sqlite: Sqlite.Database, dir: string, now: Date): Promise<BackupInfo | null> {
  if (hasBackupOnDay(dir, now.toISOString().slice(0, 10))) return null
  return createBackup(sqlite, dir, 'daily', now)
}
