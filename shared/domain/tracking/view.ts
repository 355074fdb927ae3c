/**
 * The tracking view of one engagement: the tracked items merged with the current plan and
 * the signed baseline, phase by phase, with gates, days logged against the estimate and the
 * RAG status. Pure: the repository gathers the rows, this puts them together.
 */
import { PHASES, type PhaseId } from '../catalogue'
import type { Plan } from '../planning/plan.model'
import type { EngagementStatus } from '../../schemas/engagement.schema'
import type { BaselinePlan, Gate, ItemStatus, TimeEntry, TrackedItem, TrackedPhase, TrackingView } from '../../schemas/tracking.schema'
import { addDays, daysBetween } from './dates'
import { planEndDate, trackableItems } from './plan-items'
import { deriveRag, type RagInput } from './rag'

/** "Due soon": a planned end from today up to this many days ahead. */
export const DUE_SOON_DAYS = 14

export interface TrackingRow {
  itemId: string
  kind: string
  title: string
  phase: PhaseId
  position: number
  effortDays: number
  inPlan: boolean
  status: ItemStatus
  blockedReason: string | null
  blockedSince: string | null
  plannedStart: string | null
  plannedEnd: string | null
  baselineStart: string | null
  baselineEnd: string | null
  actualStart: string | null
  actualEnd: string | null
  owner: string | null
  notes: string | null
  updatedAt: string
}

