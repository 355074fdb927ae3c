import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateEngagement } from '../../../db/repositories/engagement.repository'
import { getDashboard } from '../../../db/repositories/dashboard.repository'
import { openEngagement, startTeam, teamDeps, type Team } from '../../helpers/team'

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
    const deps = teamDeps()
    const { client, engagement: engagement } = await openEngagement(a, deps, { client: 'Acme', title: 'ML platform', dayRate: 1200, status: 'lead' })
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

  it('holds a stale day-rate edit as a conflict with both versions and who made them, until someone settles it', async () => {
    const kai = await team.person('kai@example.com', 'Kai', 'partner')
    const lou = await team.person('lou@example.com', 'Lou', 'partner')
    const a = await team.laptop(kai)
    const b = await team.laptop(lou)
    const deps = teamDeps()
    const { engagement: e } = await openEngagement(a, deps, { client: 'Globex', title: 'Rates', dayRate: 1000, status: 'lead' })
    await a.engine.syncOnce()
    await b.engine.syncOnce()

    // Both change the rate in different rooms; Kai is back first.
    await updateEngagement(a.handle.db, deps, e.id, { dayRate: 1200, title: 'Rates (Kai)' })
    await updateEngagement(b.handle.db, deps, e.id, { dayRate: 950, notes: 'Discount agreed' })
    expect((await a.engine.syncOnce()).conflicts).toBe(0)
    expect((await b.engine.syncOnce()).conflicts).toBe(1)
    await a.engine.syncOnce()

    const rate = (l: typeof a) =>
      l.handle.sqlite.prepare('SELECT day_rate, title, notes FROM engagement WHERE id = ?').get(e.id) as { day_rate: number; title: string; notes: string }
    // Ordinary fields merged; the money did not move silently.
    expect(rate(a)).toEqual({ day_rate: 1200, title: 'Rates (Kai)', notes: 'Discount agreed' })
    expect(rate(b)).toEqual(rate(a))
    const [conflict] = b.engine.conflicts().filter((c) => c.key === JSON.stringify([e.id]))
    expect(conflict).toMatchObject({
      table: 'engagement',
      field: 'day_rate',
      currentValue: 1200,
      currentBy: 'Kai',
      proposedValue: 950,
      proposedBy: 'Lou',
      status: 'open'
    })
    expect(a.engine.conflicts().find((c) => c.id === conflict!.id)).toMatchObject({ status: 'open' })

    // Lou settles it for the discounted rate; the decision reaches Kai like any change.
    b.engine.resolveConflict(conflict!.id, 950)
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    expect(rate(a).day_rate).toBe(950)
    expect(rate(b).day_rate).toBe(950)
    expect(a.engine.conflicts().find((c) => c.id === conflict!.id)).toMatchObject({ status: 'resolved', resolvedBy: 'Lou', resolvedValue: 950 })
    // Settled conflicts do not come back, and a second settlement changes nothing.
    a.engine.resolveConflict(conflict!.id, 1200)
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    expect(rate(b).day_rate).toBe(950)
  })

  it('gives a partner one portfolio across the team, filterable by consultant', async () => {
    const sam = await team.person('sam@example.com', 'Sam', 'consultant')
    const tia = await team.person('tia@example.com', 'Tia', 'consultant')
    const uma = await team.person('uma@example.com', 'Uma', 'partner')
    const a = await team.laptop(sam)
    const b = await team.laptop(tia)
    const deps = teamDeps()
    await openEngagement(a, deps, { client: 'Northwind', title: 'Feature store' })
    await openEngagement(b, deps, { client: 'Contoso', title: 'Hiring plan' })
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    const p = await team.laptop(uma)
    await p.engine.syncOnce()
    const all = await getDashboard(p.handle.db, {}, '2026-03-02')
    expect(all.consultants).toEqual(expect.arrayContaining(['Sam', 'Tia']))
    const tias = await getDashboard(p.handle.db, { consultant: 'Tia' }, '2026-03-02')
    expect(tias.rows.map((r) => r.title)).toEqual(['Hiring plan'])
    // Each consultant still sees only their own.
    await a.engine.syncOnce()
    expect((await getDashboard(a.handle.db, {}, '2026-03-02')).rows.map((r) => r.title)).toEqual(['Feature store'])
  })

  it('keeps every edit of a shared library item as a numbered version, and not an unchanged one', async () => {
    const vic = await team.person('vic@example.com', 'Vic', 'partner')
    const a = await team.laptop(vic)
    const data = (summary: string) => JSON.stringify({ id: 'gpu-ci', title: 'CI/CD with GPUs', summary })
    a.handle.sqlite.prepare("INSERT INTO library_item (kind, id, data, position, updated_at) VALUES ('task', 'gpu-ci-test', ?, 1, 'x')").run(data('first'))
    await a.engine.syncOnce()
    a.handle.sqlite.prepare("UPDATE library_item SET data = ?, updated_at = 'y' WHERE kind = 'task' AND id = 'gpu-ci-test'").run(data('second'))
    await a.engine.syncOnce()
    // Only the position moves: the content, and so the versions, stay as they were.
    a.handle.sqlite.prepare("UPDATE library_item SET position = 2 WHERE kind = 'task' AND id = 'gpu-ci-test'").run()
    await a.engine.syncOnce()
    const versions = await team.db.selectFrom('library_version').select(['version', 'data']).where('id', '=', 'gpu-ci-test').orderBy('version').execute()
    expect(versions.map((v) => [v.version, JSON.parse(v.data).summary])).toEqual([
      [1, 'first'],
      [2, 'second']
    ])
  })

  it('makes two signings of one engagement a single conflict, settled as a whole baseline', async () => {
    const wes = await team.person('wes@example.com', 'Wes', 'partner')
    const xia = await team.person('xia@example.com', 'Xia', 'partner')
    const a = await team.laptop(wes)
    const b = await team.laptop(xia)
    const { engagement: e } = await openEngagement(a, teamDeps(), { client: 'Soylent', title: 'Signed twice' })
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    const sign = (l: typeof a, effort: number, cost: number, at: string) =>
      l.handle.sqlite
        .prepare(
          'INSERT INTO plan_baseline (engagement_id, plan, effort_days, cost, currency, signed_at, export_snapshot_id, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)'
        )
        .run(e.id, JSON.stringify({ items: [], effort }), effort, cost, 'EUR', at, at)
    sign(a, 40, 48000, '2026-04-01T10:00:00.000Z')
    sign(b, 55, 66000, '2026-04-02T10:00:00.000Z')
    await a.engine.syncOnce()
    expect((await b.engine.syncOnce()).conflicts).toBe(1)
    await a.engine.syncOnce()
    const baseline = (l: typeof a) => l.handle.sqlite.prepare('SELECT effort_days, cost, signed_at FROM plan_baseline WHERE engagement_id = ?').get(e.id)
    expect(baseline(b)).toEqual({ effort_days: 40, cost: 48000, signed_at: '2026-04-01T10:00:00.000Z' })
    const [c] = b.engine.conflicts().filter((x) => x.key === JSON.stringify([e.id]))
    expect(c).toMatchObject({ table: 'plan_baseline', field: 'plan', currentBy: 'Wes', proposedBy: 'Xia' })
    expect(b.engine.conflicts().filter((x) => x.key === JSON.stringify([e.id]))).toHaveLength(1)

    // Xia's signing wins: every part of it, not just one field.
    b.engine.resolveConflict(c!.id, c!.proposedValue)
    await b.engine.syncOnce()
    await a.engine.syncOnce()
    for (const l of [a, b]) expect(baseline(l)).toEqual({ effort_days: 55, cost: 66000, signed_at: '2026-04-02T10:00:00.000Z' })
  })

  it('keeps one plan per engagement when two are made offline: the first to reach the team, on every laptop', async () => {
    const yul = await team.person('yul@example.com', 'Yul', 'partner')
    const zoe = await team.person('zoe@example.com', 'Zoe', 'partner')
    const a = await team.laptop(yul)
    const b = await team.laptop(zoe)
    const { engagement: e } = await openEngagement(a, teamDeps(), { client: 'Tyrell', title: 'Two plans' })
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    const plan = (l: typeof a, id: string, pricing: string) =>
      l.handle.sqlite
        .prepare(
          `INSERT INTO plan (id, engagement_id, assessment_id, basis, kept_stale, library, settings, edits, pricing, last_diff, created_at, updated_at)
           VALUES (?, ?, NULL, '{}', '[]', '{}', '{}', '{}', ?, NULL, 'x', 'x')`
        )
        .run(id, e.id, pricing)
    plan(a, randomUUID(), '{"by":"Yul"}')
    plan(b, randomUUID(), '{"by":"Zoe"}')
    await a.engine.syncOnce()
    const report = await b.engine.syncOnce()
    expect(report.refused).toHaveLength(1)
    expect(report.refused[0]!.reason).toMatch(/reached the team first/)
    await a.engine.syncOnce()
    const plans = (l: typeof a) => l.handle.sqlite.prepare('SELECT id, pricing FROM plan WHERE engagement_id = ?').all(e.id)
    expect(plans(b)).toEqual(plans(a))
    expect(plans(a)).toEqual([{ id: expect.any(String), pricing: '{"by":"Yul"}' }])
    // And the next sync is clean.
    expect((await b.engine.syncOnce()).refused).toEqual([])
  })
})
