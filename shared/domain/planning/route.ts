/**
 * A route: the first hire, who builds the platform, what is urgent, and what waits for the
 * audit or the answer on feasibility (DOMAIN.md, Plan: "Who builds the platform"). The plan
 * has two: the recommended route and the other route (the main alternative first hire, the
 * same rule and the same model, only the hire changes).
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { AUDIT_TASK_ID, ML_ROLE_IDS, TASK_BY_ID, type FlagId, type RoleId, type TaskId } from '../catalogue'
import type { RuleId } from '../assessment/engine'
import type { PendingReason } from './plan.model'

/** The platform tasks: built by a hire or by the consultant, depending on the route. */
export const PLATFORM_TASK_IDS: readonly TaskId[] = ['serving_pipeline', 'prediction_logging', 'model_monitoring', 'shadow_ab', 'nightly_regression']
/** The platform core: what a first AI feature needs in production. */
export const PLATFORM_CORE_TASK_IDS: readonly TaskId[] = ['serving_pipeline', 'prediction_logging', 'model_monitoring']

/** The hires who own the platform when they are hired first. */
export const PLATFORM_OWNER_ROLES: readonly RoleId[] = ['infra_engineer', 'mlops_engineer']
/** The ML roles that walk into a working platform when the first hire builds it. */
export const PLATFORM_USER_ROLES: readonly RoleId[] = ['ml_engineer', 'ml_scientist']

/** Days a week a hire works on the tasks they own. */
export const HIRE_DAYS_PER_WEEK = 4
/** The consultant's share of a task a hire owns (they pair on it). */
export const PAIRING_SHARE = 1 / 3
/**
 * How fast a role builds platform tasks, against an infrastructure engineer: the ML
 * engineer does infrastructure adequately and slowly (a typical platform takes them about
 * six months).
 */
export function platformProductivity(role: RoleId): number {
  return role === 'ml_engineer' || role === 'ml_scientist' ? 0.25 : 1
}

/** Tasks that stay committed while the audit is pending, whatever the route. */
export const AUDIT_EXEMPT_TASK_IDS: readonly TaskId[] = ['objectives_audit', 'interim_lead', 'terraform', 'billing_alerts']

/** The main alternative to each recommended first hire. */
export function alternativeFirstHire(recommended: RoleId): RoleId {
  switch (recommended) {
    case 'infra_engineer':
    case 'mlops_engineer':
    case 'fullstack_ai_engineer':
      return 'ml_engineer'
    default:
      return 'infra_engineer'
  }
}

export type RouteKind = 'recommended' | 'other'

export interface Route {
  kind: RouteKind
  rule: RuleId
  /** The recommended first hire (the same on both routes: what is pending follows it). */
  recommendedFirstHire: RoleId
  firstHire: RoleId
  /** The hiring sequence, first hire first. */
  sequence: RoleId[]
  /** The hire who builds and owns the platform tasks the consultant does not build (null: the consultant builds them). */
  platformOwner: RoleId | null
  /** Tasks the consultant builds first, from the start of Foundations. */
  urgent: TaskId[]
  /** R3: platform work waits for the answer on feasibility. */
  feasibilityFirst: boolean
}

/** What a route needs from the assessment. */
export interface RouteInput {
  rule: RuleId
  firstHire: RoleId
  sequence: readonly RoleId[]
  flags: readonly FlagId[]
  tasks: readonly TaskId[]
}

/** The urgent work: R2's platform core, and serving_pipeline with wrong_order (not under R3, where platform work waits). */
export function urgentTasks(rule: RuleId, flags: readonly FlagId[], tasks: readonly TaskId[]): TaskId[] {
  const has = new Set(tasks)
  const urgent = new Set<TaskId>()
  if (rule === 'R2') for (const id of PLATFORM_CORE_TASK_IDS) if (has.has(id)) urgent.add(id)
  if (rule !== 'R3' && flags.includes('wrong_order') && has.has('serving_pipeline')) urgent.add('serving_pipeline')
  return PLATFORM_CORE_TASK_IDS.filter((id) => urgent.has(id))
}

function platformOwnerOf(rule: RuleId, firstHire: RoleId, sequence: readonly RoleId[]): RoleId | null {
  if (rule === 'R2' || rule === 'R4') return firstHire
  if (rule === 'R3') return sequence.find((r) => PLATFORM_OWNER_ROLES.includes(r)) ?? null
  return null
}

