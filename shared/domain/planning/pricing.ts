/**
 * Prices a plan under the consultant's terms (shared/schemas/pricing.schema.ts): per item,
 * per phase, the committed total, the option tiers and a total including every option, plus
 * the payment schedule. Amounts are numbers in the engagement's currency.
 *
 * The order, for every total:
 *  1. Fees. Time and materials: the sum of item costs (effortDays × day rate) over the items
 *     that are not optional. Fixed fee: the fixed fee for the committed tier; any other tier
 *     (and the total with options) is priced at its time-and-materials fees scaled by the
 *     same ratio (fixed fee ÷ the committed tier's time-and-materials fees).
 *  2. Discount: discountPercent of the fees (expenses are never discounted).
 *  3. Expenses: added in full, passed through at cost, the same for every tier.
 *  4. Tax: taxRatePercent of (fees after discount + expenses).
 *  5. Rounding, only now: fees, discount, expenses and tax are each rounded once to the
 *     currency's minor unit (cents for most, none for JPY) from their unrounded values; net
 *     fees, the taxable amount and the total are sums of those rounded lines, so a proposal's
 *     lines always add up. Payments are the rounded total's percentages, rounded, the last one
 *     taking the remainder so they add up to the total exactly.
 *
 * Tiers are the plan's own (plan.tiers: cumulative, each offered only when it adds days to the
 * one before, the pending work last). The consultant chooses which of them the proposal
 * shows and which one the committed total covers; a chosen tier the plan does not offer
 * falls back to the whole committed plan.
 *
 * Pure module: no Node, DOM or Electron imports (Intl is part of the language).
 */
import { weeklyExtension } from './stages/tiers'
import type { PhaseId } from '../catalogue'
import type { PaymentMilestone, PricingModel, PricingTerms, PricingTierId } from '../../schemas/pricing.schema'
import { PRICING_TIER_IDS } from '../../schemas/pricing.schema'
import { workItems, type MilestoneId, type Plan, type PlanTier } from './plan.model'
import { weekEndDate } from './weeks'

/** One total, line by line, each rounded to the currency's minor unit. */
export interface PriceBreakdown {
  effortDays: number
  fees: number
  discount: number
  netFees: number
  expenses: number
  taxableAmount: number
  tax: number
  total: number
}

export interface PricedTier extends PriceBreakdown {
  id: PricingTierId
  name: string
  phases: readonly PhaseId[]
  /** The tier's last week. */
  lastWeek: number
  /** The consultant shows it in the proposal. */
  offered: boolean
  committed: boolean
}

export interface PricedItem {
  id: string
  phase: PhaseId
  title: string
  effortDays: number
  /** Time and materials, rounded. */
  cost: number
  optional: boolean
}

export interface PricedPhase {
  id: PhaseId
  name: string
  effortDays: number
  /** Items that are not optional, time and materials, rounded. */
  cost: number
  optionalEffortDays: number
  optionalCost: number
}

export interface PaymentInstalment {
  label: string
  /** The plan milestone it falls due at, when the terms tie it to one. */
  milestone: PaymentMilestone['milestone'] | null
  percent: number
  dueWeek: number
  /** The last day of the due week. */
  dueDate: string
  amount: number
}

export interface PlanPricing {
  currency: string
  /** Decimal places of the currency's minor unit (2 for EUR, 0 for JPY). */
  minorUnitDigits: number
  model: PricingModel
  dayRate: number
  discountPercent: number
  taxLabel: string
  taxRatePercent: number
  expenses: { label: string; amount: number }[]
  items: PricedItem[]
  phases: PricedPhase[]
  /** The committed tier's totals. */
  committed: PricedTier
  tiers: PricedTier[]
  /** Everything in the plan: the full build-out plus the optional items. */
  withOptions: PriceBreakdown
  payments: PaymentInstalment[]
  validUntil: string
}

// ---------------------------------------------------------------------------------------
// Money

/** Decimal places of a currency's minor unit, from the runtime's currency data (2 if unknown). */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * Rounds to whole minor units (an integer count of cents), halves away from zero; a value
 * within floating-point noise of a half counts as the half (so 1.005 EUR is 101 cents).
 */
