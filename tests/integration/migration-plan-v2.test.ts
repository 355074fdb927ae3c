/**
 * Migration 0007 (plan model v2): data saved under the kick-off's old id `discovery_kickoff`
 * follows it to `kickoff`, in a real database made by the app itself and then set back to
 * how version 6 left it.
 */
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { migrations } from '../../db/migrations'
import { search } from '../../db/repositories/search.repository'
import { findPlanByEngagement } from '../../db/repositories/plan.repository'
import { PricingTermsSchema } from '../../shared/schemas/pricing.schema'
import type { TrackingView } from '../../shared/schemas/tracking.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { tempDir } from '../helpers/temp'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('migration 0007: the kick-off is `kickoff`', () => {
  it('renames the tracked item, its time, its search document, the baseline and the edits; old pricing ids read as new', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const b = await testBackend()
    const sample = await valueOf<{ engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
    const engagementId = sample.engagementId
    const plan = await valueOf<{ id: string }>(callAs(b, 'plans:create', { engagementId, assessmentId: sample.assessmentId }))
    await valueOf<TrackingView>(callAs(b, 'tracking:mark-signed', { engagementId }))
    await valueOf(callAs(b, 'tracking:update-item', { engagementId, itemId: 'kickoff', patch: { status: 'done', notes: 'Read-out went well with Marta.' } }))
    await valueOf(callAs(b, 'tracking:log-time', { engagementId, itemId: 'kickoff', date: '2026-01-13', days: 1, note: null }))
    await valueOf(
      callAs(b, 'plans:save-edits', { planId: plan.id, edits: { overrides: { kickoff: { title: 'Kick-off at the client' } }, custom: [], removed: [] } })
    )
    const file = join(dir, 'v6.db')
    b.database.sqlite.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`)
    await b.dispose()

    // Back to how version 6 saved it.
    const raw = new Sqlite(file)
    raw.exec(`
      UPDATE tracking_item SET item_id = 'discovery_kickoff' WHERE item_id = 'kickoff';
      UPDATE time_entry SET item_id = 'discovery_kickoff' WHERE item_id = 'kickoff';
      UPDATE search_doc SET sub = 'discovery_kickoff', item_id = 'discovery_kickoff' WHERE sub = 'kickoff';
      UPDATE plan_baseline SET plan = replace(plan, '"id":"kickoff"', '"id":"discovery_kickoff"');
      UPDATE plan SET edits = replace(edits, '"kickoff":', '"discovery_kickoff":'),
        pricing = replace(replace(pricing, '"committed":"full"', '"committed":"full_build_out"'), '"milestone":"headline"', '"milestone":"first_ai_feature"');
    `)
    // Version 6 had no objective column either (migration 0008 adds it).
    raw.exec('ALTER TABLE engagement DROP COLUMN objective')
    raw.pragma(`user_version = ${migrations.findIndex((m) => m.name === '0007-plan-model-v2')}`)
    raw.close()

    const h = await openDatabase(file, { now: fixedDeps().now })
    cleanups.push(() => h.close())
    expect(h.schemaVersion).toBe(migrations.length)
    const one = (q: string) => h.sqlite.prepare(q).pluck().get()
    expect(one(`SELECT count(*) FROM tracking_item WHERE item_id = 'discovery_kickoff'`)).toBe(0)
    expect(one(`SELECT status FROM tracking_item WHERE item_id = 'kickoff'`)).toBe('done')
    expect(one(`SELECT count(*) FROM time_entry WHERE item_id = 'kickoff'`)).toBe(1)
    expect(one(`SELECT instr(plan, '"id":"kickoff"') > 0 FROM plan_baseline`)).toBe(1)
    const hits = await search(h.db, 'read-out marta')
    expect(hits.groups.flatMap((g) => g.results.map((r) => r.itemId ?? null))).toContain('kickoff')
    h.sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`)
    const stored = await findPlanByEngagement(h.db, engagementId)
    expect(stored!.edits.overrides).toEqual({ kickoff: { title: 'Kick-off at the client' } })
    expect(PricingTermsSchema.parse(stored!.pricing).tiers.committed).toBe('full')
  })
})
