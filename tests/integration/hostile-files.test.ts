/**
 * Hostile import files, through the app's own channels with stand-in file dialogs: intake
 * files via `intake:import`, engagement files via `portable:inspect` / `unlock` / `import`.
 * Each bad file gets a one-line message naming it, nothing is written (not even the
 * pre-import backup: a file is validated completely first), and the next import works.
 * Then a full disk during a write and during an export, and the CLI's arguments.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../cli/run-cli'
import { WRONG_PASSPHRASE } from '../../app/portable'
import { callAs, testBackend, valueOf } from '../helpers/backend'
import { tempDir } from '../helpers/temp'
import { trackEngagement } from '../helpers/tracked-engagement.helper'

type TB = Awaited<ReturnType<typeof testBackend>>
type Dialogs = { nextOpen: string | null; nextSave: string | null }

const ROOT = resolve(import.meta.dirname, '../..')
const FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/intake/api-startup.json'))
const PASSPHRASE = 'Seven tidy harbour cranes'
const TABLES = ['client', 'engagement', 'assessment', 'assessment_answer', 'plan']
const TRACKING = ['engagement_status_change', 'plan_baseline', 'tracking_item', 'time_entry', 'phase_gate', 'export_snapshot']
const rowCounts = (b: TB) => [...TABLES, ...TRACKING].map((t) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)
const NOTHING = [...TABLES, ...TRACKING].map(() => 0)
const OTHER = '00000000-0000-4000-8000-00000000beef'
const backups = (b: TB) => (existsSync(join(b.dir, 'backups')) ? readdirSync(join(b.dir, 'backups')) : [])
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

const nested = (depth: number) => `{"client":${'['.repeat(depth)}${']'.repeat(depth)}}`
const utf16 = (text: string, bom: boolean, bigEndian = false) => {
  const le = Buffer.from(text, 'utf16le')
  const body = bigEndian ? Buffer.from(le).swap16() : le
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body
}
/** Replaces the first occurrence of a string in JSON text. */
const swap = (buf: Buffer, from: string, to: string) => {
  const text = buf.toString('utf8')
  if (!text.includes(from)) throw new Error(`test setup: ${from} not found`)
  return Buffer.from(text.replace(from, to), 'utf8')
}
const edit = (buf: Buffer, fn: (doc: any) => void) => {
  const doc = JSON.parse(buf.toString('utf8'))
  fn(doc)
  return Buffer.from(JSON.stringify(doc), 'utf8')
}
/** Puts raw bytes inside the first occurrence of a string (e.g. inside a name). */
const insertBytes = (buf: Buffer, inside: string, bytes: number[]) => {
  const at = buf.indexOf(inside) + 3
  if (at < 3) throw new Error(`test setup: ${inside} not found`)
  return Buffer.concat([buf.subarray(0, at), Buffer.from(bytes), buf.subarray(at)])
}
const flipBase64 = (b64: string, at: number) => {
  const bytes = Buffer.from(b64, 'base64')
  bytes[at % bytes.length]! ^= 0x01
  return bytes.toString('base64')
}

function expectClearFailure(result: { ok: boolean; error?: { code: string; message: string } }, code: string, pattern: RegExp) {
  expect(result.ok).toBe(false)
  expect(result.error?.code).toBe(code)
  const message = result.error!.message
  expect(message).toMatch(pattern)
  expect(message.split('\n')).toHaveLength(1)
  expect(message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|Error:|SQLITE/)
}

let plain: Buffer
let encrypted: Buffer
let source: TB
let sourceDialogs: Dialogs

