/**
 * Repair and salvage against real SQLite files: pages of the search index, or of a table the
 * consultant's work lives in, are scribbled over, and the new file must hold everything that
 * could still be read, with the derived parts rebuilt, while the damaged file stays as it was.
 */
import { createHash, randomUUID } from 'node:crypto'
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { createAppController, type AppController } from '../../electron/app-controller'
import { startBackend } from '../../electron/backend'
import { migrations } from '../../db/migrations'
import { APPLICATION_ID } from '../../db/migrate'
import { salvageDatabase, SalvageUnavailableError } from '../../db/salvage'
import { cleanCloseMarkerFor, journalSuspect } from '../../db/clean-close'
import { TEST_ORIGIN, TRUSTED, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { pagesOf, scribblePages } from '../helpers/damage'
import { tempDir } from '../helpers/temp'

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

let dir = ''
let cleanup = () => {}
beforeEach(() => ({ dir, cleanup } = tempDir('stagecraft-salvage-')))
afterEach(() => cleanup())

/** A database with the sample engagement (assessment answers, plan) and many clients with long notes, closed cleanly. */
async function seed(path: string, clients = 120): Promise<void> {
  const backend = await startBackend({ databasePath: path, deps: fixedDeps(), appVersion: 't', trustedOrigin: TEST_ORIGIN })
  const call = (channel: string, payload: unknown = {}) => backend.dispatch(channel, payload, TRUSTED)
  const sample = await valueOf<{ engagementId: string; assessmentId: string }>(call('samples:create'))
  await valueOf(call('plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId }))
  for (let i = 0; i < clients; i++)
    await valueOf(call('clients:create', { name: `Client ${String(i).padStart(3, '0')}`, notes: `Kestrel rollout notes ${i} `.repeat(40) }))
  await backend.close()
}

function counts(path: string): Record<string, number> {
  const db = new Sqlite(path, { readonly: true })
  try {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'`).all() as {
        name: string
      }[]
    ).map((t) => t.name)
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]))
  } finally {
    db.close()
  }
}

function triggerNames(path: string): string[] {
  const db = new Sqlite(path, { readonly: true })
  try {
    return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]).map((t) => t.name)
  } finally {
    db.close()
  }
}

const quickCheck = (path: string): string => {
  const db = new Sqlite(path, { readonly: true })
  try {
    return String(db.pragma('quick_check', { simple: true }))
  } catch (error) {
    return String(error)
  } finally {
    db.close()
  }
}

