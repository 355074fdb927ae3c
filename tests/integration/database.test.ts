import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBackup, listBackups, verifyBackupFile } from '../../db/backup'
import { openDatabase, type DatabaseHandle } from '../../db/connection'
import { DatabaseOpenError } from '../../db/errors'
import { APPLICATION_ID } from '../../db/migrate'
import { migrations, type Migration } from '../../db/migrations'
import { insertClient } from '../../db/repositories/client.repository'
import { fixedDeps } from '../helpers/deps'
import { tempDir } from '../helpers/temp'

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const schemaOf = (path: string) => {
  const db = new Sqlite(path, { readonly: true })
  try {
    return {
      objects: db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
      version: db.pragma('user_version', { simple: true })
    }
  } finally {
    db.close()
  }
}

describe('opening the database', () => {
  let dir: string
  let cleanup: () => void
  let handles: DatabaseHandle[]
  const open = async (path: string, opts: Partial<Parameters<typeof openDatabase>[1]> = {}) => {
    const h = await openDatabase(path, { now: fixedDeps().now, ...opts })
    handles.push(h)
    return h
  }

  beforeEach(() => {
    ;({ dir, cleanup } = tempDir())
    handles = []
  })
  afterEach(async () => {
    for (const h of handles) if (h.sqlite.open) await h.close()
    cleanup()
  })

  it('creates a new database with WAL, synchronous=FULL and foreign keys, fully migrated', async () => {
    const h = await open(join(dir, 'new.db'))
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(h.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(h.schemaVersion).toBe(migrations.length)
    expect(h.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
  })

  it('runs all pending migrations in one transaction: a failure half-way leaves the schema as it was', async () => {
    const path = join(dir, 'mig.db')
    const first: Migration = {
      name: 'a',
      up: async (db: Kysely<any>) => {
        await db.schema.createTable('a').addColumn('id', 'text').execute()
      }
    }
    const h = await open(path, { migrations: [first] })
    await h.close()
    const before = schemaOf(path)
    const failing: Migration[] = [
      first,
      { name: 'b', up: async (db) => void (await db.schema.createTable('b').addColumn('id', 'text').execute()) },
      {
        name: 'c',
        up: async (db) => {
          await sql`ALTER TABLE a ADD COLUMN extra text`.execute(db)
          throw new Error('boom in the middle')
        }
      }
    ]
    const error = await open(path, { migrations: failing }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).problem).toBe('migration-failed')
    expect(schemaOf(path)).toEqual(before)
  })

  it('takes a verified backup before migrating an existing database, and the backup restores', async () => {
    const path = join(dir, 'old.db')
    const v1 = migrations.slice(0, 1)
    const h = await open(path, { migrations: v1 })
    await insertClient(h.db, fixedDeps(), { name: 'Acme Freight', industry: null, headcount: 120, contactName: null, contactEmail: null, notes: null })
    await h.close()
    const extra: Migration = { name: 'next', up: async (db) => void (await db.schema.createTable('next_thing').addColumn('id', 'text').execute()) }
    const h2 = await open(path, { migrations: [...v1, extra] })
    expect(h2.schemaVersion).toBe(2)
    const backups = listBackups(join(dir, 'backups'))
    expect(backups.map((b) => b.reason)).toEqual(['pre-migration'])
    const verdict = verifyBackupFile(backups[0]!.path)
    expect(verdict).toEqual({ ok: true, schemaVersion: 1 })
    const restored = new Sqlite(backups[0]!.path, { readonly: true })
    expect(restored.prepare('SELECT name FROM client').all()).toEqual([{ name: 'Acme Freight' }])
    restored.close()
  })

  it('refuses a database written by a newer version and leaves the file untouched', async () => {
    const path = join(dir, 'future.db')
    const h = await open(path)
    h.sqlite.pragma(`user_version = ${migrations.length + 5}`)
    await h.close()
    const before = hash(path)
    const error = await open(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).problem).toBe('too-new')
    expect((error as Error).message).toMatch(/newer version of Stagecraft/)
    expect(hash(path)).toBe(before)
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a text file', Buffer.from('hello, this is not a database\n'.repeat(20))],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))]
  ])('refuses %s and leaves it untouched', async (_label, bytes) => {
    const path = join(dir, 'odd.db')
    writeFileSync(path, bytes)
    const before = hash(path)
    const error = await open(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).problem).toBe('not-a-database')
    expect(hash(path)).toBe(before)
  })

  it("refuses another application's SQLite file", async () => {
    const path = join(dir, 'other.db')
    const other = new Sqlite(path)
    other.pragma('application_id = 1234')
    other.exec('CREATE TABLE t (x)')
    other.close()
    const before = hash(path)
    const error = await open(path).catch((e: unknown) => e)
    expect((error as DatabaseOpenError).problem).toBe('foreign-app')
    expect(hash(path)).toBe(before)
  })

  it('takes the daily backup once a day and keeps the last seven daily and ten event backups', async () => {
    const path = join(dir, 'daily.db')
    const deps = fixedDeps('2026-05-01T08:00:00.000Z')
    const h = await open(path, { now: deps.now, dailyBackup: true })
    await h.close()
    const h2 = await open(path, { now: deps.now, dailyBackup: true })
    await h2.close()
    expect(listBackups(join(dir, 'backups'))).toHaveLength(1)
    deps.tick(24 * 3600 * 1000)
    const h3 = await open(path, { now: deps.now, dailyBackup: true })
    expect(listBackups(join(dir, 'backups'))).toHaveLength(2)
    for (let i = 0; i < 12; i++) await createBackup(h3.sqlite, join(dir, 'backups'), 'manual', deps.now())
    const kept = listBackups(join(dir, 'backups'))
    expect(kept.filter((b) => b.reason === 'manual')).toHaveLength(10)
    expect(kept.filter((b) => b.reason === 'daily')).toHaveLength(2)
    for (let day = 0; day < 9; day++) {
      deps.tick(24 * 3600 * 1000)
      await createBackup(h3.sqlite, join(dir, 'backups'), 'daily', deps.now())
    }
    expect(listBackups(join(dir, 'backups')).filter((b) => b.reason === 'daily')).toHaveLength(7)
    // Newest first, and each one is a verified SQLite file.
    expect([...kept].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))).toEqual(kept)
    for (const b of listBackups(join(dir, 'backups'))) expect(verifyBackupFile(b.path).ok).toBe(true)
  })
})

