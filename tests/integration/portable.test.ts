import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportEngagement, WRONG_PASSPHRASE } from '../../app/portable'
import type { Assessment, AssessmentSummary } from '../../shared/schemas/assessment.schema'
import type { StoredPlan } from '../../shared/schemas/plan.schema'
import type { StatusChange, TrackingView } from '../../shared/schemas/tracking.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'
import { trackEngagement, type TrackedEngagement } from '../helpers/tracked-engagement.helper'

type TB = Awaited<ReturnType<typeof testBackend>>
type Dialogs = { nextOpen: string | null; nextSave: string | null }

const count = (b: TB, table: string) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const counts = (b: TB) => ['client', 'engagement', 'assessment', 'assessment_answer', 'plan'].map((t) => count(b, t))
const TRACKING_TABLES = ['engagement_status_change', 'plan_baseline', 'tracking_item', 'time_entry', 'phase_gate', 'export_snapshot']
const trackingCounts = (b: TB) => TRACKING_TABLES.map((t) => count(b, t))
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The figures the triggers keep on the engagement row (and planned_days, refreshed on reading). */
const figures = (b: TB, engagementId: string) =>
  b.database.sqlite
    .prepare(
      `SELECT signed_at, planned_days, logged_days, progress, next_due, blocked_since, slip_days, current_phase, tracked_items, plan_dirty
       FROM engagement WHERE id = ?`
    )
    .get(engagementId) as Record<string, unknown>

/** Each document sent: what the list shows, and the sha256 of the bytes actually stored. */
const documents = (b: TB, engagementId: string) =>
  (
    b.database.sqlite
      .prepare('SELECT id, file_name, sha256, size_bytes, model, bytes FROM export_snapshot WHERE engagement_id = ? ORDER BY created_at')
      .all(engagementId) as {
      id: string
      file_name: string
      sha256: string
      size_bytes: number
      model: string
      bytes: Buffer
    }[]
  ).map(({ bytes, ...x }) => ({ ...x, bytesSha256: sha(bytes), size: bytes.length }))

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
  // Reading the tracking view first refreshes the plan-derived figures, as the app does.
  const tracking = await valueOf<TrackingView>(callAs(b, 'tracking:get', { engagementId }))
  const history = (await valueOf<StatusChange[]>(callAs(b, 'engagements:history', { id: engagementId }))).map(({ id: _id, ...c }) => c)
  const exports = await valueOf<unknown[]>(callAs(b, 'exports:list', { engagementId }))
  return { client, engagement, assessments, plan, tracking, history, exports, documents: documents(b, engagementId), figures: figures(b, engagementId) }
}

