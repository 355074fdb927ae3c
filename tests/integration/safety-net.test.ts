/**
 * The safety net against what goes wrong on a real laptop, on real SQLite files: a restore
 * over a full disk, a backup that vanished, another process writing while a restore is asked
 * for, retention that must not delete the backup being restored or the undo of the last
 * restore, a clock set years ahead or behind, and backup failures that must reach the
 * Backups screen. Each leaves the consultant with all the data they had and a message that
 * says what really happened.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../db/backup'
import { newestVerifiedBackup } from '../../db/health'
import { migrations } from '../../db/migrations'
import { createAppController, type ControllerOptions } from '../../electron/app-controller'
import { TRUSTED, valueOf } from '../helpers/backend'
import { mountSmallDisk, smallDiskAvailable, type SmallDisk } from '../helpers/small-disk'
import { tempDir } from '../helpers/temp'

const root = join(import.meta.dirname, '..', '..')
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A controller on `dir/stagecraft.db` with a clock the test can set, closed after the test. */
function controllerIn(dir: string, options: Partial<ControllerOptions> & { clock?: { at: number } } = {}) {
  const clock = options.clock ?? { at: Date.parse('2026-03-02T09:00:00.000Z') }
  const c = createAppController({
    databasePath: join(dir, 'stagecraft.db'),
    deps: { newId: () => randomUUID(), now: () => new Date((clock.at += 1000)) },
    appVersion: 't',
    trustedOrigin: 'app://stagecraft',
    ...options
  })
  let closed = false
  const close = async () => {
    if (!closed) {
      closed = true
      await c.close()
    }
  }
  cleanups.push(close)
  return { c, clock, close, call: (channel: string, payload: unknown = {}) => c.dispatch(channel, payload, TRUSTED) }
}

type Call = ReturnType<typeof controllerIn>['call']
const clientNames = async (call: Call) => (await valueOf<{ items: { name: string }[] }>(call('clients:list', { limit: 500 }))).items.map((x) => x.name).sort()
const backupNames = async (call: Call) => (await valueOf<{ items: { fileName: string }[] }>(call('backups:list'))).items.map((b) => b.fileName)

function realFolder(): string {
  const { dir, cleanup } = tempDir('stagecraft-safety-')
  cleanups.push(cleanup)
  return dir
}

function smallDisk(megabytes: number): SmallDisk {
  const disk = mountSmallDisk(megabytes)
  cleanups.push(() => disk.unmount())
  return disk
}

/** About `megabytes` MB of client notes, so copies of the file take real room. */
async function bulk(call: Call, megabytes: number, prefix = 'Bulk') {
  for (let i = 0; i < megabytes * 56; i++) await valueOf(call('clients:create', { name: `${prefix} ${i}`, notes: randomUUID().repeat(500) }))
}

