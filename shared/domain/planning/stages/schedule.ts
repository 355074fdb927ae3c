/**
 * Stage 3, schedule: puts the drafts on weeks (DOMAIN.md, Plan: "Order inside Foundations"
 * and "Hires").
 *
 * - The consultant's block work runs one item at a time within their weekly capacity, in
 *   priority order within dependencies: Discovery; the dedicated AI team (in week 2); urgent
 *   work; CI/CD with GPUs and its prerequisites when gpu_ci_gap is raised; everything else
 *   in catalogue order; custom items last. Work after Discovery starts the week after it
 *   ends. The interim lead, hiring support and pairing come on top of that capacity.
 * - Recruiting for the first hire opens in week 2 (an ML role under no_data_no_model: the
 *   week after the audit) and the hire starts the lead time later. Later hires start at
 *   least two weeks apart, in sequence order, recruited the lead time before. When the first
 *   hire owns the platform, ML engineers and scientists start the week after the committed
 *   platform core ends. Under R3 the hire who would own the platform starts after the
 *   answer on feasibility.
 * - A hire works on the tasks they own at four days a week times their platform
 *   productivity, from the week after their start (the first week is onboarding), one task
 *   at a time in dependency order, the platform core first.
 * - Scale starts no earlier than the first hire's start; distillation also waits for the
 *   platform core and for an ML engineer or the client's ML staff. Consultant work done with
 *   or for a hire (the handover) waits for that hire's start.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { AUDIT_TASK_ID, type RoleId } from '../../catalogue'
import type { AssessmentContext } from '../../assessment/dimensions'
import type { PlanHire } from '../plan.model'
import { schedule, type NotBefore, type ScheduleContext, type ScheduleNode } from '../plan.scheduler'
import { HIRE_DAYS_PER_WEEK, PLATFORM_CORE_TASK_IDS, PLATFORM_USER_ROLES, platformProductivity, type Route } from '../route'
import { DEDICATED_TEAM_ID, KICKOFF_ID, type Draft } from './draft'

/** Weeks from an ML engineer's start to a first answer on whether a valuable model can be built. */
export const FEASIBILITY_WEEKS: Readonly<Record<AssessmentContext['ai_approach'], number>> = { api: 8, fine_tune: 8, custom: 12 }
/** Later hires start at least this many weeks apart. */
export const HIRE_SPACING_WEEKS = 2
/** Recruiting for the first hire opens in this week. */
export const FIRST_RECRUITING_WEEK = 2

export interface ScheduleSetup {
  route: Route
  context: AssessmentContext
  /** The consultant's block capacity, days a week. */
  capacityDaysPerWeek: number
  /** Weeks from opening a role to the person's first day. */
  leadWeeks: (role: RoleId) => number
  /** The week recruiting opens for the first hire, when the route must use the recommended first hire's slot. */
  firstRecruitWeek?: number
}

export interface ScheduledItem {
  draft: Draft
  startWeek: number
  endWeek: number
  /** Hundredths of a day given to it by week: the consultant's (block) or the owner's (owned). */
  allocations: [week: number, amount: number][]
}

export interface ScheduledPlan {
  /** Every draft but the weekly ones, by id. */
  items: Map<string, ScheduledItem>
  hires: Map<RoleId, PlanHire>
  discoveryEndWeek: number
  /** Item ids in priority order. */
  order: string[]
}

const hundredths = (days: number): number => Math.round(days * 100)

/** The client's own ML staff can build and ship (they exist by the client's own account when they do infrastructure today). */
export const hasMlStaff = (context: AssessmentContext): boolean => context.ml_staff > 0 || context.ml_staff_doing_infra

/** Dependency order with ties broken by (priority, rank). Throws on a cycle. */
export function priorityOrder(drafts: readonly Draft[], extraDeps: ReadonlyMap<string, readonly string[]> = new Map()): Draft[] {
  const depsOf = (d: Draft): readonly string[] => [...d.deps, ...(extraDeps.get(d.id) ?? [])]
  const before = (a: Draft, b: Draft): boolean => a.priority - b.priority < 0 || (a.priority === b.priority && a.rank < b.rank)
  const ids = new Set(drafts.map((d) => d.id))
  const placed = new Set<string>()
  const order: Draft[] = []
  const pending = [...drafts]
  while (pending.length > 0) {
    let best = -1
    for (let i = 0; i < pending.length; i++) {
      const d = pending[i]!
      if (!depsOf(d).every((dep) => placed.has(dep) || !ids.has(dep))) continue
      if (best < 0 || before(d, pending[best]!)) best = i
    }
    if (best < 0) throw new RangeError(`the plan's dependencies contain a cycle (among ${pending.map((d) => d.id).join(', ')})`)
    const [next] = pending.splice(best, 1)
    placed.add(next!.id)
    order.push(next!)
  }
  return order
}