beforeAll(async () => {
  sourceDialogs = { nextOpen: null, nextSave: null }
  source = await testBackend({ dialogs: { chooseFileToOpen: async () => sourceDialogs.nextOpen, chooseFileToSave: async () => sourceDialogs.nextSave } })
  const sample = await valueOf<{ engagementId: string; assessmentId: string }>(callAs(source, 'samples:create', {}))
  await valueOf(callAs(source, 'plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId }))
  // Tracking and two documents sent, so the files carry every kind of row.
  await trackEngagement(source, sourceDialogs, sample.engagementId)
  sourceDialogs.nextSave = join(source.dir, 'plain.stagecraft')
  await valueOf(callAs(source, 'portable:export', { engagementId: sample.engagementId }))
  plain = readFileSync(sourceDialogs.nextSave)
  sourceDialogs.nextSave = join(source.dir, 'locked.stagecraft')
  await valueOf(callAs(source, 'portable:export', { engagementId: sample.engagementId, passphrase: PASSPHRASE }))
  encrypted = readFileSync(sourceDialogs.nextSave)
})
afterAll(async () => {
  await source.dispose()
})

describe('hostile import files', () => {
  let b: TB
  const dialogs: Dialogs = { nextOpen: null, nextSave: null }
  const place = (name: string, bytes: Buffer) => {
    const path = join(b.dir, name)
    writeFileSync(path, bytes)
    dialogs.nextOpen = path
    return path
  }

  beforeEach(async () => {
    b = await testBackend({ dialogs: { chooseFileToOpen: async () => dialogs.nextOpen, chooseFileToSave: async () => dialogs.nextSave } })
  })
  afterEach(async () => {
    await b.dispose()
  })

  // ----------------------------------------------------------------------------------
  // Intake files (intake:import)

  const badIntakes: [string, () => Buffer, RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), /^intake\.json: is empty$/],
    ['only whitespace', () => Buffer.from(' \n\t '), /^intake\.json: is empty/],
    ['not JSON', () => Buffer.from('client: Parcelwise\n'), /^intake\.json: is not valid JSON/],
    ['UTF-16 with a byte-order mark', () => utf16(FIXTURE.toString('utf8'), true), /^intake\.json: is saved as UTF-16 text; save it as UTF-8/],
    ['UTF-16 big-endian without a mark', () => utf16(FIXTURE.toString('utf8'), false, true), /^intake\.json: is saved as UTF-16 text/],
    ['invalid UTF-8 bytes in a name', () => insertBytes(FIXTURE, 'Parcelwise', [0xff, 0xfe, 0x80]), /^intake\.json: is not UTF-8 text/],
    ['an overlong UTF-8 encoding', () => insertBytes(FIXTURE, 'Parcelwise', [0xc0, 0xaf]), /^intake\.json: is not UTF-8 text/],
    ['a UTF-16 surrogate encoded as UTF-8', () => insertBytes(FIXTURE, 'Parcelwise', [0xed, 0xa0, 0x80]), /^intake\.json: is not UTF-8 text/],
    [
      'a duplicate key',
      () => swap(FIXTURE, '"deploy":', '"deploy": 4, "deploy":'),
      /^intake\.json: the field "deploy" appears twice in maturity; each field may be given only once$/
    ],
    ['nesting 100,000 deep', () => Buffer.from(nested(100_000)), /^intake\.json: nests more than 64 levels deep/],
    ['version 2', () => swap(FIXTURE, '"version": 1', '"version": 2'), /^intake\.json: version: must be 1$/],
    ['a lone surrogate escape', () => swap(FIXTURE, 'Parcelwise', 'Parcel\\ud800wise'), /^intake\.json: holds text that is not valid Unicode/],
    ['a __proto__ key', () => swap(FIXTURE, '"version": 1,', '"version": 1, "__proto__": {"polluted": true},'), /^intake\.json: has a field named "__proto__"/],
    ['a JSON array', () => Buffer.from(`[${FIXTURE.toString('utf8')}]`), /^intake\.json: /],
    ['an unknown field', () => swap(FIXTURE, '"version": 1,', '"version": 1, "path": "/etc/passwd",'), /^intake\.json: path: is not a known field$/]
  ]

  it.each(badIntakes)('refuses an intake file with %s, naming it, and writes nothing', async (_label, bytes, pattern) => {
    place('intake.json', bytes())
    const before = rowCounts(b)
    expectClearFailure(await callAs(b, 'intake:import', {}), 'INVALID_INPUT', pattern)
    expect(rowCounts(b)).toEqual(before)
    expect(backups(b)).toEqual([])
    // The next import works.
    place('good.json', FIXTURE)
    expect(await valueOf(callAs(b, 'intake:import', {}))).toMatchObject({ status: 'imported' })
  })

  it('refuses a 60 MB intake file without reading it', async () => {
    const path = place('huge.json', Buffer.from('{}'))
    truncateSync(path, 60 * 1024 * 1024)
    expectClearFailure(await callAs(b, 'intake:import', {}), 'INVALID_INPUT', /^huge\.json: is too large to be an intake file \(over 5 MB\)$/)
    expect(rowCounts(b)).toEqual(NOTHING)
  })

  it('refuses a directory and a file that has gone', async () => {
    mkdirSync(join(b.dir, 'folder.json'))
    dialogs.nextOpen = join(b.dir, 'folder.json')
    expectClearFailure(await callAs(b, 'intake:import', {}), 'INVALID_INPUT', /^folder\.json is not a file\.$/)
    dialogs.nextOpen = join(b.dir, 'gone.json')
    expectClearFailure(await callAs(b, 'intake:import', {}), 'INVALID_INPUT', /^gone\.json could not be read\.$/)
    expect(rowCounts(b)).toEqual(NOTHING)
  })

  it('accepts an intake file with a UTF-8 byte-order mark, after a verified backup', async () => {
    place('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), FIXTURE]))
    expect(await valueOf(callAs(b, 'intake:import', {}))).toMatchObject({ status: 'imported', clientCreated: true })
    expect(backups(b).some((f) => f.endsWith('-pre-import.db'))).toBe(true)
  })

  // ----------------------------------------------------------------------------------
  // Engagement files (portable:inspect)

  const badPortables: [string, () => Buffer, RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), /^x\.stagecraft: is empty$/],
    ['not JSON', () => Buffer.from('PK\u0003\u0004 not a zip either'), /^x\.stagecraft: is not valid JSON/],
    ['UTF-16', () => utf16(plain.toString('utf8'), true), /^x\.stagecraft: is saved as UTF-16 text/],
    ['invalid UTF-8 bytes', () => insertBytes(plain, 'Harbour', [0xf8, 0x88, 0x80, 0x80, 0x80]), /^x\.stagecraft: is not UTF-8 text/],
    [
      'a duplicate key',
      () => swap(plain, '"name": "Harbour', '"name": "Someone else", "name": "Harbour'),
      /^x\.stagecraft: the field "name" appears twice in data\.client; each field may be given only once$/
    ],
    [
      'a duplicate key written with an escape',
      () => swap(plain, '"industry":', '"industr\\u0079": "Shipping", "industry":'),
      /^x\.stagecraft: the field "industry" appears twice in data\.client/
    ],
    ['nesting 100,000 deep', () => Buffer.from(nested(100_000)), /^x\.stagecraft: nests more than 64 levels deep/],
    [
      'a newer version',
      () => edit(plain, (d) => (d.version = 3)),
      /^x\.stagecraft: was written by a newer version of Stagecraft \(file version 3; this one reads versions 1 to 2\)\. Update Stagecraft, then import it$/
    ],
    [
      'a version written as text',
      () => edit(plain, (d) => (d.version = '2')),
      /^x\.stagecraft: version: must be 2 \(this version of Stagecraft reads versions 1 to 2\)$/
    ],
    ['version 1 with version 2 data', () => edit(plain, (d) => (d.version = 1)), /^x\.stagecraft: data › engagement: .*"signedAt"/],
    [
      'the wrong format',
      () => edit(plain, (d) => (d.format = 'stagecraft-library')),
      /^x\.stagecraft: is not a Stagecraft engagement file \(format: must be "stagecraft-engagement"\)$/
    ],
    ['an intake file', () => FIXTURE, /^x\.stagecraft: is not a Stagecraft engagement file/],
    ['a truncated plain file', () => plain.subarray(0, Math.floor(plain.length / 2)), /^x\.stagecraft: is not valid JSON/],
    ['a truncated encrypted file', () => encrypted.subarray(0, encrypted.length - 100), /^x\.stagecraft: is not valid JSON/],
    [
      'a scrypt cost of 2^30',
      () => edit(encrypted, (d) => (d.kdf.N = 2 ** 30)),
      /^x\.stagecraft: is an encrypted Stagecraft file that is damaged or incomplete \(kdf › N: must be a power of two/
    ],
    [
      'an envelope with an extra key',
      () => edit(encrypted, (d) => (d.note = 'hi')),
      /^x\.stagecraft: is an encrypted Stagecraft file that is damaged or incomplete/
    ],
    ['a short IV', () => edit(encrypted, (d) => (d.iv = 'AAAA')), /damaged or incomplete \(iv: must be 12 bytes\)$/],
    [
      'an assessment of another engagement',
      () => edit(plain, (d) => (d.data.assessments[0].engagementId = '00000000-0000-4000-8000-00000000beef')),
      /^x\.stagecraft: data › assessments › #1 › engagementId: must be the id of the engagement in the file$/
    ],
    [
      'an answer the question does not offer',
      () => edit(plain, (d) => (d.data.assessments[0].answers.deploy_path.value = 'J')),
      /^x\.stagecraft: data › assessments › #1 › answers › deploy_path › value: is not an answer this question offers$/
    ],
    [
      'a 200,000-character note',
      () => edit(plain, (d) => (d.data.assessments[0].answers.cloud.note = 'n'.repeat(200_000))),
      /must be at most 100000 characters/
    ],
    ['a renderer path smuggled in', () => edit(plain, (d) => (d.data.path = '/etc/passwd')), /^x\.stagecraft: data: .*"path"/],
    ['a lone surrogate escape', () => swap(plain, 'Harbour Freight', 'Harbour \\udc00Freight'), /^x\.stagecraft: holds text that is not valid Unicode/],
    // Tracking and the documents sent (version 2).
    [
      'a document whose sha256 does not match',
      () => edit(plain, (d) => (d.data.exports[0].sha256 = 'f'.repeat(64))),
      /^x\.stagecraft: the document "workshop-report\.docx" sent \d{4}-\d{2}-\d{2} \(data › exports › #1\) does not match its recorded sha256; the file has been changed or damaged$/
    ],
    [
      'a changed byte in a document',
      () => edit(plain, (d) => (d.data.exports[1].bytes = flipBase64(d.data.exports[1].bytes, 500))),
      /^x\.stagecraft: the document "proposal\.docx" sent .* \(data › exports › #2\) does not match its recorded sha256/
    ],
    [
      'a document shorter than recorded',
      () => edit(plain, (d) => (d.data.exports[0].sizeBytes += 1)),
      /^x\.stagecraft: the document "workshop-report\.docx" .* holds \d+ bytes, not the \d+ recorded; the file has been changed or damaged$/
    ],
    [
      'a document that is not base64',
      () => edit(plain, (d) => (d.data.exports[0].bytes = 'UEsD*AAA')),
      /^x\.stagecraft: data › exports › #1 › bytes: is not base64$/
    ],
    [
      'a document model that is not JSON',
      () => edit(plain, (d) => (d.data.exports[0].model = '{"client":')),
      /^x\.stagecraft: data › exports › #1 › model: is not JSON text$/
    ],
    [
      'a tracked item of another engagement',
      () => edit(plain, (d) => (d.data.trackingItems[0].engagementId = OTHER)),
      /^x\.stagecraft: data › trackingItems › #1 › engagementId: must be the id of the engagement in the file$/
    ],
    [
      'a document of another engagement',
      () => edit(plain, (d) => (d.data.exports[1].engagementId = OTHER)),
      /^x\.stagecraft: data › exports › #2 › engagementId: must be the id of the engagement in the file$/
    ],
    [
      'a status change of another engagement',
      () => edit(plain, (d) => (d.data.statusHistory[0].engagementId = OTHER)),
      /^x\.stagecraft: data › statusHistory › #1 › engagementId: must be the id of the engagement in the file$/
    ],
    [
      'a time entry of more than a day',
      () => edit(plain, (d) => (d.data.timeEntries[0].days = 1.5)),
      /^x\.stagecraft: data › timeEntries › #1 › days: must be at most 1: one entry holds at most one day$/
    ],
    [
      'a time entry for an item not in the file',
      () => edit(plain, (d) => (d.data.timeEntries[0].itemId = 'no_such_item')),
      /^x\.stagecraft: data › timeEntries › #1 › itemId: must be one of the tracked items in the file, or null$/
    ],
    [
      'a time entry id used twice',
      () => edit(plain, (d) => (d.data.timeEntries[1].id = d.data.timeEntries[0].id)),
      /^x\.stagecraft: data › timeEntries › #2 › id: appears twice$/
    ],
    [
      'a baseline signed on a document not in the file',
      () => edit(plain, (d) => (d.data.baseline.exportSnapshotId = OTHER)),
      /^x\.stagecraft: data › baseline › exportSnapshotId: must be one of the documents in the file \(exports\), or null$/
    ],
    [
      'a blocked item without a reason',
      () => edit(plain, (d) => (d.data.trackingItems.find((t: any) => t.status === 'blocked').blockedReason = null)),
      /^x\.stagecraft: data › trackingItems › #\d+ › blockedReason: a blocked item needs a reason and the date it was blocked since$/
    ],
    [
      'an actual end before the actual start',
      () =>
        edit(plain, (d) =>
          Object.assign(
            d.data.trackingItems.find((t: any) => t.status === 'done'),
            { actualEnd: '2025-01-01' }
          )
        ),
      /^x\.stagecraft: data › trackingItems › #\d+ › actualEnd: must not be before actualStart$/
    ],
    [
      '1,001 gates',
      () => edit(plain, (d) => (d.data.gates = Array.from({ length: 1001 }, (_, i) => ({ ...d.data.gates[0], id: randomUUID(), position: i })))),
      /^x\.stagecraft: data › gates: must hold at most 1000 entries$/
    ],
    ['a __proto__ key', () => swap(plain, '"answers": {', '"answers": {"__proto__": {"polluted": true},'), /^x\.stagecraft: has a field named "__proto__"/]
  ]

  it.each(badPortables)('refuses an engagement file with %s, naming it, and writes nothing', async (_label, bytes, pattern) => {
    place('x.stagecraft', bytes())
    expectClearFailure(await callAs(b, 'portable:inspect', {}), 'INVALID_INPUT', pattern)
    expect(rowCounts(b)).toEqual(NOTHING)
    expect(backups(b)).toEqual([])
    place('good.stagecraft', plain)
    const ready = await valueOf<{ token: string }>(callAs(b, 'portable:inspect', {}))
    await valueOf(callAs(b, 'portable:import', { token: ready.token, mode: 'keep-both' }))
    expect(rowCounts(b).slice(0, 3)).toEqual([1, 1, 2])
    expect(rowCounts(b).slice(TABLES.length)).toEqual(
      TRACKING.map((t) => (source.database.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)
    )
  })

  it('refuses to replace with a file whose time entries belong to another engagement here, and writes nothing', async () => {
    place('first.stagecraft', plain)
    await valueOf(callAs(b, 'portable:import', { token: (await valueOf<{ token: string }>(callAs(b, 'portable:inspect', {}))).token, mode: 'keep-both' }))
    const before = rowCounts(b)
    // Another engagement and client, but the same time entry ids as the one already imported.
    place(
      'clash.stagecraft',
      edit(plain, (d) => {
        const engagementId = randomUUID()
        d.data.client.id = d.data.engagement.clientId = randomUUID()
        d.data.engagement.id = engagementId
        d.data.assessments.forEach((a: any) => ((a.id = randomUUID()), (a.engagementId = engagementId)))
        d.data.plan = null
        for (const key of ['statusHistory', 'trackingItems', 'timeEntries', 'gates', 'exports']) for (const row of d.data[key]) row.engagementId = engagementId
        for (const row of [...d.data.gates, ...d.data.exports]) row.id = randomUUID()
        d.data.baseline = null
      })
    )
    const ready = await valueOf<{ token: string; summary: { exists: boolean } }>(callAs(b, 'portable:inspect', {}))
    expect(ready.summary.exists).toBe(false)
    expectClearFailure(await callAs(b, 'portable:import', { token: ready.token, mode: 'replace' }), 'CONFLICT', /belong to another engagement here/)
    expect(rowCounts(b)).toEqual(before)
  })

  it('refuses a 210 MB engagement file without reading it', async () => {
    const path = place('big.stagecraft', Buffer.from('{}'))
    // A sparse file: its size says 210 MB, and the refusal comes from the size alone.
    truncateSync(path, 210 * 1024 * 1024)
    expectClearFailure(await callAs(b, 'portable:inspect', {}), 'INVALID_INPUT', /^big\.stagecraft: is too large to be a Stagecraft file \(over 200 MB\)$/)
  })

  const tampered: [string, () => Buffer][] = [
    ['a wrong passphrase', () => encrypted],
    ['one changed ciphertext byte', () => edit(encrypted, (d) => (d.ciphertext = flipBase64(d.ciphertext, 1000)))],
    ['a ciphertext cut short', () => edit(encrypted, (d) => (d.ciphertext = d.ciphertext.slice(0, -400)))],
    ['a changed tag', () => edit(encrypted, (d) => (d.tag = flipBase64(d.tag, 3)))],
    ['a changed IV', () => edit(encrypted, (d) => (d.iv = flipBase64(d.iv, 0)))],
    ['a changed salt', () => edit(encrypted, (d) => (d.kdf.salt = flipBase64(d.kdf.salt, 5)))],
    ['a lowered scrypt cost in the header', () => edit(encrypted, (d) => (d.kdf.N = 2 ** 16))]
  ]

  it.each(tampered)('refuses an encrypted file with %s: a clear message and nothing written', async (label, bytes) => {
    place('locked.stagecraft', bytes())
    const first = await valueOf<{ status: string; token: string }>(callAs(b, 'portable:inspect', {}))
    expect(first.status).toBe('needs-passphrase')
    const passphrase = label === 'a wrong passphrase' ? 'Seven tidy harbour crane' : PASSPHRASE
    expect(await callAs(b, 'portable:unlock', { token: first.token, passphrase })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: WRONG_PASSPHRASE }
    })
    expectClearFailure(await callAs(b, 'portable:import', { token: first.token, mode: 'replace' }), 'INVALID_INPUT', /enter its passphrase first/)
    expect(rowCounts(b)).toEqual(NOTHING)
    expect(backups(b)).toEqual([])
  })

  it('accepts an engagement file with a UTF-8 byte-order mark', async () => {
    place('bom.stagecraft', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]))
    expect(await valueOf(callAs(b, 'portable:inspect', {}))).toMatchObject({ status: 'ready', summary: { assessments: 2 } })
  })

  it('imports exactly what was inspected, even if the file changes or goes before the import', async () => {
    const path = place('moving.stagecraft', plain)
    const changed = await valueOf<{ token: string }>(callAs(b, 'portable:inspect', {}))
    writeFileSync(path, swap(plain, 'AI platform and first hires', 'Swapped after the check'))
    const one = await valueOf<{ engagementId: string }>(callAs(b, 'portable:import', { token: changed.token, mode: 'keep-both' }))
    expect((await valueOf<{ title: string }>(callAs(b, 'engagements:get', { id: one.engagementId }))).title).toBe('AI platform and first hires')
    const gone = await valueOf<{ token: string }>(callAs(b, 'portable:inspect', {}))
    rmSync(path)
    const two = await valueOf<{ engagementId: string }>(callAs(b, 'portable:import', { token: gone.token, mode: 'keep-both' }))
    expect((await valueOf<{ title: string }>(callAs(b, 'engagements:get', { id: two.engagementId }))).title).toBe('Swapped after the check (imported)')
  })

  it.each([['keep-both'], ['replace']] as const)('imports a file whose engagement is already here with %s', async (mode) => {
    place('again.stagecraft', plain)
    await valueOf(callAs(b, 'portable:import', { token: (await valueOf<{ token: string }>(callAs(b, 'portable:inspect', {}))).token, mode: 'keep-both' }))
    const second = await valueOf<{ token: string; summary: { exists: boolean } }>(callAs(b, 'portable:inspect', {}))
    expect(second.summary.exists).toBe(true)
    const once = rowCounts(b)
    await valueOf(callAs(b, 'portable:import', { token: second.token, mode }))
    expect(rowCounts(b).slice(0, 3)).toEqual(mode === 'keep-both' ? [2, 2, 4] : [1, 1, 2])
    expect(rowCounts(b).slice(TABLES.length)).toEqual(once.slice(TABLES.length).map((n) => (mode === 'keep-both' ? 2 * n : n)))
  })

  it('refuses an unlock for a token that was never handed out', async () => {
    expectClearFailure(
      await callAs(b, 'portable:unlock', { token: '00000000-0000-4000-8000-00000000abcd', passphrase: PASSPHRASE }),
      'NOT_FOUND',
      /no longer open for import/
    )
  })
})

