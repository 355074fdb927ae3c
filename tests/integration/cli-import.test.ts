/**
 * `stagecraft db check` and `stagecraft import` against real database files: the same
 * start-up checks and quarantine as the app, and the same validation, backup and single
 * transaction as the app's imports.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../cli/run-cli'
import { migrations } from '../../db/migrations'
import { callAs, testBackend, valueOf } from '../helpers/backend'
import { pagesOf, scribblePages } from '../helpers/damage'
import { tempDir } from '../helpers/temp'
import { trackEngagement } from '../helpers/tracked-engagement.helper'

const ROOT = resolve(import.meta.dirname, '../..')
const FIXTURE = join(ROOT, 'tests/fixtures/intake/mlops-pain.json')
const PASSPHRASE = 'river stones under a quiet bridge'

let plain: Buffer
let encrypted: Buffer
let sampleIds: { clientId: string; engagementId: string }
const TRACKING = ['engagement_status_change', 'plan_baseline', 'tracking_item', 'time_entry', 'phase_gate', 'export_snapshot']
let trackedCounts: number[]

beforeAll(async () => {
  const dialogs = { nextSave: null as string | null }
  const b = await testBackend({ dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => dialogs.nextSave } })
  const sample = await valueOf<{ clientId: string; engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
  await valueOf(callAs(b, 'plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId }))
  await trackEngagement(b, dialogs, sample.engagementId)
  dialogs.nextSave = join(b.dir, 'p.stagecraft')
  await valueOf(callAs(b, 'portable:export', { engagementId: sample.engagementId }))
  plain = readFileSync(dialogs.nextSave)
  dialogs.nextSave = join(b.dir, 'e.stagecraft')
  await valueOf(callAs(b, 'portable:export', { engagementId: sample.engagementId, passphrase: PASSPHRASE }))
  encrypted = readFileSync(dialogs.nextSave)
  sampleIds = sample
  trackedCounts = TRACKING.map((t) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)
  await b.dispose()
})

describe('stagecraft db check and import', () => {
  let dir: string
  let cleanup: () => void
  let dbPath: string
  beforeEach(() => {
    ;({ dir, cleanup } = tempDir('stagecraft-cli-import-'))
    dbPath = join(dir, 'data', 'stagecraft.db')
  })
  afterEach(() => cleanup())

  const run = async (args: string[], env: Record<string, string> = {}) => {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: dir,
      env: { STAGECRAFT_DB: 'data/stagecraft.db', ...env }
    })
    return { code, stdout, stderr }
  }
  const count = (table: string) => {
    const db = new Sqlite(dbPath, { readonly: true })
    try {
      return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  const oneLine = (text: string) => expect(text.trimEnd().split('\n')).toHaveLength(1)

  it('imports an intake file into a database it creates, then db check finds it healthy', async () => {
    writeFileSync(join(dir, 'intake.json'), readFileSync(FIXTURE))
    const r = await run(['import', 'intake.json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    oneLine(r.stdout)
    expect(r.stdout.trimEnd()).toMatch(
      /^Imported intake\.json into .*stagecraft\.db: client ".+" created, engagement ".+" created, one completed assessment added$/
    )
    expect([count('client'), count('engagement'), count('assessment')]).toEqual([1, 1, 1])

    const check = await run(['db', 'check'])
    expect(check.code).toBe(0)
    oneLine(check.stdout)
    expect(check.stdout.trimEnd()).toMatch(
      new RegExp(`: healthy \\(data version ${migrations.length}, integrity and foreign keys ok; 1 client, 1 engagement, 1 assessment\\)$`)
    )

    // Again, into the existing database: nothing here changes, so it imports at once, after a verified backup.
    const again = await run(['import', 'intake.json'])
    expect(again.stdout).toMatch(/client ".+" kept as it was, engagement ".+" kept as it was, one completed assessment added/)
    expect(readdirSync(join(dir, 'data', 'backups')).some((f) => f.endsWith('-pre-import.db'))).toBe(true)

    // A file that would change the engagement: the changes are listed, and nothing is written without a mode.
    const doc = JSON.parse(readFileSync(FIXTURE, 'utf8'))
    doc.engagement.day_rate += 100
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(doc))
    const asked = await run(['import', 'changed.json'])
    expect(asked.code).toBe(1)
    oneLine(asked.stderr)
    expect(asked.stderr).toMatch(
      /would change what is already here \(Day rate [\d.]+ → [\d.]+\); choose --mode update .* or --mode keep .*Nothing was imported/
    )
    expect(count('assessment')).toBe(2)
    const kept = await run(['import', 'changed.json', '--mode', 'keep'])
    expect(kept.stdout).toMatch(/engagement ".+" kept as it was/)
    const updated = await run(['import', 'changed.json', '--mode', 'update'])
    expect(updated.stdout).toMatch(/engagement ".+" updated/)
    expect(count('assessment')).toBe(4)
    expect((await run(['import', 'changed.json', '--mode', 'replace'])).stderr).toMatch(/--mode replace applies to .stagecraft files/)
  })

  it('imports a .stagecraft file, refuses a second import without --mode, then keeps both or replaces', async () => {
    writeFileSync(join(dir, 'harbour.stagecraft'), plain)
    const first = await run(['import', 'harbour.stagecraft'])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /^Imported "AI platform and first hires" for Harbour Freight \(sample\) \(2 assessments, with its plan, \d+ tracked items, 2 documents sent\) into /
    )
    expect(TRACKING.map(count)).toEqual(trackedCounts)

    const refused = await run(['import', 'harbour.stagecraft'])
    expect(refused.code).toBe(1)
    oneLine(refused.stderr)
    expect(refused.stderr).toMatch(/is already in this database; choose --mode keep-both or --mode replace\. Nothing was imported/)
    expect(count('engagement')).toBe(1)

    const both = await run(['import', 'harbour.stagecraft', '--mode', 'keep-both'])
    expect(both.stdout).toMatch(/as a copy beside the one already there/)
    expect([count('client'), count('engagement'), count('assessment'), count('plan')]).toEqual([2, 2, 4, 2])
    expect(TRACKING.map(count)).toEqual(trackedCounts.map((n) => 2 * n))

    const replaced = await run(['import', 'harbour.stagecraft', '--mode', 'replace'])
    expect(replaced.stdout).toMatch(/replacing the one that was there/)
    expect([count('client'), count('engagement'), count('assessment'), count('plan')]).toEqual([2, 2, 4, 2])
    expect(TRACKING.map(count)).toEqual(trackedCounts.map((n) => 2 * n))
    const db = new Sqlite(dbPath, { readonly: true })
    expect(db.prepare('SELECT title FROM engagement WHERE id = ?').get(sampleIds.engagementId)).toEqual({ title: 'AI platform and first hires' })
    db.close()
    expect(readdirSync(join(dir, 'data', 'backups')).filter((f) => f.endsWith('-pre-import.db'))).toHaveLength(2)
  })

  it('imports an encrypted file with the passphrase from an environment variable', async () => {
    writeFileSync(join(dir, 'locked.stagecraft'), encrypted)
    const r = await run(['import', 'locked.stagecraft', '--passphrase-env', 'STAGECRAFT_PASSPHRASE'], { STAGECRAFT_PASSPHRASE: PASSPHRASE })
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(count('assessment_answer')).toBeGreaterThan(20)
  })

  it('db check quarantines a damaged database as the app does, and says where it went', async () => {
    writeFileSync(join(dir, 'intake.json'), readFileSync(FIXTURE))
    await run(['import', 'intake.json'])
    truncateSync(dbPath, 0)
    const r = await run(['db', 'check'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    oneLine(r.stderr)
    const folder = /moved, with its -wal\/-shm files, to (.+); start Stagecraft/.exec(r.stderr)?.[1]
    expect(folder).toBeDefined()
    expect(existsSync(dbPath)).toBe(false)
    expect(readdirSync(folder!)).toContain('stagecraft.db')
  })

  it('db check repairs a damaged search index in place and keeps the damaged file', async () => {
    writeFileSync(join(dir, 'intake.json'), readFileSync(FIXTURE))
    await run(['import', 'intake.json'])
    const answers = count('assessment_answer')
    scribblePages(dbPath, pagesOf(dbPath, 'search_index_data'))
    const r = await run(['db', 'check'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    oneLine(r.stdout)
    const folder = /kept, with its -wal\/-shm files, in (.+)$/.exec(r.stdout.trimEnd())?.[1]
    expect(r.stdout).toMatch(/: repaired\. SQLite's integrity check reported/)
    expect(readdirSync(folder!)).toEqual(expect.arrayContaining(['stagecraft.db', 'salvaged.db']))
    expect(count('assessment_answer')).toBe(answers)
    expect((await run(['db', 'check'])).stdout).toMatch(/healthy/)
  })

  it('db check leaves a newer-version database untouched, and reports a missing one', async () => {
    writeFileSync(join(dir, 'intake.json'), readFileSync(FIXTURE))
    await run(['import', 'intake.json'])
    const raw = new Sqlite(dbPath)
    raw.pragma(`user_version = ${migrations.length + 1}`)
    raw.close()
    const bytes = readFileSync(dbPath)
    const r = await run(['db', 'check'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/newer version of Stagecraft.*the database has not been changed/)
    expect(readFileSync(dbPath).equals(bytes)).toBe(true)

    const missing = await run(['db', 'check'], { STAGECRAFT_DB: 'nowhere/stagecraft.db' })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/nowhere\/stagecraft\.db: there is no database file there/)
  })

  it('db check leaves a database another program holds locked where it is, and says what is wrong', async () => {
    writeFileSync(join(dir, 'intake.json'), readFileSync(FIXTURE))
    await run(['import', 'intake.json'])
    const other = new Sqlite(dbPath)
    other.pragma('locking_mode = EXCLUSIVE')
    other.exec('BEGIN EXCLUSIVE')
    try {
      const r = await run(['db', 'check'])
      expect(r.code).toBe(1)
      oneLine(r.stderr)
      expect(r.stderr).toMatch(/Another program is using your database.*The file has not been moved or changed/)
      expect(existsSync(dbPath)).toBe(true)
      expect(existsSync(join(dir, 'data', 'quarantine'))).toBe(false)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect((await run(['db', 'check'])).code).toBe(0)
  })

  it('db check refuses another program’s SQLite file at the path and sets it aside', async () => {
    const foreign = new Sqlite(join(dir, 'other.db'))
    foreign.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    foreign.close()
    const r = await run(['db', 'check'], { STAGECRAFT_DB: 'other.db' })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/not a Stagecraft one/)
  })

  it('refuses to import into a damaged database and leaves it as it was', async () => {
    writeFileSync(join(dir, 'intake.json'), readFileSync(FIXTURE))
    const garbage = join(dir, 'garbage.db')
    writeFileSync(garbage, Buffer.alloc(8192, 0x41))
    const r = await run(['import', 'intake.json'], { STAGECRAFT_DB: 'garbage.db' })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/not a SQLite database\. Nothing was imported; run "stagecraft db check"/)
    expect(readFileSync(garbage).equals(Buffer.alloc(8192, 0x41))).toBe(true)
  })

  it('runs as a real process: exit codes and one line each', () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD'))
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.ts'), ...args], {
        cwd: ROOT,
        env: { ...env, STAGECRAFT_DB: dbPath },
        encoding: 'utf8'
      })
    writeFileSync(join(dir, 'intake.json'), readFileSync(FIXTURE))
    const imported = cli(['import', join(dir, 'intake.json')])
    expect(imported.status, imported.stderr).toBe(0)
    const healthy = cli(['db', 'check'])
    expect(healthy.status).toBe(0)
    expect(healthy.stdout).toMatch(/healthy/)
    truncateSync(dbPath, 100)
    const damaged = cli(['db', 'check'])
    expect(damaged.status).toBe(1)
    expect(damaged.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(damaged.stderr).not.toMatch(/\n\s+at /)
  })
})
