import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WRONG_PASSPHRASE } from '../../electron/services/portable.service'
import type { Assessment, AssessmentSummary } from '../../shared/schemas/assessment.schema'
import type { StoredPlan } from '../../shared/schemas/plan.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
type Dialogs = { nextOpen: string | null; nextSave: string | null }

const count = (b: TB, table: string) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const counts = (b: TB) => ['client', 'engagement', 'assessment', 'assessment_answer', 'plan'].map((t) => count(b, t))

async function backendWithDialogs() {
  const dialogs: Dialogs = { nextOpen: null, nextSave: null }
  const b = await testBackend({ dialogs: { chooseFileToOpen: async () => dialogs.nextOpen, chooseFileToSave: async () => dialogs.nextSave } })
  return { b, dialogs }
}

/** Everything about one engagement, as the app's own channels show it. */
async function snapshot(b: TB, engagementId: string) {
  const engagement = await valueOf<{ clientId: string }>(callAs(b, 'engagements:get', { id: engagementId }))
  const client = await valueOf(callAs(b, 'clients:get', { id: engagement.clientId }))
  const list = await valueOf<AssessmentSummary[]>(callAs(b, 'assessments:list', { engagementId }))
  const assessments = await Promise.all(list.map((a) => valueOf<Assessment>(callAs(b, 'assessments:get', { id: a.id }))))
  const plan = await valueOf<StoredPlan | null>(callAs(b, 'plans:get', { engagementId }))
  return { client, engagement, assessments, plan }
}

