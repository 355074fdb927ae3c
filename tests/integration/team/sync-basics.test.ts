import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertClient } from '../../../db/repositories/client.repository'
import { insertEngagement, updateEngagement } from '../../../db/repositories/engagement.repository'
import { fixedDeps } from '../../helpers/deps'
import { startTeam, type Team } from '../../helpers/team'

let team: Team
beforeAll(async () => {
  team = await startTeam()
})
afterAll(async () => {
  await team?.close()
})

describe('team sync between two laptops', () => {
  it('carries a client and an engagement made on one laptop to the other, and captures nothing it applies', async () => {
    const ana = await team.person('ana@example.com', 'Ana', 'partner')
    const ben = await team.person('ben@example.com', 'Ben', 'partner')
    const a = await team.laptop(ana)
    const b = await team.laptop(ben)
    const deps = fixedDeps()
    const client = await insertClient(a.handle.db, deps, { name: 'Acme', industry: null, headcount: 40, contactName: null, contactEmail: null, notes: null })
    const engagement = await insertEngagement(a.handle.db, deps, client.id, {
      title: 'ML platform',
      status: 'lead',
      consultant: 'Ana',
      currency: 'EUR',
      dayRate: 1200,
      startDate: null,
      notes: null
    })
    expect(a.engine.pendingCount()).toBeGreaterThanOrEqual(2)
    const pushed = await a.engine.syncOnce()
    expect(pushed.refused).toEqual([])
    expect(a.engine.pendingCount()).toBe(0)

    await b.engine.syncOnce()
    const row = b.handle.sqlite.prepare('SELECT title, day_rate, currency, client_id FROM engagement WHERE id = ?').get(engagement.id)
    expect(row).toEqual({ title: 'ML platform', day_rate: 1200, currency: 'EUR', client_id: client.id })
    // What B applied from the server is not sent back.
    expect(b.engine.pendingCount()).toBe(0)

    // A status change on B arrives on A with its history entry, once.
    await updateEngagement(b.handle.db, deps, engagement.id, { status: 'proposal' })
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    const history = (sqlite: typeof a.handle.sqlite) =>
      sqlite.prepare('SELECT from_status, to_status FROM engagement_status_change WHERE engagement_id = ? ORDER BY at').all(engagement.id)
    expect(history(a.handle.sqlite)).toEqual(history(b.handle.sqlite))
    expect(history(a.handle.sqlite)).toContainEqual({ from_status: 'lead', to_status: 'proposal' })
    expect(a.handle.sqlite.prepare('SELECT status FROM engagement WHERE id = ?').get(engagement.id)).toEqual({ status: 'proposal' })
  })
})
