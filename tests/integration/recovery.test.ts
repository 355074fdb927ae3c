import { createHash, randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppController, type AppController, type ControllerOptions } from '../../electron/app-controller'
import { migrations } from '../../db/migrations'
import { READ_ONLY_CHANNELS } from '../../shared/ipc/channels'
import { TRUSTED, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { tempDir } from '../helpers/temp'

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/**
 * Per test: a temporary folder holding the database path (`at`), and every controller made on
 * it closed afterwards. `freshIds` gives each start new ids, for several controllers writing to
 * the same file in turn; `make` takes any other controller option.
 */
function temporaryDatabase(defaults: { freshIds?: boolean; deferContentChecks?: boolean } = {}) {
  const at = { dir: '', db: '' }
  let cleanup = () => {}
  const controllers: AppController[] = []
  beforeEach(() => {
    const made = tempDir()
    cleanup = made.cleanup
    at.dir = made.dir
    at.db = join(made.dir, 'stagecraft.db')
  })
  afterEach(async () => {
    for (const c of controllers.splice(0)) await c.close()
    cleanup()
  })
  const make = (options: Partial<ControllerOptions> = {}) => {
    const deps = defaults.freshIds ? { ...fixedDeps(), newId: () => randomUUID() } : fixedDeps()
    const c = createAppController({
      databasePath: at.db,
      deps,
      appVersion: 't',
      trustedOrigin: 'app://stagecraft',
      ...(defaults.deferContentChecks !== undefined ? { deferContentChecks: defaults.deferContentChecks } : {}),
      ...options
    })
    controllers.push(c)
    return c
  }
  const call = (c: AppController, channel: string, payload: unknown = {}) => c.dispatch(channel, payload, TRUSTED)
  return { at, make, call }
}

describe('start-up checks, quarantine and recovery', () => {
  const { at, make, call } = temporaryDatabase()

  /** A healthy database with a client and a verified backup of it, then closed. */
  async function seedHealthy(clients = ['Acme Freight']) {
    const c = make()
    expect(await c.start()).toBe('ready')
    for (const name of clients) await valueOf(call(c, 'clients:create', { name, notes: 'x'.repeat(3000) }))
    await valueOf(call(c, 'backups:create'))
    await c.close()
  }

  it('opens a healthy database normally and a first start creates one', async () => {
    const c = make()
    expect(await c.start()).toBe('ready')
    expect(await valueOf(call(c, 'recovery:status'))).toEqual({ mode: 'normal' })
  })

  const damage: [string, () => void][] = [
    ['missing although expected', () => rmSync(at.db)],
    ['zero bytes', () => truncateSync(at.db, 0)],
    ['truncated', () => truncateSync(at.db, Math.floor(statSync(at.db).size / 2))],
    ['random bytes', () => writeFileSync(at.db, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)))],
    [
      'a garbled page',
      () => {
        const fd = openSync(at.db, 'r+')
        writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096) // page 2 onwards
        closeSync(fd)
      }
    ],
    [
      "another application's database",
      () => {
        rmSync(at.db)
        const other = new Sqlite(at.db)
        other.pragma('application_id = 42')
        other.exec('CREATE TABLE notes (x)')
        other.close()
      }
    ]
  ]

  it.each(damage)('quarantines a database that is %s and offers the newest verified backup', async (_label, harm) => {
    await seedHealthy()
    harm()
    const before = existsSync(at.db) ? hash(at.db) : null
    const c = make()
    expect(await c.start()).toBe('recovery')
    expect(existsSync(at.db)).toBe(false) // never re-created silently
    const status = await valueOf<any>(call(c, 'recovery:status'))
    expect(status.mode).toBe('recovery')
    expect(status.message.length).toBeGreaterThan(10)
    expect(status.newestBackup.counts).toEqual({ clients: 1, engagements: 0, assessments: 0 })
    if (before) {
      // The damaged file moved, byte for byte, with its companions, into the quarantine folder.
      expect(hash(join(status.quarantineFolder, 'stagecraft.db'))).toBe(before)
    }
    // Regular work is refused until the user chooses.
    expect(await call(c, 'clients:list', {})).toMatchObject({ ok: false, error: { code: 'DATA_UNAVAILABLE' } })
    await valueOf(call(c, 'recovery:restore-latest'))
    const list = await valueOf<{ items: { name: string }[] }>(call(c, 'clients:list', {}))
    expect(list.items.map((x) => x.name)).toEqual(['Acme Freight'])
  })

  it('moves the -wal and -shm files together with the database', async () => {
    await seedHealthy()
    writeFileSync(`${at.db}-wal`, 'wal bytes')
    writeFileSync(`${at.db}-shm`, 'shm bytes')
    truncateSync(at.db, 0)
    const c = make()
    expect(await c.start()).toBe('recovery')
    const status = await valueOf<any>(call(c, 'recovery:status'))
    expect(readdirSync(status.quarantineFolder).sort()).toEqual(['stagecraft.db', 'stagecraft.db-shm', 'stagecraft.db-wal'])
    expect(existsSync(`${at.db}-wal`) || existsSync(`${at.db}-shm`)).toBe(false)
  })

  it('can start empty after a quarantine', async () => {
    await seedHealthy()
    truncateSync(at.db, 0)
    const c = make()
    await c.start()
    await valueOf(call(c, 'recovery:start-empty'))
    expect((await valueOf<{ total: number }>(call(c, 'clients:list', {}))).total).toBe(0)
  })

  it('refuses a newer-version database and leaves it untouched', async () => {
    await seedHealthy()
    const raw = new Sqlite(at.db)
    raw.pragma(`user_version = ${migrations.length + 1}`)
    raw.close()
    const before = hash(at.db)
    await expect(make().start()).rejects.toThrow(/newer version of Stagecraft/)
    expect(hash(at.db)).toBe(before)
  })

  it('restores a backup, saving the current data first so the restore can be undone', async () => {
    const c = make()
    await c.start()
    await valueOf(call(c, 'clients:create', { name: 'Before' }))
    const snapshot = await valueOf<{ fileName: string; counts: { clients: number } }>(call(c, 'backups:create'))
    expect(snapshot.counts.clients).toBe(1)
    await valueOf(call(c, 'clients:create', { name: 'After' }))
    const { undoFileName } = await valueOf<{ undoFileName: string }>(call(c, 'backups:restore', { fileName: snapshot.fileName }))
    const names = async () => (await valueOf<{ items: { name: string }[] }>(call(c, 'clients:list', {}))).items.map((x) => x.name)
    expect(await names()).toEqual(['Before'])
    await valueOf(call(c, 'backups:restore', { fileName: undoFileName }))
    expect(await names()).toEqual(['After', 'Before'])
    const { items } = await valueOf<{ items: { reason: string }[] }>(call(c, 'backups:list'))
    expect(items.map((b) => b.reason)).toContain('pre-restore')
  })

  it.each([['../stagecraft.db'], ['/etc/passwd'], ['stagecraft-2026-01-01T00-00-00-000Z-manual.db']])('refuses to restore %s', async (fileName) => {
    const c = make()
    await c.start()
    const r = await call(c, 'backups:restore', { fileName })
    expect(r.ok).toBe(false)
  })

  it('takes a backup on quit', async () => {
    const c = make()
    await c.start()
    await c.close()
    const reasons = readdirSync(join(at.dir, 'backups')).filter((f) => f.endsWith('.db'))
    expect(reasons.some((f) => f.endsWith('-on-quit.db'))).toBe(true)
  })
})

