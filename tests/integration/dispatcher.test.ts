import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callAs, testBackend } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>

const countRows = (b: TB, table: string) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('the IPC dispatcher', () => {
  let b: TB
  beforeEach(async () => {
    b = await testBackend()
  })
  afterEach(async () => {
    await b.dispose()
  })

  it('creates and reads a client through the contract', async () => {
    const created = await callAs(b, 'clients:create', { name: '  Northwind Labs ', headcount: 80 })
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const client = created.value as { id: string; name: string; headcount: number; industry: null }
    expect(client.name).toBe('Northwind Labs')
    expect(client.industry).toBeNull()
    const read = await callAs(b, 'clients:get', { id: client.id })
    expect(read).toEqual({ ok: true, value: client })
  })

  it.each([
    ['a missing name', { headcount: 3 }],
    ['an empty name', { name: '   ' }],
    ['an unknown key', { name: 'X', extra: 1 }],
    ['a prototype key', JSON.parse('{"name":"X","__proto__":{"admin":true}}')],
    ['a constructor key', { name: 'X', constructor: { prototype: {} } }],
    ['a wrong type', { name: 42 }],
    ['NaN headcount', { name: 'X', headcount: Number.NaN }],
    ['Infinity headcount', { name: 'X', headcount: Number.POSITIVE_INFINITY }],
    ['a negative headcount', { name: 'X', headcount: -1 }],
    ['a fractional headcount', { name: 'X', headcount: 1.5 }],
    ['a 10 MB name', { name: 'x'.repeat(10 * 1024 * 1024) }],
    ['a bad email', { name: 'X', contactEmail: 'not-an-email' }],
    ['a string payload', 'clients'],
    ['null', null],
    ['an array', [{ name: 'X' }]]
  ])('refuses %s with a clear message and writes nothing', async (_label, payload) => {
    const result = await callAs(b, 'clients:create', payload)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.message.length).toBeGreaterThan(5)
    expect(result.error.message).not.toMatch(/at .*\.ts:\d+|node_modules|Error:/)
    expect(countRows(b, 'client')).toBe(0)
  })

  it('names the field and the problem in plain words', async () => {
    const result = await callAs(b, 'clients:create', { name: '' })
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'name: Client name is required' } })
  })

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a sub-frame of our own page', { url: 'app://stagecraft/index.html', isMainFrame: false }],
    ['a look-alike host', { url: 'app://stagecraft.evil/index.html', isMainFrame: true }],
    ['a file URL', { url: 'file:///etc/passwd', isMainFrame: true }],
    ['an empty URL', { url: '', isMainFrame: true }]
  ])('refuses a call from %s and writes nothing', async (_label, sender) => {
    const result = await callAs(b, 'clients:create', { name: 'Sneaky' }, sender)
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) })
    expect(countRows(b, 'client')).toBe(0)
  })

  it('refuses an unknown channel', async () => {
    const result = await callAs(b, 'db:drop-everything', {})
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }) })
  })

  it('reports a missing record as NOT_FOUND in plain words', async () => {
    const result = await callAs(b, 'clients:get', { id: '00000000-0000-4000-8000-00000000ffff' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That client no longer exists. It may have been deleted.' }
    })
  })

  it('refuses an engagement with a bad currency, date or rate and writes nothing', async () => {
    const c = await callAs(b, 'clients:create', { name: 'Acme' })
    if (!c.ok) throw new Error('setup failed')
    const clientId = (c.value as { id: string }).id
    const base = { clientId, title: 'Platform', consultant: 'Dana', currency: 'EUR', dayRate: 1200 }
    for (const bad of [
      { ...base, currency: 'EURO' },
      { ...base, currency: 'XYZ' },
      { ...base, startDate: '2026-02-30' },
      { ...base, dayRate: 0 },
      { ...base, status: 'won' }
    ]) {
      const result = await callAs(b, 'engagements:create', bad)
      expect(result.ok, JSON.stringify(bad)).toBe(false)
    }
    expect(countRows(b, 'engagement')).toBe(0)
    const good = await callAs(b, 'engagements:create', { ...base, startDate: '2026-04-01' })
    expect(good.ok).toBe(true)
  })

  it('treats SQL-looking and LIKE-wildcard search text as plain text', async () => {
    await callAs(b, 'clients:create', { name: '100% Data Co' })
    await callAs(b, 'clients:create', { name: 'Other_Corp' })
    await callAs(b, 'clients:create', { name: 'Plain Inc' })
    const pct = await callAs(b, 'clients:list', { search: '%' })
    expect(pct.ok && (pct.value as { total: number }).total).toBe(1)
    const underscore = await callAs(b, 'clients:list', { search: '_' })
    expect(underscore.ok && (underscore.value as { total: number }).total).toBe(1)
    const injection = await callAs(b, 'clients:list', { search: "'; DROP TABLE client; --" })
    expect(injection.ok && (injection.value as { total: number }).total).toBe(0)
    expect(countRows(b, 'client')).toBe(3)
  })
})
