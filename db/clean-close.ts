/**
 * The clean-close marker: written when the app closes its database cleanly, removed when it
 * opens it again. SQLite folds the write-ahead log into the file and deletes it on a clean
 * close, so a `-wal` file found beside a file closed cleanly (the marker there, the file as it
 * was left) did not come from this file's last session: another copy's log, brought in by a
 * sync tool or a file copy, or the log of another program (the command line) that has the
 * file open right now. Applied, the first could mix another copy's pages into this file;
 * moved, the second would lose that program's writes. Which it is cannot be told from outside
 * SQLite without opening the file (which applies the log), so the app asks: try again once
 * other programs are closed, or set the log aside, untouched. After a crash there is no
 * marker, and the log is applied as SQLite intends.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'

const Marker = z.strictObject({ size: z.number().int().min(0), mtimeMs: z.number() })

export const cleanCloseMarkerFor = (path: string): string => join(dirname(path), `.${basename(path)}.closed`)

/** Records that the database at `path` was closed cleanly, as it now is on disk. Best effort. */
export function markCleanClose(markerPath: string, path: string, onError?: (error: unknown) => void): void {
  try {
    const stat = statSync(path)
    writeFileSync(markerPath, JSON.stringify({ size: stat.size, mtimeMs: stat.mtimeMs }))
  } catch (error) {
    onError?.(error)
  }
}

/**
 * Reads and removes the marker; when it says the file was closed cleanly and the file is as it
 * was left, a non-empty `-wal` beside it is moved with its `-shm` into a quarantine folder.
 * Returns that folder, or null when nothing was set aside.
 */
/**
 * Whether a non-empty `-wal` sits beside a file that is exactly as it was left at a clean
 * close. Reads only; never throws (a file it cannot read is left to the open that follows).
 */
export function journalSuspect(markerPath: string, path: string): boolean {
  try {
    if (!existsSync(markerPath)) return false
    const marker = Marker.safeParse(safeJson(readFileSync(markerPath, 'utf8')))
    const wal = `${path}-wal`
    if (!marker.success || !existsSync(path) || !existsSync(wal) || statSync(wal).size === 0) return false
    const stat = statSync(path)
    // The file changed since the clean close (another copy put in its place, or a program
    // that has since checkpointed and closed): its log may be its own.
    return stat.size === marker.data.size && stat.mtimeMs === marker.data.mtimeMs
  } catch {
    return false
  }
}

/** Moves the `-wal` and `-shm` beside the database into a new quarantine folder, untouched; returns the folder. */
export function setAsideJournal(path: string, now: Date): string {
  const folder = join(dirname(path), 'quarantine', `${now.toISOString().replace(/[:.]/g, '-')}-journal`)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  for (const file of [`${path}-wal`, `${path}-shm`]) if (existsSync(file)) renameSync(file, join(folder, basename(file)))
  return folder
}

/** Removes the marker once the database is open again (a crash from now on leaves none). Best effort. */
export function clearCleanClose(markerPath: string): void {
  try {
    rmSync(markerPath, { force: true })
  } catch {
    // A read-only folder: the open itself reports that.
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
