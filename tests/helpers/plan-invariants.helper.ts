/**
 * DOMAIN.md's plan invariants 1–8, checked on a generated plan. Each returns the broken
 * promises in words (empty when the plan keeps them all), so a failing property names what
 * broke and where.
 */
import { TASK_BY_ID, TASK_IDS, type TaskId } from '../../shared/domain/catalogue'
import type { AssessmentContext } from '../../shared/domain/assessment/dimensions'
import { planItems, workItems, type Plan, type PlanItem } from '../../shared/domain/planning/plan.model'
import { PLATFORM_CORE_TASK_IDS, PLATFORM_TASK_IDS, PLATFORM_USER_ROLES } from '../../shared/domain/planning/route'

/** DOMAIN's table, written out again here so the check does not lean on the code it checks. */
export const MILESTONE_KIND_OF_RULE = {
  R1: 'first_ai_feature',
  R2: 'pain_relieved',
  R3: 'feasibility_answer',
  R4: 'first_ai_feature',
  R5: 'first_model_improvement',
  R6: 'first_ai_feature'
} as const

const EXEMPT_FROM_ORDER = new Set(['kickoff', 'objectives_audit', 'dedicated_ai_team', 'interim_lead'])

/** A consultant's own task: not a hire's work, not recruiting, not a point in time. */
const consultantTask = (i: PlanItem): boolean => i.owner === 'consultant' && i.kind !== 'hire' && i.kind !== 'milestone'

function prerequisitesInPlan(id: TaskId, present: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  const walk = (t: TaskId): void => {
    for (const p of TASK_BY_ID[t].after) {
      if (present.has(p) && !out.has(p)) {
        out.add(p)
        walk(p)
      }
    }
  }
  walk(id)
  if (present.has('objectives_audit')) out.add('objectives_audit')
  return out
}

export interface InvariantOptions {
  /** The plan was made with the defaults (capacity 3, lead 10 weeks, the built-in library): invariants 2, 3 and 6 apply in full. */
  defaults: boolean
}

