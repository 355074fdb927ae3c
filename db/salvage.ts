/**
 * Repair and salvage: what SQLite can still read from a damaged database, copied into a new
 * file of the same schema.
 *
 * The new file is made by the migrations, so its tables, indexes and triggers are exactly the
 * app's. The rows of every table the consultant's work lives in are read from the damaged file
 * (opened read-only: it is never written) and written to the new one; what is derived from them
 * (the full-text search documents and index, the indexes on every table) is rebuilt there
 * instead of copied, so damage confined to those is repaired without losing anything.
 *
 * A table read from start to end without an error is complete. When a read fails part-way
 * (a damaged page of the table itself), the rows after the damage are looked for further on by
 * rowid, and the table is marked incomplete. Rows that point at records that were lost are left
 * out too (counted), so the new file passes foreign_key_check. `complete` is true only when
 * nothing at all was lost: then the new file is a repair, not a salvage.
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { SEARCH_BACKFILL } from './migrations/0006-tracking.migration'
import { migrations as defaultMigrations, type Migration } from './migrations'
import { runMigrations } from './migrate'
import { quarantineDatabase, type FileProblem } from './health'

/** Tables whose rows are derived from the others (the search documents and the FTS5 index with its shadow tables). */
const isDerived = (table: string): boolean => table === 'search_doc' || table.startsWith('search_index')

export interface SalvagedTable {
  name: string
  rows: number
  /** Read from start to end without an error, and every row written. */
  complete: boolean
}

export interface SalvageReport {
  /** Nothing was lost: every table was read in full and no row was left out. */
  complete: boolean
  tables: SalvagedTable[]
  /** Rows written to the new file. */
  rows: number
  /** Rows left out because the records they point at could not be read. */
  orphansRemoved: number
}

export class SalvageUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SalvageUnavailableError'
  }
}

/** The furthest a read skips ahead, by rowid, looking for rows after a damaged page. */
const MAX_SKIP = 1 << 30

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

function columnsOf(db: Sqlite.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name)
}

/** The columns a table is ordered by for reading: its rowid, or a WITHOUT ROWID table's primary key. */
function keyOf(db: Sqlite.Database, table: string): { columns: string[]; rowid: boolean } {
  const sql = (db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined)?.sql ?? ''
  if (!/\bWITHOUT\s+ROWID\s*$/i.test(sql.trim())) return { columns: ['rowid'], rowid: true }
  const pk = (db.prepare(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as { name: string }[]).map((c) => c.name)
  return { columns: pk, rowid: false }
}

/**
 * Copies one table's readable rows, in key order. After a failed read, a rowid table is read
 * on from further along, at growing distances, so one damaged page costs only its own rows; a
 * WITHOUT ROWID table keeps what was read before the damage.
 */
function copyTable(from: Sqlite.Database, to: Sqlite.Database, table: string): SalvagedTable {
  const target = columnsOf(to, table)
  const source = new Set(columnsOf(from, table))
  const columns = target.filter((c) => source.has(c))
  const key = keyOf(to, table)
  const list = columns.map(quote).join(', ')
  const keys = key.columns.map(quote).join(', ')
  const insert = to.prepare(`INSERT OR IGNORE INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`)
  const keyCount = key.columns.length
  const first = from.prepare(`SELECT ${keys}, ${list} FROM ${quote(table)} ORDER BY ${keys}`).raw(true)
  const next = from
    .prepare(`SELECT ${keys}, ${list} FROM ${quote(table)} WHERE (${keys}) > (${key.columns.map(() => '?').join(', ')}) ORDER BY ${keys}`)
    .raw(true)
  let rows = 0
  let complete = true
  let after: unknown[] | null = null
  let skip = 0
  const write = to.transaction((batch: unknown[][]) => {
    for (const row of batch) {
      if (insert.run(...row.slice(keyCount)).changes === 1) rows++
      else complete = false
    }
  })
  for (;;) {
    const batch: unknown[][] = []
    let failed = false
    try {
      const rowsRead = (after === null ? first.iterate() : next.iterate(...after)) as IterableIterator<unknown[]>
      for (const row of rowsRead) {
        batch.push(row)
        after = row.slice(0, keyCount)
        skip = 0
        if (batch.length >= 500) write(batch.splice(0))
      }
    } catch {
      failed = true
    }
    if (batch.length) write(batch)
    if (!failed) break
    complete = false
    if (!key.rowid) break
    // Look past the damage: the next rowid, then ever further along.
    skip = skip === 0 ? 1 : skip * 8
    if (skip > MAX_SKIP) break
    after = [((after?.[0] as number | undefined) ?? 0) + skip]
  }
  return { name: table, rows, complete }
}

/** Deletes rows whose foreign keys point nowhere, until none are left; returns how many went. */
function removeOrphans(db: Sqlite.Database): number {
  let removed = 0
  for (let round = 0; round < 20; round++) {
    const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number | null }[]
    if (orphans.length === 0) break
    const remove = db.transaction(() => {
      for (const o of orphans) {
        if (o.rowid === null) continue
        removed += db.prepare(`DELETE FROM ${quote(o.table)} WHERE rowid = ?`).run(o.rowid).changes
      }
    })
    remove()
  }
  return removed
}

