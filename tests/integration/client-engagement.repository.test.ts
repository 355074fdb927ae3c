import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callAs, testBackend } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}

describe('clients and engagements', () => {
  let b: TB
  beforeEach(async () => {
    b = await testBackend()
  })
  afterEach(async () => {
    await b.dispose()
  })

  const client = (name: string, extra: object = {}) => value<{ id: string; updatedAt: string }>(callAs(b, 'clients:create', { name, ...extra }))
  const engagement = (clientId: string, title: string, extra: object = {}) =>
    value<{ id: string }>(callAs(b, 'engagements:create', { clientId, title, consultant: 'Sam Rivera', currency: 'GBP', dayRate: 950, ...extra }))

  it('lists clients with search, sort and engagement counts', async () => {
    const acme = await client('Acme Freight', { industry: 'Logistics' })
    await client('beta Health', { industry: 'Healthcare' })
    await client('Cobalt Bank', { contactName: 'Ana Freitas' })
    await engagement(acme.id, 'Platform foundations', { status: 'active' })
    await engagement(acme.id, 'Hiring plan')

    const all = await value<{ items: { name: string; engagementCount: number; activeEngagementCount: number }[]; total: number }>(callAs(b, 'clients:list', {}))
    expect(all.items.map((c) => c.name)).toEqual(['Acme Freight', 'beta Health', 'Cobalt Bank']) // case-insensitive
    expect(all.items[0]).toMatchObject({ engagementCount: 2, activeEngagementCount: 1 })

    const byDesc = await value<{ items: { name: string }[] }>(callAs(b, 'clients:list', { sort: 'name', direction: 'desc' }))
    expect(byDesc.items.map((c) => c.name)).toEqual(['Cobalt Bank', 'beta Health', 'Acme Freight'])

    const search = async (term: string) => (await value<{ items: { name: string }[] }>(callAs(b, 'clients:list', { search: term }))).items.map((c) => c.name)
    expect(await search('health')).toEqual(['beta Health'])
    expect(await search('freitas')).toEqual(['Cobalt Bank'])
    expect(await search('foundations')).toEqual(['Acme Freight']) // by engagement title
    expect(await search('nothing like this')).toEqual([])
  })

  it('edits a client and bumps its updated time', async () => {
    const c = await client('Acme')
    const edited = await value<{ name: string; notes: string; updatedAt: string }>(
      callAs(b, 'clients:update', { id: c.id, patch: { name: 'Acme Freight', notes: 'Met the CTO' } })
    )
    expect(edited).toMatchObject({ name: 'Acme Freight', notes: 'Met the CTO' })
    expect(edited.updatedAt > c.updatedAt).toBe(true)
  })

  it('archives a client out of the default list and back', async () => {
    const c = await client('Quiet Co')
    await value(callAs(b, 'clients:set-archived', { id: c.id, archived: true }))
    expect((await value<{ total: number }>(callAs(b, 'clients:list', {}))).total).toBe(0)
    expect((await value<{ total: number }>(callAs(b, 'clients:list', { includeArchived: true }))).total).toBe(1)
    await value(callAs(b, 'clients:set-archived', { id: c.id, archived: false }))
    expect((await value<{ total: number }>(callAs(b, 'clients:list', {}))).total).toBe(1)
  })

  it('previews and then deletes a client together with its engagements', async () => {
    const c = await client('Gone Ltd')
    await engagement(c.id, 'One')
    await engagement(c.id, 'Two')
    const keep = await client('Stays Ltd')
    await engagement(keep.id, 'Three')
    const preview = await value<{ engagements: { title: string }[] }>(callAs(b, 'clients:delete-preview', { id: c.id }))
    expect(preview.engagements.map((e) => e.title)).toEqual(['One', 'Two'])
    expect(await value(callAs(b, 'clients:delete', { id: c.id }))).toEqual({ deletedEngagements: 2 })
    const left = await value<{ items: { title: string }[] }>(callAs(b, 'engagements:list', { includeArchived: true }))
    expect(left.items.map((e) => e.title)).toEqual(['Three'])
  })

  it('lists engagements with client names, filters and sorting', async () => {
    const a = await client('Alpha')
    const z = await client('Zeta')
    await engagement(a.id, 'Readiness assessment', { status: 'proposal', startDate: '2026-05-01' })
    await engagement(z.id, 'MLOps rollout', { status: 'active', startDate: '2026-03-01' })
    const list = await value<{ items: { title: string; clientName: string }[] }>(callAs(b, 'engagements:list', { sort: 'startDate', direction: 'asc' }))
    expect(list.items.map((e) => [e.title, e.clientName])).toEqual([
      ['MLOps rollout', 'Zeta'],
      ['Readiness assessment', 'Alpha']
    ])
    const active = await value<{ items: { title: string }[] }>(callAs(b, 'engagements:list', { status: 'active' }))
    expect(active.items.map((e) => e.title)).toEqual(['MLOps rollout'])
    const forAlpha = await value<{ items: { title: string }[] }>(callAs(b, 'engagements:list', { clientId: a.id }))
    expect(forAlpha.items.map((e) => e.title)).toEqual(['Readiness assessment'])
  })

  it('edits, archives and deletes an engagement', async () => {
    const c = await client('Acme')
    const e = await engagement(c.id, 'Draft')
    const edited = await value<{ title: string; status: string; dayRate: number }>(
      callAs(b, 'engagements:update', { id: e.id, patch: { title: 'Final', status: 'active', dayRate: 1100 } })
    )
    expect(edited).toMatchObject({ title: 'Final', status: 'active', dayRate: 1100 })
    const archived = await value<{ archivedAt: string | null }>(callAs(b, 'engagements:set-archived', { id: e.id, archived: true }))
    expect(archived.archivedAt).not.toBeNull()
    expect(await value(callAs(b, 'engagements:delete', { id: e.id }))).toEqual({ deleted: true })
    const gone = await callAs(b, 'engagements:get', { id: e.id })
    expect(gone.ok).toBe(false)
  })

  it('keeps preferences and falls back to defaults', async () => {
    expect(await value(callAs(b, 'preferences:get', {}))).toEqual({ theme: 'auto', presentationScale: 'normal' })
    expect(await value(callAs(b, 'preferences:update', { theme: 'dark' }))).toEqual({ theme: 'dark', presentationScale: 'normal' })
    expect(await value(callAs(b, 'preferences:get', {}))).toEqual({ theme: 'dark', presentationScale: 'normal' })
  })
})