describe('the statement cache Kysely runs through', () => {
  it('reuses statements by text, never hands out one that is still iterating, drops the oldest, and follows schema changes', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const { withStatementCache } = await import('../../db/connection')
      const sqlite = new Sqlite(join(dir, 'cache.db'))
      const db = withStatementCache(sqlite, 3)
      const a = db.prepare('SELECT 1 AS one')
      expect(db.prepare('SELECT 1 AS one')).toBe(a)
      // A statement being iterated is busy: the same text then gets a fresh statement.
      sqlite.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)')
      const reading = db.prepare('SELECT x FROM t ORDER BY x')
      const rows = reading.iterate([])
      rows.next()
      const again = db.prepare('SELECT x FROM t ORDER BY x')
      expect(again).not.toBe(reading)
      expect(again.all([])).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }])
      rows.return?.()
      expect(db.prepare('SELECT x FROM t ORDER BY x')).toBe(reading)
      // At most three kept: the least recently used goes first.
      db.prepare('SELECT 2')
      db.prepare('SELECT 3')
      expect(db.prepare('SELECT 1 AS one')).not.toBe(a)
      // A cached statement still works after the table it reads changes shape.
      const select = db.prepare('SELECT * FROM t ORDER BY x')
      sqlite.exec("ALTER TABLE t ADD COLUMN y TEXT DEFAULT 'z'")
      expect(db.prepare('SELECT * FROM t ORDER BY x')).toBe(select)
      expect(select.all([])).toEqual([
        { x: 1, y: 'z' },
        { x: 2, y: 'z' },
        { x: 3, y: 'z' }
      ])
      db.close()
      expect(sqlite.open).toBe(false)
    } finally {
      cleanup()
    }
  })
})
