/**
 * Stage 6, option tiers and totals (DOMAIN.md, Plan: "Options").
 *
 * Tiers are cumulative: `foundations` (Discovery and Foundations), `first_hire` (and First
 * hire), `full` (every phase), each with the interim lead up to the tier's last week. A tier
 * is offered only when it adds committed days to the one before it (the foundations tier
 * only when Foundations holds committed work). The work left outside the committed total
 * (pending the audit or the feasibility answer, or left out by the consultant) forms a last
 * tier, `pending`, counted cumulatively: the full plan plus that work, the interim lead
 * running on to its last week.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { PhaseId } from '../../catalogue'
import type { PlanItem, PlanPhase, PlanTier, PlanTotals, TierId } from '../plan.model'

export const TIER_PHASES: Readonly<Record<TierId, readonly PhaseId[]>> = {
  foundations: ['discovery', 'foundations'],
  first_hire: ['discovery', 'foundations', 'first_hire'],
  full: ['discovery', 'foundations', 'first_hire', 'build_out', 'scale'],
  pending: ['discovery', 'foundations', 'first_hire', 'build_out', 'scale']
}

export const TIER_NAMES: Readonly<Record<TierId, string>> = {
  foundations: 'Foundations',
  first_hire: 'Foundations and first hire',
  full: 'Full build-out',
  pending: 'Full build-out and the pending work'
}

/** The last week an item counts to: a recruiting item to the hire's first week. */
const lastWeekOf = (item: PlanItem): number => (item.kind === 'hire' ? item.endWeek + 1 : item.endWeek)

export function planTiers(phases: readonly PlanPhase[], weeks: number, lastWeekWithOptions: number, dayRate: number): PlanTier[] {
  const present = new Set(phases.map((p) => p.id))
  const work = phases.flatMap((p) => p.items).filter((i) => i.kind !== 'milestone')
  const weekly = (i: PlanItem): boolean => i.daysPerWeek !== undefined

  const committedTier = (id: Exclude<TierId, 'pending'>): PlanTier => {
    const inTier = work.filter((i) => TIER_PHASES[id].includes(i.phase) && !i.optional)
    const spans = inTier.filter((i) => !weekly(i))
    const lastWeek = id === 'full' ? weeks : Math.max(1, ...spans.map(lastWeekOf))
    let effortDays = 0
    for (const item of inTier) {
      if (!weekly(item)) effortDays += item.effortDays
      else effortDays += item.daysPerWeek! * Math.max(0, Math.min(lastWeek, item.endWeek) - item.startWeek + 1)
    }
    return { id, name: TIER_NAMES[id], phases: TIER_PHASES[id].filter((p) => present.has(p)), effortDays, cost: effortDays * dayRate, lastWeek }
  }

  const offered: PlanTier[] = []
  const foundationsWork = work.some((i) => i.phase === 'foundations' && !i.optional)
  for (const id of ['foundations', 'first_hire', 'full'] as const) {
    const tier = committedTier(id)
    const before = offered[offered.length - 1]
    if (id === 'foundations' ? foundationsWork : !before || tier.effortDays > before.effortDays) offered.push(tier)
  }

  const full = committedTier('full')
  let extra = 0
  for (const item of work) {
    if (item.optional) extra += item.effortDays
    else if (weekly(item) && item.endWeek === weeks) extra += item.daysPerWeek! * (lastWeekWithOptions - weeks)
  }
  if (work.some((i) => i.optional) && extra > 0) {
    const effortDays = full.effortDays + extra
    offered.push({
      id: 'pending',
      name: TIER_NAMES.pending,
      phases: TIER_PHASES.pending.filter((p) => present.has(p)),
      effortDays,
      cost: effortDays * dayRate,
      lastWeek: lastWeekWithOptions
    })
  }
  return offered
}

/**
 * The days a part-time item (the interim lead) runs on while the work outside the committed
 * total is done: it runs to the plan's last week, and the pending work takes the plan to
 * `lastWeekWithOptions`.
 */
export function weeklyExtension(phases: readonly PlanPhase[], weeks: number, lastWeekWithOptions: number): { effortDays: number; cost: number } {
  let effortDays = 0
  let cost = 0
  for (const item of phases.flatMap((p) => p.items)) {
    if (item.optional || item.daysPerWeek === undefined || item.endWeek !== weeks || lastWeekWithOptions <= weeks) continue
    const days = item.daysPerWeek * (lastWeekWithOptions - weeks)
    effortDays += days
    cost += item.effortDays > 0 ? (item.cost / item.effortDays) * days : 0
  }
  return { effortDays, cost }
}

/**
 * Sums in phase and item order, the order a reader of the plan adds them up in. The
 * optional totals are what the work outside the committed total adds if it all goes ahead:
 * its items, and the part-time items running on while it is done (so committed + optional
 * is the `pending` tier).
 */
export function planTotals(
  phases: readonly PlanPhase[],
  currency: string,
  weeks = 0,
  lastWeekWithOptions = 0
): { totals: PlanTotals; optionalTotals: PlanTotals } {
  const totals = { effortDays: 0, cost: 0, currency }
  const optionalTotals = { effortDays: 0, cost: 0, currency }
  for (const phase of phases) {
    for (const item of phase.items) {
      const into = item.optional ? optionalTotals : totals
      into.effortDays += item.effortDays
      into.cost += item.cost
    }
  }
  if (optionalTotals.effortDays > 0) {
    const extension = weeklyExtension(phases, weeks, lastWeekWithOptions)
    optionalTotals.effortDays += extension.effortDays
    optionalTotals.cost += extension.cost
  }
  return { totals, optionalTotals }
}