describe('restore is all or nothing', () => {
  it.skipIf(!smallDiskAvailable())(
    'over a full disk the data stays open and unchanged, and the message says why',
    async () => {
      const disk = smallDisk(32)
      const { c, call: on } = controllerIn(disk.dir)
      expect(await c.start()).toBe('ready')
      await bulk(on, 2)
      const backup = await valueOf<{ fileName: string }>(on('backups:create'))
      await valueOf(on('clients:create', { name: 'Made after the backup' }))
      const before = await clientNames(on)
      const backupsBefore = await backupNames(on)

      // Not even room to copy the backup beside the data.
      disk.fill(512 * 1024)
      const refused = await on('backups:restore', { fileName: backup.fileName })
      expect(refused.ok).toBe(false)
      expect(JSON.stringify(refused)).toMatch(/not enough free space/)
      expect(JSON.stringify(refused)).toMatch(/Your data has not been changed/)
      expect(await valueOf(on('recovery:status'))).toEqual({ mode: 'normal' })
      expect(await clientNames(on)).toEqual(before)
      expect(existsSync(join(disk.dir, 'stagecraft.db.restoring'))).toBe(false)
      expect(await backupNames(on)).toEqual(backupsBefore)
      // A write still works: the data is open, not merely readable.
      rmSync(join(disk.dir, '.filler'))
      await valueOf(on('clients:create', { name: 'Still writing' }))

      // Room to copy the backup, but not to save the current data first: still nothing changes.
      const sizeOfCopy = readFileSync(join(disk.dir, 'backups', backup.fileName)).length
      disk.fill(sizeOfCopy + 256 * 1024)
      const refusedAgain = await on('backups:restore', { fileName: backup.fileName })
      expect(refusedAgain.ok).toBe(false)
      expect(JSON.stringify(refusedAgain)).toMatch(/saving your current data first.*not enough free space|not enough free space/)
      expect(await clientNames(on)).toEqual([...before, 'Still writing'].sort())
      expect(existsSync(join(disk.dir, 'stagecraft.db.restoring'))).toBe(false)

      // With room again, the same restore goes through and can be undone.
      rmSync(join(disk.dir, '.filler'))
      const { undoFileName } = await valueOf<{ undoFileName: string }>(on('backups:restore', { fileName: backup.fileName }))
      expect(await clientNames(on)).not.toContain('Made after the backup')
      await valueOf(on('backups:restore', { fileName: undoFileName }))
      expect(await clientNames(on)).toContain('Still writing')
    },
    120_000
  )

  it('a backup that vanished restores nothing and says so; the data stays open', async () => {
    const dir = realFolder()
    const { c, call } = controllerIn(dir)
    await c.start()
    await valueOf(call('clients:create', { name: 'Kept' }))
    const backup = await valueOf<{ fileName: string }>(call('backups:create'))
    rmSync(join(dir, 'backups', backup.fileName))
    const r = await call('backups:restore', { fileName: backup.fileName })
    expect(r.ok).toBe(false)
    expect(JSON.stringify(r)).toMatch(/no longer/)
    expect(await clientNames(call)).toEqual(['Kept'])
    await valueOf(call('clients:create', { name: 'And writing' }))
  })

  it('refuses while another process has the database open, and that process loses no write it was told had landed', async () => {
    const dir = realFolder()
    const { c, call } = controllerIn(dir)
    await c.start()
    await valueOf(call('clients:create', { name: 'Before' }))
    const backup = await valueOf<{ fileName: string }>(call('backups:create'))
    const writer = spawnWriter(join(dir, 'stagecraft.db'))
    await writer.atLeast(3)
    const r = await call('backups:restore', { fileName: backup.fileName })
    expect(r.ok).toBe(false)
    expect(JSON.stringify(r)).toMatch(/Another program is using your database/)
    expect(await valueOf(call('recovery:status'))).toEqual({ mode: 'normal' })
    await writer.atLeast(writer.acknowledged.length + 3)
    await writer.kill()
    const reader = new Sqlite(join(dir, 'stagecraft.db'), { readonly: true })
    const ids = new Set((reader.prepare('SELECT id FROM client').all() as { id: string }[]).map((x) => x.id))
    reader.close()
    for (const id of writer.acknowledged) expect(ids.has(id), `acknowledged write ${id}`).toBe(true)
    // With the other process gone, the restore goes through.
    await valueOf(call('backups:restore', { fileName: backup.fileName }))
    expect(await clientNames(call)).toEqual(['Before'])
  }, 60_000)
})

/** The crash test's writer as a second process on the same file; `acknowledged` are the ids whose commit returned. */
function spawnWriter(dbPath: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/helpers/crash-writer.ts'), dbPath], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const acknowledged: string[] = []
  let buffer = ''
  const waiters: { n: number; resolve: () => void }[] = []
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    acknowledged.push(...lines.filter(Boolean))
    for (const w of waiters.splice(0))
      if (acknowledged.length >= w.n) w.resolve()
      else waiters.push(w)
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  cleanups.push(() => {
    child.kill('SIGKILL')
  })
  return {
    acknowledged,
    atLeast: (n: number) => (acknowledged.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    }
  }
}

describe('retention', () => {
  it('never deletes the backup being restored, even the oldest safety copy', async () => {
    const dir = realFolder()
    const { c, call } = controllerIn(dir)
    await c.start()
    await valueOf(call('clients:create', { name: 'Original' }))
    const manual = await valueOf<{ fileName: string }>(call('backups:create'))
    // Ten restores leave ten undo copies; the oldest holds "Original" and "Changed 0".
    const undos: string[] = []
    for (let i = 0; i < 10; i++) {
      await valueOf(call('clients:create', { name: `Changed ${i}` }))
      undos.push((await valueOf<{ undoFileName: string }>(call('backups:restore', { fileName: manual.fileName }))).undoFileName)
    }
    const oldest = undos[0]!
    expect(await backupNames(call)).toContain(oldest)
    // Restoring it makes an eleventh safety copy: retention would drop the oldest, which is the one being restored.
    await valueOf(call('backups:restore', { fileName: oldest }))
    expect(await clientNames(call)).toEqual(['Changed 0', 'Original'])
  })

  it('keeps the undo of the last restore however many quits and manual backups follow', async () => {
    const dir = realFolder()
    const first = controllerIn(dir)
    await first.c.start()
    await valueOf(first.call('clients:create', { name: 'Before the restore' }))
    const manual = await valueOf<{ fileName: string }>(first.call('backups:create'))
    await valueOf(first.call('clients:create', { name: 'Work the restore would lose' }))
    const { undoFileName } = await valueOf<{ undoFileName: string }>(first.call('backups:restore', { fileName: manual.fileName }))
    await first.close()
    for (let i = 0; i < 12; i++) {
      const next = controllerIn(dir)
      await next.c.start()
      await valueOf(next.call('backups:create'))
      await next.close() // and one on quit
    }
    const last = controllerIn(dir)
    await last.c.start()
    expect(await backupNames(last.call)).toContain(undoFileName)
    await valueOf(last.call('backups:restore', { fileName: undoFileName }))
    expect(await clientNames(last.call)).toContain('Work the restore would lose')
  }, 60_000)
})