describe('content checks after the first screen (deferContentChecks, as the app runs)', () => {
  // Fresh ids per start: several controllers write to the same file in turn.
  const { at, make, call } = temporaryDatabase({ freshIds: true, deferContentChecks: true })

  /** A database with many pages, so damage can sit far from the header page. */
  async function seed(): Promise<void> {
    const c = make({ deferContentChecks: false })
    await c.start()
    for (let i = 0; i < 40; i++) await valueOf(call(c, 'clients:create', { name: `Client ${i}`, notes: 'n'.repeat(3000) }))
    await valueOf(call(c, 'backups:create'))
    await c.close()
  }

  /** Overwrites pages near the end of the file: the header still reads fine. */
  function garbleTail(): void {
    const size = statSync(at.db).size
    const fd = openSync(at.db, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, size - 16384)
    closeSync(fd)
  }

  it('opens at once on a healthy file and reports normal once the checks are done', async () => {
    await seed()
    const c = make()
    expect(await c.start()).toBe('ready')
    expect(await valueOf(call(c, 'recovery:checks-done'))).toEqual({ mode: 'normal' })
    await valueOf(call(c, 'clients:create', { name: 'After The Checks', notes: '' }))
  })

  it('finds damage after opening, refuses writes that arrived meanwhile, and sets the file aside', async () => {
    await seed()
    garbleTail()
    const before = hash(at.db)
    const c = make()
    expect(await c.start()).toBe('ready')
    // A write sent before the checks finish waits for them, then is refused: nothing touched the file.
    const write = await call(c, 'clients:create', { name: 'Written Too Early', notes: '' })
    expect(write).toMatchObject({ ok: false, error: { code: 'DATA_UNAVAILABLE' } })
    const status = await valueOf<any>(call(c, 'recovery:checks-done'))
    expect(status).toMatchObject({ mode: 'recovery', problem: 'corrupt' })
    expect(status.newestBackup).not.toBeNull()
    expect(existsSync(at.db)).toBe(false)
    expect(hash(join(status.quarantineFolder, 'stagecraft.db'))).toBe(before)
    await valueOf(call(c, 'recovery:restore-latest'))
    expect((await valueOf<any>(call(c, 'clients:list', {}))).items).toHaveLength(40)
  })

  it('finds records pointing at missing data after opening', async () => {
    await seed()
    const raw = new Sqlite(at.db)
    raw.pragma('foreign_keys = OFF')
    raw
      .prepare(
        "INSERT INTO engagement (id, client_id, title, status, consultant, currency, day_rate, start_date, notes, created_at, updated_at) VALUES ('e-orphan', 'no-such-client', 'Orphan', 'lead', 'x', 'EUR', 1000, '2026-01-05', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
      )
      .run()
    raw.close()
    const c = make()
    expect(await c.start()).toBe('ready')
    expect(await valueOf(call(c, 'recovery:checks-done'))).toMatchObject({ mode: 'recovery', problem: 'foreign-keys' })
  })

  it('still checks everything first when the file is damaged at the header', async () => {
    await seed()
    truncateSync(at.db, 0)
    const c = make()
    expect(await c.start()).toBe('recovery')
  })

  it('serves only channels that never write while the checks run: none of them changes the file, dirty plans included', async () => {
    const c = make({ deferContentChecks: false })
    await c.start()
    const sample = await valueOf<any>(call(c, 'samples:create'))
    const assessment = await valueOf<any>(call(c, 'assessments:get', { id: sample.assessmentId }))
    await valueOf(call(c, 'plans:create', { engagementId: sample.engagementId, assessmentId: assessment.id }))
    // Moving the start date marks the plan's figures stale (plan_dirty), which some reads would refresh.
    const engagement = await valueOf<any>(call(c, 'engagements:get', { id: sample.engagementId }))
    await valueOf(call(c, 'engagements:update', { id: engagement.id, patch: { startDate: '2027-02-01' } }))
    const sqlite = c.backend!.database.sqlite
    const changes = () => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n
    const payloads: Record<(typeof READ_ONLY_CHANNELS)[number], unknown> = {
      'app:info': {},
      'preferences:get': {},
      'clients:list': {},
      'clients:get': { id: sample.clientId },
      'clients:delete-preview': { id: sample.clientId },
      'engagements:list': {},
      'engagements:get': { id: sample.engagementId },
      'engagements:history': { id: sample.engagementId },
      'assessments:list': { engagementId: sample.engagementId },
      'assessments:get': { id: sample.assessmentId },
      'plans:get': { engagementId: sample.engagementId },
      'library:get': {},
      'branding:get': {},
      'exports:list': { engagementId: sample.engagementId },
      'search:query': { query: 'sample' }
    }
    expect((sqlite.prepare('SELECT count(*) AS n FROM engagement WHERE plan_dirty = 1').get() as { n: number }).n).toBeGreaterThan(0)
    for (const channel of READ_ONLY_CHANNELS) {
      const before = changes()
      const r = await call(c, channel, payloads[channel])
      expect(r.ok, `${channel}: ${JSON.stringify(r)}`).toBe(true)
      expect(changes(), `${channel} wrote to the database`).toBe(before)
    }
  })

  it('takes the daily backup after the first screen, once the checks have passed', async () => {
    await seed()
    for (const f of readdirSync(join(at.dir, 'backups'))) rmSync(join(at.dir, 'backups', f))
    const c = make({ dailyBackup: true })
    expect(await c.start()).toBe('ready')
    // The window is served before the backup exists...
    expect(readdirSync(join(at.dir, 'backups')).filter((f) => f.endsWith('-daily.db'))).toEqual([])
    await c.backgroundDone()
    // ...and it is there, verified, once the work after the first screen is done.
    const daily = readdirSync(join(at.dir, 'backups')).filter((f) => f.endsWith('-daily.db'))
    expect(daily).toHaveLength(1)
    const copy = new Sqlite(join(at.dir, 'backups', daily[0]!), { readonly: true })
    expect((copy.prepare('SELECT count(*) AS n FROM client').get() as { n: number }).n).toBe(40)
    copy.close()
  })

  it('takes no daily backup of a file the checks find damaged', async () => {
    await seed()
    for (const f of readdirSync(join(at.dir, 'backups'))) if (f.endsWith('-daily.db')) rmSync(join(at.dir, 'backups', f))
    garbleTail()
    const c = make({ dailyBackup: true, deps: fixedDeps() })
    await c.start()
    await c.backgroundDone()
    expect(c.recovery).toBeDefined()
    expect(readdirSync(join(at.dir, 'backups')).filter((f) => f.endsWith('-daily.db'))).toEqual([])
  })

  it('gives the same verdict on the worker thread as on this one', async () => {
    await seed()
    const { checkDatabaseContents } = await import('../../db/health')
    const { checkDatabaseContentsInWorker } = await import('../../db/contents-check')
    expect(await checkDatabaseContentsInWorker(at.db, migrations.length)).toEqual(checkDatabaseContents(at.db, migrations.length))
    garbleTail()
    const worker = await checkDatabaseContentsInWorker(at.db, migrations.length)
    expect(worker).toMatchObject({ ok: false, problem: 'corrupt' })
    expect(worker).toEqual(checkDatabaseContents(at.db, migrations.length))
    expect(await checkDatabaseContentsInWorker(join(at.dir, 'missing.db'), 1)).toMatchObject({ ok: false, problem: 'missing' })
  })
})
