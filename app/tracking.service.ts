/**
 * Tracking decisions: each reads what it needs from the repository, asks the rules in
 * shared/domain/tracking, and writes what they decide — or refuses with the rule's sentence.
 * Callers run each one inside a transaction.
 */
import type { Db } from '../db/repositories/client.repository'
import type { Deps } from '../db/deps'
import {
  baselineSignedAt,
  currentPlan,
  findTrackedItem,
  insertTimeEntry,
  itemStateOf,
  statusBeforeLost,
  todayOf,
  trackingEngagement,
  trackingView,
  writeEngagementStatus,
  writeGate,
  writeSigned,
  writeTrackedItem
} from '../db/repositories/tracking.repository'
import { exportSnapshotEngagement } from '../db/repositories/export.repository'
import { itemUpdateDecision, signingDecision, timeEntryDecision, type Decision } from '../shared/domain/tracking/decisions'
import { checkTransition } from '../shared/domain/tracking/status'
import { AppError } from '../shared/ipc/result'
import type { EngagementStatus } from '../shared/schemas/engagement.schema'
import type { LogTimeInput, SetGateInput, TrackingView, UpdateItemInput } from '../shared/schemas/tracking.schema'

export const engagementGone = () => new AppError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.')

function enforce<T>(decision: Decision<T>): asserts decision is { ok: true } & T {
  if (!decision.ok) throw new AppError(decision.code, decision.message)
}

async function existing(db: Db, engagementId: string) {
  const e = await trackingEngagement(db, engagementId)
  if (!e) throw engagementGone()
  return e
}

/** Moves the engagement one step (see shared/domain/tracking/status.ts); the trigger records it. */
export async function setEngagementStatus(db: Db, deps: Deps, id: string, to: EngagementStatus, note: string | null): Promise<void> {
  const from = (await existing(db, id)).status as EngagementStatus
  const check = checkTransition(from, to, note, from === 'lost' ? await statusBeforeLost(db, id) : null)
  if (!check.ok) throw new AppError('INVALID_INPUT', check.message)
  await writeEngagementStatus(db, deps, id, to, note)
}

/**
 * "Mark as signed": freezes the current plan as the baseline (linked to the export that was
 * signed, when given), sets the engagement active and starts tracking its items.
 */
export async function markSigned(db: Db, deps: Deps, engagementId: string, exportSnapshotId: string | null): Promise<void> {
  const e = await existing(db, engagementId)
  const status = e.status as EngagementStatus
  enforce(signingDecision(status, await baselineSignedAt(db, engagementId)))
  if (exportSnapshotId !== null && (await exportSnapshotEngagement(db, exportSnapshotId)) !== engagementId) {
    throw new AppError('NOT_FOUND', 'That export is not one of this engagement’s exports.')
  }
  const plan = await currentPlan(db, e)
  if (!plan) throw new AppError('INVALID_INPUT', 'There is no plan to freeze as the baseline yet. Create the plan first, then mark the engagement as signed.')
  await writeSigned(db, deps, engagementId, plan, exportSnapshotId, status === 'active')
}

async function trackedItem(db: Db, deps: Deps, engagementId: string, itemId: string) {
  await existing(db, engagementId)
  const row = await findTrackedItem(db, deps, engagementId, itemId)
  if (!row) throw new AppError('NOT_FOUND', 'That item is not in this engagement’s plan.')
  return row
}

/** Changes an item's status, dates, owner or notes, as shared/domain/tracking/decisions.ts decides. */
export async function updateTrackedItem(db: Db, deps: Deps, input: UpdateItemInput): Promise<void> {
  const { engagementId, itemId, patch } = input
  const row = await trackedItem(db, deps, engagementId, itemId)
  const decision = itemUpdateDecision(itemStateOf(row), patch, todayOf(deps))
  enforce(decision)
  await writeTrackedItem(db, deps, engagementId, itemId, decision.next, { owner: patch.owner, notes: patch.notes })
}

export async function logTime(db: Db, deps: Deps, input: LogTimeInput): Promise<string> {
  const itemId = input.itemId ?? null
  if (itemId !== null) await trackedItem(db, deps, input.engagementId, itemId)
  else await existing(db, input.engagementId)
  enforce(timeEntryDecision(input.date, todayOf(deps)))
  return insertTimeEntry(db, deps, input)
}

export async function setGate(db: Db, deps: Deps, input: SetGateInput): Promise<void> {
  await existing(db, input.engagementId)
  if (!(await writeGate(db, deps, input))) throw new AppError('NOT_FOUND', 'That gate is no longer part of this engagement.')
}

/** The tracking screen of an engagement that exists. */
export async function requireTrackingView(db: Db, deps: Deps, engagementId: string): Promise<TrackingView> {
  return (await trackingView(db, deps, engagementId)) ?? Promise.reject(engagementGone())
}
