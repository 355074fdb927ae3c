import { ROLE_BY_ID } from '../../shared/domain/catalogue'
import type { AssessmentResult } from '../../shared/domain/assessment/engine'
import { generatePlan, type GeneratePlanInput } from '../../shared/domain/planning/plan.generator'
import { toPlanJson } from '../../shared/domain/planning/plan-json'
import type { Plan, PlanItem } from '../../shared/domain/planning/plan.model'
import { compareRoutes, type RouteComparison } from '../../shared/domain/planning/scenarios'
import { weekEndDate, weekStartDate, weeksToMonths } from '../../shared/domain/planning/weeks'
import { scenarioSentence } from '../../shared/charts/scenario.chart'
import type { IntakeFile } from '../../shared/schemas/intake.schema'
import type { CliCommand } from '../cli-command'
import { loadIntakeFile } from '../intake-file'
import { assessIntake } from './assess.command'

/** The generator's input for an intake file, with the built-in library (no database). */
export function planInputFor(intake: IntakeFile, assessment: AssessmentResult = assessIntake(intake)): GeneratePlanInput {
  return {
    assessment,
    context: intake.context,
    maturity: intake.maturity,
    engagement: {
      startDate: intake.engagement.start_date,
      dayRate: intake.engagement.day_rate,
      currency: intake.engagement.currency
    }
  }
}

export function planIntake(intake: IntakeFile): Plan {
  return generatePlan(planInputFor(intake))
}

const round1 = (x: number): string => String(Math.round(x * 10) / 10)
const days = (x: number): string => `${x} d`

function moneyFormatter(currency: string): (amount: number) => string {
  try {
    const f = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' })
    return (amount) => f.format(amount).replace(/\u00a0/g, ' ')
  } catch {
    return (amount) => `${amount.toFixed(2)} ${currency}`
  }
}

const weeksText = (item: Pick<PlanItem, 'startWeek' | 'endWeek'>, unit: 'wk' | 'week' = 'wk'): string =>
  item.startWeek === item.endWeek ? `${unit} ${item.startWeek}` : `${unit}${unit === 'week' ? 's' : ''} ${item.startWeek}–${item.endWeek}`

