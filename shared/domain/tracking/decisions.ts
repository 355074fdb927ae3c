/**
 * The rules behind tracking changes: when an engagement may be signed, what an item's
 * status change implies for its dates and blocking reason, and which days time may be
 * logged for. The application layer reads the rows, asks these functions, and writes what
 * they decide; a refusal carries the sentence the user sees.
 *
 * Pure: no Node, DOM or Electron imports.
 */
import type { EngagementStatus } from '../../schemas/engagement.schema'
import type { ItemStatus } from '../../schemas/tracking.schema'
import { addDays } from './dates'

export type Refusal = { ok: false; code: 'INVALID_INPUT' | 'CONFLICT'; message: string }
export type Decision<T> = ({ ok: true } & T) | Refusal

const refuse = (message: string, code: Refusal['code'] = 'INVALID_INPUT'): Refusal => ({ ok: false, code, message })

/** Actual dates and logged days may be today or tomorrow (a consultant ahead of UTC), never later. */
export const latestRecordableDate = (today: string): string => addDays(today, 1)

/**
 * Whether an engagement may be marked as signed now.
 * @param signedAt when its baseline was signed, if it has one
 */
export function signingDecision(status: EngagementStatus, signedAt: string | null): Decision<object> {
  if (status === 'complete' || status === 'lost') return refuse(`A ${status} engagement cannot be marked as signed. Reopen it first.`)
  if (signedAt !== null && status === 'active') {
    return refuse(`This engagement was already marked as signed on ${signedAt.slice(0, 10)}; its baseline stays as it was signed.`, 'CONFLICT')
  }
  return { ok: true }
}

/** An item's state as tracking keeps it. */
export interface ItemState {
  status: ItemStatus
  blockedReason: string | null
  blockedSince: string | null
  actualStart: string | null
  actualEnd: string | null
}

/** The part of an item change the rules look at (absent fields stay as they are). */
export interface ItemPatch {
  status?: ItemStatus
  blockedReason?: string | null
  actualStart?: string | null
  actualEnd?: string | null
}

/**
 * What an item becomes after a change. Blocking needs a reason (and records since when);
 * starting sets the actual start, finishing the actual end (today unless given); moving back
 * to planned clears the start unless one is given; actual dates are never in the future.
 */
export function itemUpdateDecision(current: ItemState, patch: ItemPatch, today: string): Decision<{ next: ItemState }> {
  const from = current.status
  const status = patch.status ?? from
  const changing = status !== from

  let blockedReason: string | null = null
  let blockedSince: string | null = null
  if (status === 'blocked') {
    blockedReason = patch.blockedReason !== undefined ? patch.blockedReason : current.blockedReason
    if (!blockedReason) return refuse('Say why the item is blocked: a blocked item needs a reason.')
    blockedSince = from === 'blocked' ? current.blockedSince : today
  } else if (patch.blockedReason) {
    return refuse('Only a blocked item has a reason for being blocked. Set its status to blocked as well.')
  }

  let actualStart = patch.actualStart !== undefined ? patch.actualStart : current.actualStart
  let actualEnd = patch.actualEnd !== undefined ? patch.actualEnd : current.actualEnd
  if (status === 'done') {
    actualEnd ??= today
    actualStart ??= actualEnd
  } else {
    if (patch.actualEnd) return refuse('Only a done item has an actual end. Mark it as done to record when it finished.')
    actualEnd = null
    if (status === 'in_progress') actualStart ??= today
    if (status === 'planned' && changing && patch.actualStart === undefined) actualStart = null
  }
  const latest = latestRecordableDate(today)
  if ((actualStart !== null && actualStart > latest) || (actualEnd !== null && actualEnd > latest)) {
    return refuse('Actual dates record what happened: they cannot be in the future.')
  }
  if (actualStart !== null && actualEnd !== null && actualEnd < actualStart) {
    return refuse('The actual end cannot be before the actual start.')
  }
  return { ok: true, next: { status, blockedReason, blockedSince, actualStart, actualEnd } }
}

/** Time is logged for days that have happened. */
export function timeEntryDecision(date: string, today: string): Decision<object> {
  if (date > latestRecordableDate(today)) return refuse('Time is logged for days that have happened, not for future dates.')
  return { ok: true }
}
