import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import { backupsDirFor, createBackup, takeDailyBackupIfDue } from './backup'
import { DatabaseOpenError } from './errors'
import { accessProblemOf } from './file-errors'
import { APPLICATION_ID, readSchemaVersion, runMigrations } from './migrate'
import { migrations as defaultMigrations, type Migration } from './migrations'
import type { Database } from './schema'

export interface DatabaseHandle {
  path: string
  sqlite: Sqlite.Database
  db: Kysely<Database>
  schemaVersion: number
  close: () => Promise<void>
}

export interface OpenOptions {
  now: () => Date
  /** Defaults to the app's migrations; tests pass their own lists. */
  migrations?: readonly Migration[]
  /** Where backups go; defaults to `backups/` beside the database. */
  backupsDir?: string
  /** Take the daily backup at start (the app does; the CLI and tests may not). */
  dailyBackup?: boolean
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(100)
    const n = readSync(fd, buf, 0, 100, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

/**
 * Looks at an existing file before anything writes to it: is it SQLite, is it ours, is
 * it from a newer version of the app? A file that fails here is left exactly as it was.
 */
function inspectExisting(path: string, latest: number): void {
  const size = statSync(path).size
  const header = readHeader(path)
  // A zero-byte file would open as a new, empty and "healthy" database: refuse it instead.
  if (size === 0 || header.length < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
    throw new DatabaseOpenError(
      'not-a-database',
      path,
      `The file at ${path} is not a Stagecraft database (it is empty or not SQLite). It has not been changed.`
    )
  }
  const probe = new Sqlite(path, { readonly: true, fileMustExist: true })
  try {
    const version = readSchemaVersion(probe)
    const appId = probe.pragma('application_id', { simple: true }) as number
    if (appId !== 0 && appId !== APPLICATION_ID) {
      throw new DatabaseOpenError('foreign-app', path, `The file at ${path} belongs to another application. It has not been changed.`)
    }
    if (version > latest) {
      throw new DatabaseOpenError(
        'too-new',
        path,
        `This database was written by a newer version of Stagecraft (data version ${version}; this app knows up to ${latest}). Please update Stagecraft. The database has not been changed.`
      )
    }
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error
    throw new DatabaseOpenError('corrupt', path, `The database at ${path} could not be read. It has not been changed.`, {
      cause: error
    })
  } finally {
    probe.close()
  }
}

/**
 * Sets the pragmas every connection must have and checks that they took. WAL keeps
 * readers and the writer apart; synchronous=FULL makes a commit durable when it returns
 * (better-sqlite3 would otherwise leave WAL databases at NORMAL); foreign keys are off by
 * default in SQLite and the schema relies on them for cascades.
 */
export function applyConnectionPragmas(sqlite: Sqlite.Database): void {
  const mode = sqlite.pragma('journal_mode = WAL', { simple: true })
  if (mode !== 'wal') throw new Error(`Could not switch the database to WAL mode (got ${String(mode)})`)
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  if (sqlite.pragma('synchronous', { simple: true }) !== 2) throw new Error('synchronous=FULL did not take')
  if (sqlite.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('foreign keys did not turn on')
}

/**
 * Whether another connection (another process: the command line, a second profile) has the
 * database open. A file in WAL mode can only leave it when no other connection is open, so
 * the probe asks to; the file is about to be replaced when this is asked, and the app puts
 * WAL mode back whenever it opens it again.
 */
export function heldByAnotherConnection(path: string): boolean {
  const probe = new Sqlite(path, { fileMustExist: true, timeout: 0 })
  try {
    return probe.pragma('journal_mode = DELETE', { simple: true }) !== 'delete'
  } catch (error) {
    if (accessProblemOf(error) === 'busy') return true
    throw error
  } finally {
    probe.close()
  }
}

/**
 * The connection as Kysely sees it, with prepared statements kept by their SQL text.
 * Kysely's SQLite driver prepares every query afresh; for the workshop's autosave that was
 * a third of the time spent above the raw statement. The app's queries are a fixed set of
 * texts (values are bound parameters), so a small cache holds them all. A statement still
 * being iterated is never handed out twice (a fresh one is prepared instead), and SQLite
 * re-prepares a cached statement by itself after a schema change.
 */
export function withStatementCache(sqlite: Sqlite.Database, max = 256): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>()
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare: (text: string) => {
      const known = cache.get(text)
      if (known && !known.busy) {
        // Most recently used last, so the oldest is the one to drop.
        cache.delete(text)
        cache.set(text, known)
        return known
      }
      const statement = sqlite.prepare(text)
      if (!known) {
        cache.set(text, statement)
        if (cache.size > max) cache.delete(cache.keys().next().value!)
      }
      return statement
    }
  }
}

/** The one function that opens the app's database. */
export async function openDatabase(path: string, options: OpenOptions): Promise<DatabaseHandle> {
  const list = options.migrations ?? defaultMigrations
  const existed = existsSync(path)
  if (existed) inspectExisting(path, list.length)
  else mkdirSync(dirname(path), { recursive: true })

  const sqlite = new Sqlite(path)
  try {
    applyConnectionPragmas(sqlite)
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
    const backupsDir = options.backupsDir ?? backupsDirFor(path)
    const version = readSchemaVersion(sqlite)
    if (existed && version > 0 && version < list.length) {
      await createBackup(sqlite, backupsDir, 'pre-migration', options.now())
    }
    try {
      await runMigrations(db as Kysely<any>, sqlite, list)
    } catch (error) {
      throw new DatabaseOpenError(
        'migration-failed',
        path,
        `Stagecraft could not update the database to this version; it has been left as it was. (${error instanceof Error ? error.message : String(error)})`,
        { cause: error }
      )
    }
    if (options.dailyBackup) await takeDailyBackupIfDue(sqlite, backupsDir, options.now())
    return {
      path,
      sqlite,
      db,
      schemaVersion: readSchemaVersion(sqlite),
      close: async () => {
        await db.destroy()
      }
    }
  } catch (error) {
    if (sqlite.open) sqlite.close()
    throw error
  }
}
