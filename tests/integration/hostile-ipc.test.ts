/**
 * Hostile IPC payloads through the real dispatcher and a real SQLite file: each is refused
 * with a plain {code, message} (no stack text), writes nothing, and the next valid call
 * still works. Text that is merely unusual (bidi overrides, control characters, SQL- and
 * LIKE-looking search terms) is accepted as text and stored exactly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SenderInfo } from '../../electron/dispatcher'
import { MAX_PAYLOAD_DEPTH, payloadProblem } from '../../shared/ipc/payload'
import { callAs, testBackend, TRUSTED, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
interface Ids {
  clientId: string
  engagementId: string
  assessmentId: string
  planId: string
}

const TABLES = ['client', 'engagement', 'assessment', 'assessment_answer', 'plan', 'setting', 'library_item']
const rowCounts = (b: TB) => Object.fromEntries(TABLES.map((t) => [t, (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))
/** Everything stored, so "nothing was written" also covers updates, not only inserts. */
const dump = (b: TB) => TABLES.map((t) => JSON.stringify(b.database.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())).join('\n')

const nestedArray = (depth: number): unknown => {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = [v]
  return v
}
const nestedObject = (depth: number): unknown => {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}
const MB10 = 'x'.repeat(10 * 1024 * 1024)
const UNKNOWN_ID = '00000000-0000-4000-8000-0000000fffff'
const engagementBase = (ids: Ids) => ({ clientId: ids.clientId, title: 'Platform', consultant: 'Dana', currency: 'EUR', dayRate: 1200 })

type Row = [label: string, channel: unknown, payload: (ids: Ids) => unknown, sender: SenderInfo | undefined, code: string]
const T = TRUSTED