export interface TrackingViewInput {
  engagement: { id: string; status: EngagementStatus; signedAt: string | null; dayRate: number; currency: string; loggedDays: number }
  plan: Plan | null
  baseline: { plan: BaselinePlan; signedAt: string; exportSnapshotId: string | null } | null
  rows: TrackingRow[]
  /** Days logged per item id ('' for entries without an item). */
  loggedByItem: ReadonlyMap<string, number>
  gates: Gate[]
  timeEntries: TimeEntry[]
  timeEntryCount: number
  today: string
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Effort-weighted share of done work (by count when nothing carries effort), to one decimal. */
export function progressPercent(items: readonly { effortDays: number; status: ItemStatus }[]): number {
  const total = items.reduce((s, i) => s + i.effortDays, 0)
  if (total > 0) {
    const done = items.reduce((s, i) => s + (i.status === 'done' ? i.effortDays : 0), 0)
    return Math.round((1000 * done) / total) / 10
  }
  if (items.length === 0) return 0
  return Math.round((1000 * items.filter((i) => i.status === 'done').length) / items.length) / 10
}

const minBy = <T>(items: readonly T[], key: (t: T) => string | null): T | undefined => {
  let best: T | undefined
  let bestKey: string | null = null
  for (const item of items) {
    const k = key(item)
    if (k !== null && (bestKey === null || k < bestKey)) {
      best = item
      bestKey = k
    }
  }
  return best
}

/** The RAG inputs of a set of tracked items, exactly as the database triggers keep them. */
export function ragInputOf(status: EngagementStatus, items: readonly TrackedItem[], today: string): RagInput {
  const inPlan = items.filter((i) => i.inPlan)
  const open = inPlan.filter((i) => i.status !== 'done')
  const blocked = inPlan.filter((i) => i.status === 'blocked')
  const firstBlocked = minBy(blocked, (i) => i.blockedSince)
  const firstDue = minBy(open, (i) => i.plannedEnd)
  let slip: TrackedItem | undefined
  for (const i of open) if (i.slipDays !== null && i.slipDays > 0 && (!slip || i.slipDays > slip.slipDays!)) slip = i
  return {
    status,
    trackedItems: items.some((i) => i.updatedAt !== null) ? inPlan.length : 0,
    blockedSince: firstBlocked?.blockedSince ?? null,
    nextDue: firstDue?.plannedEnd ?? null,
    slipDays: slip?.slipDays ?? 0,
    blockedItem: firstBlocked?.title ?? null,
    overdueItem: firstDue?.title ?? null,
    slipItem: slip?.title ?? null,
    blockedCount: blocked.length,
    overdueCount: open.filter((i) => i.plannedEnd !== null && i.plannedEnd < today).length
  }
}

export function buildTrackingView(input: TrackingViewInput): TrackingView {
  const { engagement, plan, baseline, today } = input
  const planned = plan ? trackableItems(plan) : []
  const plannedById = new Map(planned.map((i) => [i.itemId, i]))
  const baselineById = new Map((baseline?.plan.items ?? []).map((i) => [i.id, i]))
  const tracked = input.rows.length > 0
  // Late and due soon are counted in delivery only: once signed (the work is tracked) and
  // while the engagement is active. Before that nothing is late, only the plan's dates are old.
  const counting = tracked && engagement.status === 'active'

  const rows: TrackingRow[] = tracked
    ? input.rows
    : planned.map((p) => {
        const b = baselineById.get(p.itemId)
        return {
          itemId: p.itemId,
          kind: p.kind,
          title: p.title,
          phase: p.phase,
          position: p.position,
          effortDays: p.effortDays,
          inPlan: true,
          status: 'planned' as const,
          blockedReason: null,
          blockedSince: null,
          plannedStart: p.plannedStart,
          plannedEnd: p.plannedEnd,
          baselineStart: b?.startDate ?? null,
          baselineEnd: b?.endDate ?? null,
          actualStart: null,
          actualEnd: null,
          owner: p.owner,
          notes: null,
          updatedAt: ''
        }
      })

  const items: TrackedItem[] = [...rows]
    .sort((a, b) => Number(b.inPlan) - Number(a.inPlan) || a.position - b.position)
    .map((r) => {
      const p = plannedById.get(r.itemId)
      const b = baselineById.get(r.itemId)
      const overdue = counting && r.inPlan && r.status !== 'done' && r.plannedEnd !== null && r.plannedEnd < today
      return {
        itemId: r.itemId,
        kind: r.kind,
        title: r.title,
        phase: r.phase,
        owner: r.owner,
        status: r.status,
        blockedReason: r.blockedReason,
        blockedSince: r.blockedSince,
        plannedStart: r.plannedStart,
        plannedEnd: r.plannedEnd,
        baselineStart: r.baselineStart,
        baselineEnd: r.baselineEnd,
        actualStart: r.actualStart,
        actualEnd: r.actualEnd,
        effortDays: r.effortDays,
        baselineEffortDays: b?.effortDays ?? null,
        cost: p?.cost ?? r.effortDays * engagement.dayRate,
        baselineCost: b?.cost ?? null,
        loggedDays: round2(input.loggedByItem.get(r.itemId) ?? 0),
        notes: r.notes,
        inPlan: r.inPlan,
        overdueDays: overdue ? daysBetween(r.plannedEnd!, today) : 0,
        slipDays: r.plannedEnd !== null && r.baselineEnd !== null ? daysBetween(r.baselineEnd, r.plannedEnd) : null,
        updatedAt: tracked ? r.updatedAt : null
      }
    })

  const dueSoonUntil = addDays(today, DUE_SOON_DAYS)
  const figures = (list: readonly TrackedItem[], baselineItems: readonly { effortDays: number }[] | null) => {
    const inPlan = list.filter((i) => i.inPlan)
    return {
      estimateDays: round2(inPlan.reduce((s, i) => s + i.effortDays, 0)),
      baselineDays: baselineItems ? round2(baselineItems.reduce((s, i) => s + i.effortDays, 0)) : null,
      loggedDays: round2(list.reduce((s, i) => s + i.loggedDays, 0)),
      doneDays: round2(inPlan.reduce((s, i) => s + (i.status === 'done' ? i.effortDays : 0), 0)),
      progressPercent: progressPercent(inPlan)
    }
  }
  const span = (dates: (string | null)[], pick: 'min' | 'max') => {
    const real = dates.filter((d): d is string => d !== null).sort()
    return real.length === 0 ? null : pick === 'min' ? real[0]! : real[real.length - 1]!
  }

  const phases: TrackedPhase[] = []
  for (const info of PHASES) {
    const list = items.filter((i) => i.phase === info.id)
    const gates = input.gates.filter((g) => g.phaseId === info.id).sort((a, b) => a.position - b.position)
    if (list.length === 0 && gates.length === 0) continue
    const baselineItems = baseline ? baseline.plan.items.filter((i) => i.phase === info.id) : null
    const inPlan = list.filter((i) => i.inPlan)
    phases.push({
      id: info.id,
      name: info.name,
      ...figures(list, baselineItems),
      plannedStart: span(
        inPlan.map((i) => i.plannedStart),
        'min'
      ),
      plannedEnd: span(
        inPlan.map((i) => i.plannedEnd),
        'max'
      ),
      baselineStart: baselineItems
        ? span(
            baselineItems.map((i) => i.startDate),
            'min'
          )
        : null,
      baselineEnd: baselineItems
        ? span(
            baselineItems.map((i) => i.endDate),
            'max'
          )
        : null,
      items: list,
      gates,
      gatesDone: gates.filter((g) => g.doneAt !== null).length
    })
  }

  const open = items.filter((i) => i.inPlan && i.status !== 'done')
  const all = figures(items, baseline?.plan.items ?? null)
  return {
    engagementId: engagement.id,
    status: engagement.status,
    signedAt: engagement.signedAt,
    today,
    tracked,
    plan: plan && {
      startDate: plan.engagement.startDate,
      weeks: plan.weeks,
      endDate: planEndDate(plan),
      effortDays: plan.totals.effortDays,
      cost: plan.totals.cost,
      currency: plan.totals.currency
    },
    baseline: baseline && {
      startDate: baseline.plan.startDate,
      weeks: baseline.plan.weeks,
      endDate: planEndDate({ weeks: baseline.plan.weeks, engagement: { startDate: baseline.plan.startDate } as Plan['engagement'] }),
      effortDays: baseline.plan.totals.effortDays,
      cost: baseline.plan.totals.cost,
      currency: baseline.plan.totals.currency,
      signedAt: baseline.signedAt,
      exportSnapshotId: baseline.exportSnapshotId
    },
    phases,
    totals: {
      ...all,
      loggedDays: round2(engagement.loggedDays),
      unassignedLoggedDays: round2(input.loggedByItem.get('') ?? 0),
      plannedCost: plan?.totals.cost ?? 0,
      baselineCost: baseline?.plan.totals.cost ?? null,
      overdueItems: open.filter((i) => i.overdueDays > 0).length,
      blockedItems: open.filter((i) => i.status === 'blocked').length,
      dueSoonItems: counting ? open.filter((i) => i.plannedEnd !== null && i.plannedEnd >= today && i.plannedEnd <= dueSoonUntil).length : 0
    },
    rag: deriveRag(ragInputOf(engagement.status, items, today), today),
    timeEntries: input.timeEntries,
    timeEntryCount: input.timeEntryCount
  }
}
