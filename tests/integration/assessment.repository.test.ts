import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { maturityFromAnswers } from '../../shared/domain/assessment/question-bank'
import type { Assessment, AssessmentSummary } from '../../shared/schemas/assessment.schema'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'intake', name)

describe('assessments', () => {
  let b: TB
  const dialogs = { nextOpen: null as string | null, nextSave: null as string | null }
  let engagementId: string

  beforeEach(async () => {
    b = await testBackend({
      dialogs: { chooseFileToOpen: async () => dialogs.nextOpen, chooseFileToSave: async () => dialogs.nextSave }
    })
    const client = await valueOf<{ id: string }>(callAs(b, 'clients:create', { name: 'Acme' }))
    engagementId = (
      await valueOf<{ id: string }>(
        callAs(b, 'engagements:create', { clientId: client.id, title: 'Platform', consultant: 'Dana', currency: 'EUR', dayRate: 1000 })
      )
    ).id
  })
  afterEach(async () => {
    await b.dispose()
  })

  const create = (extra: object = {}) => valueOf<Assessment>(callAs(b, 'assessments:create', { engagementId, ...extra }))
  const get = (id: string) => valueOf<Assessment>(callAs(b, 'assessments:get', { id }))

  it('saves every answer and note the moment it is given', async () => {
    const a = await create({ present: ['Priya (CTO)'] })
    expect(a.title).toBe('Readiness assessment')
    await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: a.id, questionId: 'ai_approach', value: 'A' }))
    await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: a.id, questionId: 'engineers', value: 12 }))
    await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: a.id, questionId: 'stage', value: 'unknown' }))
    const long = 'evidence '.repeat(11_000).slice(0, 100_000)
    await valueOf(callAs(b, 'assessments:set-note', { assessmentId: a.id, questionId: 'stage', kind: 'note', text: long }))
    await valueOf(callAs(b, 'assessments:set-note', { assessmentId: a.id, questionId: 'stage', kind: 'private', text: 'CTO unsure' }))
    const saved = await get(a.id)
    expect(saved.present).toEqual(['Priya (CTO)'])
    expect(saved.answers.ai_approach?.value).toBe('A')
    expect(saved.answers.engineers?.value).toBe(12)
    expect(saved.answers.stage).toMatchObject({ value: 'unknown', note: long, privateNote: 'CTO unsure' })
    expect(saved.updatedAt >= saved.answers.stage!.updatedAt).toBe(true)
    // A note can exist before its answer, and clearing a note stores nothing.
    await valueOf(callAs(b, 'assessments:set-note', { assessmentId: a.id, questionId: 'cloud', kind: 'note', text: 'ask the ops team' }))
    await valueOf(callAs(b, 'assessments:set-note', { assessmentId: a.id, questionId: 'stage', kind: 'private', text: '' }))
    const again = await get(a.id)
    expect(again.answers.cloud).toMatchObject({ value: null, note: 'ask the ops team' })
    expect(again.answers.stage?.privateNote).toBeNull()
    const [summary] = await valueOf<AssessmentSummary[]>(callAs(b, 'assessments:list', { engagementId }))
    expect(summary).toMatchObject({ answered: 3, status: 'in_progress' })
    expect(summary!.total).toBeGreaterThanOrEqual(16 + 18)
  })

  it.each([
    ['an unknown question', { questionId: 'nonsense', value: 'A' }],
    ['an option the question does not have', { questionId: 'ai_approach', value: 'H' }],
    ['a count for a choice question', { questionId: 'ai_approach', value: 3 }],
    ['a letter for a count question', { questionId: 'engineers', value: 'A' }],
    ['a negative count', { questionId: 'engineers', value: -1 }],
    ['a fractional count', { questionId: 'engineers', value: 2.5 }],
    ['a lowercase letter', { questionId: 'ai_approach', value: 'a' }]
  ])('refuses %s and stores nothing', async (_label, payload) => {
    const a = await create()
    const result = await callAs(b, 'assessments:set-answer', { assessmentId: a.id, ...payload })
    expect(result.ok).toBe(false)
    expect(Object.keys((await get(a.id)).answers)).toEqual([])
  })

  it('refuses a note over 100,000 characters', async () => {
    const a = await create()
    const result = await callAs(b, 'assessments:set-note', { assessmentId: a.id, questionId: 'stage', kind: 'note', text: 'x'.repeat(100_001) })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('starts a re-assessment from the previous answers without its notes, and keeps both', async () => {
    const first = await create()
    await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: first.id, questionId: 'cloud', value: 'B' }))
    await valueOf(callAs(b, 'assessments:set-note', { assessmentId: first.id, questionId: 'cloud', kind: 'note', text: 'GCP only' }))
    await valueOf(callAs(b, 'assessments:update', { id: first.id, patch: { status: 'complete' } }))
    const second = await create({ copyAnswersFrom: first.id })
    expect(second.title).toBe('Re-assessment 2')
    expect(second.answers.cloud).toMatchObject({ value: 'B', note: null })
    await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: second.id, questionId: 'cloud', value: 'C' }))
    expect((await get(first.id)).answers.cloud?.value).toBe('B')
    const list = await valueOf<AssessmentSummary[]>(callAs(b, 'assessments:list', { engagementId }))
    expect(list.map((a) => a.title)).toEqual(['Re-assessment 2', 'Readiness assessment'])
    expect(list[1]!.completedAt).not.toBeNull()
  })

  it('remembers where the workshop was', async () => {
    const a = await create()
    const updated = await valueOf<Assessment>(callAs(b, 'assessments:update', { id: a.id, patch: { cursor: 'deploy_path' } }))
    expect(updated.cursor).toBe('deploy_path')
    expect((await callAs(b, 'assessments:update', { id: a.id, patch: { cursor: 'not_a_question' } })).ok).toBe(false)
  })

  it('goes with its engagement when the engagement is deleted', async () => {
    const a = await create()
    await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: a.id, questionId: 'cloud', value: 'A' }))
    await valueOf(callAs(b, 'engagements:delete', { id: engagementId }))
    expect((await callAs(b, 'assessments:get', { id: a.id })).ok).toBe(false)
    const left = b.database.sqlite.prepare('SELECT count(*) AS n FROM assessment_answer').get() as { n: number }
    expect(left.n).toBe(0)
  })

  it('imports an intake file: creates the client, engagement and a completed assessment with the same levels', async () => {
    dialogs.nextOpen = fixture('mlops-pain.json')
    const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(dialogs.nextOpen, 'utf8')))
    const outcome = await valueOf<{ status: string; assessmentId: string; clientCreated: boolean; engagementId: string }>(callAs(b, 'intake:import', {}))
    expect(outcome).toMatchObject({ status: 'imported', clientCreated: true })
    const a = await get(outcome.assessmentId)
    expect(a.status).toBe('complete')
    const answers = Object.fromEntries(Object.entries(a.answers).map(([k, v]) => [k, v.value ?? undefined]))
    expect(maturityFromAnswers(answers)).toEqual(intake.maturity)

    // Importing the same file again updates rather than duplicates.
    const again = await valueOf<{ clientCreated: boolean; engagementId: string }>(callAs(b, 'intake:import', {}))
    expect(again).toMatchObject({ clientCreated: false, engagementId: outcome.engagementId })

    // And exporting gives back the same intake file.
    dialogs.nextSave = join(b.dir, 'out.json')
    const exported = await valueOf<{ status: string; assumedAnswers: number }>(callAs(b, 'intake:export', { assessmentId: a.id }))
    expect(exported).toMatchObject({ status: 'exported', assumedAnswers: 0 })
    const written = IntakeFileSchema.parse(JSON.parse(readFileSync(dialogs.nextSave, 'utf8')))
    expect(written.maturity).toEqual(intake.maturity)
    expect(written.context).toEqual(intake.context)
    expect(written.engagement).toEqual(intake.engagement)
  })

  it('refuses a bad intake file with a one-line message naming the field, and writes nothing', async () => {
    const bad = JSON.parse(readFileSync(fixture('api-startup.json'), 'utf8'))
    bad.maturity.deploy = 7
    dialogs.nextOpen = join(b.dir, 'bad.json')
    writeFileSync(dialogs.nextOpen, JSON.stringify(bad))
    const result = await callAs(b, 'intake:import', {})
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'bad.json: maturity.deploy: must be an integer from 0 to 4' } })
    writeFileSync(dialogs.nextOpen, '{ not json')
    expect((await callAs(b, 'intake:import', {})).ok).toBe(false)
    const clients = b.database.sqlite.prepare('SELECT count(*) AS n FROM client').get() as { n: number }
    expect(clients.n).toBe(1) // only the one from beforeEach
  })

  it('treats a cancelled dialog as a cancel, not an error', async () => {
    dialogs.nextOpen = null
    expect(await valueOf(callAs(b, 'intake:import', {}))).toEqual({ status: 'cancelled' })
  })

  it('creates a sample client with two assessments to compare', async () => {
    const sample = await valueOf<{ engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
    const list = await valueOf<AssessmentSummary[]>(callAs(b, 'assessments:list', { engagementId: sample.engagementId }))
    expect(list).toHaveLength(2)
    expect(list.every((a) => a.status === 'complete')).toBe(true)
    const latest = await get(sample.assessmentId)
    expect(latest.answers.infra_staff?.privateNote).toMatch(/Aiko/)
  })
})

describe('saving into an assessment that is gone', () => {
  it('answers NOT_FOUND and writes nothing', async () => {
    const b = await testBackend()
    try {
      const r = await callAs(b, 'assessments:set-note', { assessmentId: '00000000-0000-4000-8000-00000000beef', questionId: 'stage', kind: 'note', text: 'x' })
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      const a = await callAs(b, 'assessments:set-answer', { assessmentId: '00000000-0000-4000-8000-00000000beef', questionId: 'stage', value: 'A' })
      expect(a).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect((b.database.sqlite.prepare('SELECT count(*) AS n FROM assessment_answer').get() as { n: number }).n).toBe(0)
    } finally {
      await b.dispose()
    }
  })
})