/** The recommended route. */
export function recommendedRoute(input: RouteInput): Route {
  return {
    kind: 'recommended',
    rule: input.rule,
    recommendedFirstHire: input.firstHire,
    firstHire: input.firstHire,
    sequence: [...input.sequence],
    platformOwner: platformOwnerOf(input.rule, input.firstHire, input.sequence),
    urgent: urgentTasks(input.rule, input.flags, input.tasks),
    feasibilityFirst: input.rule === 'R3'
  }
}

/**
 * The other route: the alternative first hire, then the rest of the sequence in its order.
 * Who builds the platform follows the rule, so where the recommended first hire owns it the
 * alternative first hire owns it instead (an ML engineer, at their platform productivity).
 */
export function otherRouteOf(recommended: Route): Route {
  const firstHire = alternativeFirstHire(recommended.firstHire)
  const sequence = [firstHire, ...recommended.sequence.filter((r) => r !== firstHire)]
  const owner =
    recommended.rule === 'R2' || recommended.rule === 'R4'
      ? firstHire
      : recommended.rule === 'R3'
        ? (sequence.find((r) => PLATFORM_OWNER_ROLES.includes(r)) ?? null)
        : null
  return { ...recommended, kind: 'other', firstHire, sequence, platformOwner: owner }
}

/** Who builds a catalogue task on a route: the consultant, or the hire who owns the platform. */
export function taskOwner(route: Route, taskId: TaskId): 'consultant' | RoleId {
  if (TASK_BY_ID[taskId].ownerKind !== 'platform') return 'consultant'
  if (route.urgent.includes(taskId)) return 'consultant'
  return route.platformOwner ?? 'consultant'
}

/**
 * Why a catalogue task waits outside the committed total, if it does. Under R3 every platform
 * task waits for the answer on feasibility. With no_data_no_model everything waits for the
 * audit except the audit itself, the interim lead, Terraform, billing alerts, urgent work and
 * the platform tasks an infrastructure or MLOps first hire owns; and a task whose
 * prerequisite waits, waits too. Always worked out on the recommended route, so both routes
 * wait for the same things.
 */
export function pendingTasks(recommended: Route, flags: readonly FlagId[], tasks: readonly TaskId[]): Map<TaskId, PendingReason> {
  if (recommended.kind !== 'recommended') throw new RangeError('what is pending is worked out on the recommended route')
  const pending = new Map<TaskId, PendingReason>()
  const audit = flags.includes('no_data_no_model')
  const present = new Set(tasks)
  // Tasks come in dependency order, so a prerequisite is decided before what depends on it.
  for (const id of tasks) {
    const info = TASK_BY_ID[id]
    if (recommended.feasibilityFirst && info.ownerKind === 'platform') {
      pending.set(id, 'feasibility')
      continue
    }
    if (!audit || id === AUDIT_TASK_ID) continue
    const owner = taskOwner(recommended, id)
    const exempt =
      AUDIT_EXEMPT_TASK_IDS.includes(id) || recommended.urgent.includes(id) || (owner === recommended.firstHire && PLATFORM_OWNER_ROLES.includes(owner))
    const waitsForPrerequisite = info.after.some((p) => present.has(p) && pending.has(p))
    if (!exempt || waitsForPrerequisite) pending.set(id, 'audit')
  }
  return pending
}

/** Whether recruiting for a role waits for the audit. */
export function recruitsAfterAudit(role: RoleId, flags: readonly FlagId[]): boolean {
  return flags.includes('no_data_no_model') && ML_ROLE_IDS.includes(role)
}

/**
 * Why a hire waits outside the committed total, if it does: under R3 the hire who would own
 * the platform is recruited for after the answer on feasibility; with no_data_no_model the
 * later ML hires wait for the audit. The first hire never waits: it is the recommendation.
 */
export function pendingHire(route: Route, role: RoleId, position: number, flags: readonly FlagId[]): PendingReason | null {
  if (position === 0) return null
  if (route.feasibilityFirst && role === route.platformOwner) return 'feasibility'
  if (recruitsAfterAudit(role, flags)) return 'audit'
  return null
}