const refused: Row[] = [
  // Extra keys and prototype keys (JSON.parse makes them own properties, as IPC would).
  ['an extra key', 'clients:create', () => ({ name: 'X', extra: 1 }), T, 'INVALID_INPUT'],
  ['a __proto__ key', 'clients:create', () => JSON.parse('{"name":"X","__proto__":{"isAdmin":true}}'), T, 'INVALID_INPUT'],
  ['a constructor key', 'clients:create', () => JSON.parse('{"name":"X","constructor":{"prototype":{"polluted":true}}}'), T, 'INVALID_INPUT'],
  ['a prototype key', 'clients:create', () => JSON.parse('{"name":"X","prototype":{"polluted":true}}'), T, 'INVALID_INPUT'],
  ['a __proto__ key inside a patch', 'clients:update', (ids) => ({ id: ids.clientId, patch: JSON.parse('{"__proto__":{"name":"p"}}') }), T, 'INVALID_INPUT'],
  ['a __proto__ key in preferences', 'preferences:update', () => JSON.parse('{"__proto__":{"theme":"dark"}}'), T, 'INVALID_INPUT'],
  [
    'a __proto__ plan item id',
    'plans:save-edits',
    (ids) => ({ planId: ids.planId, edits: { overrides: JSON.parse('{"__proto__":{"effortDays":1}}'), custom: [], removed: [] } }),
    T,
    'INVALID_INPUT'
  ],
  ['a __proto__ question id', 'assessments:set-answer', (ids) => ({ assessmentId: ids.assessmentId, questionId: '__proto__', value: 'A' }), T, 'INVALID_INPUT'],
  // Wrong types.
  ['a day rate as text', 'engagements:create', (ids) => ({ ...engagementBase(ids), dayRate: '1200' }), T, 'INVALID_INPUT'],
  ['an id as a number', 'clients:get', () => ({ id: 42 }), T, 'INVALID_INPUT'],
  ['a boolean as text', 'clients:set-archived', (ids) => ({ id: ids.clientId, archived: 'true' }), T, 'INVALID_INPUT'],
  ['a null payload', 'clients:create', () => null, T, 'INVALID_INPUT'],
  ['an array payload', 'clients:create', () => [{ name: 'X' }], T, 'INVALID_INPUT'],
  ['a string payload', 'app:info', () => 'info', T, 'INVALID_INPUT'],
  // Numbers.
  ['a NaN day rate', 'engagements:create', (ids) => ({ ...engagementBase(ids), dayRate: Number.NaN }), T, 'INVALID_INPUT'],
  ['an Infinity day rate', 'engagements:create', (ids) => ({ ...engagementBase(ids), dayRate: Number.POSITIVE_INFINITY }), T, 'INVALID_INPUT'],
  ['a -Infinity headcount', 'clients:create', () => ({ name: 'X', headcount: Number.NEGATIVE_INFINITY }), T, 'INVALID_INPUT'],
  ['a 1e308 day rate', 'engagements:create', (ids) => ({ ...engagementBase(ids), dayRate: 1e308 }), T, 'INVALID_INPUT'],
  ['a headcount beyond 2^53', 'clients:create', () => ({ name: 'X', headcount: 2 ** 53 + 2 }), T, 'INVALID_INPUT'],
  ['a 1e308 answer count', 'assessments:set-answer', (ids) => ({ assessmentId: ids.assessmentId, questionId: 'engineers', value: 1e308 }), T, 'INVALID_INPUT'],
  ['a NaN list limit', 'clients:list', () => ({ limit: Number.NaN }), T, 'INVALID_INPUT'],
  ['a negative offset', 'engagements:list', () => ({ offset: -1 }), T, 'INVALID_INPUT'],
  // Size.
  ['a 10 MB client name', 'clients:create', () => ({ name: MB10 }), T, 'INVALID_INPUT'],
  ['a 10 MB note', 'assessments:set-note', (ids) => ({ assessmentId: ids.assessmentId, questionId: 'cloud', kind: 'note', text: MB10 }), T, 'INVALID_INPUT'],
  ['a 10 MB search', 'clients:list', () => ({ search: MB10 }), T, 'INVALID_INPUT'],
  ['a 10 MB passphrase', 'portable:export', (ids) => ({ engagementId: ids.engagementId, passphrase: MB10 }), T, 'INVALID_INPUT'],
  [
    '100,000 people present',
    'assessments:create',
    (ids) => ({ engagementId: ids.engagementId, present: Array.from({ length: 100_000 }, (_, i) => `P${i}`) }),
    T,
    'INVALID_INPUT'
  ],
  [
    '100,000 removed plan items',
    'plans:save-edits',
    (ids) => ({ planId: ids.planId, edits: { overrides: {}, custom: [], removed: Array.from({ length: 100_000 }, () => 'abc') } }),
    T,
    'INVALID_INPUT'
  ],
  ['2,000,000 array items', 'assessments:create', (ids) => ({ engagementId: ids.engagementId, present: new Array(2_000_000).fill(0) }), T, 'INVALID_INPUT'],
  // Depth.
  ['arrays nested 10,000 deep', 'assessments:create', (ids) => ({ engagementId: ids.engagementId, present: nestedArray(10_000) }), T, 'INVALID_INPUT'],
  ['objects nested 10,000 deep', 'clients:create', () => ({ name: nestedObject(10_000) }), T, 'INVALID_INPUT'],
  [
    'objects nested 10,000 deep in plan edits',
    'plans:save-edits',
    (ids) => ({ planId: ids.planId, edits: { overrides: { abc: nestedObject(10_000) }, custom: [], removed: [] } }),
    T,
    'INVALID_INPUT'
  ],
  ['a payload nested 100,000 deep', 'preferences:update', () => nestedObject(100_000), T, 'INVALID_INPUT'],
  // Dates.
  ['30 February', 'engagements:create', (ids) => ({ ...engagementBase(ids), startDate: '2026-02-30' }), T, 'INVALID_INPUT'],
  ['month 13', 'engagements:create', (ids) => ({ ...engagementBase(ids), startDate: '2026-13-01' }), T, 'INVALID_INPUT'],
  ['a timestamp where a date belongs', 'engagements:create', (ids) => ({ ...engagementBase(ids), startDate: '2026-01-01T00:00:00Z' }), T, 'INVALID_INPUT'],
  ['a year 275760 date', 'engagements:update', (ids) => ({ id: ids.engagementId, patch: { startDate: '+275760-09-13' } }), T, 'INVALID_INPUT'],
  // Text that could not be stored as sent.
  ['a lone surrogate in a name', 'clients:create', () => ({ name: 'Acme \uD800' }), T, 'INVALID_INPUT'],
  ['a lone surrogate in a key', 'clients:create', () => ({ name: 'Acme', ['\uDC00']: 1 }), T, 'INVALID_INPUT'],
  // SQL in places that are not free text.
  [
    'SQL as a question id',
    'assessments:set-answer',
    (ids) => ({ assessmentId: ids.assessmentId, questionId: "cloud'; DROP TABLE assessment; --", value: 'A' }),
    T,
    'INVALID_INPUT'
  ],
  ['SQL as an id', 'clients:delete', () => ({ id: '1 OR 1=1; --' }), T, 'INVALID_INPUT'],
  ['SQL as a sort column', 'clients:list', () => ({ sort: 'name; DROP TABLE client' }), T, 'INVALID_INPUT'],
  // Paths from the renderer where a channel takes none (the main process chooses files).
  ['a path for the intake import', 'intake:import', () => ({ path: '/etc/passwd' }), T, 'INVALID_INPUT'],
  ['a path for the intake export', 'intake:export', (ids) => ({ assessmentId: ids.assessmentId, path: '/tmp/out.json' }), T, 'INVALID_INPUT'],
  ['a path for the engagement export', 'portable:export', (ids) => ({ engagementId: ids.engagementId, path: '../../x.stagecraft' }), T, 'INVALID_INPUT'],
  ['a path for the engagement import', 'portable:inspect', () => ({ path: 'C:\\Windows\\system.ini' }), T, 'INVALID_INPUT'],
  ['a path with an import token', 'portable:import', () => ({ token: UNKNOWN_ID, mode: 'replace', path: '/etc/shadow' }), T, 'INVALID_INPUT'],
  // Portable channels.
  ['a 7-character passphrase', 'portable:unlock', () => ({ token: UNKNOWN_ID, passphrase: 'short12' }), T, 'INVALID_INPUT'],
  ['an unknown import mode', 'portable:import', () => ({ token: UNKNOWN_ID, mode: 'merge' }), T, 'INVALID_INPUT'],
  ['a token that is a path', 'portable:import', () => ({ token: '/tmp/evil.stagecraft', mode: 'replace' }), T, 'INVALID_INPUT'],
  ['a token never handed out', 'portable:import', () => ({ token: UNKNOWN_ID, mode: 'replace' }), T, 'NOT_FOUND'],
  ['a passphrase as a number', 'portable:export', (ids) => ({ engagementId: ids.engagementId, passphrase: 12345678 }), T, 'INVALID_INPUT'],
  // Channels and senders.
  ['an unknown channel', 'db:exec', () => ({ sql: 'DROP TABLE client' }), T, 'UNKNOWN_CHANNEL'],
  ['the channel __proto__', '__proto__', () => ({}), T, 'UNKNOWN_CHANNEL'],
  ['the channel toString', 'toString', () => ({}), T, 'UNKNOWN_CHANNEL'],
  ['a channel that is not text', 42, () => ({}), T, 'UNKNOWN_CHANNEL'],
  ['a foreign sender frame', 'clients:create', () => ({ name: 'Sneaky' }), { url: 'https://evil.example/index.html', isMainFrame: true }, 'FORBIDDEN'],
  ['a sub-frame of our own page', 'clients:create', () => ({ name: 'Sneaky' }), { url: 'app://stagecraft/index.html', isMainFrame: false }, 'FORBIDDEN'],
  ['a file: sender', 'portable:inspect', () => ({}), { url: 'file:///tmp/index.html', isMainFrame: true }, 'FORBIDDEN'],
  ['a look-alike host', 'clients:delete', (ids) => ({ id: ids.clientId }), { url: 'app://stagecraft.evil.example/', isMainFrame: true }, 'FORBIDDEN'],
  ['no sender at all', 'clients:create', () => ({ name: 'Sneaky' }), undefined, 'FORBIDDEN']
]