describe('portable engagement files (.stagecraft)', () => {
  let source: TB
  let target: TB
  let sd: Dialogs
  let td: Dialogs
  let sample: { clientId: string; engagementId: string; assessmentId: string }
  let tracked: TrackedEngagement

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
    tracked = await trackEngagement(source, sd, sample.engagementId)
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

  it('moves an engagement to another machine intact: ids, answers, both kinds of notes, plan edits, tracking, documents sent', async () => {
    const path = await exportTo('harbour.stagecraft')
    const doc = JSON.parse(readFileSync(path, 'utf8'))
    expect(doc).toMatchObject({ format: 'stagecraft-engagement', version: 2, appVersion: '0.0.0-test' })
    expect(doc.data.assessments).toHaveLength(2)
    expect(doc.data.exports).toHaveLength(2)
    expect(doc.data.baseline.exportSnapshotId).toBe(tracked.proposalId)
    expect(doc.data.timeEntries).toHaveLength(4)
    // Derived figures are not in the file: the triggers work them out again.
    expect(Object.keys(doc.data.engagement)).not.toContain('progress')
    expect(Object.keys(doc.data.engagement)).not.toContain('loggedDays')

    td.nextOpen = path
    const inspected = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(inspected).toMatchObject({
      status: 'ready',
      summary: {
        clientName: 'Harbour Freight (sample)',
        engagementTitle: 'AI platform and first hires',
        assessments: 2,
        hasPlan: true,
        privateNotes: 1,
        exists: false
      }
    })
    // What the import screen says the file holds: its tracking and the documents sent too.
    expect(inspected.summary).toMatchObject({ trackedItems: doc.data.trackingItems.length, documents: 2, signed: true })
    expect(inspected.summary.loggedDays).toBeCloseTo(
      doc.data.timeEntries.reduce((n: number, t: { days: number }) => n + t.days, 0),
      2
    )
    expect(inspected.summary.trackedItems).toBeGreaterThan(0)
    const imported = await valueOf(callAs(target, 'portable:import', { token: inspected.token, mode: 'keep-both' }))
    expect(imported).toEqual({ engagementId: sample.engagementId, clientId: sample.clientId })

    const before = await snapshot(source, sample.engagementId)
    const after = await snapshot(target, sample.engagementId)
    expect(after).toEqual(before)
    const notes = after.assessments.flatMap((a) => Object.values(a.answers)).filter((x) => x.note || x.privateNote)
    expect(notes.some((x) => x.privateNote?.includes('Aiko'))).toBe(true)
    expect(notes.some((x) => x.note?.includes('Dockerfiles'))).toBe(true)
    expect(after.plan?.edits.overrides[after.plan.basis.tasks[0]!]?.notes).toBe('Agreed with Marta: one extra week.')

    // The tracking came across: statuses, the blocked item's reason, owners, notes, actual dates.
    const items = new Map(after.tracking.phases.flatMap((p) => p.items).map((i) => [i.itemId, i]))
    expect(items.get(tracked.done)).toMatchObject({
      status: 'done',
      actualStart: '2026-01-12',
      actualEnd: '2026-02-20',
      notes: 'Signed off by Marta on the call.',
      loggedDays: 1.5
    })
    expect(items.get(tracked.doing)).toMatchObject({
      status: 'in_progress',
      owner: 'Jonas Berg',
      notes: 'Terraform modules half done.',
      actualStart: '2026-02-23'
    })
    expect(items.get(tracked.blocked)).toMatchObject({
      status: 'blocked',
      blockedReason: 'Security review of the GPU account not booked yet',
      owner: 'Marta Lindqvist',
      blockedSince: expect.any(String)
    })
    expect(after.tracking.timeEntries).toHaveLength(4)
    expect(after.tracking.totals.unassignedLoggedDays).toBe(0.25)
    const gates = after.tracking.phases.flatMap((p) => p.gates)
    expect(gates.filter((g) => g.doneAt !== null)).toHaveLength(1)
    expect(gates.map((g) => g.criterion)).toContain('Cost dashboard agreed with finance')
    expect(after.history.map((c) => [c.from, c.to, c.note])).toEqual([
      ['lead', 'active', null],
      ['active', 'proposal', 'Scope reworked after the read-out'],
      ['proposal', 'active', 'Marked as signed']
    ])
    // The signed baseline points at the proposal that was signed; every document's bytes are the ones sent.
    expect(after.tracking.baseline).toMatchObject({ exportSnapshotId: tracked.proposalId })
    expect(after.documents.map((x) => x.bytesSha256)).toEqual(before.documents.map((x) => x.bytesSha256))
    for (const x of after.documents) expect(x.bytesSha256).toBe(x.sha256)
    // The figures the triggers keep are the source's.
    expect(after.figures).toEqual(before.figures)
    expect(after.figures).toMatchObject({ logged_days: tracked.loggedDays, plan_dirty: 0 })
    expect(after.figures.progress).toBeGreaterThan(0)
    expect(after.figures.tracked_items).toBeGreaterThan(3)
    expect(after.figures.blocked_since).not.toBeNull()
    // Tracking notes are found by search on the new machine too.
    const found = await valueOf<{ groups: { kind: string }[] }>(callAs(target, 'search:query', { query: 'Terraform' }))
    expect(found.groups.map((g) => g.kind)).toContain('task_note')

    // A verified backup was taken before the import wrote anything.
    expect(readdirSync(join(target.dir, 'backups')).some((f) => f.endsWith('-pre-import.db'))).toBe(true)
    // The token is spent.
    expect((await callAs(target, 'portable:import', { token: inspected.token, mode: 'keep-both' })).ok).toBe(false)
  })

  it('encrypts with a passphrase; a wrong one is refused with a clear message and nothing written', async () => {
    const path = await exportTo('locked.stagecraft', 'correct horse battery staple')
    const envelope = JSON.parse(readFileSync(path, 'utf8'))
    expect(Object.keys(envelope).sort()).toEqual(['cipher', 'ciphertext', 'format', 'iv', 'kdf', 'tag', 'version'])
    expect(envelope).toMatchObject({
      format: 'stagecraft-encrypted',
      version: 1,
      cipher: 'aes-256-gcm',
      kdf: { name: 'scrypt', N: 131072, r: 8, p: 1, keyLength: 32 }
    })
    expect(readFileSync(path, 'utf8')).not.toContain('Harbour')

    td.nextOpen = path
    const first = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(first).toEqual({ status: 'needs-passphrase', token: expect.any(String) })
    expect(await callAs(target, 'portable:import', { token: first.token, mode: 'keep-both' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const wrong = await callAs(target, 'portable:unlock', { token: first.token, passphrase: 'correct horse battery stapler' })
    expect(wrong).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: WRONG_PASSPHRASE } })
    expect(counts(target)).toEqual([0, 0, 0, 0, 0])
    expect(trackingCounts(target)).toEqual([0, 0, 0, 0, 0, 0])

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
    expect(trackingCounts(target)).toEqual(trackingCounts(source).map((n) => 2 * n))

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

    // The documents: new ids, the same bytes; the copy's baseline points at the copy's own proposal.
    const ids = (x: { id: string }[]) => x.map((r) => r.id)
    expect(twin.documents.map((x) => x.bytesSha256)).toEqual(original.documents.map((x) => x.bytesSha256))
    expect(ids(twin.documents).some((id) => ids(original.documents).includes(id))).toBe(false)
    const twinProposal = twin.documents.find((x) => x.file_name === 'proposal.docx')!
    expect(twin.tracking.baseline?.exportSnapshotId).toBe(twinProposal.id)
    expect(original.tracking.baseline?.exportSnapshotId).toBe(tracked.proposalId)
    // Time entries and gates: new ids, the same records.
    const timeIds = ids(twin.tracking.timeEntries)
    expect(timeIds.some((id) => ids(original.tracking.timeEntries).includes(id))).toBe(false)
    const gates = (v: TrackingView) => v.phases.flatMap((p) => p.gates)
    expect(ids(gates(twin.tracking)).some((id) => ids(gates(original.tracking)).includes(id))).toBe(false)
    const withoutIds = (v: TrackingView) => ({
      phases: v.phases.map((p) => ({ ...p, gates: p.gates.map(({ id: _id, ...g }) => g) })),
      timeEntries: v.timeEntries.map(({ id: _id, ...t }) => t),
      totals: v.totals,
      rag: v.rag
    })
    expect(withoutIds(twin.tracking)).toEqual(withoutIds(original.tracking))
    expect(twin.history).toEqual(original.history)
    expect(twin.figures).toEqual(original.figures)

    // The two copies are independent: time logged on one leaves the other alone.
    await valueOf(callAs(target, 'tracking:delete-time', { engagementId: copy.engagementId, id: timeIds[0] }))
    expect(figures(target, sample.engagementId).logged_days).toBe(tracked.loggedDays)
    expect(figures(target, copy.engagementId).logged_days).toBeLessThan(tracked.loggedDays)
  })

  it('replace deletes the existing engagement and its children, updates the client, and inserts the file', async () => {
    td.nextOpen = await exportTo('first.stagecraft')
    await valueOf(callAs(target, 'portable:import', { token: (await valueOf<any>(callAs(target, 'portable:inspect', {}))).token, mode: 'keep-both' }))
    // Work on the target copy that the file will overwrite.
    await valueOf(callAs(target, 'assessments:create', { engagementId: sample.engagementId, title: 'Only on the laptop' }))
    await valueOf(
      callAs(target, 'tracking:log-time', {
        engagementId: sample.engagementId,
        itemId: tracked.blocked,
        date: '2026-03-01',
        days: 1,
        note: 'Only on the laptop'
      })
    )
    await valueOf(
      callAs(target, 'tracking:set-gate', { action: 'add', engagementId: sample.engagementId, phaseId: 'discovery', criterion: 'Only on the laptop' })
    )
    await valueOf(callAs(target, 'engagements:set-status', { id: sample.engagementId, status: 'complete', note: null }))
    // Meanwhile, on the source machine: new facts.
    await valueOf(callAs(source, 'clients:update', { id: sample.clientId, patch: { industry: 'Freight & logistics' } }))
    await valueOf(callAs(source, 'engagements:update', { id: sample.engagementId, patch: { notes: 'Signed the second phase.' } }))
    await valueOf(callAs(source, 'assessments:set-answer', { assessmentId: sample.assessmentId, questionId: 'infra_staff', value: 2 }))
    await valueOf(
      callAs(source, 'tracking:update-item', { engagementId: sample.engagementId, itemId: tracked.doing, patch: { status: 'done', actualEnd: '2026-03-01' } })
    )
    await valueOf(callAs(source, 'tracking:log-time', { engagementId: sample.engagementId, itemId: tracked.doing, date: '2026-03-01', days: 0.5, note: null }))

    td.nextOpen = await exportTo('second.stagecraft')
    const ready = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(ready.summary.exists).toBe(true)
    const result = await valueOf(callAs(target, 'portable:import', { token: ready.token, mode: 'replace' }))
    expect(result).toEqual({ engagementId: sample.engagementId, clientId: sample.clientId })
    // Exactly the source again: nothing of the laptop's changes, no history row of the import's own.
    expect(await snapshot(target, sample.engagementId)).toEqual(await snapshot(source, sample.engagementId))
    expect(counts(target).slice(0, 3)).toEqual([1, 1, 2])
    expect(trackingCounts(target)).toEqual(trackingCounts(source))
    expect(figures(target, sample.engagementId).logged_days).toBe(tracked.loggedDays + 0.5)
    expect(readdirSync(join(target.dir, 'backups')).filter((f) => f.endsWith('-pre-import.db'))).toHaveLength(2)
  })

  it('replace keeps the client record edited here since the file was made: other engagements share it', async () => {
    td.nextOpen = await exportTo('first.stagecraft')
    await valueOf(callAs(target, 'portable:import', { token: (await valueOf<any>(callAs(target, 'portable:inspect', {}))).token, mode: 'keep-both' }))
    td.nextOpen = await exportTo('older.stagecraft')
    // On the laptop, a day after the file was made (the two test clocks tick apart): the client's contact changes.
    const made = JSON.parse(readFileSync(td.nextOpen, 'utf8')).data.client.updatedAt as string
    await valueOf(callAs(target, 'clients:update', { id: sample.clientId, patch: { contactName: 'Newer On The Laptop' } }))
    target.database.sqlite.prepare('UPDATE client SET updated_at = ? WHERE id = ?').run(new Date(Date.parse(made) + 86_400_000).toISOString(), sample.clientId)
    const ready = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    await valueOf(callAs(target, 'portable:import', { token: ready.token, mode: 'replace' }))
    const client = await valueOf<{ contactName: string | null }>(callAs(target, 'clients:get', { id: sample.clientId }))
    expect(client.contactName).toBe('Newer On The Laptop')
  })

  it('still imports a version 1 file (before tracking and documents travelled), as an engagement not yet tracked', async () => {
    const doc = JSON.parse(readFileSync(await exportTo('current.stagecraft'), 'utf8'))
    const { signedAt: _signedAt, ...engagement } = doc.data.engagement
    const { client, assessments, plan } = doc.data
    const old = { ...doc, version: 1, data: { client, engagement, assessments, plan } }
    td.nextOpen = join(target.dir, 'old.stagecraft')
    writeFileSync(td.nextOpen, JSON.stringify(old, null, 2))

    const ready = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    expect(ready.summary).toMatchObject({ assessments: 2, hasPlan: true, privateNotes: 1, exists: false })
    await valueOf(callAs(target, 'portable:import', { token: ready.token, mode: 'keep-both' }))
    const before = await snapshot(source, sample.engagementId)
    const after = await snapshot(target, sample.engagementId)
    expect({ ...after, engagement: { ...(after.engagement as object), updatedAt: null } }).toMatchObject({
      client: before.client,
      assessments: before.assessments,
      plan: before.plan,
      history: [],
      exports: [],
      documents: []
    })
    expect(after.engagement).toMatchObject({ title: 'AI platform and first hires', status: 'active' })
    expect(after.tracking).toMatchObject({ tracked: false, baseline: null, signedAt: null, timeEntries: [] })
    expect(trackingCounts(target)).toEqual([0, 0, 0, 0, 0, 0])
    expect(after.figures).toMatchObject({ logged_days: 0, progress: 0, tracked_items: 0, signed_at: null })

    // A version 1 file is read by version 1's rules: the newer fields are unknown there.
    writeFileSync(td.nextOpen, JSON.stringify({ ...old, data: { ...old.data, exports: [] } }))
    const refused = await callAs(target, 'portable:inspect', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^old\.stagecraft: data: .*"exports"/) } })
  })

  it('only the file chosen last waits for its import, so at most one large file is held in memory', async () => {
    td.nextOpen = await exportTo('first.stagecraft')
    const first = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    const second = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    const stale = await callAs(target, 'portable:import', { token: first.token, mode: 'keep-both' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'That file is no longer open for import. Choose it again.' } })
    expect(counts(target)).toEqual([0, 0, 0, 0, 0])
    await valueOf(callAs(target, 'portable:import', { token: second.token, mode: 'keep-both' }))
    expect(counts(target)[0]).toBe(1)

    // The earlier file lets go before the next is read, even when that one is refused.
    const third = await valueOf<any>(callAs(target, 'portable:inspect', {}))
    writeFileSync(td.nextOpen, 'not a Stagecraft file')
    expect(await callAs(target, 'portable:inspect', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await callAs(target, 'portable:import', { token: third.token, mode: 'keep-both' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('refuses to export an engagement whose documents sent make the file too large, saying so; ~30 MB of documents still export', async () => {
    // Three more large documents (as if sent with a large logo), stored as the app stores them.
    const insert = source.database.sqlite.prepare(
      `INSERT INTO export_snapshot (id, engagement_id, template, sections, file_name, sha256, size_bytes, model, bytes, created_at)
       VALUES (?, ?, 'proposal', '{}', ?, ?, ?, '{}', ?, '2026-03-01T10:00:00.000Z')`
    )
    for (const n of [1, 2, 3]) {
      const bytes = randomBytes(7 * 1024 * 1024)
      insert.run(`00000000-0000-4000-8000-0000000f000${n}`, sample.engagementId, `proposal-${n}.docx`, sha(bytes), bytes.length, bytes)
    }
    // The format holds 100 MB of plain file; a smaller limit keeps the test light.
    const attempt = exportEngagement(source.database.db, sample.engagementId, { appVersion: 't', now: new Date(), maxPlainBytes: 25 * 1024 * 1024 })
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(attempt).rejects.toThrow(
      /^This engagement is too large to export as one file: it comes to 3\d MB, and a file holds at most 25 MB\. The 5 documents sent make up 3\d MB of it\.$/
    )
    // Through the window, the same engagement (under the format's limit) exports.
    sd.nextSave = join(source.dir, 'large.stagecraft')
    expect(await valueOf(callAs(source, 'portable:export', { engagementId: sample.engagementId }))).toMatchObject({ status: 'exported' })
    expect(existsSync(sd.nextSave)).toBe(true)
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
