/** The proposal's investment section: the options side by side, the phases' costs and the payments. */
import { PHASES, type PhaseId } from '../../shared/domain/catalogue'
import type { Plan } from '../../shared/domain/planning/plan.model'
import { weeklyExtension } from '../../shared/domain/planning/stages/tiers'
import { type PlanPricing, type PricedTier } from '../../shared/domain/planning/pricing'
import { type PricingTerms } from '../../shared/schemas/pricing.schema'
import { lowerFirst, type EngagementBasis } from '../engagement-basis'
import { formatList, formatNumber } from '../format'
import { upperFirst } from '../words'
import type { ProposalModel, TierColumn } from '../proposal.model'
import { daysText } from './days'

function tierColumn(basis: EngagementBasis, tier: PricedTier): TierColumn {
  const money = basis.money
  const last = PHASES.findIndex((p) => p.id === tier.phases[tier.phases.length - 1])
  return {
    id: tier.id,
    name: tier.name,
    proposed: tier.committed,
    phases: last <= 0 ? `Phase 1 (${PHASES[0]!.name})` : `Phases 1–${last + 1}, to ${PHASES[last]!.name}`,
    runsTo: `Week ${tier.lastWeek}`,
    runsToDate: basis.weekEnd(tier.lastWeek),
    days: daysText(basis, Math.round(tier.effortDays * 100) / 100),
    fees: money(tier.fees),
    discount: tier.discount > 0 ? `−${money(tier.discount)}` : money(0),
    netFees: money(tier.netFees),
    expenses: money(tier.expenses),
    tax: money(tier.tax),
    total: money(tier.total)
  }
}

/** What the optional work waits for, in a parenthesis's words. */
function waitingFor(plan: EngagementBasis['plan']): string {
  const reasons = new Set(plan.phases.flatMap((p) => p.items.map((i) => i.pending)).filter((x) => x !== null))
  if (reasons.has('audit') && reasons.has('feasibility')) return ', waiting on the objectives and data audit or the answer on feasibility'
  if (reasons.has('audit')) return ', waiting on the objectives and data audit'
  if (reasons.has('feasibility')) return ', waiting on the answer on feasibility'
  return ', left out at your choice'
}

export function investmentSection(basis: EngagementBasis, pricing: PlanPricing, terms: PricingTerms): ProposalModel['investment'] {
  const money = basis.money
  const plan = basis.plan
  const committed = pricing.committed
  const phaseWeeks = (id: PhaseId): string => {
    const items = plan.phases.find((p) => p.id === id)?.items.filter((i) => i.kind !== 'milestone') ?? []
    if (items.length === 0) return '—'
    const a = Math.min(...items.map((i) => i.startWeek))
    const b = Math.max(...items.map((i) => i.endWeek))
    return a === b ? `${a}` : `${a}–${b}`
  }
  const offered = pricing.tiers.filter((t) => t.offered)
  const taxName = `${pricing.taxLabel} (${formatNumber(pricing.taxRatePercent, basis.locale, 2)}%)`
  const optionalDays = plan.optionalTotals.effortDays
  const tierWord = offered.length > 1 ? `the ${lowerFirst(committed.name)} option` : 'the plan'
  const fixed = pricing.model === 'fixed_fee'
  return {
    intro:
      `We propose ${tierWord} at ${money(committed.total)}${pricing.taxRatePercent > 0 ? `, including ${pricing.taxLabel}` : `, excluding ${pricing.taxLabel}`}. ` +
      (offered.length > 1
        ? 'Smaller options stop after an earlier phase; each can be extended later at the same rates.'
        : 'The figures below break it down by phase and set out when each payment falls due.'),
    basis: fixed
      ? `Fixed fee for ${lowerFirst(committed.name)}; other options are scaled from it in proportion to their effort. Consultant days are priced at ${basis.money(pricing.dayRate)} a day.`
      : `Time and materials at ${basis.money(pricing.dayRate)} per consultant day. The days are our estimate; you pay for the days worked.`,
    phases: pricing.phases.map((p) => ({
      name: p.name,
      weeks: phaseWeeks(p.id),
      days: basis.num(p.effortDays),
      cost: money(p.cost),
      optional: p.optionalCost > 0 ? money(p.optionalCost) : '—'
    })),
    phaseTotals: {
      days: basis.num(plan.totals.effortDays),
      cost: money(Math.round(plan.totals.cost * 100) / 100),
      optional: optionalDays > 0 ? money(Math.round(plan.optionalTotals.cost * 100) / 100) : '—'
    },
    tiers: offered.map((t) => tierColumn(basis, t)),
    weeklyNote: offered.length > 1 ? weeklyNote(basis, offered) : null,
    showDiscount: pricing.discountPercent > 0,
    showExpenses: pricing.expenses.length > 0,
    showTax: pricing.taxRatePercent > 0,
    discountLabel: `Discount (${formatNumber(pricing.discountPercent, basis.locale, 2)}%)`,
    taxLabel: taxName,
    expenses: pricing.expenses.map((e) => ({ label: e.label, amount: money(e.amount) })),
    withOptions:
      optionalDays > 0
        ? {
            total: money(pricing.withOptions.total),
            text: withOptionsText(basis, plan, money(pricing.withOptions.total), pricing.taxRatePercent > 0 ? pricing.taxLabel : null)
          }
        : null,
    payments: sameWeekMerged(pricing.payments).map((group) => {
      const p = group[0]!
      const point = p.milestone === 'work_complete' ? { title: 'Work complete' } : p.milestone ? plan.milestones.find((m) => m.id === p.milestone) : undefined
      // Two instalments due the same week (the milestone falls in the plan's last week) are one
      // invoice to the client: one row, the labels joined and the shares added.
      const label =
        group.length === 1
          ? p.label
          : upperFirst(
              formatList(
                group.map((g, i) => (i === 0 ? g.label : lowerFirst(g.label))),
                basis.locale
              )
            )
      return {
        label,
        due: `Week ${p.dueWeek}, ${basis.date(p.dueDate)}${group.length === 1 && point && lowerFirst(point.title) !== lowerFirst(p.label) ? ` (${lowerFirst(point.title)})` : ''}`,
        share: `${formatNumber(
          group.reduce((s, g) => s + g.percent, 0),
          basis.locale,
          2
        )}%`,
        amount: money(group.reduce((s, g) => s + g.amount, 0))
      }
    }),
    paymentsTotal: money(pricing.payments.reduce((s, p) => s + p.amount, 0)),
    validUntil: basis.date(terms.validUntil)
  }
}