describe('hostile IPC payloads', () => {
  let b: TB
  let ids: Ids
  const opened: string[] = []

  beforeEach(async () => {
    b = await testBackend({
      dialogs: {
        chooseFileToOpen: async () => {
          opened.push('open')
          return null
        },
        chooseFileToSave: async () => {
          opened.push('save')
          return null
        }
      }
    })
    const sample = await valueOf<{ clientId: string; engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
    const plan = await valueOf<{ id: string }>(callAs(b, 'plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId }))
    ids = { ...sample, planId: plan.id }
    opened.length = 0
  })
  afterEach(async () => {
    await b.dispose()
  })

  it.each(refused)('refuses %s with a clear error, writes nothing, and keeps working', async (_label, channel, payload, sender, code) => {
    const before = dump(b)
    const counts = rowCounts(b)
    const result = await b.dispatch(channel as string, payload(ids), sender as SenderInfo)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message'])
    expect(result.error.code).toBe(code)
    expect(result.error.message.length).toBeGreaterThan(10)
    expect(result.error.message.length).toBeLessThan(400)
    expect(result.error.message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|Error:|SQLITE/)
    expect(rowCounts(b)).toEqual(counts)
    expect(dump(b)).toBe(before)
    expect(opened).toEqual([]) // no dialog was shown for a refused call
    expect(({} as Record<string, unknown>).isAdmin ?? ({} as Record<string, unknown>).polluted).toBeUndefined()
    // The next valid call still works.
    const next = await callAs(b, 'clients:create', { name: 'Still working' })
    expect(next.ok).toBe(true)
    expect(rowCounts(b).client).toBe(counts.client! + 1)
  })

  const accepted: [string, string][] = [
    ['a right-to-left override', 'Acme \u202Egnp.exe'],
    ['bidi isolates and marks', '\u2067Acme\u2069 \u200F\u200E'],
    ['control characters', 'Acme\u0007\u001b[31m red\u0008'],
    ['a NUL character', 'Acme\u0000Hidden'],
    ['combining marks and emoji', 'Z\u0351\u0352a\u0353lgo 👩🏽‍💻'],
    ['markup', '<script>alert(1)</script> & <b>bold</b>'],
    ['SQL', "Robert'); DROP TABLE client; --"]
  ]
  it.each(accepted)('accepts a name with %s as text and stores it exactly', async (_label, name) => {
    const created = await valueOf<{ id: string; name: string }>(callAs(b, 'clients:create', { name }))
    expect(created.name).toBe(name)
    const read = await valueOf<{ name: string }>(callAs(b, 'clients:get', { id: created.id }))
    expect(read.name).toBe(name)
    const row = b.database.sqlite.prepare('SELECT name FROM client WHERE id = ?').get(created.id) as { name: string }
    expect(row.name).toBe(name)
  })

  it('accepts -0 as a headcount and stores 0', async () => {
    const created = await valueOf<{ id: string; headcount: number }>(callAs(b, 'clients:create', { name: 'Zero', headcount: -0 }))
    expect(Object.is(created.headcount, 0)).toBe(true)
  })

  const searches: [string, string, number][] = [
    ['an SQL injection', "'; DROP TABLE client; --", 0],
    ['a LIKE percent', '%', 1],
    ['a LIKE underscore', '_', 1],
    ['a backslash', '\\', 1],
    ['a quote', "O'Brien", 1]
  ]
  it.each(searches)('treats %s in search as plain text', async (_label, search, expected) => {
    for (const name of ['100% Data', 'Under_score', 'Back\\slash', "O'Brien & Co"]) await valueOf(callAs(b, 'clients:create', { name }))
    const counts = rowCounts(b)
    const clients = await valueOf<{ total: number }>(callAs(b, 'clients:list', { search }))
    expect(clients.total).toBe(expected)
    const engagements = await valueOf<{ total: number }>(callAs(b, 'engagements:list', { search }))
    expect(engagements.total).toBe(0)
    expect(rowCounts(b)).toEqual(counts)
  })

  it('the payload guard walks without recursion and names each problem', () => {
    expect(payloadProblem(nestedArray(1_000_000))).toBe('too-deep')
    expect(payloadProblem(nestedArray(MAX_PAYLOAD_DEPTH - 1))).toBeNull()
    expect(payloadProblem({ a: ['fine', { b: 'text 👍' }] })).toBeNull()
    expect(payloadProblem(['\uDBFF'])).toBe('malformed-text')
    expect(payloadProblem({ ok: [JSON.parse('{"__proto__": 1}')] })).toBe('prototype-key')
    expect(payloadProblem({ constructor: 'text', prototype: 'text' })).toBeNull()
    expect(payloadProblem(new Array(1_000_001).fill(1))).toBe('too-large')
  })
})