export function toMinorUnits(amount: number, digits: number): number {
  const scaled = amount * 10 ** digits
  const floor = Math.floor(scaled)
  if (Math.abs(scaled - floor - 0.5) <= 1e-9 * Math.max(1, Math.abs(scaled))) return scaled >= 0 ? floor + 1 : floor
  return Math.round(scaled)
}

// ---------------------------------------------------------------------------------------
// Pricing

/** The week a point in the plan falls in (a point the plan lacks: the nearest one it has). */
export function milestoneWeekOf(plan: Pick<Plan, 'milestones' | 'hires' | 'milestone' | 'weeks'>, id: MilestoneId, lastCommittedWeek = plan.weeks): number {
  if (id === 'work_complete') return lastCommittedWeek
  const found = plan.milestones.find((m) => m.id === id)
  if (found) return found.week
  const first = plan.hires.find((h) => h.position === 0) ?? plan.hires[0]!
  switch (id) {
    case 'foundations_ready':
      return Math.max(1, first.recruitStartWeek - 1)
    case 'first_hire_starts':
      return first.startWeek
    case 'handover_complete':
      return first.startWeek + 1
    case 'headline':
      return plan.milestone.week
  }
}

/**
 * When an instalment falls due, and at which point: no later than the last week of the committed
 * work (an instalment tied to a point past it, say the milestone of a phase the client has not
 * bought, falls due when the committed work is complete).
 */
function dueAt(plan: Plan, payment: PaymentMilestone, lastCommittedWeek: number): { week: number; milestone: MilestoneId | null } {
  const milestone = payment.milestone ?? null
  const week = payment.dueWeek ?? milestoneWeekOf(plan, milestone!, lastCommittedWeek)
  return week > lastCommittedWeek ? { week: lastCommittedWeek, milestone: 'work_complete' } : { week, milestone }
}

/** The tier the committed total covers: the chosen one if the plan offers it, else the whole committed plan. */
export function committedTierOf(plan: Pick<Plan, 'tiers'>, chosen: PricingTierId): PlanTier {
  const offered = plan.tiers.find((t) => t.id === chosen && t.id !== 'pending')
  return offered ?? plan.tiers.filter((t) => t.id !== 'pending').pop()!
}

