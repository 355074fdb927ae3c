import { join } from 'node:path'
import type { TrackingView } from '../../shared/schemas/tracking.schema'
import { callAs, valueOf, type testBackend } from './backend'

type TB = Awaited<ReturnType<typeof testBackend>>

export interface TrackedEngagement {
  /** The proposal that was signed (the baseline points at it) and a report sent before it. */
  proposalId: string
  reportId: string
  /** Plan item ids: one done, one in progress with an owner and notes, one blocked. */
  done: string
  doing: string
  blocked: string
  /** The days logged, in all. */
  loggedDays: number
}

/**
 * Gives an engagement that has a plan a delivery record through the app's own channels, as
 * a consultant would: a step back to proposal with a note, two documents sent, the proposal
 * marked as signed (baseline, tracking, default gates), items done, in progress and blocked,
 * time with and without an item, a gate ticked and one added. The exports write .docx files
 * into the backend's folder through the stand-in save dialog.
 */
export async function trackEngagement(b: TB, dialogs: { nextSave: string | null }, engagementId: string): Promise<TrackedEngagement> {
  const send = async (name: string, template: 'proposal' | 'assessment') => {
    dialogs.nextSave = join(b.dir, name)
    const r = await valueOf<{ snapshot: { id: string } }>(callAs(b, 'exports:create', { engagementId, template, sections: {} }))
    return r.snapshot.id
  }
  await valueOf(callAs(b, 'engagements:set-status', { id: engagementId, status: 'proposal', note: 'Scope reworked after the read-out' }))
  const reportId = await send('workshop-report.docx', 'assessment')
  const proposalId = await send('proposal.docx', 'proposal')
  const signed = await valueOf<TrackingView>(callAs(b, 'tracking:mark-signed', { engagementId, exportSnapshotId: proposalId }))

  const [done, doing, blocked] = signed.phases.flatMap((p) => p.items.map((i) => i.itemId)) as [string, string, string]
  const update = (itemId: string, patch: Record<string, unknown>) => valueOf(callAs(b, 'tracking:update-item', { engagementId, itemId, patch }))
  await update(done, { status: 'done', actualStart: '2026-01-12', actualEnd: '2026-02-20', notes: 'Signed off by Marta on the call.' })
  await update(doing, { status: 'in_progress', actualStart: '2026-02-23', owner: 'Jonas Berg', notes: 'Terraform modules half done.' })
  await update(blocked, { status: 'blocked', blockedReason: 'Security review of the GPU account not booked yet', owner: 'Marta Lindqvist' })

  const entries: [string | null, string, number, string | null][] = [
    [done, '2026-02-10', 1, 'Workshop preparation'],
    [done, '2026-02-11', 0.5, null],
    [doing, '2026-02-24', 0.75, 'Terraform modules'],
    [null, '2026-02-25', 0.25, 'Call with Marta about the budget']
  ]
  for (const [itemId, date, days, note] of entries) {
    await valueOf(callAs(b, 'tracking:log-time', { engagementId, itemId, date, days, note }))
  }

  const firstGate = signed.phases.flatMap((p) => p.gates)[0]!
  await valueOf(callAs(b, 'tracking:set-gate', { action: 'tick', engagementId, id: firstGate.id, done: true }))
  await valueOf(callAs(b, 'tracking:set-gate', { action: 'add', engagementId, phaseId: firstGate.phaseId, criterion: 'Cost dashboard agreed with finance' }))
  return { proposalId, reportId, done, doing, blocked, loggedDays: entries.reduce((n, [, , d]) => n + d, 0) }
}
