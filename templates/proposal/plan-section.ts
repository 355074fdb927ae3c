/** The phased plan: its phases with their rows and totals, the timeline, the milestones, the two routes and the deliverables. */
import { scenarioChart } from '../../shared/charts/scenario.chart'
import { timelineChart } from '../../shared/charts/timeline.chart'
import type { PlanItem } from '../../shared/domain/planning/plan.model'
import { weekEndDate, weekStartDate } from '../../shared/domain/planning/weeks'
import { plural } from '../engagement-basis'
import { routeSentences } from '../milestone-story'
import { phaseIntro, shortName } from '../plan-story'
import { countWord, upperFirst } from '../words'
import { deliverables } from '../proposal-parts'
import { daysText } from './days'
import { planRow } from './plan-rows'
import type { PlanPhaseView, ProposalInput, ProposalModel } from '../proposal.model'
import type { EngagementBasis } from '../engagement-basis'
import type { RouteComparison } from '../../shared/domain/planning/scenarios'

export function planSection(basis: EngagementBasis, input: ProposalInput, routes: RouteComparison): ProposalModel['plan'] {
  const { plan } = basis
  const locale = basis.locale
  const money = basis.money
  const capacity = basis.num(plan.capacityDaysPerWeek)
  const endDate = weekEndDate(plan.engagement.startDate, plan.weeks)
  const phaseSpans = plan.phases.map((p) => {
    const items = p.items.filter((i) => i.kind !== 'milestone')
    if (items.length === 0) return null
    return { from: Math.min(...items.map((i) => i.startWeek)), to: Math.max(...items.map((i) => i.endWeek)) }
  })
  const notes = input.itemNotes ?? null
  const phases: PlanPhaseView[] = plan.phases.map((p, i) => {
    const items = p.items.filter((it) => it.kind !== 'milestone')
    const span = phaseSpans[i]
    const committedItems = items.filter((it) => !it.optional)
    const optionalItems = items.filter((it) => it.optional)
    const sum = (list: PlanItem[], key: 'effortDays' | 'cost') => list.reduce((s, it) => s + it[key], 0)
    return {
      id: p.id,
      title: `Phase ${i + 1} · ${p.name}`,
      name: p.name,
      intro: phaseIntro(basis, p.id),
      span: span
        ? `${span.from === span.to ? `Week ${span.from}` : `Weeks ${span.from}–${span.to}`} · ${basis.date(weekStartDate(plan.engagement.startDate, span.from))} – ${basis.weekEnd(span.to)}`
        : null,
      rows: items.map((it) => planRow(basis, it, notes)),
      committed: { days: daysText(basis, sum(committedItems, 'effortDays')), cost: money(Math.round(sum(committedItems, 'cost') * 100) / 100) },
      optional:
        optionalItems.length > 0
          ? { days: daysText(basis, sum(optionalItems, 'effortDays')), cost: money(Math.round(sum(optionalItems, 'cost') * 100) / 100) }
          : null
    }
  })
  return {
    intro:
      `The work runs in ${countWord(plan.phases.length)} ${plan.phases.length === 1 ? 'phase' : 'phases'} over ${plan.weeks} weeks, from ${basis.weekStartDay(1)} to ${basis.date(endDate)}. ` +
      `${basis.consultancyName} works up to ${capacity} consultant ${plural(plan.capacityDaysPerWeek, 'day', 'days')} a week across all of it. ` +
      'Each phase lists its work with the owner, the weeks, our effort and its cost at the day rate.',
    // Short names, so no label in the chart is cut; the tables below give the full titles.
    timeline: timelineChart(plan, { title: 'Plan timeline', locale, labelOf: (item) => upperFirst(shortName(basis, item)) }),
    phases,
    milestones: [...plan.milestones]
      .sort((a, b) => a.week - b.week)
      .map((m) => ({ title: m.title, week: `Week ${m.week}`, date: m.id === 'first_hire_starts' ? basis.weekStartDay(m.week) : basis.weekEnd(m.week) })),
    scenario: routes.sameWeek ? null : scenarioChart(routes),
    routes: { heading: `Two routes to ${routes.milestone.phrase}`, text: routeSentences(basis, routes) },
    anyPendingAudit: plan.phases.some((p) => p.items.some((i) => i.pending === 'audit')),
    anyPendingFeasibility: plan.phases.some((p) => p.items.some((i) => i.pending === 'feasibility')),
    anyOptional: plan.phases.some((p) => p.items.some((i) => i.optional && i.pending === null)),
    totals: {
      days: daysText(basis, plan.totals.effortDays),
      cost: money(Math.round(plan.totals.cost * 100) / 100),
      optionalDays: plan.optionalTotals.effortDays > 0 ? daysText(basis, plan.optionalTotals.effortDays) : null,
      optionalCost: plan.optionalTotals.effortDays > 0 ? money(Math.round(plan.optionalTotals.cost * 100) / 100) : null
    },
    deliverables: deliverables(basis)
  }
}