/** Prices a plan. Validate `terms` with PricingTermsSchema first. */
export function pricePlan(plan: Plan, terms: PricingTerms): PlanPricing {
  const currency = plan.engagement.currency
  const digits = minorUnitDigits(currency)
  const unit = 10 ** digits
  const minor = (x: number): number => toMinorUnits(x, digits)
  const money = (units: number): number => units / unit
  const expenseUnits = terms.expenses.map((e) => minor(e.amount))
  const expensesUnrounded = terms.expenses.reduce((s, e) => s + e.amount, 0)

  const committedTier = committedTierOf(plan, terms.tiers.committed)
  const committedFees = committedTier.cost
  const fixedFee = terms.model === 'fixed_fee' ? terms.fixedFee : undefined
  const feesFor = (tmFees: number, isCommitted: boolean): number => {
    if (fixedFee === undefined) return tmFees
    if (isCommitted) return fixedFee
    return committedFees > 0 ? tmFees * (fixedFee / committedFees) : tmFees
  }

  const breakdown = (fees: number, effortDays: number): PriceBreakdown => {
    const discount = (fees * terms.discountPercent) / 100
    const taxable = fees - discount + expensesUnrounded
    const tax = (taxable * terms.taxRatePercent) / 100
    const feesU = minor(fees)
    const discountU = minor(discount)
    const netU = feesU - discountU
    const expensesU = minor(expensesUnrounded)
    const taxableU = netU + expensesU
    const taxU = minor(tax)
    return {
      effortDays,
      fees: money(feesU),
      discount: money(discountU),
      netFees: money(netU),
      expenses: money(expensesU),
      taxableAmount: money(taxableU),
      tax: money(taxU),
      total: money(taxableU + taxU)
    }
  }

  const tiers: PricedTier[] = plan.tiers.map((tier) => {
    const isCommitted = tier.id === committedTier.id
    return {
      id: tier.id,
      name: tier.name,
      phases: tier.phases,
      lastWeek: tier.lastWeek,
      offered: isCommitted || terms.tiers.offered.includes(tier.id),
      committed: isCommitted,
      ...breakdown(feesFor(tier.cost, isCommitted), tier.effortDays)
    }
  })
  const committed = tiers.find((t) => t.committed)!

  const items = workItems(plan)
  // Everything, if all the work outside the committed total goes ahead (the interim lead running on with it).
  const withOptions = breakdown(feesFor(plan.totals.cost + plan.optionalTotals.cost, false), plan.totals.effortDays + plan.optionalTotals.effortDays)

  // Payments: percentages of the committed total, the last taking the remainder.
  const totalU = minor(committed.total)
  let assigned = 0
  const payments = terms.paymentMilestones.map((p, i, all): PaymentInstalment => {
    const last = i === all.length - 1
    const units = last ? totalU - assigned : minor((committed.total * p.percent) / 100)
    assigned += units
    const { week, milestone } = dueAt(plan, p, committedTier.lastWeek)
    return {
      label: p.label,
      milestone,
      percent: p.percent,
      dueWeek: week,
      dueDate: weekEndDate(plan.engagement.startDate, week),
      amount: money(units)
    }
  })
  // Listed in the order they fall due (a milestone can come before one named earlier in the terms);
  // a stable sort keeps the terms' order within a week.
  payments.sort((a, b) => a.dueWeek - b.dueWeek)

  const phases: PricedPhase[] = plan.phases.map((phase) => {
    let effortDays = 0
    let cost = 0
    let optionalEffortDays = 0
    let optionalCost = 0
    for (const item of items) {
      if (item.phase !== phase.id) continue
      if (item.optional) {
        optionalEffortDays += item.effortDays
        optionalCost += item.cost
      } else {
        effortDays += item.effortDays
        cost += item.cost
      }
    }
    // The part-time work (the interim lead) that runs on while the optional work is done.
    if (plan.optionalTotals.effortDays > 0) {
      const extension = weeklyExtension([{ ...phase, items: items.filter((i) => i.phase === phase.id) }], plan.weeks, plan.lastWeekWithOptions)
      optionalEffortDays += extension.effortDays
      optionalCost += extension.cost
    }
    return {
      id: phase.id,
      name: phase.name,
      effortDays,
      cost: money(minor(cost)),
      optionalEffortDays,
      optionalCost: money(minor(optionalCost))
    }
  })

  return {
    currency,
    minorUnitDigits: digits,
    model: terms.model,
    dayRate: plan.engagement.dayRate,
    discountPercent: terms.discountPercent,
    taxLabel: terms.taxLabel,
    taxRatePercent: terms.taxRatePercent,
    expenses: terms.expenses.map((e, i) => ({ label: e.label, amount: money(expenseUnits[i]!) })),
    items: items.map((i) => ({
      id: i.id,
      phase: i.phase,
      title: i.title,
      effortDays: i.effortDays,
      cost: money(minor(i.cost)),
      optional: i.optional
    })),
    phases,
    committed,
    tiers,
    withOptions,
    payments,
    validUntil: terms.validUntil
  }
}

/**
 * Sensible starting terms: time and materials, no discount or tax, four payments: on signing, when
 * the foundations are ready, at the plan's milestone, and when the work is complete (so nothing
 * is invoiced for work still to come, when the plan runs on after its milestone).
 */
export function defaultPricingTerms(validUntil: string): PricingTerms {
  return {
    model: 'time_and_materials',
    discountPercent: 0,
    taxRatePercent: 0,
    taxLabel: 'VAT',
    expenses: [],
    paymentMilestones: [
      { label: 'On signing', percent: 30, dueWeek: 1 },
      { label: 'Foundations ready', percent: 30, milestone: 'foundations_ready' },
      { label: 'Milestone reached', percent: 20, milestone: 'headline' },
      { label: 'Work complete', percent: 20, milestone: 'work_complete' }
    ],
    validUntil,
    tiers: { committed: 'full', offered: [...PRICING_TIER_IDS] }
  }
}