describe('salvaging a damaged database', () => {
  it('damage confined to the search index is repaired: every row kept, the index rebuilt, the damaged file untouched', async () => {
    const path = join(dir, 'stagecraft.db')
    await seed(path)
    const before = counts(path)
    const triggersBefore = triggerNames(path)
    scribblePages(path, pagesOf(path, 'search_index_data', 'leaf'))
    expect(quickCheck(path)).not.toBe('ok')
    const damaged = hash(path)

    const out = join(dir, 'salvaged.db')
    const report = await salvageDatabase(path, out)

    expect(report.complete).toBe(true)
    expect(report.orphansRemoved).toBe(0)
    expect(report.tables.every((t) => t.complete)).toBe(true)
    expect(hash(path)).toBe(damaged)
    expect(quickCheck(out)).toBe('ok')
    // Everything the consultant wrote is there, the search documents included (rebuilt).
    expect(counts(out)).toEqual(before)
    const db = new Sqlite(out, { readonly: true })
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(db.pragma('foreign_key_check')).toEqual([])
      // The rebuilt index answers searches, and the triggers that keep it in step are back.
      expect((db.prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'kestrel'`).get() as { n: number }).n).toBe(120)
    } finally {
      db.close()
    }
    expect(triggerNames(out)).toEqual(triggersBefore)
  })

  it('damage to a table of the consultant’s work salvages every row that can be read, and says the table is incomplete', async () => {
    const path = join(dir, 'stagecraft.db')
    await seed(path)
    const before = counts(path)
    const leaves = pagesOf(path, 'client', 'leaf')
    expect(leaves.length).toBeGreaterThan(4)
    // One leaf in the middle of the client table.
    scribblePages(path, [leaves[Math.floor(leaves.length / 2)]!])
    const damaged = hash(path)

    const out = join(dir, 'salvaged.db')
    const report = await salvageDatabase(path, out)

    expect(report.complete).toBe(false)
    expect(hash(path)).toBe(damaged)
    expect(quickCheck(out)).toBe('ok')
    const client = report.tables.find((t) => t.name === 'client')!
    expect(client.complete).toBe(false)
    // Only that page's rows are gone: the rows before and after the damage were read.
    expect(client.rows).toBeLessThan(before.client!)
    expect(client.rows).toBeGreaterThan(before.client! - 20)
    const after = counts(out)
    expect(after.client).toBe(client.rows)
    const db = new Sqlite(out, { readonly: true })
    try {
      expect(db.pragma('foreign_key_check')).toEqual([])
      const names = (db.prepare(`SELECT name FROM client ORDER BY name`).all() as { name: string }[]).map((c) => c.name)
      expect(names).toContain('Client 000')
      expect(names).toContain('Client 119')
    } finally {
      db.close()
    }
    // Tables the damage did not touch are complete.
    expect(report.tables.find((t) => t.name === 'assessment_answer')).toMatchObject({ complete: true })
    expect(after.assessment_answer).toBe(before.assessment_answer)
  })

  it('refuses a file at another data version, and one that cannot be opened, leaving both as they were', async () => {
    const path = join(dir, 'stagecraft.db')
    await seed(path, 1)
    const db = new Sqlite(path)
    db.pragma(`user_version = ${migrations.length - 1}`)
    db.close()
    const before = hash(path)
    await expect(salvageDatabase(path, join(dir, 'out.db'))).rejects.toBeInstanceOf(SalvageUnavailableError)
    expect(hash(path)).toBe(before)
    await expect(salvageDatabase(join(dir, 'not-there.db'), join(dir, 'out.db'))).rejects.toBeInstanceOf(SalvageUnavailableError)
  })
})

describe('the app repairs before it quarantines', () => {
  const controllers: AppController[] = []
  afterEach(async () => {
    for (const c of controllers.splice(0)) await c.close()
  })
  const make = (path: string, deferContentChecks = false) => {
    const c = createAppController({
      databasePath: path,
      deps: { ...fixedDeps(), newId: () => randomUUID() },
      appVersion: 't',
      trustedOrigin: TEST_ORIGIN,
      deferContentChecks
    })
    controllers.push(c)
    return c
  }
  const call = (c: AppController, channel: string, payload: unknown = {}) => c.dispatch(channel, payload, TRUSTED)

  /** Seeds through the app, with a backup, then closes it. */
  async function seeded(): Promise<string> {
    const path = join(dir, 'stagecraft.db')
    await seed(path)
    const c = make(path)
    expect(await c.start()).toBe('ready')
    await valueOf(call(c, 'backups:create'))
    await c.close()
    controllers.splice(0)
    return path
  }

  it.each([false, true])(
    'a damaged search index is rebuilt at start and the app opens with everything (checks after the first screen: %s)',
    async (deferred) => {
      const path = await seeded()
      scribblePages(path, pagesOf(path, 'search_index_data', 'leaf'))
      const damaged = hash(path)
      const c = make(path, deferred)
      expect(await c.start()).toBe('ready')
      const status = await valueOf<any>(call(c, deferred ? 'recovery:checks-done' : 'recovery:status'))
      expect(status.mode).toBe('normal')
      expect(status.repaired.detail).toMatch(/Everything you entered could still be read/)
      // The damaged file is kept, byte for byte, with the rebuilt copy beside it.
      expect(hash(join(status.repaired.quarantineFolder, 'stagecraft.db'))).toBe(damaged)
      expect(existsSync(join(status.repaired.quarantineFolder, 'salvaged.db'))).toBe(true)
      const clients = await valueOf<{ total: number }>(call(c, 'clients:list', { limit: 200 }))
      expect(clients.total).toBe(121)
      const found = await valueOf<{ groups: { kind: string; results: unknown[] }[] }>(call(c, 'search:query', { query: 'kestrel', limit: 50 }))
      expect(found.groups.find((g) => g.kind === 'client')?.results.length).toBeGreaterThan(0)
      // The data is writable, and a restart finds a healthy file.
      await valueOf(call(c, 'clients:create', { name: 'After The Repair', notes: '' }))
      await c.close()
      expect(quickCheck(path)).toBe('ok')
    }
  )

  it('damage to the work itself is set aside, and what could be read is offered beside the newest backup', async () => {
    const path = await seeded()
    const leaves = pagesOf(path, 'client', 'leaf')
    scribblePages(path, [leaves[Math.floor(leaves.length / 2)]!])
    const damaged = hash(path)
    const c = make(path)
    expect(await c.start()).toBe('recovery')
    expect(existsSync(path)).toBe(false)
    const status = await valueOf<any>(call(c, 'recovery:status'))
    expect(status).toMatchObject({ mode: 'recovery', problem: 'corrupt', salvage: { incomplete: ['client'], orphansRemoved: 0 } })
    expect(status.salvage.rows).toBeGreaterThan(100)
    expect(status.newestBackup).not.toBeNull()
    expect(hash(join(status.quarantineFolder, 'stagecraft.db'))).toBe(damaged)

    expect(await valueOf(call(c, 'recovery:use-salvage'))).toEqual({ mode: 'normal' })
    const clients = await valueOf<{ total: number }>(call(c, 'clients:list', { limit: 200 }))
    expect(clients.total).toBeGreaterThan(100)
    expect(clients.total).toBeLessThan(121)
    // Both files are still in the quarantine folder: the damaged one untouched.
    expect(hash(join(status.quarantineFolder, 'stagecraft.db'))).toBe(damaged)
    expect(existsSync(join(status.quarantineFolder, 'salvaged.db'))).toBe(true)
    // Nothing left to use once the data is open.
    expect(await call(c, 'recovery:use-salvage')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('a journal left beside a cleanly closed file', () => {
  const controllers: AppController[] = []
  afterEach(async () => {
    for (const c of controllers.splice(0)) await c.close()
  })
  const make = (path: string) => {
    const c = createAppController({ databasePath: path, deps: { ...fixedDeps(), newId: () => randomUUID() }, appVersion: 't', trustedOrigin: TEST_ORIGIN })
    controllers.push(c)
    return c
  }
  const call = (c: AppController, channel: string, payload: unknown = {}) => c.dispatch(channel, payload, TRUSTED)

  /** Another copy of the file with a change still only in its write-ahead log: that log, copied beside ours. */
  function foreignWalBeside(path: string): void {
    const other = join(dir, 'other-copy.db')
    copyFileSync(path, other)
    const db = new Sqlite(other)
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.prepare(`UPDATE client SET name = 'Renamed In Another Copy'`).run()
    copyFileSync(`${other}-wal`, `${path}-wal`)
    db.close()
  }

  /** A client made and the app closed cleanly. */
  async function leftCleanly(path: string): Promise<void> {
    const first = make(path)
    expect(await first.start()).toBe('ready')
    await valueOf(call(first, 'clients:create', { name: 'Left Cleanly', notes: '' }))
    await first.close()
    controllers.splice(0)
    expect(readdirSync(dir)).toContain('.stagecraft.db.closed')
  }

  it('is not applied blindly: the app asks, and setting it aside opens the data as it was left', async () => {
    const path = join(dir, 'stagecraft.db')
    await leftCleanly(path)
    foreignWalBeside(path)
    const c = make(path)
    expect(await c.start()).toBe('recovery')
    const status = await valueOf<any>(call(c, 'recovery:status'))
    expect(status).toMatchObject({ mode: 'recovery', problem: 'stale-journal', retry: true, quarantineFolder: null })
    expect(status.detail).toMatch(/close it and try again/)
    // Nothing moved, nothing applied yet; trying again finds the same.
    expect(readdirSync(dir)).toContain('stagecraft.db-wal')
    expect(await valueOf<any>(call(c, 'recovery:retry'))).toMatchObject({ mode: 'recovery', problem: 'stale-journal' })
    // Restoring or starting empty is not the way forward for a file that is fine.
    expect(await call(c, 'recovery:start-empty')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const after = await valueOf<any>(call(c, 'recovery:set-aside-journal'))
    expect(after).toMatchObject({ mode: 'normal', repaired: { title: 'The journal file was set aside' } })
    expect(readdirSync(after.repaired.quarantineFolder)).toContain('stagecraft.db-wal')
    const clients = await valueOf<{ items: { name: string }[] }>(call(c, 'clients:list', {}))
    expect(clients.items.map((x) => x.name)).toEqual(['Left Cleanly'])
    // The marker is gone while the data is open: a crash now leaves the log to be applied.
    expect(readdirSync(dir)).not.toContain('.stagecraft.db.closed')
  })

  it('belongs to a program that has the file open: closing that program and trying again opens the data with its writes', async () => {
    const path = join(dir, 'stagecraft.db')
    await leftCleanly(path)
    // The command line, say, writing while the app is closed, and still open.
    const other = new Sqlite(path)
    other.pragma('journal_mode = WAL')
    other.pragma('wal_autocheckpoint = 0')
    other.prepare(`UPDATE client SET notes = 'Written by the command line'`).run()
    const c = make(path)
    expect(await c.start()).toBe('recovery')
    expect(await valueOf<any>(call(c, 'recovery:status'))).toMatchObject({ problem: 'stale-journal' })
    other.close() // the other program finishes: it folds its log into the file
    expect(await valueOf<any>(call(c, 'recovery:retry'))).toEqual({ mode: 'normal' })
    const clients = await valueOf<{ items: { id: string }[] }>(call(c, 'clients:list', {}))
    const client = await valueOf<{ notes: string }>(call(c, 'clients:get', { id: clients.items[0]!.id }))
    expect(client.notes).toBe('Written by the command line')
  })

  it('is left alone when there is no clean-close marker (after a crash) or the file changed since', () => {
    const path = join(dir, 'stagecraft.db')
    const db = new Sqlite(path)
    db.exec('CREATE TABLE t (x)')
    db.close()
    writeFileSync(`${path}-wal`, 'not empty')
    expect(journalSuspect(cleanCloseMarkerFor(path), path)).toBe(false)
    writeFileSync(cleanCloseMarkerFor(path), JSON.stringify({ size: 1, mtimeMs: 1 }))
    expect(journalSuspect(cleanCloseMarkerFor(path), path)).toBe(false)
    rmSync(`${path}-wal`)
  })
})

describe('a rollback journal left by a crash', () => {
  it('is finished at start as SQLite would, instead of making a healthy file look read-only', async () => {
    const { checkDatabaseFile } = await import('../../db/health')
    const { migrations } = await import('../../db/migrations')
    const path = join(dir, 'stagecraft.db')
    await seed(path, 2)
    // A transaction large enough to spill into the file, copied with its journal mid-way: a hot journal, as a kill leaves it.
    const live = new Sqlite(path)
    live.pragma('journal_mode = DELETE')
    live.pragma('cache_size = 10')
    live.exec('BEGIN')
    for (let i = 0; i < 400; i++) live.prepare(`UPDATE client SET notes = ? WHERE rowid = (SELECT min(rowid) FROM client)`).run('y'.repeat(3000 + i))
    for (let i = 0; i < 400; i++)
      live.prepare(`INSERT INTO setting (key, value, updated_at) VALUES (?, '"x"', '2026-01-01T00:00:00Z')`).run(`crash.${i}.${'z'.repeat(400)}`)
    const copy = join(dir, 'copy.db')
    copyFileSync(path, copy)
    copyFileSync(`${path}-journal`, `${copy}-journal`)
    live.exec('ROLLBACK')
    live.close()
    // A read-only open cannot roll it back.
    const readOnly = new Sqlite(copy, { readonly: true })
    expect(() => readOnly.pragma('quick_check')).toThrow(/readonly database/)
    readOnly.close()
    // The app's start-up checks finish it, and find the file as it was before the transaction.
    expect(checkDatabaseFile(copy, migrations.length)).toMatchObject({ ok: true })
    expect(counts(copy)).toEqual(counts(path))
  })
})
