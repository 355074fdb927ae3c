/**
 * Stage 5, the plan's items: the scheduled drafts as plan items with their days and cost,
 * the interim lead over the plan's weeks, the points in time (milestones), the phases that
 * hold anything, and the consultant's load week by week.
 *
 * The plan's length (`weeks`) is its last committed item or its milestone, whichever is
 * later (a committed hire's first week counts); the interim lead runs to it. Pending and
 * left-out items may run past it: `lastWeekWithOptions` covers them.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { AUDIT_TASK_ID, PHASES, type PhaseId, type TaskId } from '../../catalogue'
import { PLATFORM_CORE_TASK_IDS } from '../route'
import type { HeadlineMilestone, MilestoneKind, PlanItem, PlanMilestone, PlanPhase } from '../plan.model'
import { HANDOVER_ID, KICKOFF_ID, type Draft } from './draft'
import type { ScheduledPlan } from './schedule'

const MILESTONE_TITLES: Readonly<Record<MilestoneKind, string>> = {
  first_ai_feature: 'First AI feature in use',
  pain_relieved: 'Production pain relieved',
  feasibility_answer: 'Answer on feasibility',
  first_model_improvement: 'First model improvement'
}

const MILESTONE_PHRASES: Readonly<Record<MilestoneKind, string>> = {
  first_ai_feature: 'the first AI feature',
  pain_relieved: 'relief from the production pain',
  feasibility_answer: 'an answer on feasibility',
  first_model_improvement: 'a first measured model improvement'
}

/** The headline milestone mid-sentence ("reach … in week 9"): "the next AI feature", "an answer on feasibility". */
export function milestonePhrase(m: Pick<HeadlineMilestone, 'kind' | 'next'>): string {
  return m.kind === 'first_ai_feature' && m.next ? 'the next AI feature' : MILESTONE_PHRASES[m.kind]
}

/** The headline milestone's title, in words a client reads ("next" once models run in production). */
export function milestoneTitle(m: Pick<HeadlineMilestone, 'kind' | 'next'>): string {
  return m.kind === 'first_ai_feature' && m.next ? 'Next AI feature in use' : MILESTONE_TITLES[m.kind]
}

export interface AssembledItems {
  phases: PlanPhase[]
  milestones: PlanMilestone[]
  weeks: number
  lastWeekWithOptions: number
  consultantLoad: number[]
}

const isCommitted = (d: Draft): boolean => d.pending === null && !d.leftOut

