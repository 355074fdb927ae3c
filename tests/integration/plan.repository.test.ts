import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answersForContext, answersForMaturity } from '../../shared/domain/assessment/question-bank'
import { planFromStored } from '../../shared/domain/planning/stored-plan'
import { IntakeFileSchema, type IntakeFile } from '../../shared/schemas/intake.schema'
import type { StoredPlan } from '../../shared/schemas/plan.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'intake', 'api-startup.json'), 'utf8')))
const engagement = { startDate: '2026-01-05', dayRate: 1000, currency: 'EUR' }
const itemIds = (plan: StoredPlan) => planFromStored(plan, engagement).phases.flatMap((p) => p.items.map((i) => i.id))
const item = (plan: StoredPlan, id: string) =>
  planFromStored(plan, engagement)
    .phases.flatMap((p) => p.items)
    .find((i) => i.id === id)

describe('stored plans', () => {
  let b: TB
  let engagementId: string
  beforeEach(async () => {
    b = await testBackend()
    const client = await valueOf<{ id: string }>(callAs(b, 'clients:create', { name: 'Parcelwise' }))
    engagementId = (
      await valueOf<{ id: string }>(
        callAs(b, 'engagements:create', { clientId: client.id, title: 'AI', consultant: 'Dana', currency: 'EUR', dayRate: 1000, startDate: '2026-01-05' })
      )
    ).id
  })
  afterEach(async () => {
    await b.dispose()
  })

  async function assessment(source: Pick<IntakeFile, 'context' | 'maturity'>): Promise<string> {
    const a = await valueOf<{ id: string }>(callAs(b, 'assessments:create', { engagementId }))
    const answers = { ...answersForMaturity(source.maturity), ...answersForContext(source.context) }
    for (const [questionId, value] of Object.entries(answers)) {
      await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: a.id, questionId, value }))
    }
    return a.id
  }

  it('regenerating from a newer assessment keeps edits, removals and custom items, and shows exactly what changed', async () => {
    const first = await assessment(intake)
    const plan = await valueOf<StoredPlan>(callAs(b, 'plans:create', { engagementId, assessmentId: first }))
    expect(plan.basis.tasks).toContain('etl_dagster')
    expect(plan.basis.tasks).not.toContain('cicd_gpu')

    // A: edit terraform's effort; B: remove billing_alerts; C: add a custom task.
    const edited = await valueOf<StoredPlan>(
      callAs(b, 'plans:save-edits', {
        planId: plan.id,
        edits: {
          overrides: { terraform: { effortDays: 12, notes: 'Two AWS accounts' } },
          removed: ['billing_alerts'],
          custom: [{ id: 'security_review', title: 'Security review of the LLM integration', phase: 'foundations', effortDays: 2, owner: 'consultant' }]
        }
      })
    )
    expect(item(edited, 'terraform')?.effortDays).toBe(12)
    expect(itemIds(edited)).not.toContain('billing_alerts')
    expect(itemIds(edited)).toContain('security_review')

    // Re-assess: GPU workloads appear (cicd_gpu triggers: D) and data is now versioned at level 2 (etl_dagster no longer: E).
    const second = await assessment({ context: { ...intake.context, gpu_workloads: true }, maturity: { ...intake.maturity, data: 2 } })
    const regenerated = await valueOf<StoredPlan>(callAs(b, 'plans:regenerate', { planId: plan.id, assessmentId: second, reset: false }))
    expect(regenerated.lastDiff).toMatchObject({ added: ['cicd_gpu'], noLongerTriggered: ['etl_dagster'] })
    expect(item(regenerated, 'terraform')?.effortDays).toBe(12) // A keeps its edit
    expect(itemIds(regenerated)).not.toContain('billing_alerts') // B stays removed
    expect(itemIds(regenerated)).toContain('security_review') // C stays
    expect(itemIds(regenerated)).toContain('cicd_gpu') // D is added
    expect(regenerated.keptStale).toEqual(['etl_dagster']) // E is flagged, still in the plan
    expect(itemIds(regenerated)).toContain('etl_dagster')
    expect(regenerated.edits.overrides.terraform?.notes).toBe('Two AWS accounts')

    // Reset drops the edits and the stale task.
    const reset = await valueOf<StoredPlan>(callAs(b, 'plans:regenerate', { planId: plan.id, assessmentId: second, reset: true }))
    expect(item(reset, 'terraform')?.effortDays).toBe(8)
    expect(itemIds(reset)).toContain('billing_alerts')
    expect(itemIds(reset)).not.toContain('etl_dagster')
    expect(itemIds(reset)).not.toContain('security_review')
  })

  it('refuses an edit that the plan cannot honour, and keeps the previous edits', async () => {
    const plan = await valueOf<StoredPlan>(callAs(b, 'plans:create', { engagementId, assessmentId: await assessment(intake) }))
    const bad = await callAs(b, 'plans:save-edits', {
      planId: plan.id,
      edits: {
        overrides: {},
        removed: [],
        custom: [{ id: 'orphan', title: 'Orphan', phase: 'foundations', effortDays: 1, owner: 'consultant', dependsOn: ['nothing_like_this'] }]
      }
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((bad as { error: { message: string } }).error.message).toMatch(/nothing_like_this/)
    const again = await valueOf<StoredPlan>(callAs(b, 'plans:get', { engagementId }))
    expect(again.edits.custom).toEqual([])
  })

  it('keeps its own copy of the library and refuses a second plan for the engagement', async () => {
    const id = await assessment(intake)
    const plan = await valueOf<StoredPlan>(callAs(b, 'plans:create', { engagementId, assessmentId: id }))
    expect(plan.library.tasks.terraform?.effort.default).toBe(8)
    expect((await callAs(b, 'plans:create', { engagementId, assessmentId: id })).ok).toBe(false)
  })

  it('moves a task later with notBeforeWeek and lets its dependents follow', async () => {
    const plan = await valueOf<StoredPlan>(callAs(b, 'plans:create', { engagementId, assessmentId: await assessment(intake) }))
    const before = item(plan, 'terraform')!
    const moved = await valueOf<StoredPlan>(
      callAs(b, 'plans:save-edits', { planId: plan.id, edits: { overrides: { terraform: { notBeforeWeek: before.startWeek + 2 } }, removed: [], custom: [] } })
    )
    expect(item(moved, 'terraform')!.startWeek).toBe(before.startWeek + 2)
  })
})
