import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppController, type AppController } from '../../electron/app-controller'
import { migrations } from '../../db/migrations'
import { TRUSTED, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { tempDir } from '../helpers/temp'

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('start-up checks, quarantine and recovery', () => {
  let dir: string
  let cleanup: () => void
  let db: string
  const controllers: AppController[] = []
  const make = () => {
    const c = createAppController({ databasePath: db, deps: fixedDeps(), appVersion: 't', trustedOrigin: 'app://stagecraft' })
    controllers.push(c)
    return c
  }
  const call = (c: AppController, channel: string, payload: unknown = {}) => c.dispatch(channel, payload, TRUSTED)

  /** A healthy database with a client and a verified backup of it, then closed. */
  async function seedHealthy(clients = ['Acme Freight']) {
    const c = make()
    expect(await c.start()).toBe('ready')
    for (const name of clients) await valueOf(call(c, 'clients:create', { name, notes: 'x'.repeat(3000) }))
    await valueOf(call(c, 'backups:create'))
    await c.close()
  }

  beforeEach(() => {
    ;({ dir, cleanup } = tempDir())
    db = join(dir, 'stagecraft.db')
  })
  afterEach(async () => {
    for (const c of controllers.splice(0)) await c.close()
    cleanup()
  })

  it('opens a healthy database normally and a first start creates one', async () => {
    const c = make()
    expect(await c.start()).toBe('ready')
    expect(await valueOf(call(c, 'recovery:status'))).toEqual({ mode: 'normal' })
  })

  const damage: [string, () => void][] = [
    ['missing although expected', () => rmSync(db)],
    ['zero bytes', () => truncateSync(db, 0)],
    ['truncated', () => truncateSync(db, Math.floor(statSync(db).size / 2))],
    ['random bytes', () => writeFileSync(db, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)))],
    [
      'a garbled page',
      () => {
        const fd = openSync(db, 'r+')
        writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096) // page 2 onwards
        closeSync(fd)
      }
    ],
    [
      "another application's database",
      () => {
        rmSync(db)
        const other = new Sqlite(db)
        other.pragma('application_id = 42')
        other.exec('CREATE TABLE notes (x)')
        other.close()
      }
    ]
  ]

  it.each(damage)('quarantines a database that is %s and offers the newest verified backup', async (_label, harm) => {
    await seedHealthy()
    harm()
    const before = existsSync(db) ? hash(db) : null
    const c = make()
    expect(await c.start()).toBe('recovery')
    expect(existsSync(db)).toBe(false) // never re-created silently
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
    writeFileSync(`${db}-wal`, 'wal bytes')
    writeFileSync(`${db}-shm`, 'shm bytes')
    truncateSync(db, 0)
    const c = make()
    expect(await c.start()).toBe('recovery')
    const status = await valueOf<any>(call(c, 'recovery:status'))
    expect(readdirSync(status.quarantineFolder).sort()).toEqual(['stagecraft.db', 'stagecraft.db-shm', 'stagecraft.db-wal'])
    expect(existsSync(`${db}-wal`) || existsSync(`${db}-shm`)).toBe(false)
  })

  it('can start empty after a quarantine', async () => {
    await seedHealthy()
    truncateSync(db, 0)
    const c = make()
    await c.start()
    await valueOf(call(c, 'recovery:start-empty'))
    expect((await valueOf<{ total: number }>(call(c, 'clients:list', {}))).total).toBe(0)
  })

  it('refuses a newer-version database and leaves it untouched', async () => {
    await seedHealthy()
    const raw = new Sqlite(db)
    raw.pragma(`user_version = ${migrations.length + 1}`)
    raw.close()
    const before = hash(db)
    await expect(make().start()).rejects.toThrow(/newer version of Stagecraft/)
    expect(hash(db)).toBe(before)
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

  it.each([['../stagecraft.db'], ['/etc/passwd'], ['stagecraft-2026-01-01T00-00-00-000Z-manual.db']])(
    'refuses to restore %s',
    async (fileName) => {
      const c = make()
      await c.start()
      const r = await call(c, 'backups:restore', { fileName })
      expect(r.ok).toBe(false)
    }
  )

  it('takes a backup on quit', async () => {
    const c = make()
    await c.start()
    await c.close()
    const reasons = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.db'))
    expect(reasons.some((f) => f.endsWith('-on-quit.db'))).toBe(true)
  })
})