describe('backups do not trust the clock', () => {
  it('orders and prunes by the order backups were made, with the clock set to 2031 and then to 2000', async () => {
    const dir = realFolder()
    const clock = { at: Date.parse('2031-06-01T09:00:00.000Z') }
    const { c, call } = controllerIn(dir, { clock })
    await c.start()
    await valueOf(call('clients:create', { name: 'Stale, but dated 2031' }))
    await valueOf(call('backups:create'))
    // The clock is put right (or set back years): later work, earlier dates.
    clock.at = Date.parse('2000-01-01T09:00:00.000Z')
    await valueOf(call('clients:create', { name: 'Fresh, but dated 2000' }))
    const fresh = await valueOf<{ fileName: string }>(call('backups:create'))
    expect((await backupNames(call))[0]).toBe(fresh.fileName)
    // The newest backup the recovery screen offers is the fresh one, not the one dated 2031.
    expect(newestVerifiedBackup(join(dir, 'backups'), migrations.length)?.fileName).toBe(fresh.fileName)
    // Eleven more manual backups with the clock running backwards: the ten most recent are kept, the fresh ones among them.
    const made: string[] = []
    for (let i = 0; i < 11; i++) {
      clock.at -= 86_400_000
      made.push((await valueOf<{ fileName: string }>(call('backups:create'))).fileName)
    }
    const kept = listBackups(join(dir, 'backups')).map((b) => b.fileName)
    expect(kept).toEqual(made.slice(-10).reverse())
  })

  it('daily backups keep the seven made last, whatever their dates', async () => {
    const dir = realFolder()
    const clock = { at: Date.parse('2031-06-01T09:00:00.000Z') }
    const dailies: string[] = []
    for (let i = 0; i < 9; i++) {
      // Each start is on a "new day" by the clock, which runs backwards.
      clock.at -= 86_400_000
      const run = controllerIn(dir, { clock, dailyBackup: true })
      await run.c.start()
      await run.c.backgroundDone()
      await run.close()
      dailies.push(listBackups(join(dir, 'backups')).find((b) => b.reason === 'daily')!.fileName)
    }
    const kept = listBackups(join(dir, 'backups'))
      .filter((b) => b.reason === 'daily')
      .map((b) => b.fileName)
    expect(kept).toEqual(dailies.slice(-7).reverse())
  })
})

describe('every backup failure reaches the Backups screen', () => {
  it.skipIf(!smallDiskAvailable())(
    'the backup on quit, on a full disk: shown at the next start, cleared by the next backup',
    async () => {
      const disk = smallDisk(12)
      const first = controllerIn(disk.dir)
      await first.c.start()
      await bulk(first.call, 1)
      disk.fill(64 * 1024)
      await first.close()
      rmSync(join(disk.dir, '.filler'))
      const next = controllerIn(disk.dir)
      await next.c.start()
      const { lastFailure } = await valueOf<{ lastFailure: { kind: string; message: string } | null }>(next.call('backups:list'))
      expect(lastFailure?.kind).toBe('on-quit')
      expect(lastFailure?.message).toMatch(/not enough free space/)
      await valueOf(next.call('backups:create'))
      expect((await valueOf<{ lastFailure: unknown }>(next.call('backups:list'))).lastFailure).toBeNull()
    },
    60_000
  )

  it.skipIf(!smallDiskAvailable())(
    'the daily backup, on a full disk: shown on the Backups screen the same day',
    async () => {
      const disk = smallDisk(12)
      const first = controllerIn(disk.dir)
      await first.c.start()
      await bulk(first.call, 1)
      await first.close()
      for (const f of readdirSync(join(disk.dir, 'backups'))) rmSync(join(disk.dir, 'backups', f))
      disk.fill(64 * 1024)
      const next = controllerIn(disk.dir, { dailyBackup: true })
      expect(await next.c.start()).toBe('ready')
      await next.c.backgroundDone()
      const { lastFailure } = await valueOf<{ lastFailure: { kind: string; message: string } | null }>(next.call('backups:list'))
      expect(lastFailure?.kind).toBe('daily')
      expect(lastFailure?.message).toMatch(/not enough free space/)
      // The data itself is untouched and open.
      expect(await valueOf(next.call('recovery:status'))).toEqual({ mode: 'normal' })
      expect(hash(join(disk.dir, 'stagecraft.db')).length).toBe(64)
    },
    60_000
  )
})