// ------------------------------------------------------------------------------------
// A full disk

const TSX = ['--import', 'tsx']
const HELPER = join(ROOT, 'tests/helpers/full-disk-writer.ts')
const unix = process.platform !== 'win32'

describe.runIf(unix)('a full disk', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => ({ dir, cleanup } = tempDir('stagecraft-full-disk-')))
  afterEach(() => cleanup())

  it('writeFileAtomic under `ulimit -f 64`: the earlier file survives and the message says the disk is full', () => {
    const target = join(dir, 'proposal.json')
    writeFileSync(target, '{"earlier": true}\n')
    const before = sha(target)
    const r = spawnSync('bash', ['-c', `ulimit -f 64; exec "${process.execPath}" ${TSX.join(' ')} "${HELPER}" write "${target}" 1048576`], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(r.stderr).toBe('')
    const outcome = JSON.parse(r.stdout.trim())
    expect(outcome).toEqual({
      ok: false,
      code: 'EFBIG',
      message: 'The disk is full, so proposal.json was not saved. Any earlier file with that name is unchanged.'
    })
    expect(sha(target)).toBe(before)
    expect(readdirSync(dir)).toEqual(['proposal.json']) // no temporary file left behind
  })

  it.runIf(existsSync('/usr/bin/prlimit') || existsSync('/bin/prlimit'))('an export when the disk fills: the earlier .stagecraft survives', async () => {
    const child = spawn(process.execPath, [...TSX, HELPER, 'export', dir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stderr.on('data', (d) => (err += String(d)))
    await new Promise<void>((ready, fail) => {
      child.stdout.on('data', (d) => {
        out += String(d)
        if (out.includes('ready\n')) ready()
      })
      child.on('exit', () => fail(new Error(`export child ended early: ${err}`)))
    })
    const earlier = join(dir, 'earlier.stagecraft')
    const before = sha(earlier)
    // From now on the child may not write past 8 KB in any file: its next export cannot fit.
    const limit = spawnSync('prlimit', ['--pid', String(child.pid), '--fsize=8192:8192'], { encoding: 'utf8' })
    expect(limit.status, limit.stderr).toBe(0)
    const done = new Promise<void>((resolveExit) => child.on('exit', () => resolveExit()))
    child.stdin.write('go\n')
    await done
    const answer = JSON.parse(out.split('\n').filter(Boolean).at(-1)!)
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The disk is full, so earlier.stagecraft was not saved. Any earlier file with that name is unchanged.' }
    })
    expect(sha(earlier)).toBe(before)
    expect(JSON.parse(readFileSync(earlier, 'utf8')).format).toBe('stagecraft-engagement')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

// ------------------------------------------------------------------------------------
// The CLI's arguments

describe('hostile CLI arguments', () => {
  let dir: string
  let cleanup: () => void
  beforeEach(() => ({ dir, cleanup } = tempDir('stagecraft-cli-hostile-')))
  afterEach(() => cleanup())

  const run = async (args: string[], env: Record<string, string> = {}) => {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: dir,
      env: { STAGECRAFT_DB: join(dir, 'stagecraft.db'), ...env }
    })
    return { code, stdout, stderr }
  }

  const cases: [string, (dir: string) => string[], Record<string, string>, number, RegExp][] = [
    ['an unknown command', () => ['explode', 'x'], {}, 2, /^stagecraft: unknown command "explode"/],
    ['an unknown db action', () => ['db', 'drop'], {}, 2, /^stagecraft db: unknown action "drop"; usage: stagecraft db check$/],
    ['a missing file', () => ['import', 'missing.stagecraft'], {}, 1, /^missing\.stagecraft: file not found$/],
    ['a directory as FILE', (d) => (mkdirSync(join(d, 'folder')), ['import', 'folder']), {}, 1, /^folder: is a directory, not a file$/],
    [
      'an invalid --mode',
      () => ['import', 'x.stagecraft', '--mode', 'merge'],
      {},
      2,
      /^stagecraft import: --mode must be keep-both, replace, update or keep, not "merge"/
    ],
    ['--mode without a value', () => ['import', 'x.stagecraft', '--mode'], {}, 2, /^stagecraft import: option --mode/],
    [
      'a missing passphrase variable',
      () => ['import', 'x.stagecraft', '--passphrase-env', 'NOT_SET_ANYWHERE'],
      {},
      1,
      /^stagecraft import: the environment variable NOT_SET_ANYWHERE \(from --passphrase-env\) is not set/
    ],
    ['a passphrase on the command line', () => ['import', 'x.stagecraft', '--passphrase', 'secret'], {}, 2, /^stagecraft import: unknown option --passphrase/],
    [
      'a passphrase variable name that is not one',
      () => ['import', 'x.stagecraft', '--passphrase-env', 'A=B'],
      {},
      2,
      /^stagecraft import: --passphrase-env takes the name of an environment variable/
    ],
    ['an extra argument', () => ['import', 'a.json', 'b.json'], {}, 2, /^stagecraft import: unexpected argument "b\.json"/],
    [
      '--mode with an intake file',
      (d) => (writeFileSync(join(d, 'i.json'), FIXTURE), ['import', 'i.json', '--mode', 'replace']),
      {},
      2,
      /--mode replace applies to \.stagecraft files/
    ],
    [
      'an encrypted file without a passphrase',
      (d) => (writeFileSync(join(d, 'e.stagecraft'), encrypted), ['import', 'e.stagecraft']),
      {},
      1,
      /^e\.stagecraft: is encrypted; give --passphrase-env VAR/
    ],
    [
      'a wrong passphrase',
      (d) => (writeFileSync(join(d, 'e.stagecraft'), encrypted), ['import', 'e.stagecraft', '--passphrase-env', 'PP']),
      { PP: 'not the passphrase' },
      1,
      /^The passphrase is not right, or the file has been changed\.$/
    ],
    [
      'a bad intake file',
      (d) => (writeFileSync(join(d, 'bad.json'), swap(FIXTURE, '"deploy":', '"deploy": 9, "x":')), ['import', 'bad.json']),
      {},
      1,
      /^bad\.json: maturity\.deploy: must be an integer from 0 to 4/
    ]
  ]

  it.each(cases)('%s: one clear line, non-zero exit, no database created', async (_label, args, env, code, pattern) => {
    const r = await run(args(dir), env)
    expect(r.code).toBe(code)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.trimEnd()).toMatch(pattern)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'stagecraft.db'))).toBe(false)
  })

  it('import without STAGECRAFT_DB says so', async () => {
    writeFileSync(join(dir, 'i.json'), FIXTURE)
    let stderr = ''
    const code = await runCli(['import', 'i.json'], { stdout: () => undefined, stderr: (t) => (stderr += t), cwd: dir, env: {} })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^stagecraft import: STAGECRAFT_DB is not set/)
  })
})
