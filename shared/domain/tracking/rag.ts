/**
 * Red / amber / green for an engagement in delivery, derived from its tracked work. Always
 * with a word and an icon beside the colour (colour is never the only signal) and with the
 * reasons, worst first.
 *
 * The thresholds (calendar days, compared with "today" in UTC):
 *
 * | level | when (any of)                                                                  |
 * |-------|--------------------------------------------------------------------------------|
 * | red   | an item blocked for more than 7 days                                           |
 * |       | remaining work slipped more than 14 days (2 weeks) against the signed baseline |
 * |       | an open item overdue by more than 14 days (2 weeks)                            |
 * | amber | any item blocked (7 days or less)                                              |
 * |       | remaining work slipped more than 3 days against the baseline                   |
 * |       | any open item overdue (its planned end has passed and it is not done)          |
 * | green | an active engagement with tracked work and none of the above                   |
 * | none  | not in delivery (lead, proposal, complete, lost) or no tracked work yet        |
 *
 * Inputs are per engagement: the earliest `blockedSince` of its blocked items, the earliest
 * planned end of its open items (`nextDue`, which is also the most overdue one) and
 * `slipDays`: the largest delay of an open item's planned end against its baseline end
 * (done work no longer slips; work added after signing has no baseline and does not count).
 *
 * The dashboard sorts by the same rule in SQL (see db/repositories/dashboard.repository.ts,
 * built from these thresholds); a test checks that the two agree on every seeded engagement.
 *
 * Pure: no Node, DOM or Electron imports.
 */
import type { EngagementStatus } from '../../schemas/engagement.schema'
import { daysBetween } from './dates'

export const RAG_THRESHOLDS = {
  /** Red when an item has been blocked for more than this many days. */
  redBlockedDays: 7,
  /** Red when remaining work ends more than this many days later than the baseline. */
  redSlipDays: 14,
  /** Red when an open item is overdue by more than this many days. */
  redOverdueDays: 14,
  /** Amber when remaining work ends more than this many days later than the baseline. */
  amberSlipDays: 3
} as const

export type RagThresholds = { readonly [K in keyof typeof RAG_THRESHOLDS]: number }

export const RAG_LEVELS = ['none', 'green', 'amber', 'red'] as const
export type RagLevel = (typeof RAG_LEVELS)[number]

/** Sort order: red first when descending. */
export const RAG_RANK: Readonly<Record<RagLevel, number>> = { none: 0, green: 1, amber: 2, red: 3 }

/** The word and icon the UI shows beside the colour (icons are Tabler icon names). */
export const RAG_LOOK: Readonly<Record<RagLevel, { word: string; icon: string }>> = {
  red: { word: 'At risk', icon: 'alert-octagon' },
  amber: { word: 'Attention', icon: 'alert-triangle' },
  green: { word: 'On track', icon: 'circle-check' },
  none: { word: 'Not tracked', icon: 'circle-dashed' }
}

export interface RagInput {
  status: EngagementStatus
  /** In-plan items being tracked (0: nothing to judge yet). */
  trackedItems: number
  /** The earliest date an item still blocked became blocked. */
  blockedSince: string | null
  /** The earliest planned end among open (not done) items. */
  nextDue: string | null
  /** The largest slip of an open item's planned end against its baseline, in days (0 if none). */
  slipDays: number
  /** Optional detail for the reasons (item titles); the dashboard leaves them out. */
  blockedItem?: string | null
  overdueItem?: string | null
  slipItem?: string | null
  blockedCount?: number
  overdueCount?: number
}

export interface Rag {
  level: RagLevel
  word: string
  icon: string
  /** The reasons, worst first, as sentences. */
  reasons: string[]
  /** One line for the UI: the worst reason. */
  reason: string
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const named = (title: string | null | undefined, fallback: string) => (title ? `“${title}”` : fallback)

function spanText(days: number): string {
  return days >= 14 && days % 7 === 0 ? plural(days / 7, 'week') : plural(days, 'day')
}

export function deriveRag(input: RagInput, today: string, thresholds: RagThresholds = RAG_THRESHOLDS): Rag {
  const make = (level: RagLevel, reasons: string[]): Rag => ({ level, ...RAG_LOOK[level], reasons, reason: reasons[0]! })
  if (input.status !== 'active') {
    const why = input.status === 'complete' || input.status === 'lost' ? 'closed' : 'not signed yet'
    return make('none', [`Not in delivery: the engagement is ${input.status} (${why}).`])
  }
  if (input.trackedItems === 0) {
    return make('none', ['No work is tracked yet: mark the engagement as signed to start tracking its plan.'])
  }
  const red: string[] = []
  const amber: string[] = []
  if (input.blockedSince !== null) {
    const days = Math.max(0, daysBetween(input.blockedSince, today))
    const others = (input.blockedCount ?? 1) > 1 ? ` (${plural(input.blockedCount!, 'item')} blocked)` : ''
    const text = `${named(input.blockedItem, 'An item')} has been blocked for ${spanText(days)}${others}.`
    ;(days > thresholds.redBlockedDays ? red : amber).push(text)
  }
  if (input.slipDays > thresholds.amberSlipDays) {
    const text = `${input.slipItem ? `${named(input.slipItem, '')} ends` : 'Remaining work ends'} ${spanText(input.slipDays)} later than the signed baseline.`
    ;(input.slipDays > thresholds.redSlipDays ? red : amber).push(text)
  }
  if (input.nextDue !== null && input.nextDue < today) {
    const days = daysBetween(input.nextDue, today)
    const others = (input.overdueCount ?? 1) > 1 ? ` (${plural(input.overdueCount!, 'item')} overdue)` : ''
    const text = `${named(input.overdueItem, 'An item')} is ${spanText(days)} overdue${others}.`
    ;(days > thresholds.redOverdueDays ? red : amber).push(text)
  }
  if (red.length > 0) return make('red', [...red, ...amber])
  if (amber.length > 0) return make('amber', amber)
  return make('green', ['Nothing blocked, nothing overdue and no slippage against the baseline.'])
}