export function scheduleDrafts(drafts: readonly Draft[], setup: ScheduleSetup): ScheduledPlan {
  const { route, context } = setup
  const nodesOf = drafts.filter((d) => d.work !== 'weekly')
  const ids = new Set(nodesOf.map((d) => d.id))
  const byId = new Map(nodesOf.map((d) => [d.id, d]))
  const sequence = route.sequence
  const hireDraft = (role: RoleId): Draft | undefined => nodesOf.find((d) => d.hire?.role === role)
  const hires = new Map<RoleId, PlanHire>()
  const auditPresent = ids.has(AUDIT_TASK_ID)
  const discoveryIds = auditPresent ? [KICKOFF_ID, AUDIT_TASK_ID] : [KICKOFF_ID]

  // The committed platform core, as far as the first hire or the consultant builds it.
  const core = nodesOf.filter(
    (d) => PLATFORM_CORE_TASK_IDS.includes(d.id as never) && d.pending === null && !d.leftOut && (d.owner === 'consultant' || d.owner === route.firstHire)
  )
  const coreIds = core.map((d) => d.id)
  const firstHireOwnsPlatform = route.platformOwner !== null && route.platformOwner === route.firstHire
  const builderOnStaff = hasMlStaff(context)
  const firstMlEngineer = sequence.find((r) => r === 'ml_engineer')

  const endOf = (ctx: ScheduleContext, list: readonly string[]): number | undefined => {
    let last = 0
    for (const id of list) {
      const end = ctx.endWeek(id)
      if (end === undefined) return undefined
      last = Math.max(last, end)
    }
    return last
  }
  const discoveryEnd = (ctx: ScheduleContext): number | undefined => endOf(ctx, discoveryIds)
  const startOf = (role: RoleId): number | undefined => hires.get(role)?.startWeek
  /** R3: the answer on feasibility, from the ML engineer's start. */
  const feasibilityWeek = (): number | undefined => {
    if (!firstMlEngineer) return undefined
    const start = startOf(firstMlEngineer)
    return start === undefined ? undefined : start + FEASIBILITY_WEEKS[context.ai_approach]
  }
  const latest = (...weeks: (number | undefined)[]): number | undefined =>
    weeks.some((w) => w === undefined) ? undefined : Math.max(1, ...(weeks as number[]))

  // Extra dependencies the schedule adds: ML hires and distillation wait for the core.
  const extraDeps = new Map<string, string[]>()
  const addDeps = (id: string, deps: readonly string[]): void => {
    extraDeps.set(id, [...(extraDeps.get(id) ?? []), ...deps.filter((d) => ids.has(d) && d !== id)])
  }

  const notBeforeOf = (d: Draft): NotBefore => {
    const parts: ((ctx: ScheduleContext) => number | undefined)[] = []
    if (d.phase !== 'discovery' && d.id !== DEDICATED_TEAM_ID)
      parts.push((ctx) => {
        const end = discoveryEnd(ctx)
        return end === undefined ? undefined : end + 1
      })
    if (d.id === DEDICATED_TEAM_ID) parts.push(() => 2)
    if (d.phase === 'scale') parts.push(() => startOf(route.firstHire))
    if (d.id === 'distillation') {
      addDeps(d.id, coreIds)
      parts.push((ctx) => {
        const end = endOf(ctx, coreIds)
        return end === undefined ? undefined : end + 1
      })
      if (!builderOnStaff && firstMlEngineer) parts.push(() => startOf(firstMlEngineer))
    }
    if (d.owner !== 'consultant' && sequence.includes(d.owner)) {
      const role = d.owner
      parts.push(
        d.work === 'owned'
          ? () => {
              const start = startOf(role)
              return start === undefined ? undefined : start + 1
            }
          : () => startOf(role)
      )
    }
    if (d.pending === 'feasibility')
      parts.push(() => {
        const week = feasibilityWeek()
        return week === undefined ? undefined : week + 1
      })
    if (d.notBeforeWeek !== undefined) {
      const week = d.notBeforeWeek
      parts.push(() => week)
    }
    return (ctx) => latest(...parts.map((p) => p(ctx)))
  }

  const nodes: ScheduleNode[] = []
  const nodeFor = (d: Draft): ScheduleNode => {
    const deps = d.deps.filter((dep) => ids.has(dep))
    if (d.work === 'hire') {
      const { role, position, afterAudit } = d.hire!
      const previous = position > 0 ? sequence[position - 1] : undefined
      const waitsForCore = position > 0 && firstHireOwnsPlatform && PLATFORM_USER_ROLES.includes(role)
      if (afterAudit && auditPresent) addDeps(d.id, [AUDIT_TASK_ID])
      if (waitsForCore) addDeps(d.id, coreIds)
      return {
        id: d.id,
        dependsOn: [...deps, ...(extraDeps.get(d.id) ?? [])],
        mode: {
          kind: 'timed',
          waitFor: previous ? [hireDraft(previous)!.id] : [],
          place: (ctx) => {
            const lead = setup.leadWeeks(role)
            const earliest = afterAudit && auditPresent ? Math.max(FIRST_RECRUITING_WEEK, ctx.endWeek(AUDIT_TASK_ID)! + 1) : FIRST_RECRUITING_WEEK
            let startWeek: number
            if (position === 0) {
              startWeek = (setup.firstRecruitWeek ?? earliest) + lead
            } else {
              const before = hires.get(previous!)!
              startWeek = Math.max(before.startWeek + HIRE_SPACING_WEEKS, earliest + lead)
              if (waitsForCore) startWeek = Math.max(startWeek, (endOf(ctx, coreIds) ?? 0) + 1)
              if (d.pending === 'feasibility') startWeek = Math.max(startWeek, (feasibilityWeek() ?? 0) + 1)
            }
            const hire: PlanHire = {
              role,
              position,
              recruitStartWeek: startWeek - lead,
              startWeek,
              workStartWeek: startWeek + 1,
              leadTimeWeeks: lead,
              afterAudit,
              pending: d.pending
            }
            hires.set(role, hire)
            return { startWeek: hire.recruitStartWeek, endWeek: Math.max(hire.recruitStartWeek, startWeek - 1) }
          }
        }
      }
    }
    const notBefore = notBeforeOf(d)
    const dependsOn = [...new Set([...deps, ...(extraDeps.get(d.id) ?? [])])]
    if (d.work === 'owned') {
      return { id: d.id, dependsOn, mode: { kind: 'owned', worker: d.owner, effort: hundredths(d.fullEffort), notBefore } }
    }
    return { id: d.id, dependsOn, mode: { kind: 'block', effort: hundredths(d.effort), notBefore } }
  }
  // Work out the extra dependencies first (they shape the order), then build the nodes in order.
  for (const d of nodesOf) {
    if (d.id === 'distillation') addDeps(d.id, coreIds)
    if (d.work === 'hire' && d.hire!.position > 0 && firstHireOwnsPlatform && PLATFORM_USER_ROLES.includes(d.hire!.role)) addDeps(d.id, coreIds)
  }
  const ordered = priorityOrder(nodesOf, extraDeps)
  extraDeps.clear()
  for (const d of ordered) nodes.push(nodeFor(d))

  const result = schedule(nodes, {
    consultant: hundredths(setup.capacityDaysPerWeek),
    worker: (role) => Math.max(1, hundredths(HIRE_DAYS_PER_WEEK * platformProductivity(role as RoleId)))
  })

  const items = new Map<string, ScheduledItem>()
  for (const d of ordered) {
    const s = result.nodes.get(d.id)!
    items.set(d.id, { draft: byId.get(d.id)!, startWeek: s.startWeek, endWeek: s.endWeek, allocations: s.allocations })
  }
  const discoveryEndWeek = Math.max(...discoveryIds.map((id) => items.get(id)!.endWeek))
  return { items, hires, discoveryEndWeek, order: ordered.map((d) => d.id) }
}