/**
 * Builds `targetPath` from what can be read of `damagedPath`, which is opened read-only and
 * never changed. Throws SalvageUnavailableError when nothing can be salvaged this way (the
 * file cannot be opened or read at all, or it is at another schema version than this app's).
 */
export async function salvageDatabase(damagedPath: string, targetPath: string, list: readonly Migration[] = defaultMigrations): Promise<SalvageReport> {
  let from: Sqlite.Database
  try {
    from = new Sqlite(damagedPath, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new SalvageUnavailableError(`the damaged file cannot be opened (${error instanceof Error ? error.message : String(error)})`)
  }
  rmSync(targetPath, { force: true })
  let to: Sqlite.Database | undefined
  try {
    let version: number
    let tables: string[]
    try {
      version = from.pragma('user_version', { simple: true }) as number
      tables = (from.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name)
    } catch (error) {
      throw new SalvageUnavailableError(`the list of tables cannot be read (${error instanceof Error ? error.message : String(error)})`)
    }
    if (version !== list.length) throw new SalvageUnavailableError(`the file is at data version ${version}, not this version's ${list.length}`)

    to = new Sqlite(targetPath)
    to.pragma('journal_mode = DELETE')
    const kysely = new Kysely<any>({ dialect: new SqliteDialect({ database: to }) })
    await runMigrations(kysely, to, list)
    // The copy writes the rows as they were: the triggers that keep timestamps and the search
    // index in step would add to them, so they are set aside and put back after.
    const triggers = to.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string; sql: string }[]
    for (const t of triggers) to.exec(`DROP TRIGGER ${quote(t.name)}`)
    to.pragma('foreign_keys = OFF')

    const present = new Set(tables)
    const wanted = (to.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => !isDerived(name))
    const copied: SalvagedTable[] = wanted.map((name) => (present.has(name) ? copyTable(from, to!, name) : { name, rows: 0, complete: false }))

    const orphansRemoved = removeOrphans(to)
    for (const statement of SEARCH_BACKFILL) to.exec(statement)
    for (const t of triggers) to.exec(t.sql)
    to.pragma('foreign_keys = ON')
    const check = String(to.pragma('integrity_check', { simple: true }))
    if (check !== 'ok') throw new Error(`the salvaged file did not pass SQLite's integrity check: ${check}`)
    await kysely.destroy()
    to = undefined
    return {
      complete: copied.every((t) => t.complete) && orphansRemoved === 0,
      tables: copied,
      rows: copied.reduce((s, t) => s + t.rows, 0) - orphansRemoved,
      orphansRemoved
    }
  } catch (error) {
    if (to?.open) to.close()
    if (existsSync(targetPath)) rmSync(targetPath, { force: true })
    throw error
  } finally {
    from.close()
  }
}

/** Damage that reading what is left can help with: the file opens, but some of its pages do not read. */
export const SALVAGEABLE: ReadonlySet<FileProblem> = new Set(['corrupt', 'foreign-keys', 'truncated'])

export interface SetAside {
  /** Where the damaged file went, untouched, with its -wal/-shm files (null: there was none). */
  quarantineFolder: string | null
  /** What could be read from it, as `salvaged.db` in the quarantine folder (null: nothing could be). */
  salvage: { path: string; report: SalvageReport } | null
}

/**
 * Sets a damaged database aside, after copying what can still be read into a new file: the
 * damaged file and its companions go to a dated quarantine folder, untouched, and the new file
 * (when anything could be read) goes beside them as `salvaged.db`. The database path is left
 * empty; the caller decides what takes its place.
 */
export async function setAsideDamaged(path: string, problem: FileProblem, now: Date): Promise<SetAside> {
  let salvage: SetAside['salvage'] = null
  if (SALVAGEABLE.has(problem) && existsSync(path)) {
    const out = `${path}.salvaged`
    try {
      salvage = { path: out, report: await salvageDatabase(path, out) }
    } catch {
      // Nothing could be salvaged this way (the file does not open, or is at another data version).
      rmSync(out, { force: true })
    }
  }
  const quarantineFolder = quarantineDatabase(path, now)
  if (!salvage) return { quarantineFolder, salvage: null }
  if (!quarantineFolder) {
    rmSync(salvage.path, { force: true })
    return { quarantineFolder, salvage: null }
  }
  const kept = join(quarantineFolder, 'salvaged.db')
  renameSync(salvage.path, kept)
  return { quarantineFolder, salvage: { ...salvage, path: kept } }
}