describe('a file that is locked, read-only or not ours', () => {
  it('a database another program holds locked is reported as in use, left in place, and opens on retry', async () => {
    const dir = realFolder()
    const seed = controllerIn(dir)
    await seed.c.start()
    await valueOf(seed.call('clients:create', { name: 'Kept safe' }))
    await valueOf(seed.call('backups:create'))
    await seed.close()
    const file = join(dir, 'stagecraft.db')
    const before = hash(file)
    // Another program takes the file for itself (as a sync tool or a second copy of the app might).
    const other = new Sqlite(file)
    other.pragma('locking_mode = EXCLUSIVE')
    other.exec('BEGIN EXCLUSIVE')
    const { c, call } = controllerIn(dir)
    expect(await c.start()).toBe('recovery')
    const status = await valueOf<{ mode: string; problem: string; retry: boolean; quarantineFolder: string | null; detail: string }>(call('recovery:status'))
    expect(status).toMatchObject({ mode: 'recovery', problem: 'busy', retry: true, quarantineFolder: null })
    expect(status.detail).toMatch(/Another program is using/)
    expect(existsSync(join(dir, 'quarantine'))).toBe(false)
    // Neither restoring over it nor starting empty is offered as a way out of a lock.
    expect((await call('recovery:restore-latest')).ok).toBe(false)
    expect((await call('recovery:start-empty')).ok).toBe(false)
    // Still locked: retrying says so again.
    expect(await valueOf(call('recovery:retry'))).toMatchObject({ mode: 'recovery', problem: 'busy' })
    other.exec('ROLLBACK')
    other.close()
    expect(hash(file)).toBe(before)
    expect(await valueOf(call('recovery:retry'))).toEqual({ mode: 'normal' })
    expect(await clientNames(call)).toEqual(['Kept safe'])
  })

  it.skipIf(!smallDiskAvailable())('data on a read-only drive is reported as such, never set aside, and opens once the drive is writable', async () => {
    const disk = smallDisk(8)
    const seed = controllerIn(disk.dir)
    await seed.c.start()
    await valueOf(seed.call('clients:create', { name: 'On the drive' }))
    await seed.close()
    disk.setReadOnly(true)
    const { c, call } = controllerIn(disk.dir)
    expect(await c.start()).toBe('recovery')
    expect(await valueOf(call('recovery:status'))).toMatchObject({ problem: 'read-only', retry: true, quarantineFolder: null })
    expect(existsSync(join(disk.dir, 'stagecraft.db'))).toBe(true)
    disk.setReadOnly(false)
    expect(await valueOf(call('recovery:retry'))).toEqual({ mode: 'normal' })
    expect(await clientNames(call)).toEqual(['On the drive'])
  })

  it('another program’s SQLite file at our path is refused and set aside, not migrated', async () => {
    const dir = realFolder()
    const file = join(dir, 'stagecraft.db')
    const foreign = new Sqlite(file)
    foreign.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5)')
    foreign.close()
    const before = hash(file)
    const { c, call } = controllerIn(dir)
    expect(await c.start()).toBe('recovery')
    const status = await valueOf<{ problem: string; quarantineFolder: string }>(call('recovery:status'))
    expect(status.problem).toBe('foreign-app')
    // Set aside untouched: the other program's data is all still there.
    expect(hash(join(status.quarantineFolder, 'stagecraft.db'))).toBe(before)
  })
})

describe('recovery and backup channels go through the one dispatcher', () => {
  it('refuse a call from another frame, a bad payload and a hostile one, as every channel does', async () => {
    const { dir, cleanup } = tempDir('stagecraft-controller-ipc-')
    cleanups.push(cleanup)
    const { c, call } = controllerIn(dir)
    await c.start()
    const before = await backupNames(call)
    // Another frame, even with a well-formed request.
    expect(await c.dispatch('backups:create', {}, { url: 'https://example.com/', isMainFrame: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await c.dispatch('backups:create', {}, { ...TRUSTED, isMainFrame: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // A payload the contract does not allow, and one refused before any schema runs.
    expect(await call('backups:restore', { fileName: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('backups:restore-copy', JSON.parse('{"fileName":"x","passphrase":null,"__proto__":{}}'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/__proto__/) }
    })
    expect(await call('backups:list', { extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await backupNames(call)).toEqual(before)
  })
})