export function assembleItems(drafts: readonly Draft[], scheduled: ScheduledPlan, milestone: HeadlineMilestone, dayRate: number): AssembledItems {
  const byId = new Map(drafts.map((d) => [d.id, d]))
  const lastOf = (id: string): number => {
    const s = scheduled.items.get(id)!
    return s.draft.work === 'hire' ? scheduled.hires.get(s.draft.hire!.role)!.startWeek : s.endWeek
  }
  let committedEnd = 1
  let anyEnd = 1
  for (const [id, s] of scheduled.items) {
    const last = lastOf(id)
    anyEnd = Math.max(anyEnd, last)
    if (isCommitted(s.draft)) committedEnd = Math.max(committedEnd, last)
  }
  const weeks = Math.max(committedEnd, milestone.week)
  const lastWeekWithOptions = Math.max(weeks, anyEnd)

  const load = new Array<number>(lastWeekWithOptions).fill(0)
  const addLoad = (week: number, days: number): void => {
    if (week >= 1 && week <= load.length) load[week - 1]! += days
  }

  const items: PlanItem[] = []
  const toItem = (d: Draft, startWeek: number, endWeek: number, effortDays: number): PlanItem => ({
    id: d.id,
    kind: d.kind,
    phase: d.phase,
    title: d.title,
    owner: d.owner,
    effortDays,
    fullEffortDays: d.work === 'weekly' ? effortDays : d.work === 'hire' ? 0 : d.fullEffort,
    ...(d.work === 'weekly' ? { daysPerWeek: d.effort } : {}),
    startWeek,
    endWeek,
    cost: effortDays * dayRate,
    optional: !isCommitted(d),
    pending: d.pending,
    urgent: d.urgent,
    dependsOn: d.deps.filter((dep) => scheduled.items.has(dep))
  })

  for (const id of scheduled.order) {
    const s = scheduled.items.get(id)!
    const d = s.draft
    items.push(toItem(d, s.startWeek, s.endWeek, d.effort))
    if (d.work === 'block') {
      for (const [week, amount] of s.allocations) addLoad(week, amount / 100)
    } else if (d.work === 'owned') {
      const total = s.allocations.reduce((sum, [, amount]) => sum + amount, 0)
      if (total > 0) for (const [week, amount] of s.allocations) addLoad(week, (d.effort * amount) / total)
      else addLoad(s.startWeek, d.effort)
    } else {
      const span = s.endWeek - s.startWeek + 1
      for (let w = s.startWeek; w <= s.endWeek; w++) addLoad(w, d.effort / span)
    }
  }

  // The interim lead (and any weekly item): from the week after the kick-off, after the audit, to the plan's last week.
  for (const d of drafts) {
    if (d.work !== 'weekly') continue
    const kickoffEnd = scheduled.items.get(KICKOFF_ID)?.endWeek ?? 1
    const auditEnd = scheduled.items.get(AUDIT_TASK_ID)?.endWeek ?? 1
    const startWeek = Math.min(weeks, Math.max(kickoffEnd + 1, auditEnd, d.notBeforeWeek ?? 1))
    const endWeek = weeks
    const span = endWeek - startWeek + 1
    items.push(toItem(d, startWeek, endWeek, d.effort * span))
    for (let w = startWeek; w <= endWeek; w++) addLoad(w, d.effort)
  }

  // Points in time.
  const committed = (phase: PhaseId) => items.filter((i) => i.phase === phase && !i.optional && i.daysPerWeek === undefined)
  const milestones: PlanMilestone[] = []
  const foundations = committed('foundations')
  if (foundations.length > 0) {
    milestones.push({ id: 'foundations_ready', title: 'Foundations ready', week: Math.max(...foundations.map((i) => i.endWeek)), phase: 'foundations' })
  }
  const first = [...scheduled.hires.values()].find((h) => h.position === 0)!
  milestones.push({ id: 'first_hire_starts', title: 'First hire starts', week: first.startWeek, phase: 'first_hire' })
  const handover = items.find((i) => i.id === HANDOVER_ID)
  if (handover && !handover.optional) {
    // What is handed over is what the consultant built: the platform core when they built it,
    // otherwise the foundations (the hire then builds the core themselves).
    const builtCore = items.some((i) => PLATFORM_CORE_TASK_IDS.includes(i.id as TaskId) && !i.optional && i.owner === 'consultant')
    milestones.push({
      id: 'handover_complete',
      title: builtCore ? 'Platform handed over' : 'Foundations handed over',
      week: handover.endWeek,
      phase: handover.phase
    })
  }
  const headlinePhase: PhaseId = milestone.basis.by === 'urgent_core' && foundations.length > 0 ? 'foundations' : 'first_hire'
  milestones.push({ id: 'headline', title: milestoneTitle(milestone), week: milestone.week, phase: headlinePhase })

  const milestoneItems: PlanItem[] = milestones.map((m) => ({
    id: m.id,
    kind: 'milestone',
    phase: m.phase,
    title: m.title,
    owner: 'consultant',
    effortDays: 0,
    fullEffortDays: 0,
    startWeek: m.week,
    endWeek: m.week,
    cost: 0,
    optional: false,
    pending: null,
    urgent: false,
    dependsOn: []
  }))

  const position = new Map(scheduled.order.map((id, i) => [id, i]))
  const rankOf = (item: PlanItem): number =>
    item.kind === 'milestone' ? 10_000 + milestones.findIndex((m) => m.id === item.id) : (position.get(item.id) ?? byId.get(item.id)?.rank ?? 0)
  const phases: PlanPhase[] = PHASES.map((p) => ({
    id: p.id,
    name: p.name,
    items: [...items, ...milestoneItems].filter((i) => i.phase === p.id).sort((a, b) => a.startWeek - b.startWeek || rankOf(a) - rankOf(b))
  })).filter((p) => p.items.some((i) => i.kind !== 'milestone'))

  // A milestone whose phase was left out moves to the phase before it that holds work.
  const present = new Set(phases.map((p) => p.id))
  for (const item of milestoneItems) {
    if (present.has(item.phase)) continue
    const home = phases.filter((p) => PHASES.findIndex((x) => x.id === p.id) <= PHASES.findIndex((x) => x.id === item.phase)).pop() ?? phases[0]!
    item.phase = home.id
    milestones.find((m) => m.id === item.id)!.phase = home.id
    home.items.push(item)
    home.items.sort((a, b) => a.startWeek - b.startWeek || rankOf(a) - rankOf(b))
  }

  return { phases, milestones, weeks, lastWeekWithOptions, consultantLoad: load }
}
