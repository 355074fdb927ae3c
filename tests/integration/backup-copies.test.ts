import { createHash } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppController, type AppController } from '../../electron/app-controller'
import { listBackups } from '../../db/backup'
import {
  checkCopyFolder,
  COPIES_SUBFOLDER,
  copySettingsPathFor,
  NO_COPIES,
  readCopySettings,
  sealFile,
  sealFromPassphrase,
  unsealFile
} from '../../app/backup-copies'
import { WRONG_PASSPHRASE } from '../../app/crypto-envelope'
import { TRUSTED, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { tempDir } from '../helpers/temp'

const PASSPHRASE = 'correct horse battery staple'
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('backup copies in a folder the consultant chooses', () => {
  let dataDir: string
  let driveDir: string
  let cleanups: (() => void)[]
  let db: string
  let nextFolder: string | null
  const controllers: AppController[] = []
  const make = () => {
    const c = createAppController({
      databasePath: db,
      deps: { ...fixedDeps(), now: () => new Date() },
      appVersion: 't',
      trustedOrigin: 'app://stagecraft',
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => null, chooseFolder: async () => nextFolder },
      onUnexpectedError: (channel, error) => console.error(`[${channel}]`, error)
    })
    controllers.push(c)
    return c
  }
  const call = (c: AppController, channel: string, payload: unknown = {}) => c.dispatch(channel, payload, TRUSTED)
  const copiesDir = () => join(driveDir, COPIES_SUBFOLDER)

  beforeEach(() => {
    const a = tempDir('stagecraft-data-')
    const b = tempDir('stagecraft-drive-')
    cleanups = [a.cleanup, b.cleanup]
    dataDir = a.dir
    driveDir = b.dir
    db = join(dataDir, 'stagecraft.db')
    nextFolder = driveDir
  })
  afterEach(async () => {
    for (const c of controllers.splice(0)) await c.close()
    for (const f of cleanups) f()
  })

  async function started(): Promise<AppController> {
    const c = make()
    expect(await c.start()).toBe('ready')
    await valueOf<any>(call(c, 'clients:create', { name: 'Confidential Client Ltd', notes: 'Board wants a first model by March.' }))
    return c
  }

  it('seals every backup into the chosen folder, and the copies hold no readable client data', async () => {
    const c = await started()
    const set = await valueOf<any>(call(c, 'backups:set-folder', { passphrase: PASSPHRASE }))
    expect(set).toMatchObject({ status: 'set', copies: { folder: driveDir, sealed: true, available: true, lastCopy: { ok: true } } })
    await valueOf<any>(call(c, 'backups:create'))

    const files = readdirSync(copiesDir())
    expect(files.length).toBeGreaterThanOrEqual(1)
    expect(files.every((f) => /^stagecraft-.*\.db\.sealed$/.test(f))).toBe(true)
    for (const f of files) {
      const bytes = readFileSync(join(copiesDir(), f))
      expect(bytes.includes(Buffer.from('Confidential Client Ltd'))).toBe(false)
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
      expect(statSync(join(copiesDir(), f)).mode & 0o077).toBe(0)
    }
    expect(statSync(copiesDir()).mode & 0o077).toBe(0)
    // The passphrase is never written down; the settings file is the user's alone.
    const settingsPath = copySettingsPathFor(db)
    expect(readFileSync(settingsPath, 'utf8')).not.toContain(PASSPHRASE)
    expect(statSync(settingsPath).mode & 0o077).toBe(0)

    const list = await valueOf<any>(call(c, 'backups:list'))
    expect(list.copies.items.length).toBe(files.length)
    expect(list.copies.items.every((i: { sealed: boolean }) => i.sealed)).toBe(true)
  })

  it('restores a sealed copy with its passphrase, refuses a wrong one without changing anything, and the restore can be undone', async () => {
    const c = await started()
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: PASSPHRASE }))
    await valueOf<any>(call(c, 'backups:create'))
    await valueOf<any>(call(c, 'clients:create', { name: 'Added Later', notes: '' }))
    const copy = (await valueOf<any>(call(c, 'backups:list'))).copies.items.find((i: { reason: string }) => i.reason === 'manual')!

    const localBefore = listBackups(join(dataDir, 'backups')).length
    const wrong = await call(c, 'backups:restore-copy', { fileName: copy.fileName, passphrase: 'not the passphrase' })
    expect(wrong).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: WRONG_PASSPHRASE } })
    const noPassphrase = await call(c, 'backups:restore-copy', { fileName: copy.fileName, passphrase: null })
    expect(noPassphrase.ok).toBe(false)
    // Nothing changed: both clients are there, no backup was taken, no opened file is left.
    const clients = async () => (await valueOf<any>(call(c, 'clients:list', {}))).items.map((i: { name: string }) => i.name).sort()
    expect(await clients()).toEqual(['Added Later', 'Confidential Client Ltd'])
    expect(listBackups(join(dataDir, 'backups')).length).toBe(localBefore)
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.startsWith('.'))).toEqual([])

    const restored = await valueOf<any>(call(c, 'backups:restore-copy', { fileName: copy.fileName, passphrase: PASSPHRASE }))
    expect(await clients()).toEqual(['Confidential Client Ltd'])
    expect(restored.undoFileName).toMatch(/pre-restore\.db$/)
    await valueOf<any>(call(c, 'backups:restore', { fileName: restored.undoFileName }))
    expect(await clients()).toEqual(['Added Later', 'Confidential Client Ltd'])
  })

  it('offers the newest copy on the recovery screen when the laptop lost its own backups, and restores it', async () => {
    const c = await started()
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: PASSPHRASE }))
    await c.close()
    // The disk failed: the database is cut to nothing and the local backups are gone.
    truncateSync(db, 0)
    rmSync(join(dataDir, 'backups'), { recursive: true, force: true })
    const again = make()
    expect(await again.start()).toBe('recovery')
    const status = await valueOf<any>(call(again, 'recovery:status'))
    expect(status).toMatchObject({ mode: 'recovery', newestBackup: null, newestCopy: { folder: driveDir, sealed: true } })

    const wrong = await call(again, 'backups:restore-copy', { fileName: status.newestCopy.fileName, passphrase: 'not the passphrase' })
    expect(wrong).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: WRONG_PASSPHRASE } })
    expect((await valueOf<any>(call(again, 'recovery:status'))).mode).toBe('recovery')

    await valueOf<any>(call(again, 'backups:restore-copy', { fileName: status.newestCopy.fileName, passphrase: PASSPHRASE }))
    expect(await valueOf<any>(call(again, 'recovery:status'))).toEqual({ mode: 'normal' })
    expect((await valueOf<any>(call(again, 'clients:list', {}))).items.map((i: { name: string }) => i.name)).toEqual(['Confidential Client Ltd'])
  })

  it('keeps plain, verified copies when no passphrase is given', async () => {
    const c = await started()
    const set = await valueOf<any>(call(c, 'backups:set-folder', { passphrase: null }))
    expect(set.copies.sealed).toBe(false)
    const files = readdirSync(copiesDir())
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      expect(f).toMatch(/\.db$/)
      expect(sha(join(copiesDir(), f))).toBe(sha(join(dataDir, 'backups', f)))
    }
    const copy = (await valueOf<any>(call(c, 'backups:list'))).copies.items[0]
    await valueOf<any>(call(c, 'backups:restore-copy', { fileName: copy.fileName, passphrase: null }))
  })

  it('turning sealing on seals the plain copies already in the folder: none is left readable, and the screen says sealed only then', async () => {
    const c = await started()
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: null }))
    const plain = readdirSync(copiesDir()).filter((f) => f.endsWith('.db'))
    expect(plain.length).toBeGreaterThan(0)
    const plainHashes = new Map(plain.map((f) => [f, sha(join(copiesDir(), f))]))

    const set = await valueOf<any>(call(c, 'backups:set-folder', { passphrase: 'Seven tidy harbour cranes' }))
    expect(set.copies.sealed).toBe(true)
    const files = readdirSync(copiesDir())
    expect(files.filter((f) => f.endsWith('.db'))).toEqual([])
    expect(files.every((f) => f.endsWith('.db.sealed'))).toBe(true)
    // Every copy that was plain is there sealed, and opens to the very same bytes.
    for (const [f, hash] of plainHashes) {
      expect(files).toContain(`${f}.sealed`)
      const out = join(dataDir, `check-${f}`)
      await unsealFile(join(copiesDir(), `${f}.sealed`), out, 'Seven tidy harbour cranes')
      expect(sha(out)).toBe(hash)
    }
    for (const f of files) expect(readFileSync(join(copiesDir(), f)).includes('Confidential Client Ltd')).toBe(false)
  })

  it('keeps backing up locally when the drive is unplugged, and says so on the Backups screen', async () => {
    const c = await started()
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: null }))
    rmSync(driveDir, { recursive: true, force: true })
    const made = await valueOf<any>(call(c, 'backups:create'))
    expect(existsSync(join(dataDir, 'backups', made.fileName))).toBe(true)
    const list = await valueOf<any>(call(c, 'backups:list'))
    expect(list.copies).toMatchObject({ folder: driveDir, available: false, items: [], lastCopy: { ok: false } })
    expect(list.copies.lastCopy.message).toContain('is not available')
    // Plugged back in: the next backup catches up with every one it missed.
    mkdirSync(driveDir)
    await valueOf<any>(call(c, 'backups:create'))
    const after = await valueOf<any>(call(c, 'backups:list'))
    expect(after.copies.lastCopy.ok).toBe(true)
    expect(after.copies.items.map((i: { fileName: string }) => i.fileName)).toContain(made.fileName)
  })

  it('copies the backup taken on quit, and a later start reads the settings again', async () => {
    const c = await started()
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: PASSPHRASE }))
    await c.close()
    expect(readdirSync(copiesDir()).some((f) => f.includes('-on-quit.db.sealed'))).toBe(true)
    const again = make()
    await again.start()
    const list = await valueOf<any>(call(again, 'backups:list'))
    expect(list.copies).toMatchObject({ folder: driveDir, sealed: true })
  })

  it('keeps the same number of copies as local backups (retention)', async () => {
    const c = await started()
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: null }))
    for (let i = 0; i < 13; i++) await valueOf<any>(call(c, 'backups:create'))
    const copies = readdirSync(copiesDir()).filter((f) => !f.includes('-daily.'))
    expect(copies.length).toBe(10)
    expect(readdirSync(copiesDir()).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('changes nothing when the folder dialog is cancelled, or the folder is unsuitable; stopping keeps the files', async () => {
    const c = await started()
    nextFolder = null
    expect(await valueOf<any>(call(c, 'backups:set-folder', { passphrase: null }))).toEqual({ status: 'cancelled' })
    expect(existsSync(copySettingsPathFor(db))).toBe(false)

    nextFolder = dataDir
    const inside = await call(c, 'backups:set-folder', { passphrase: null })
    expect(inside.ok).toBe(false)
    expect(JSON.stringify(inside)).toContain('outside Stagecraft')
    nextFolder = join(driveDir, 'missing')
    expect(JSON.stringify(await call(c, 'backups:set-folder', { passphrase: null }))).toContain('not available')
    expect(existsSync(copySettingsPathFor(db))).toBe(false)

    const short = await call(c, 'backups:set-folder', { passphrase: 'short' })
    expect(short.ok).toBe(false)

    nextFolder = driveDir
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: null }))
    const files = readdirSync(copiesDir())
    const stopped = await valueOf<any>(call(c, 'backups:stop-copies'))
    expect(stopped.copies).toMatchObject({ folder: null, items: [] })
    expect(readdirSync(copiesDir())).toEqual(files)
    expect(readCopySettings(copySettingsPathFor(db))).toEqual(NO_COPIES)
  })

  it('refuses copy names that are not backups (no paths from the window)', async () => {
    const c = await started()
    await valueOf<any>(call(c, 'backups:set-folder', { passphrase: null }))
    for (const fileName of ['../stagecraft.db', '/etc/passwd', 'stagecraft-2026-01-01T00-00-00-000Z-manual.db.sealed.exe']) {
      const r = await call(c, 'backups:restore-copy', { fileName, passphrase: null })
      expect(r.ok).toBe(false)
    }
    const missing = await call(c, 'backups:restore-copy', { fileName: 'stagecraft-2020-01-01T00-00-00-000Z-manual.db', passphrase: null })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('sealed backup files', () => {
  let dir: string
  let cleanup: () => void
  let plain: string
  beforeEach(() => {
    ;({ dir, cleanup } = tempDir())
    plain = join(dir, 'plain.db')
    const db = new Sqlite(plain)
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('secret row')")
    db.close()
  })
  afterEach(() => cleanup())

  it('round-trips the exact bytes and refuses every kind of damage without leaving a file', async () => {
    const seal = await sealFromPassphrase(PASSPHRASE)
    const sealed = join(dir, 'copy.db.sealed')
    await sealFile(plain, sealed, seal)
    const out = join(dir, 'opened.db')
    await unsealFile(sealed, out, PASSPHRASE)
    expect(sha(out)).toBe(sha(plain))
    rmSync(out)

    const original = readFileSync(sealed)
    const damaged: [string, (b: Buffer) => Buffer, RegExp][] = [
      [
        'a flipped ciphertext byte',
        (b) => {
          const c = Buffer.from(b)
          c[c.length - 100]! ^= 1
          return c
        },
        /passphrase is not right/
      ],
      [
        'a flipped tag byte',
        (b) => {
          const c = Buffer.from(b)
          c[c.length - 1]! ^= 1
          return c
        },
        /passphrase is not right/
      ],
      [
        'a changed header (IV)',
        // Always a different first character: the IV is random, and one in 64 starts with "A".
        (b) =>
          Buffer.from(
            b.toString('latin1').replace(/"iv":"(.)/, (_m, c: string) => `"iv":"${c === 'A' ? 'B' : 'A'}`),
            'latin1'
          ),
        /passphrase is not right|not a sealed/
      ],
      ['a cut-short file', (b) => b.subarray(0, 40), /not a sealed Stagecraft backup/],
      ['an empty file', () => Buffer.alloc(0), /not a sealed Stagecraft backup/],
      ['a plain database', () => readFileSync(plain), /not a sealed Stagecraft backup/]
    ]
    for (const [label, harm, message] of damaged) {
      const file = join(dir, `damaged.db.sealed`)
      writeFileSync(file, harm(original))
      await expect(unsealFile(file, out, PASSPHRASE), label).rejects.toThrow(message)
      expect(existsSync(out), label).toBe(false)
      expect(
        readdirSync(dir).filter((f) => f.includes('opening')),
        label
      ).toEqual([])
    }
    await expect(unsealFile(sealed, out, 'wrong passphrase')).rejects.toThrow(WRONG_PASSPHRASE)
    expect(existsSync(out)).toBe(false)
  })

  it('checks a chosen folder: full path, present, a folder, writable, not in the data folder', () => {
    const data = join(dir, 'data')
    mkdirSync(data)
    const file = join(dir, 'a-file')
    writeFileSync(file, 'x')
    expect(() => checkCopyFolder('relative/folder', data)).toThrow(/full path/)
    expect(() => checkCopyFolder(join(dir, 'nope'), data)).toThrow(/not available/)
    expect(() => checkCopyFolder(file, data)).toThrow(/not a folder/)
    expect(() => checkCopyFolder(join(data), data)).toThrow(/outside Stagecraft/)
    expect(() => checkCopyFolder(dir, data)).toThrow(/outside Stagecraft/)
    const readOnly = join(dir, 'read-only')
    mkdirSync(readOnly)
    chmodSync(readOnly, 0o500)
    if (process.getuid?.() !== 0) expect(() => checkCopyFolder(readOnly, data)).toThrow(/not allowed/)
    const fine = join(dir, 'drive')
    mkdirSync(fine)
    expect(() => checkCopyFolder(fine, data)).not.toThrow()
  })

  it('ignores a broken settings file instead of failing the start', () => {
    const path = join(dir, 'backup-settings.json')
    for (const text of ['', '{', '{"version":2}', JSON.stringify({ ...NO_COPIES, extra: 1 }), '\u0000\u0001']) {
      writeFileSync(path, text)
      expect(readCopySettings(path)).toEqual(NO_COPIES)
    }
    const fd = openSync(path, 'w')
    writeSync(fd, JSON.stringify({ ...NO_COPIES, folder: '/media/drive' }))
    closeSync(fd)
    expect(readCopySettings(path).folder).toBe('/media/drive')
    truncateSync(path, 5)
    expect(readCopySettings(path)).toEqual(NO_COPIES)
  })
})