describe('portable engagement files (.stagecraft)', () => {
  let source: TB
  let target: TB
  let sd: Dialogs
  let td: Dialogs
  let sample: { clientId: string; engagementId: string; assessmentId: string }

  beforeEach(async () => {
    ;({ b: source, dialogs: sd } = await backendWithDialogs())
    ;({ b: target, dialogs: td } = await backendWithDialogs())
    sample = await valueOf(callAs(source, 'samples:create', {}))
    const plan = await valueOf<StoredPlan>(callAs(source, 'plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId }))
    const firstTask = plan.basis.tasks[0]!
    await valueOf(
      callAs(source, 'plans:save-edits', {
        planId: plan.id,
        edits: {
          overrides: { [firstTask]: { effortDays: 7, notes: 'Agreed with Marta: one extra week.' } },
          custom: [{ id: 'kickoff_workshop', title: 'Kick-off workshop', phase: 'foundations', effortDays: 1, owner: 'consultant' }],
          removed: []
        }
      })
    )
  })
  afterEach(async () => {
    await source.dispose()
    await target.dispose()
  })

  const exportTo = async (name: string, passphrase?: string) => {
    sd.nextSave = join(source.dir, name)
    const r = await valueOf<{ status: string; encrypted: boolean; notice: string; fileName: string }>(
      callAs(source, 'portable:export', { engagementId: sample.engagementId, ...(passphrase !== undefined && { passphrase }) })
    )
    expect(r).toMatchObject({ status: 'exported', fileName: name, encrypted: passphrase !== undefined })
    expect(r.notice).toMatch(/private notes/)
    return sd.nextSave
  }

  it('moves an engagement to another machine intact: ids, answers, both kinds of notes, plan edits', async () => {
    const path = await exportTo('harbour.stagecraft')
    const doc = JSON.parse(readFileSync(path, 'utf8'))
    expect(doc).toMatchObject({ format: 'stagecraft-engagement', version: 1, appVersion: '0.0.0-test' })
    expect(doc.data.assessments).toHaveLength(2)

    td.nextOpen = path
    const inspected = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(inspected).toMatchObject({
      status: 'ready',
      summary: { clientName: 'Harbour Freight (sample)', engagementTitle: 'AI platform and first hires', assessments: 2, hasPlan: true, privateNotes: 1, exists: false }
    })
    const imported = await valueOf(callAs(target, 'portable:import', { token: inspected.token, mode: 'keep-both' }))
    expect(imported).toEqual({ engagementId: sample.engagementId, clientId: sample.clientId })

    const before = await snapshot(source, sample.engagementId)
    const after = await snapshot(target, sample.engagementId)
    expect(after).toEqual(before)
    const notes = after.assessments.flatMap((a) => Object.values(a.answers)).filter((x) => x.note || x.privateNote)
    expect(notes.some((x) => x.privateNote?.includes('Aiko'))).toBe(true)
    expect(notes.some((x) => x.note?.includes('Dockerfiles'))).toBe(true)
    expect(after.plan?.edits.overrides[after.plan.basis.tasks[0]!]?.notes).toBe('Agreed with Marta: one extra week.')

    // A verified backup was taken before the import wrote anything.
    expect(readdirSync(join(target.dir, 'backups')).some((f) => f.endsWith('-pre-import.db'))).toBe(true)
    // The token is spent.
    expect((await callAs(target, 'portable:import', { token: inspected.token, mode: 'keep-both' })).ok).toBe(false)
  })

  it('encrypts with a passphrase; a wrong one is refused with a clear message and nothing written', async () => {
    const path = await exportTo('locked.stagecraft', 'correct horse battery staple')
    const envelope = JSON.parse(readFileSync(path, 'utf8'))
    expect(Object.keys(envelope).sort()).toEqual(['cipher', 'ciphertext', 'format', 'iv', 'kdf', 'tag', 'version'])
    expect(envelope).toMatchObject({ format: 'stagecraft-encrypted', version: 1, cipher: 'aes-256-gcm', kdf: { name: 'scrypt', N: 131072, r: 8, p: 1, keyLength: 32 } })
    expect(readFileSync(path, 'utf8')).not.toContain('Harbour')

    td.nextOpen = path
    const first = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(first).toEqual({ status: 'needs-passphrase', token: expect.any(String) })
    expect(await callAs(target, 'portable:import', { token: first.token, mode: 'keep-both' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const wrong = await callAs(target, 'portable:unlock', { token: first.token, passphrase: 'correct horse battery stapler' })
    expect(wrong).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: WRONG_PASSPHRASE } })
    expect(counts(target)).toEqual([0, 0, 0, 0, 0])

    const unlocked = await valueOf<any>(callAs(target, 'portable:unlock', { token: first.token, passphrase: 'correct horse battery staple' }))
    expect(unlocked).toMatchObject({ status: 'ready', token: first.token, summary: { assessments: 2, hasPlan: true, exists: false } })
    await valueOf(callAs(target, 'portable:import', { token: first.token, mode: 'replace' }))
    expect(await snapshot(target, sample.engagementId)).toEqual(await snapshot(source, sample.engagementId))
  })

  it('keep-both puts a copy with new ids beside the existing engagement, titles marked "(imported)"', async () => {
    const path = await exportTo('twice.stagecraft')
    td.nextOpen = path
    const once = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    await valueOf(callAs(target, 'portable:import', { token: once.token, mode: 'keep-both' }))
    const again = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(again.summary.exists).toBe(true)
    const copy = await valueOf<{ engagementId: string; clientId: string }>(callAs(target, 'portable:import', { token: again.token, mode: 'keep-both' }))
    expect(copy.engagementId).not.toBe(sample.engagementId)
    expect(copy.clientId).not.toBe(sample.clientId)
    expect(counts(target)).toEqual([2, 2, 4, 2 * count(source, 'assessment_answer'), 2])

    const original = await snapshot(target, sample.engagementId)
    const twin = await snapshot(target, copy.engagementId)
    expect((twin.engagement as any).title).toBe('AI platform and first hires (imported)')
    expect((twin.client as any).name).toBe('Harbour Freight (sample) (imported)')
    expect(twin.plan?.engagementId).toBe(copy.engagementId)
    expect(twin.assessments.map((a) => a.id)).not.toEqual(original.assessments.map((a) => a.id))
    expect(twin.plan?.assessmentId).toBe(twin.assessments.find((a) => a.title === 'Three-month re-assessment')?.id)
    // Same answers and notes under the new ids.
    expect(twin.assessments.map((a) => a.answers)).toEqual(original.assessments.map((a) => a.answers))
    expect(twin.plan?.edits).toEqual(original.plan?.edits)
  })

  it('replace deletes the existing engagement and its children, updates the client, and inserts the file', async () => {
    td.nextOpen = await exportTo('v1.stagecraft')
    await valueOf(callAs(target, 'portable:import', { token: (await valueOf<any>(callAs(target, 'portable:inspect', {}))).token, mode: 'keep-both' }))
    // Work on the target copy that the file will overwrite.
    await valueOf(callAs(target, 'assessments:create', { engagementId: sample.engagementId, title: 'Only on the laptop' }))
    // Meanwhile, on the source machine: new facts.
    await valueOf(callAs(source, 'clients:update', { id: sample.clientId, patch: { industry: 'Freight & logistics' } }))
    await valueOf(callAs(source, 'engagements:update', { id: sample.engagementId, patch: { notes: 'Signed the second phase.' } }))
    await valueOf(callAs(source, 'assessments:set-answer', { assessmentId: sample.assessmentId, questionId: 'infra_staff', value: 2 }))

    td.nextOpen = await exportTo('v2.stagecraft')
    const ready = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(ready.summary.exists).toBe(true)
    const result = await valueOf(callAs(target, 'portable:import', { token: ready.token, mode: 'replace' }))
    expect(result).toEqual({ engagementId: sample.engagementId, clientId: sample.clientId })
    expect(await snapshot(target, sample.engagementId)).toEqual(await snapshot(source, sample.engagementId))
    expect(counts(target).slice(0, 3)).toEqual([1, 1, 2])
    expect(readdirSync(join(target.dir, 'backups')).filter((f) => f.endsWith('-pre-import.db'))).toHaveLength(2)
  })

  it('cancelled dialogs are a cancel, and an unknown engagement is NOT_FOUND', async () => {
    sd.nextSave = null
    expect(await valueOf(callAs(source, 'portable:export', { engagementId: sample.engagementId }))).toEqual({ status: 'cancelled' })
    td.nextOpen = null
    expect(await valueOf(callAs(target, 'portable:inspect', {}))).toEqual({ status: 'cancelled' })
    const missing = await callAs(source, 'portable:export', { engagementId: '00000000-0000-4000-8000-00000000ffff' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