export function invariantViolations(plan: Plan, context: AssessmentContext, options: InvariantOptions): string[] {
  const out: string[] = []
  const items = planItems(plan)
  const work = workItems(plan)
  const byId = new Map(items.map((i) => [i.id, i]))
  const has = (id: string): boolean => byId.has(id)
  const get = (id: string): PlanItem => byId.get(id)!
  const rate = plan.engagement.dayRate
  const audit = has('objectives_audit')
  const foundationsStart = audit ? get('objectives_audit').endWeek + 1 : 2

  // 1. Dependencies, totals, cost.
  for (const item of items) {
    for (const dep of item.dependsOn) {
      if (!has(dep)) out.push(`1: ${item.id} depends on ${dep}, which is not in the plan`)
      else if (item.startWeek < get(dep).endWeek) out.push(`1: ${item.id} starts in week ${item.startWeek}, before ${dep} ends (week ${get(dep).endWeek})`)
    }
    if (Math.abs(item.cost - item.effortDays * rate) > 1e-6 * Math.max(1, item.cost))
      out.push(`1: ${item.id} costs ${item.cost}, not ${item.effortDays} × ${rate}`)
  }
  for (const id of TASK_IDS) {
    if (!has(id)) continue
    const prerequisites = [...TASK_BY_ID[id].after, ...(id === 'objectives_audit' ? [] : (['objectives_audit'] as TaskId[]))]
    for (const p of prerequisites) {
      if (has(p) && get(id).startWeek < get(p).endWeek) out.push(`1: ${id} starts before its prerequisite ${p} ends`)
    }
  }
  const committed = work.filter((i) => !i.optional)
  const days = committed.reduce((s, i) => s + i.effortDays, 0)
  const cost = committed.reduce((s, i) => s + i.cost, 0)
  if (Math.abs(plan.totals.effortDays - days) > 1e-9) out.push(`1: totals say ${plan.totals.effortDays} days, committed items add up to ${days}`)
  if (Math.abs(plan.totals.cost - cost) > 1e-6 * Math.max(1, cost)) out.push(`1: totals say ${plan.totals.cost}, committed items cost ${cost}`)

  // 2. Urgent work.
  const urgent: PlanItem[] = []
  if (plan.rule === 'R2') {
    for (const id of PLATFORM_CORE_TASK_IDS) {
      if (!has(id) || get(id).optional) continue
      if (get(id).owner !== 'consultant') out.push(`2: under R2 the committed ${id} is the ${get(id).owner}'s, not the consultant's`)
      urgent.push(get(id))
    }
  }
  if (plan.flags.includes('wrong_order') && plan.rule !== 'R3' && has('serving_pipeline')) {
    const serving = get('serving_pipeline')
    if (serving.owner !== 'consultant') out.push(`2: with wrong_order serving_pipeline is the ${serving.owner}'s, not the consultant's`)
    if (!urgent.includes(serving)) urgent.push(serving)
  }
  if (urgent.length > 0) {
    const start = Math.min(...urgent.map((i) => i.startWeek))
    if (options.defaults && start !== foundationsStart) out.push(`2: the urgent work starts in week ${start}, not week ${foundationsStart}`)
    for (const i of work) {
      if (!consultantTask(i) || urgent.includes(i) || EXEMPT_FROM_ORDER.has(i.id)) continue
      if (i.startWeek < start) out.push(`2: ${i.id} starts in week ${i.startWeek}, before the urgent work (week ${start})`)
    }
  }

  // 3. CI/CD with GPUs first; the dedicated AI team early.
  if (plan.flags.includes('gpu_ci_gap') && has('cicd_gpu')) {
    const start = get('cicd_gpu').startWeek
    const before = prerequisitesInPlan('cicd_gpu', new Set(byId.keys()))
    for (const i of work) {
      if (!consultantTask(i) || i.id === 'cicd_gpu' || before.has(i.id) || urgent.includes(i) || EXEMPT_FROM_ORDER.has(i.id)) continue
      if (i.startWeek < start) out.push(`3: ${i.id} starts in week ${i.startWeek}, before cicd_gpu (week ${start})`)
    }
  }
  if (plan.flags.includes('protect_ai_team')) {
    if (!has('dedicated_ai_team')) out.push('3: protect_ai_team is raised but the plan has no dedicated AI team')
    else if (options.defaults && get('dedicated_ai_team').startWeek > 2)
      out.push(`3: the dedicated AI team starts in week ${get('dedicated_ai_team').startWeek}, after week 2`)
  }

  // 4. ML roles walk into a working platform.
  const firstOwnsPlatform = plan.rule === 'R2' || plan.rule === 'R4'
  const core = PLATFORM_CORE_TASK_IDS.filter((id) => has(id) && !get(id).optional)
  if (firstOwnsPlatform && core.length > 0) {
    const coreEnd = Math.max(...core.map((id) => get(id).endWeek))
    for (const h of plan.hires) {
      if (h.position > 0 && PLATFORM_USER_ROLES.includes(h.role) && h.startWeek <= coreEnd) {
        out.push(`4: the ${h.role} starts in week ${h.startWeek}, before the platform core ends (week ${coreEnd})`)
      }
    }
    if (has('distillation') && get('distillation').startWeek <= coreEnd)
      out.push(`4: distillation starts in week ${get('distillation').startWeek}, before the platform core ends (week ${coreEnd})`)
  }

  // 5. The milestone.
  const m = plan.milestone
  if (m.kind !== MILESTONE_KIND_OF_RULE[plan.rule]) out.push(`5: rule ${plan.rule} has a ${m.kind} milestone`)
  if (m.week < 1 || m.week > plan.weeks) out.push(`5: the milestone (week ${m.week}) is outside the plan's ${plan.weeks} weeks`)
  if (m.week > plan.otherRoute.milestoneWeek)
    out.push(
      `5: the other route (${plan.otherRoute.firstHire} first) reaches the milestone in week ${plan.otherRoute.milestoneWeek}, before the recommended route (week ${m.week})`
    )
  if (plan.otherRoute.sameWeek !== (m.week === plan.otherRoute.milestoneWeek)) out.push('5: otherRoute.sameWeek disagrees with the weeks')
  const interim = byId.get('interim_lead')
  if (interim && interim.endWeek !== plan.weeks) out.push(`5: interim_lead ends in week ${interim.endWeek}, not the plan's last week ${plan.weeks}`)

  // 6. The seeds' ranges for an API client hiring infrastructure first.
  if (
    options.defaults &&
    plan.rule === 'R4' &&
    !plan.flags.includes('wrong_order') &&
    context.ai_approach === 'api' &&
    context.ml_staff === 0 &&
    PLATFORM_CORE_TASK_IDS.every((id) => has(id) && !get(id).optional)
  ) {
    const first = plan.hires[0]!
    const after = m.week - first.startWeek
    if (after < 6 || after > 14) out.push(`6: the milestone falls ${after} weeks after the first hire starts, not 6–14`)
    const other = plan.otherRoute.milestoneWeek - plan.otherRoute.firstHireStartWeek
    if (other < 22) out.push(`6: the other route's milestone falls ${other} weeks after its first hire starts, fewer than 22`)
  }

  // 7. Tiers and phases.
  for (let i = 1; i < plan.tiers.length; i++) {
    if (plan.tiers[i]!.effortDays <= plan.tiers[i - 1]!.effortDays) out.push(`7: tier ${plan.tiers[i]!.id} does not add days to ${plan.tiers[i - 1]!.id}`)
  }
  const order = ['foundations', 'first_hire', 'full', 'pending']
  const ids = plan.tiers.map((t) => t.id)
  if (ids.join() !== order.filter((id) => ids.includes(id as never)).join()) out.push(`7: tiers out of order: ${ids.join(', ')}`)
  if (ids.includes('pending') !== work.some((i) => i.optional)) out.push('7: a pending tier without pending work, or pending work without its tier')
  for (const phase of plan.phases) if (!phase.items.some((i) => i.kind !== 'milestone')) out.push(`7: phase ${phase.id} has no items`)
  const present = new Set(plan.phases.map((p) => p.id))
  for (const t of plan.tiers) for (const p of t.phases) if (!present.has(p)) out.push(`7: tier ${t.id} lists the empty phase ${p}`)

  // 8. Exploration with a custom or fine-tuned model: platform work waits for the answer.
  if (plan.rule === 'R3') {
    for (const id of PLATFORM_TASK_IDS) {
      if (!has(id)) continue
      const item = get(id)
      if (!item.optional) out.push(`8: under R3 ${id} is committed`)
      if (item.startWeek <= m.week) out.push(`8: under R3 ${id} starts in week ${item.startWeek}, not after the milestone (week ${m.week})`)
    }
  }

  // The handover always goes to the hire who owns the platform.
  if (has('handover') && !['infra_engineer', 'mlops_engineer'].includes(get('handover').owner)) out.push(`handover goes to ${get('handover').owner}`)
  return out
}