/**
 * Work done every week (interim leadership) ends with each option, so an option costs less
 * than its phases add up to in the by-phase table: the proposal says how much of it each
 * smaller option keeps, so the two tables do not seem to disagree.
 */
function weeklyNote(basis: EngagementBasis, offered: readonly PricedTier[]): string | null {
  const sentences: string[] = []
  for (const phase of basis.plan.phases) {
    for (const item of phase.items) {
      if (item.optional || item.daysPerWeek === undefined) continue
      const perWeek = item.daysPerWeek
      const daysTo = (week: number) => perWeek * Math.max(0, Math.min(week, item.endWeek) - item.startWeek + 1)
      const cut = offered.filter((t) => t.phases.includes(phase.id) && t.lastWeek < item.endWeek && daysTo(t.lastWeek) > 0)
      if (!cut.length) continue
      const within = cut.map((t) => `in the ${lowerFirst(t.name)} option to week ${t.lastWeek} (${daysText(basis, daysTo(t.lastWeek))})`)
      sentences.push(
        `“${item.title}” runs every week to week ${item.endWeek} (${daysText(basis, daysTo(item.endWeek))}), and each option keeps it only as long as the option runs: ${formatList(within, basis.locale)}.`
      )
    }
  }
  return sentences.length ? `${sentences.join(' ')} So a smaller option costs less than the sum of its phases in the table by phase.` : null
}

/** Instalments in due order, those falling due in the same week grouped together. */
function sameWeekMerged<T extends { dueWeek: number }>(payments: readonly T[]): T[][] {
  const groups: T[][] = []
  for (const p of payments) {
    const last = groups.at(-1)
    if (last && last[0]!.dueWeek === p.dueWeek) last.push(p)
    else groups.push([p])
  }
  return groups
}

/**
 * What the total with every option holds: the optional work, and the part-time work that
 * runs on while it is done, so the figure is the last option's and nothing in it is unexplained.
 */
function withOptionsText(basis: EngagementBasis, plan: Plan, total: string, taxLabel: string | null): string {
  const extension = weeklyExtension(plan.phases, plan.weeks, plan.lastWeekWithOptions)
  const itemsDays = plan.optionalTotals.effortDays - extension.effortDays
  const runsOn =
    extension.effortDays > 0
      ? `; so is the part-time work that runs on while it is done, to week ${plan.lastWeekWithOptions} (${daysText(basis, extension.effortDays)})`
      : ''
  return `The work marked optional (${daysText(basis, itemsDays)}${waitingFor(plan)}) is outside the proposed total${runsOn}. If all of it goes ahead, the total including every option is ${total}${taxLabel ? `, including ${taxLabel}` : ''}.`
}
