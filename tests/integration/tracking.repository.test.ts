import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answersForContext, answersForMaturity } from '../../shared/domain/assessment/question-bank'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import type { StoredPlan } from '../../shared/schemas/plan.schema'
import type { Dashboard, StatusChange, TrackedItem, TrackingView } from '../../shared/schemas/tracking.schema'
import { daysBetween } from '../../shared/domain/tracking/dates'
import { insertSnapshot } from '../../db/repositories/export.repository'
import { startBackend, type Backend } from '../../electron/backend'
import { callAs, TEST_ORIGIN, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { tempDir } from '../helpers/temp'

type TB = Backend & { dispose: () => Promise<void> }
const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'intake', 'api-startup.json'), 'utf8')))
const DAY = 86_400_000
const item = (view: TrackingView, id: string): TrackedItem => {
  const found = view.phases.flatMap((p) => p.items).find((i) => i.itemId === id)
  if (!found) throw new Error(`no item ${id}`)
  return found
}
const failure = async (pending: Promise<{ ok: boolean; error?: unknown }>) => {
  const r = await pending
  expect(r.ok).toBe(false)
  return (r as { error: { code: string; message: string } }).error
}

describe('engagement tracking', () => {
  let b: TB
  let clock: ReturnType<typeof fixedDeps>
  let dir: string
  let cleanupDir: () => void
  let savedTo: string | null
  let clientId: string
  let engagementId: string

  beforeEach(async () => {
    ;({ dir, cleanup: cleanupDir } = tempDir())
    savedTo = join(dir, 'days.csv')
    // The real backend as tests/helpers/backend.ts starts it, with a clock the tests can move on.
    clock = fixedDeps()
    const backend = await startBackend({
      dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => savedTo },
      databasePath: join(dir, 'stagecraft.db'),
      deps: clock,
      appVersion: '0.0.0-test',
      trustedOrigin: TEST_ORIGIN,
      onUnexpectedError: (channel, error) => console.error(`[${channel}]`, error)
    })
    b = { ...backend, dispose: () => backend.close() }
    clientId = (await valueOf<{ id: string }>(callAs(b, 'clients:create', { name: 'Parcelwise' }))).id
    engagementId = (
      await valueOf<{ id: string }>(
        callAs(b, 'engagements:create', {
          clientId,
          title: 'AI platform',
          consultant: 'Dana',
          currency: 'EUR',
          dayRate: 1000,
          // The tests' today (see tests/helpers/deps.ts), so nothing is late at signing.
          startDate: '2026-03-02'
        })
      )
    ).id
  })
  afterEach(async () => {
    await b.dispose()
    cleanupDir()
  })

  async function withPlan(): Promise<StoredPlan> {
    const a = await valueOf<{ id: string }>(callAs(b, 'assessments:create', { engagementId }))
    const answers = { ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) }
    for (const [questionId, value] of Object.entries(answers)) {
      await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: a.id, questionId, value }))
    }
    return valueOf<StoredPlan>(callAs(b, 'plans:create', { engagementId, assessmentId: a.id }))
  }
  const setStatus = (status: string, note?: string) => callAs(b, 'engagements:set-status', { id: engagementId, status, ...(note ? { note } : {}) })
  const view = () => valueOf<TrackingView>(callAs(b, 'tracking:get', { engagementId }))
  const update = (itemId: string, patch: Record<string, unknown>) => callAs(b, 'tracking:update-item', { engagementId, itemId, patch })

  it('moves lead → proposal → active → complete one step at a time, with history, dates and notes', async () => {
    const jump = await failure(setStatus('active'))
    expect(jump.code).toBe('INVALID_INPUT')
    expect(jump.message).toMatch(/one step at a time.*cannot go from lead straight to active/)

    await valueOf(setStatus('proposal'))
    const back = await failure(setStatus('lead'))
    expect(back.message).toMatch(/Going back from proposal to lead needs a note/)
    await valueOf(setStatus('lead', 'Budget frozen until April'))
    await valueOf(setStatus('proposal'))
    await valueOf(setStatus('lost', 'Chose a bigger firm'))
    expect((await failure(setStatus('active', 'x'))).message).toMatch(/reopened as proposal/)
    const reopened = await valueOf<{ status: string }>(setStatus('proposal', 'They came back'))
    expect(reopened.status).toBe('proposal')
    // A change made through the plain edit is recorded too.
    await valueOf(callAs(b, 'engagements:update', { id: engagementId, patch: { status: 'active' } }))

    const history = await valueOf<StatusChange[]>(callAs(b, 'engagements:history', { id: engagementId }))
    expect(history.map((h) => [h.from, h.to, h.note])).toEqual([
      ['lead', 'proposal', null],
      ['proposal', 'lead', 'Budget frozen until April'],
      ['lead', 'proposal', null],
      ['proposal', 'lost', 'Chose a bigger firm'],
      ['lost', 'proposal', 'They came back'],
      ['proposal', 'active', null]
    ])
    for (let i = 1; i < history.length; i++) expect(history[i]!.at > history[i - 1]!.at).toBe(true)
    expect((await failure(callAs(b, 'engagements:history', { id: '00000000-0000-4000-8000-0000000fffff' }))).code).toBe('NOT_FOUND')
  })

  it('mark as signed freezes the plan as the baseline, linked to the signed export; later changes show against it', async () => {
    const plan = await withPlan()
    expect((await failure(callAs(b, 'tracking:mark-signed', { engagementId: '00000000-0000-4000-8000-0000000fffff' }))).code).toBe('NOT_FOUND')
    const before = await view()
    expect(before.tracked).toBe(false)
    expect(before.rag.level).toBe('none')

    await valueOf(setStatus('proposal'))
    const snapshot = await insertSnapshot(
      b.database.db,
      { now: () => new Date('2026-03-02T10:00:00Z'), newId: () => '00000000-0000-4000-8000-00000000abcd' },
      {
        engagementId,
        template: 'assessment',
        sections: {},
        fileName: 'proposal.docx',
        sha256: 'x',
        model: {},
        bytes: new Uint8Array([1])
      }
    )
    const signed = await valueOf<TrackingView>(callAs(b, 'tracking:mark-signed', { engagementId, exportSnapshotId: snapshot.id }))
    expect(signed.status).toBe('active')
    expect(signed.tracked).toBe(true)
    expect(signed.baseline).toMatchObject({
      exportSnapshotId: snapshot.id,
      startDate: '2026-03-02',
      effortDays: signed.plan!.effortDays,
      cost: signed.plan!.cost
    })
    expect(signed.rag).toMatchObject({ level: 'green', word: 'On track', icon: 'circle-check' })
    const terraform = item(signed, 'terraform')
    expect(terraform).toMatchObject({ status: 'planned', plannedStart: terraform.baselineStart, plannedEnd: terraform.baselineEnd, slipDays: 0 })
    // Gates: the defaults for every phase the plan has.
    expect(signed.phases.every((p) => p.gates.length >= 2)).toBe(true)
    const history = await valueOf<StatusChange[]>(callAs(b, 'engagements:history', { id: engagementId }))
    expect(history.at(-1)).toMatchObject({ from: 'proposal', to: 'active', note: 'Marked as signed' })

    const again = await failure(callAs(b, 'tracking:mark-signed', { engagementId }))
    expect(again.code).toBe('CONFLICT')

    // After signing: terraform moves three weeks later and costs more; the baseline stays.
    await valueOf(
      callAs(b, 'plans:save-edits', {
        planId: plan.id,
        edits: { overrides: { terraform: { notBeforeWeek: 5, effortDays: 12 } }, custom: [], removed: [] }
      })
    )
    const after = await view()
    const moved = item(after, 'terraform')
    expect(moved.plannedStart! > terraform.plannedStart!).toBe(true)
    expect(moved.slipDays).toBe(daysBetween(moved.baselineEnd!, moved.plannedEnd!))
    expect(moved.slipDays).toBeGreaterThan(14)
    expect(moved.baselineEnd).toBe(terraform.baselineEnd)
    expect(moved).toMatchObject({ effortDays: 12, cost: 12_000, baselineEffortDays: terraform.effortDays, baselineCost: terraform.baselineCost })
    expect(after.totals.plannedCost).toBeGreaterThan(after.totals.baselineCost!)
    expect(after.rag.level).toBe('red')
    expect(after.rag.reason).toMatch(/later than the signed baseline/)

    // The dashboard's figures follow the plan (the plan change marked them for refreshing).
    const dash = await valueOf<Dashboard>(callAs(b, 'dashboard:get', {}))
    expect(dash.rows[0]).toMatchObject({ id: engagementId, plannedDays: after.plan!.effortDays, pipelineValue: after.plan!.effortDays * 1000 })
    expect(dash.rows[0]!.rag.level).toBe('red')
  })

  it('refuses a snapshot from another engagement and a signing without a plan', async () => {
    expect((await failure(callAs(b, 'tracking:mark-signed', { engagementId }))).message).toMatch(/no plan to freeze/)
    await withPlan()
    const other = await valueOf<{ id: string }>(
      callAs(b, 'engagements:create', { clientId, title: 'Other', consultant: 'Dana', currency: 'EUR', dayRate: 900 })
    )
    const snapshot = await insertSnapshot(
      b.database.db,
      { now: () => new Date(), newId: () => '00000000-0000-4000-8000-00000000abce' },
      {
        engagementId: other.id,
        template: 'assessment',
        sections: {},
        fileName: 'x.docx',
        sha256: 'x',
        model: {},
        bytes: new Uint8Array([1])
      }
    )
    expect((await failure(callAs(b, 'tracking:mark-signed', { engagementId, exportSnapshotId: snapshot.id }))).code).toBe('NOT_FOUND')
  })

  it('moves an item through planned, in progress, blocked with a reason and done, and the RAG follows', async () => {
    await withPlan()
    await valueOf(setStatus('proposal'))
    await valueOf(callAs(b, 'tracking:mark-signed', { engagementId }))

    let v = await valueOf<TrackingView>(update('terraform', { status: 'in_progress', owner: 'Aiko (infra)' }))
    expect(item(v, 'terraform')).toMatchObject({ status: 'in_progress', actualStart: '2026-03-02', owner: 'Aiko (infra)' })

    const noReason = await failure(update('terraform', { status: 'blocked' }))
    expect(noReason.message).toMatch(/needs a reason/)
    expect((await failure(update('terraform', { blockedReason: 'x' }))).message).toMatch(/Only a blocked item/)
    expect((await failure(update('terraform', { actualEnd: '2026-03-02' }))).message).toMatch(/Only a done item has an actual end/)

    v = await valueOf<TrackingView>(update('terraform', { status: 'blocked', blockedReason: 'Waiting for AWS account access' }))
    expect(item(v, 'terraform')).toMatchObject({
      status: 'blocked',
      blockedReason: 'Waiting for AWS account access',
      blockedSince: '2026-03-02',
      actualStart: '2026-03-02'
    })
    expect(v.rag).toMatchObject({ level: 'amber', word: 'Attention', icon: 'alert-triangle' })
    expect(v.rag.reason).toMatch(/blocked for 0 days/)
    expect(v.totals.blockedItems).toBe(1)

    clock.tick(8 * DAY)
    v = await view()
    expect(v.today).toBe('2026-03-10')
    expect(v.rag.level).toBe('red')
    expect(v.rag.reasons[0]).toMatch(/“.*” has been blocked for 8 days/)
    // Changing the reason keeps the date it was blocked since.
    v = await valueOf<TrackingView>(update('terraform', { blockedReason: 'Security review of the account' }))
    expect(item(v, 'terraform').blockedSince).toBe('2026-03-02')

    v = await valueOf<TrackingView>(update('terraform', { status: 'done', notes: 'Two accounts, state in S3' }))
    expect(item(v, 'terraform')).toMatchObject({
      status: 'done',
      blockedReason: null,
      blockedSince: null,
      actualStart: '2026-03-02',
      actualEnd: '2026-03-10',
      notes: 'Two accounts, state in S3'
    })
    expect(v.totals.doneDays).toBe(item(v, 'terraform').effortDays)
    expect(v.totals.progressPercent).toBeGreaterThan(0)

    expect((await failure(update('terraform', { actualStart: '2026-03-20', actualEnd: '2026-03-11' }))).message).toMatch(/future/)
    expect((await failure(update('terraform', { actualStart: '2026-03-09', actualEnd: '2026-03-08' }))).message).toMatch(/before the actual start/)
    v = await valueOf<TrackingView>(update('terraform', { status: 'planned' }))
    expect(item(v, 'terraform')).toMatchObject({ status: 'planned', actualStart: null, actualEnd: null })
    expect((await failure(update('no_such_item', { status: 'done' }))).code).toBe('NOT_FOUND')
  })

  it('logs days against items, sums them per item, phase and engagement, and deletes entries', async () => {
    await withPlan()
    await valueOf(setStatus('proposal'))
    await valueOf(callAs(b, 'tracking:mark-signed', { engagementId }))
    const log = (itemId: string | null, days: number, date = '2026-03-02', note?: string) =>
      callAs(b, 'tracking:log-time', { engagementId, itemId, date, days, ...(note ? { note } : {}) })

    await valueOf(log('terraform', 1))
    await valueOf(log('terraform', 0.5, '2026-03-03'))
    let v = await valueOf<TrackingView>(log(null, 0.25, '2026-03-02', 'Steering committee'))
    expect(item(v, 'terraform').loggedDays).toBe(1.5)
    expect(v.totals).toMatchObject({ loggedDays: 1.75, unassignedLoggedDays: 0.25 })
    expect(v.phases.find((p) => p.id === 'foundations')!.loggedDays).toBe(1.5)
    expect(v.timeEntries.map((e) => e.days)).toEqual([0.5, 0.25, 1])
    expect(v.timeEntryCount).toBe(3)

    for (const [days, message] of [
      [1.5, /at most one day/],
      [0, /more than zero/],
      [-1, /more than zero/],
      [0.333, /two decimals/]
    ] as const) {
      expect((await failure(log('terraform', days))).message).toMatch(message)
    }
    expect((await failure(log('terraform', 1, '2026-03-09'))).message).toMatch(/future/)
    expect((await failure(log('no_such_item', 1))).code).toBe('NOT_FOUND')

    const first = v.timeEntries.find((e) => e.days === 1)!
    v = await valueOf<TrackingView>(callAs(b, 'tracking:delete-time', { engagementId, id: first.id }))
    expect(v.totals.loggedDays).toBe(0.75)
    expect((await failure(callAs(b, 'tracking:delete-time', { engagementId, id: first.id }))).code).toBe('NOT_FOUND')
    const dash = await valueOf<Dashboard>(callAs(b, 'dashboard:get', {}))
    expect(dash.rows[0]!.loggedDays).toBe(0.75)
  })

  it('keeps an item that left the plan while work was recorded against it, and drops an untouched one', async () => {
    const plan = await withPlan()
    await valueOf(setStatus('proposal'))
    await valueOf(callAs(b, 'tracking:mark-signed', { engagementId }))
    await valueOf(callAs(b, 'tracking:log-time', { engagementId, itemId: 'terraform', date: '2026-03-02', days: 1 }))
    await valueOf(callAs(b, 'plans:save-edits', { planId: plan.id, edits: { overrides: {}, custom: [], removed: ['terraform', 'billing_alerts'] } }))
    const v = await view()
    expect(item(v, 'terraform')).toMatchObject({ inPlan: false, loggedDays: 1 })
    expect(v.phases.flatMap((p) => p.items).some((i) => i.itemId === 'billing_alerts')).toBe(false)
    expect(v.totals.loggedDays).toBe(1)
  })

  it('ticks, adds, edits and removes phase gates', async () => {
    await withPlan()
    await valueOf(setStatus('proposal'))
    let v = await valueOf<TrackingView>(callAs(b, 'tracking:mark-signed', { engagementId }))
    const foundations = () => v.phases.find((p) => p.id === 'foundations')!
    const gate = foundations().gates[0]!
    v = await valueOf<TrackingView>(callAs(b, 'tracking:set-gate', { action: 'tick', engagementId, id: gate.id, done: true }))
    expect(foundations().gates[0]!.doneAt).not.toBeNull()
    expect(foundations().gatesDone).toBe(1)
    v = await valueOf<TrackingView>(callAs(b, 'tracking:set-gate', { action: 'add', engagementId, phaseId: 'foundations', criterion: 'Cost alerts tested' }))
    expect(foundations().gates.at(-1)).toMatchObject({ criterion: 'Cost alerts tested', doneAt: null })
    const added = foundations().gates.at(-1)!
    v = await valueOf<TrackingView>(callAs(b, 'tracking:set-gate', { action: 'edit', engagementId, id: added.id, criterion: 'Cost alerts tested twice' }))
    expect(foundations().gates.at(-1)!.criterion).toBe('Cost alerts tested twice')
    v = await valueOf<TrackingView>(callAs(b, 'tracking:set-gate', { action: 'remove', engagementId, id: added.id }))
    expect(foundations().gates.some((g) => g.id === added.id)).toBe(false)
    expect((await failure(callAs(b, 'tracking:set-gate', { action: 'tick', engagementId, id: added.id, done: true }))).code).toBe('NOT_FOUND')
    expect((await failure(callAs(b, 'tracking:set-gate', { action: 'add', engagementId, phaseId: 'foundations', criterion: '  ' }))).code).toBe('INVALID_INPUT')
  })

  it('exports logged days per engagement and month as CSV that no spreadsheet runs as a formula', async () => {
    await withPlan()
    await valueOf(callAs(b, 'engagements:update', { id: engagementId, patch: { title: '=HYPERLINK("http://evil.example","Invoice")' } }))
    await valueOf(callAs(b, 'clients:update', { id: clientId, patch: { name: '+Parcelwise, "Ltd"' } }))
    await valueOf(callAs(b, 'tracking:log-time', { engagementId, itemId: null, date: '2026-02-27', days: 1, note: '@SUM(1+1)' }))
    await valueOf(callAs(b, 'tracking:log-time', { engagementId, itemId: 'terraform', date: '2026-03-02', days: 0.5, note: '-cmd|" /C calc"!A0' }))
    await valueOf(callAs(b, 'tracking:log-time', { engagementId, itemId: 'terraform', date: '2026-03-02', days: 0.25, note: '+49 170 1234567' }))

    const monthly = await valueOf<{ status: string; fileName: string; rows: number }>(callAs(b, 'time:export-csv', {}))
    expect(monthly).toMatchObject({ status: 'exported', fileName: 'days.csv', rows: 2 })
    const csv = readFileSync(savedTo!, 'utf8')
    expect(csv.startsWith('\uFEFFClient,Engagement,Consultant,Month,Days,Entries,Day rate,Currency,Amount\r\n')).toBe(true)
    expect(csv).toContain(`"'+Parcelwise, ""Ltd""","'=HYPERLINK(""http://evil.example"",""Invoice"")",Dana,2026-02,1,1,1000,EUR,1000\r\n`)
    expect(csv).toContain(',2026-03,0.75,2,1000,EUR,750\r\n')

    savedTo = join(dir, 'detail')
    const detail = await valueOf<{ fileName: string; rows: number }>(
      callAs(b, 'time:export-csv', { engagementId, from: '2026-03', to: '2026-03', detail: true })
    )
    expect(detail).toMatchObject({ fileName: 'detail.csv', rows: 2 })
    const lines = readFileSync(join(dir, 'detail.csv'), 'utf8').split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toMatch(/,2026-03,2026-03-02,Cloud infrastructure as code with Terraform,0\.5,"'-cmd\|"" \/C calc""!A0"$/)
    expect(lines[2]).toMatch(/,0\.25,'\+49 170 1234567$/)
    // Every cell that begins with a formula character is neutralised.
    for (const line of lines.slice(1)) {
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/)
    }

    savedTo = null
    expect(await valueOf(callAs(b, 'time:export-csv', {}))).toEqual({ status: 'cancelled' })
    expect((await failure(callAs(b, 'time:export-csv', { from: '2026-04', to: '2026-03' }))).message).toMatch(/first month/)
    expect((await failure(callAs(b, 'time:export-csv', { from: '2026-13' }))).code).toBe('INVALID_INPUT')
  })
})