/** The readable summary printed without --json. */
export function formatPlanText(intake: IntakeFile, assessment: AssessmentResult, plan: Plan, routes: RouteComparison = compareRoutes(plan)): string {
  const out: string[] = []
  const e = intake.engagement
  const money = moneyFormatter(plan.totals.currency)
  out.push(`${intake.client.name} (${intake.client.industry}): ${e.title} — plan`)
  out.push(`Consultant ${e.consultant}, week 1 starts ${e.start_date}, ${money(e.day_rate)} a day, up to ${plan.capacityDaysPerWeek} consultant days a week`)
  const hireLabel = assessment.isNextHire ? 'Next AI hire' : 'First AI hire'
  out.push(`${hireLabel}: ${ROLE_BY_ID[plan.firstHire].name} (rule ${assessment.rule})`)

  for (const phase of plan.phases) {
    const work = phase.items.filter((i) => i.kind !== 'milestone')
    const span =
      work.length > 0
        ? ` (${weeksText({ startWeek: Math.min(...work.map((i) => i.startWeek)), endWeek: Math.max(...work.map((i) => i.endWeek)) }, 'week')})`
        : ''
    out.push('')
    out.push(`${phase.name}${span}`)
    if (phase.items.length === 0) out.push('  nothing in this phase')
    for (const item of phase.items) {
      if (item.kind === 'milestone') {
        out.push(`  ${`wk ${item.endWeek}`.padEnd(10)} ◆ ${item.title}`)
        continue
      }
      const owner = item.owner === 'consultant' ? 'consultant' : item.owner
      const effort =
        item.daysPerWeek !== undefined
          ? `${days(item.effortDays)} (${item.daysPerWeek} a week)`
          : item.owner !== 'consultant' && item.kind === 'task'
            ? `${days(item.effortDays)} pairing of ${item.fullEffortDays}`
            : item.kind === 'hire'
              ? `${days(item.effortDays)} support`
              : days(item.effortDays)
      const notes = [
        item.pending === 'audit' ? 'pending the audit' : item.pending === 'feasibility' ? 'pending the answer on feasibility' : item.optional ? 'optional' : '',
        item.urgent ? 'urgent' : ''
      ]
        .filter(Boolean)
        .join(', ')
      out.push(
        `  ${weeksText(item).padEnd(10)} ${effort.padEnd(22)} ${(item.kind === 'hire' ? '' : money(item.cost)).padStart(16)}  ${owner.padEnd(22)} ${item.title} [${item.id}]${notes ? ` (${notes})` : ''}`
      )
    }
  }

  out.push('')
  out.push('Hires:')
  plan.hires.forEach((h, i) => {
    out.push(
      `  ${i + 1}. ${ROLE_BY_ID[h.role].name}: recruiting from week ${h.recruitStartWeek} (${weekStartDate(e.start_date, h.recruitStartWeek)}), ` +
        `starts week ${h.startWeek} (${weekStartDate(e.start_date, h.startWeek)})` +
        (h.pending === 'feasibility'
          ? ' — once the answer on feasibility is in'
          : h.pending === 'audit'
            ? ' — pending the objectives & data audit'
            : h.afterAudit
              ? ' — recruiting waits for the objectives & data audit'
              : '')
    )
  })

  out.push('')
  out.push('Milestones:')
  for (const m of [...plan.milestones].sort((a, b) => a.week - b.week)) {
    const date = m.id === 'first_hire_starts' ? weekStartDate(e.start_date, m.week) : `by ${weekEndDate(e.start_date, m.week)}`
    out.push(`  week ${String(m.week).padEnd(4)} ${m.title} (${date})`)
  }

  out.push('')
  out.push(`Committed: ${plan.totals.effortDays} consultant days, fees ${money(plan.totals.cost)}`)
  if (plan.optionalTotals.effortDays > 0) {
    out.push(`Optional (pending or left out): ${plan.optionalTotals.effortDays} days, fees ${money(plan.optionalTotals.cost)}`)
  }
  out.push(`Plan length: ${plan.weeks} weeks, to ${weekEndDate(e.start_date, plan.weeks)}`)
  out.push('Options:')
  for (const t of plan.tiers) out.push(`  ${t.name.padEnd(38)} ${String(t.effortDays).padStart(6)} d  ${money(t.cost).padStart(16)}  to week ${t.lastWeek}`)

  const m = plan.milestone
  out.push('')
  out.push(
    `Milestone: ${routes.milestone.title}, by week ${m.week} (${round1(weeksToMonths(m.week))} months from the start; ` +
      (m.weeksAfterFirstHireStart > 0 ? `${m.weeksAfterFirstHireStart} weeks after the first hire starts).` : 'before the first hire starts).')
  )
  const b = m.basis
  if (b.by === 'platform_and_builder') {
    const builder = b.builder === 'existing_staff' ? "the client's ML staff" : ROLE_BY_ID[b.builder].name
    out.push(
      `  ${b.platformCoreEndWeek !== null ? `Platform core ready by week ${b.platformCoreEndWeek} (${b.platformCore.join(', ')})` : 'No platform core to build'}; ` +
        `built by ${builder}, in place from week ${b.builderStartWeek}; ${b.buildWeeks} weeks of building.`
    )
  } else if (b.by === 'urgent_core') {
    out.push(`  The consultant builds ${b.tasks.join(', ')} from the start of Foundations, done by week ${b.endWeek}.`)
  } else if (b.by === 'hire_settled') {
    out.push(`  The ${ROLE_BY_ID[b.role].name} starts in week ${b.startWeek} and takes over in the week after.`)
  } else {
    out.push(`  The ${ROLE_BY_ID[b.role].name} starts in week ${b.startWeek}; ${b.weeks} weeks of work.`)
  }
  out.push(routes.sameWeek ? 'Both routes reach it in the same week:' : 'The two routes:')
  for (const r of routes.routes) out.push(`  ${r.recommended ? '*' : '-'} ${scenarioSentence(r, routes)}`)
  if (routes.routes.some((r) => r.observed)) out.push(`  ${routes.note}`)
  out.push('')
  out.push(`Consultant days per week: ${plan.consultantLoad.map((d) => round1(d)).join(' ')}`)
  out.push('')
  return out.join('\n')
}

export const planCommand: CliCommand = {
  name: 'plan',
  usage: 'plan FILE [--json]',
  summary: 'Plan an intake file: phases, weeks, consultant effort and cost, hires, the milestone on both routes, options.',
  positionals: ['FILE'],
  options: { json: { type: 'boolean', description: 'print only the plan as JSON' } },
  run: ({ positionals, options }, io) => {
    const { intake } = loadIntakeFile(positionals[0]!, io)
    const assessment = assessIntake(intake)
    const input = planInputFor(intake, assessment)
    const plan = generatePlan(input)
    if (options.json === true) {
      io.stdout(`${JSON.stringify(toPlanJson(plan), null, 2)}\n`)
    } else {
      io.stdout(formatPlanText(intake, assessment, plan))
    }
    return 0
  }
}
