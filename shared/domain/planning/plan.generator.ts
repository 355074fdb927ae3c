/**
 * The plan generator: turns an assessment into a phased, scheduled plan with the
 * consultant's effort and cost, the hires and the milestones.
 *
 * Where DOMAIN.md is silent, these are the rules (a consultant should recognise them):
 *
 * Items
 * - Discovery always holds a short kick-off (`discovery_kickoff`: assessment read-out and
 *   objectives) and, when flagged, `objectives_audit`. Every later item depends on both
 *   (custom Discovery items run alongside and hold nothing up unless something depends on
 *   them).
 * - Foundations holds the consultant's catalogue tasks, the platform tasks when the first
 *   hire does not own them (full effort), and `interim_lead` (one day a week from its start
 *   to the plan's last week).
 * - First hire holds the first hire's recruiting-and-onboarding item (`hire_<role>`), the
 *   platform tasks that hire owns (the consultant's pairing share: a third of the effort,
 *   rounded to the nearest half day; never before the hire has onboarded) and, when there is
 *   anything to hand over, a `handover` to the first hire after Foundations and the hire's
 *   platform tasks are done.
 * - Team build-out holds a `hire_<role>` item for each later role in the hiring sequence.
 * - Scale holds `distillation` and, when `protect_ai_team` is raised, `dedicated_ai_team`.
 *   Scale work follows Foundations; the dedicated team also waits for the handover, so the
 *   first hire can take the maintenance off the demo's builders.
 * - When `no_data_no_model` is raised, every item with consultant effort except Discovery,
 *   `interim_lead`, `terraform` and `billing_alerts` is pending the audit: optional, outside
 *   the committed total. Hires of ML roles are marked the same way (they carry no cost).
 * - Efforts are counted in half days: library efforts are rounded to the nearest half day
 *   (at least half a day), and so is every pairing share.
 *
 * Hiring
 * - Recruiting for the first hire opens the week after Discovery ends. Each later role is
 *   timed so the person joins the week after the previous hire has finished onboarding (one
 *   newcomer at a time), with recruiting opened that role's lead time before, never before
 *   Discovery has ended. Recruiting for ml_engineer, ml_scientist and mlops_engineer opens
 *   only after the audit when it is pending, whatever rule chose the first hire.
 *
 * Scheduling (see plan.scheduler.ts): week by week, consultant capacity C days a week
 * (default 3) shared by all consultant work including the interim lead; priority order is
 * Discovery first, then the tasks flags pull forward (wrong_order → serving_pipeline,
 * gpu_ci_gap → cicd_gpu, together with their prerequisites), then dependency order with
 * catalogue ties (so platform pairing with a newly onboarded hire goes ahead of Foundations
 * work left over); the handover ranks just ahead of Scale work, the dedicated AI team after
 * the catalogue, custom items last.
 *
 * Time to first AI feature
 * - The feature needs the core platform tasks that are in the plan (serving_pipeline,
 *   prediction_logging and model_monitoring; training_infra too for fine-tuned or custom
 *   models) to be done, and someone to build it: the client's existing ML staff (from week
 *   1) or else the first hire in the sequence who can (for API clients any of the full-stack
 *   AI, ML, infrastructure, MLOps engineers or an ML scientist; for fine-tuned or custom
 *   models an ML engineer or scientist), once onboarded.
 * - Building starts the week after the platform is ready, or when the builder is ready if
 *   later, and takes a short build period (4 weeks for API clients, 6 for fine-tuning, 8 for
 *   custom models). The feature ships at the end of its last week.
 * - The seed figures (2–3 months infrastructure first, 6–9 plus about 3 of stabilisation ML
 *   first) most plausibly count from the first hire's start, so the plan states its estimate
 *   both from the engagement's start and from the first hire's first week.
 *
 * Pure and deterministic: no Node, DOM or Electron imports, no clock.
 */
import {
  AUDIT_TASK_ID,
  defaultPhaseOf,
  FLAG_IDS,
  isPendingAudit,
  ownerOf,
  PHASES,
  PLATFORM_PAIRING_SHARE,
  ROLE_BY_ID,
  TASK_BY_ID,
  TASK_IDS,
  type FlagId,
  type PhaseId,
  type RoleId,
  type TaskId
} from '../catalogue'
import type { AssessmentContext, Maturity } from '../assessment/dimensions'
import type { AssessmentResult } from '../assessment/engine'
import {
  MILESTONE_IDS,
  type FeatureBuilder,
  type FirstFeatureEstimate,
  type MilestoneId,
  type Plan,
  type PlanHire,
  type PlanItem,
  type PlanItemKind,
  type PlanMilestone,
  type PlanOwner
} from './plan.model'
import { libraryLookup, type PartialPlanLibrary, type PlanActivityId } from './plan-library'
import { schedule, type ScheduleContext, type ScheduleNode } from './plan.scheduler'
import { isIsoDate } from './weeks'

// ---------------------------------------------------------------------------------------
// Input

export interface PlanEngagementInput {
  /** ISO date `YYYY-MM-DD`: the first day of week 1. */
  startDate: string
  /** Per consultant day, in `currency`. */
  dayRate: number
  /** ISO 4217 code. */
  currency: string
}

/** An item the consultant adds to the plan. */
export interface CustomItemInput {
  /** lower_snake_case, unique in the plan. */
  id: string
  /** Defaults to the library's title for this id. */
  title?: string
  /** Defaults to the library's phase for this id, else Foundations. */
  phase?: PhaseId
  /** The consultant's days; defaults to the library's effort for this id. */
  effortDays?: number
  owner?: PlanOwner
  /** Ids of plan items that must finish first. */
  dependsOn?: readonly string[]
  optional?: boolean
}

/** The consultant's edits to a generated item, applied on regeneration. */
export interface ItemOverride {
  title?: string
  /** The consultant's days (block items). */
  effortDays?: number
  /** Days a week (weekly items such as interim_lead). */
  daysPerWeek?: number
  /** True leaves the item out of the committed total. */
  optional?: boolean
  /** Who does the work: the consultant, or a role in the hiring sequence. */
  owner?: PlanOwner
  /** Move the item to another phase (groups it and prices it with that phase). */
  phase?: PhaseId
  /** The earliest week the item may start (set by dragging it later on the timeline). */
  notBeforeWeek?: number
}

export interface PlanOptions {
  /** Consultant days a week for all plan work together (default 3). */
  capacityDaysPerWeek?: number
  /** Weeks from opening any role to the first day, instead of each role's time to hire. */
  recruitingLeadWeeks?: number
  /** Onboarding weeks for every role, instead of each role's own. */
  onboardingWeeks?: number
  /** Weeks to build the first AI feature once platform and builder are ready. */
  featureBuildWeeks?: number
  customItems?: readonly CustomItemInput[]
  /** By item id; ids not in the plan are ignored (the item may no longer be triggered). */
  overrides?: Readonly<Record<string, ItemOverride>>
  /** Items the consultant removed (tasks, activities and custom items; not hires). */
  removed?: readonly string[]
}

export interface GeneratePlanInput {
  assessment: Pick<AssessmentResult, 'firstHire' | 'hiringSteps' | 'flags' | 'tasks'>
  context: AssessmentContext
  /** The maturity the assessment was made from (kept with the input so a plan can be regenerated). */
  maturity: Maturity
  engagement: PlanEngagementInput
  library?: PartialPlanLibrary
  options?: PlanOptions
}

export const DEFAULT_CAPACITY_DAYS_PER_WEEK = 3
export const MIN_CAPACITY_DAYS_PER_WEEK = 0.5
export const MAX_CAPACITY_DAYS_PER_WEEK = 7

/** Build weeks for the first AI feature once the platform and a builder are in place. */
export const FEATURE_BUILD_WEEKS: Readonly<Record<AssessmentContext['ai_approach'], number>> = {
  api: 4,
  fine_tune: 6,
  custom: 8
}

/** The platform tasks the first AI feature waits for (when they are in the plan). */
export const CORE_PLATFORM_TASKS: readonly TaskId[] = ['serving_pipeline', 'prediction_logging', 'model_monitoring']
/** Added to the core for fine-tuned and custom models. */
export const CORE_TRAINING_TASKS: readonly TaskId[] = ['training_infra']

/** Roles that can build the first AI feature, by approach, in no particular order. */
export const FEATURE_BUILDER_ROLES: Readonly<Record<AssessmentContext['ai_approach'], readonly RoleId[]>> = {
  api: ['fullstack_ai_engineer', 'ml_engineer', 'infra_engineer', 'mlops_engineer', 'ml_scientist'],
  fine_tune: ['ml_engineer', 'ml_scientist'],
  custom: ['ml_engineer', 'ml_scientist']
}

/** Tasks a flag pulls to the front, in the flags table's order. */
const PULLED_BY_FLAG: Partial<Record<FlagId, TaskId>> = {
  wrong_order: 'serving_pipeline',
  gpu_ci_gap: 'cicd_gpu'
}

const MILESTONE_TITLES: Readonly<Record<MilestoneId, string>> = {
  foundations_ready: 'Foundations ready',
  first_hire_starts: 'First hire starts',
  handover_complete: 'Handover to the first hire complete',
  first_ai_feature: 'First AI feature ships (estimate)'
}

const CUSTOM_ID = /^[a-z][a-z0-9_]{1,63}$/

export const hireItemId = (role: RoleId): string => `hire_${role}`

// ---------------------------------------------------------------------------------------
// Helpers

/** Rounds days to the nearest half day. */
export const roundHalfDay = (days: number): number => Math.round(days * 2) / 2

/** The consultant's pairing share of a hire-owned task: a third, to the nearest half day. */
export const pairingShare = (fullEffortDays: number): number => roundHalfDay(fullEffortDays * PLATFORM_PAIRING_SHARE)

const toHundredths = (days: number): number => Math.round(days * 100)

function positiveHalfDays(days: number): number {
  return Math.max(0.5, roundHalfDay(days))
}

function checkWeeks(value: number | undefined, name: string, min: number, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new RangeError(`options.${name} must be a whole number from ${min} to ${max}`)
  }
}

function checkDays(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 1000)) {
    throw new RangeError(`${name} must be a number of days from 0 to 1000`)
  }
}

// ---------------------------------------------------------------------------------------
// Drafts

type DraftMode = 'block' | 'weekly' | 'hire'

interface Draft {
  id: string
  kind: Exclude<PlanItemKind, 'milestone'>
  phase: PhaseId
  title: string
  owner: PlanOwner
  mode: DraftMode
  /** Consultant days (block) or days a week (weekly). */
  effort: number
  fullEffort: number
  deps: string[]
  pendingAudit: boolean
  optional: boolean
  /** Tie rank: catalogue row, then the plan's own items, then custom items. */
  rank: number
  /** Cannot start before this role has onboarded. */
  readyRole?: RoleId
  /** Cannot start before this week (the consultant moved it later). */
  notBeforeWeek?: number
  /** Hires: the role and its step. */
  hire?: { role: RoleId; position: number; afterAudit: boolean }
}

/** The kick-off opens Discovery; the handover goes ahead of Scale work; the dedicated team last. */
const ACTIVITY_RANK: Readonly<Record<PlanActivityId, number>> = {
  discovery_kickoff: -1,
  handover: TASK_IDS.indexOf('distillation') - 0.5,
  dedicated_ai_team: TASK_IDS.length
}
/** Hires place no load; ranking them first lets the tasks waiting for them keep catalogue order. */
const HIRE_RANK = -1
const CUSTOM_RANK = 100
const NO_PULL = FLAG_IDS.length

/**
 * Dependency order with ties broken by (Discovery first, pull-forward rank, tie rank): among
 * the drafts whose dependencies are placed, take the smallest key. Throws on a cycle.
 */
function priorityOrder(drafts: readonly Draft[], flags: readonly FlagId[]): Draft[] {
  const byId = new Map(drafts.map((d) => [d.id, d]))
  // A pulled task drags its prerequisites forward with it.
  const pull = new Map<string, number>(drafts.map((d) => [d.id, NO_PULL]))
  const pullUp = (id: string, rank: number): void => {
    if ((pull.get(id) ?? NO_PULL) <= rank) return
    pull.set(id, rank)
    for (const dep of byId.get(id)?.deps ?? []) pullUp(dep, rank)
  }
  for (const flag of flags) {
    const task = PULLED_BY_FLAG[flag]
    if (task && byId.has(task)) pullUp(task, FLAG_IDS.indexOf(flag))
  }
  const key = (d: Draft): [number, number, number] => [d.phase === 'discovery' ? 0 : 1, pull.get(d.id)!, d.rank]
  const before = (a: Draft, b: Draft): boolean => {
    const [ka, kb] = [key(a), key(b)]
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!
    return false
  }
  const placed = new Set<string>()
  const order: Draft[] = []
  const pending = [...drafts]
  while (pending.length > 0) {
    let best = -1
    for (let i = 0; i < pending.length; i++) {
      const d = pending[i]!
      if (!d.deps.every((dep) => placed.has(dep))) continue
      if (best < 0 || before(d, pending[best]!)) best = i
    }
    if (best < 0) throw new RangeError(`the plan's dependencies contain a cycle (among ${pending.map((d) => d.id).join(', ')})`)
    const [next] = pending.splice(best, 1)
    placed.add(next!.id)
    order.push(next!)
  }
  return order
}

// ---------------------------------------------------------------------------------------
// The generator

export function generatePlan(input: GeneratePlanInput): Plan {
  const { assessment, context, engagement } = input
  const options = input.options ?? {}
  const overrides = options.overrides ?? {}
  const lib = libraryLookup(input.library)

  if (!isIsoDate(engagement.startDate)) throw new RangeError('engagement.startDate must be a date written YYYY-MM-DD')
  if (!Number.isFinite(engagement.dayRate) || engagement.dayRate <= 0) throw new RangeError('engagement.dayRate must be a positive number')
  if (!/^[A-Z]{3}$/.test(engagement.currency)) throw new RangeError('engagement.currency must be a three-letter currency code')
  const capacity = options.capacityDaysPerWeek ?? DEFAULT_CAPACITY_DAYS_PER_WEEK
  if (!Number.isFinite(capacity) || capacity < MIN_CAPACITY_DAYS_PER_WEEK || capacity > MAX_CAPACITY_DAYS_PER_WEEK) {
    throw new RangeError(`options.capacityDaysPerWeek must be from ${MIN_CAPACITY_DAYS_PER_WEEK} to ${MAX_CAPACITY_DAYS_PER_WEEK}`)
  }
  checkWeeks(options.recruitingLeadWeeks, 'recruitingLeadWeeks', 1, 104)
  checkWeeks(options.onboardingWeeks, 'onboardingWeeks', 0, 52)
  checkWeeks(options.featureBuildWeeks, 'featureBuildWeeks', 1, 104)

  const flags = [...assessment.flags]
  const firstHire = assessment.firstHire
  const taskSet = new Set<TaskId>(assessment.tasks)
  const auditInPlan = taskSet.has(AUDIT_TASK_ID)
  const auditFlag = flags.includes('no_data_no_model')

  const drafts: Draft[] = []
  const add = (d: Draft): Draft => {
    drafts.push(d)
    return d
  }
  const blockEffort = (id: string, fallback: number): number => {
    const t = lib.task(id)
    return t && t.effort.unit === 'days' ? positiveHalfDays(t.effort.default) : fallback
  }
  const titleOf = (id: string, fallback: string): string => lib.task(id)?.title ?? fallback

  // Discovery ----------------------------------------------------------------------------
  const kickoff = add({
    id: 'discovery_kickoff',
    kind: 'activity',
    phase: 'discovery',
    title: titleOf('discovery_kickoff', 'Kick-off'),
    owner: 'consultant',
    mode: 'block',
    effort: blockEffort('discovery_kickoff', 1),
    fullEffort: 0,
    deps: [],
    pendingAudit: false,
    optional: false,
    rank: ACTIVITY_RANK.discovery_kickoff
  })
  const discoveryIds = [kickoff.id]
  if (auditInPlan) {
    const t = TASK_BY_ID.objectives_audit
    const days = t.effort.kind === 'block' ? t.effort.days : 0
    add({
      id: t.id,
      kind: 'task',
      phase: 'discovery',
      title: titleOf(t.id, t.title),
      owner: 'consultant',
      mode: 'block',
      effort: blockEffort(t.id, days),
      fullEffort: 0,
      deps: [kickoff.id],
      pendingAudit: false,
      optional: false,
      rank: TASK_IDS.indexOf(t.id)
    })
    discoveryIds.push(t.id)
  }
  /** What every later item waits for: the kick-off and the audit. */
  const afterDiscovery = [...discoveryIds]

  // Catalogue tasks ----------------------------------------------------------------------
  const hireOwned: string[] = []
  for (const id of assessment.tasks) {
    if (id === AUDIT_TASK_ID) continue
    const t = TASK_BY_ID[id]
    const owner = ownerOf(id, firstHire)
    const own = t.after.filter((dep) => taskSet.has(dep))
    if (t.effort.kind === 'weekly') {
      const lt = lib.task(id)
      const perWeek = lt && lt.effort.unit === 'days_per_week' ? positiveHalfDays(lt.effort.default) : t.effort.daysPerWeek
      add({
        id,
        kind: 'task',
        phase: defaultPhaseOf(id, firstHire),
        title: titleOf(id, t.title),
        owner: 'consultant',
        mode: 'weekly',
        effort: perWeek,
        fullEffort: 0,
        // Not the kick-off: the interim lead starts with the engagement (after the audit if any).
        deps: auditInPlan ? [AUDIT_TASK_ID, ...own] : own,
        pendingAudit: isPendingAudit(id, flags),
        optional: false,
        rank: TASK_IDS.indexOf(id)
      })
      continue
    }
    const full = blockEffort(id, t.effort.days)
    const byHire = owner !== 'consultant'
    if (byHire) hireOwned.push(id)
    add({
      id,
      kind: 'task',
      phase: defaultPhaseOf(id, firstHire),
      title: titleOf(id, t.title),
      owner,
      mode: 'block',
      effort: byHire ? pairingShare(full) : full,
      fullEffort: full,
      deps: [...afterDiscovery, ...own, ...(byHire ? [hireItemId(firstHire)] : [])],
      pendingAudit: isPendingAudit(id, flags),
      optional: false,
      rank: TASK_IDS.indexOf(id),
      ...(byHire ? { readyRole: firstHire } : {})
    })
  }

  // Hires --------------------------------------------------------------------------------
  const sequence = assessment.hiringSteps.map((s) => s.role)
  assessment.hiringSteps.forEach((step, position) => {
    add({
      id: hireItemId(step.role),
      kind: 'hire',
      phase: position === 0 ? 'first_hire' : 'build_out',
      title: `Recruit and onboard: ${lib.role(step.role).title ?? ROLE_BY_ID[step.role].name}`,
      owner: step.role,
      mode: 'hire',
      effort: 0,
      fullEffort: 0,
      deps: [...afterDiscovery],
      pendingAudit: step.afterAudit,
      optional: false,
      rank: HIRE_RANK + position / 1000,
      hire: { role: step.role, position, afterAudit: step.afterAudit }
    })
  })
  if (!sequence.includes(firstHire)) throw new RangeError('the hiring sequence must start with the first hire')

  // Custom items (validated before anything refers to them) --------------------------------
  const customs = options.customItems ?? []
  const reserved = new Set(drafts.map((d) => d.id))
  for (const id of [...TASK_IDS, ...Object.keys(ACTIVITY_RANK)]) reserved.add(id)
  const customDrafts: Draft[] = []
  customs.forEach((c, index) => {
    if (!CUSTOM_ID.test(c.id)) throw new RangeError(`custom item ${JSON.stringify(c.id)}: id must be lower_snake_case`)
    if (reserved.has(c.id) || c.id.startsWith('hire_') || (MILESTONE_IDS as readonly string[]).includes(c.id)) {
      throw new RangeError(`custom item ${c.id}: the id is already used in the plan`)
    }
    reserved.add(c.id)
    const template = lib.task(c.id)
    const title = c.title?.trim() || template?.title
    if (!title) throw new RangeError(`custom item ${c.id}: needs a title (none in the library either)`)
    checkDays(c.effortDays, `custom item ${c.id}: effortDays`)
    const effort =
      c.effortDays !== undefined
        ? roundHalfDay(c.effortDays)
        : template && template.effort.unit === 'days'
          ? positiveHalfDays(template.effort.default)
          : undefined
    if (effort === undefined) throw new RangeError(`custom item ${c.id}: needs effortDays (none in the library either)`)
    const phase = c.phase ?? template?.phase ?? 'foundations'
    const owner = c.owner ?? 'consultant'
    if (owner !== 'consultant' && !(owner in ROLE_BY_ID)) throw new RangeError(`custom item ${c.id}: unknown owner ${owner}`)
    const roleInPlan = owner !== 'consultant' && sequence.includes(owner)
    const pendingAudit = auditFlag && phase !== 'discovery'
    customDrafts.push({
      id: c.id,
      kind: 'custom',
      phase,
      title,
      owner,
      mode: 'block',
      effort,
      fullEffort: effort,
      deps: [
        ...(phase === 'discovery' ? [kickoff.id] : afterDiscovery),
        ...(roleInPlan ? [hireItemId(owner)] : []),
        ...(c.dependsOn ?? [])
      ],
      pendingAudit,
      optional: c.optional === true,
      rank: CUSTOM_RANK + index,
      ...(roleInPlan ? { readyRole: owner } : {})
    })
  })
  drafts.push(...customDrafts)

  // Handover and Scale -------------------------------------------------------------------
  const foundationsWork = drafts.filter((d) => d.phase === 'foundations' && d.mode === 'block').map((d) => d.id)
  const firstHireWork = drafts.filter((d) => d.phase === 'first_hire' && d.mode === 'block').map((d) => d.id)
  const scaleDeps = [...afterDiscovery, ...foundationsWork]
  let teamDeps = [...scaleDeps, ...firstHireWork]
  if (foundationsWork.length > 0 || hireOwned.length > 0) {
    add({
      id: 'handover',
      kind: 'activity',
      phase: 'first_hire',
      title: titleOf('handover', 'Handover to the first hire'),
      owner: 'consultant',
      mode: 'block',
      effort: blockEffort('handover', 2),
      fullEffort: 0,
      deps: [...afterDiscovery, hireItemId(firstHire), ...foundationsWork, ...firstHireWork],
      pendingAudit: auditFlag,
      optional: false,
      rank: ACTIVITY_RANK.handover,
      readyRole: firstHire
    })
    teamDeps = ['handover']
  }
  if (flags.includes('protect_ai_team')) {
    add({
      id: 'dedicated_ai_team',
      kind: 'activity',
      phase: 'scale',
      title: titleOf('dedicated_ai_team', 'Dedicated AI team'),
      owner: 'consultant',
      mode: 'block',
      effort: blockEffort('dedicated_ai_team', 2),
      fullEffort: 0,
      deps: [...afterDiscovery, ...teamDeps],
      pendingAudit: auditFlag,
      optional: false,
      rank: ACTIVITY_RANK.dedicated_ai_team
    })
  }
  for (const d of drafts) {
    if (d.phase === 'scale') d.deps = [...new Set([...d.deps, ...scaleDeps])]
  }

  // Removed items leave the plan; whatever waited for them no longer does.
  const removed = new Set(options.removed ?? [])
  if (removed.size > 0) {
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i]!
      if (removed.has(d.id) && d.kind !== 'hire' && d.id !== 'discovery_kickoff') drafts.splice(i, 1)
    }
    const left = new Set(drafts.map((d) => d.id))
    for (const d of drafts) d.deps = d.deps.filter((dep) => left.has(dep))
  }

  // Custom dependencies may only name items in the plan.
  const ids = new Set(drafts.map((d) => d.id))
  for (const d of customDrafts) {
    for (const dep of d.deps) if (!ids.has(dep)) throw new RangeError(`custom item ${d.id}: depends on ${dep}, which is not in the plan`)
    if (d.deps.includes(d.id)) throw new RangeError(`custom item ${d.id}: depends on itself`)
  }

  // Overrides, then effort in full for items the consultant does alone.
  for (const d of drafts) {
    const o = Object.prototype.hasOwnProperty.call(overrides, d.id) ? overrides[d.id] : undefined
    if (d.fullEffort === 0 && d.mode === 'block') d.fullEffort = d.effort
    if (!o) continue
    if (o.title !== undefined && o.title.trim() !== '') d.title = o.title.trim()
    if (d.mode === 'block' && o.effortDays !== undefined) {
      checkDays(o.effortDays, `overrides.${d.id}.effortDays`)
      d.effort = roundHalfDay(o.effortDays)
      if (d.owner === 'consultant') d.fullEffort = d.effort
    }
    if (d.mode === 'weekly' && o.daysPerWeek !== undefined) {
      if (!Number.isFinite(o.daysPerWeek) || o.daysPerWeek <= 0 || o.daysPerWeek > MAX_CAPACITY_DAYS_PER_WEEK) {
        throw new RangeError(`overrides.${d.id}.daysPerWeek must be more than 0 and at most ${MAX_CAPACITY_DAYS_PER_WEEK}`)
      }
      d.effort = positiveHalfDays(o.daysPerWeek)
    }
    if (o.optional === true) d.optional = true
    if (o.phase !== undefined && d.kind !== 'hire') d.phase = o.phase
    if (o.owner !== undefined && d.mode === 'block' && d.kind !== 'hire' && o.owner !== d.owner) {
      if (o.owner !== 'consultant' && !(o.owner in ROLE_BY_ID)) throw new RangeError(`overrides.${d.id}.owner: unknown owner ${o.owner}`)
      const full = d.fullEffort || d.effort
      d.owner = o.owner
      if (o.owner === 'consultant') {
        delete d.readyRole
        if (o.effortDays === undefined) d.effort = full
      } else {
        // A hire does the work; the consultant pairs for a share of it, once the hire has onboarded.
        if (sequence.includes(o.owner)) d.readyRole = o.owner
        if (o.effortDays === undefined) d.effort = pairingShare(full)
      }
      d.fullEffort = full
    }
    if (o.notBeforeWeek !== undefined) {
      if (!Number.isInteger(o.notBeforeWeek) || o.notBeforeWeek < 1 || o.notBeforeWeek > 520) {
        throw new RangeError(`overrides.${d.id}.notBeforeWeek must be a week from 1 to 520`)
      }
      d.notBeforeWeek = o.notBeforeWeek
    }
  }
  for (const d of drafts) d.optional = d.optional || d.pendingAudit

  // Schedule -----------------------------------------------------------------------------
  const ordered = priorityOrder(drafts, flags)
  const priority = new Map(ordered.map((d, i) => [d.id, i]))
  const hires = new Map<RoleId, PlanHire>()
  const leadOf = (role: RoleId): number => options.recruitingLeadWeeks ?? lib.role(role).timeToHireWeeks
  const onboardingOf = (role: RoleId): number => options.onboardingWeeks ?? lib.role(role).onboardingWeeks
  const readyWeek = (role: RoleId) => () => hires.get(role)?.readyWeek ?? 1

  const nodes: ScheduleNode[] = ordered.map((d): ScheduleNode => {
    if (d.mode === 'weekly') return { id: d.id, dependsOn: d.deps, mode: { kind: 'weekly', perWeek: toHundredths(d.effort) } }
    if (d.mode === 'block') {
      return {
        id: d.id,
        dependsOn: d.deps,
        mode: {
          kind: 'block',
          effort: toHundredths(d.effort),
          ...(d.readyRole || d.notBeforeWeek
            ? {
                notBefore: () =>
                  Math.max(d.readyRole ? readyWeek(d.readyRole)() : 1, d.notBeforeWeek ?? 1)
              }
            : {})
        }
      }
    }
    const { role, position, afterAudit } = d.hire!
    const previous = position > 0 ? sequence[position - 1] : undefined
    return {
      id: d.id,
      dependsOn: d.deps,
      mode: {
        kind: 'timed',
        waitFor: previous ? [hireItemId(previous)] : [],
        place: (ctx: ScheduleContext) => {
          const discoveryEnd = Math.max(...discoveryIds.map((id) => ctx.endWeek(id) ?? 1))
          let earliest = discoveryEnd + 1
          if (afterAudit && auditInPlan) earliest = Math.max(earliest, (ctx.endWeek(AUDIT_TASK_ID) ?? 1) + 1)
          const lead = leadOf(role)
          const onboarding = onboardingOf(role)
          const before = previous ? hires.get(previous) : undefined
          const startWeek = Math.max(earliest + lead, before ? before.onboardingEndWeek + 1 : 0)
          const hire: PlanHire = {
            role,
            position,
            recruitingStartWeek: startWeek - lead,
            startWeek,
            onboardingEndWeek: startWeek + Math.max(onboarding, 1) - 1,
            readyWeek: startWeek + onboarding,
            leadTimeWeeks: lead,
            onboardingWeeks: onboarding,
            afterAudit
          }
          hires.set(role, hire)
          return { startWeek: hire.recruitingStartWeek, endWeek: hire.onboardingEndWeek }
        }
      }
    }
  })
  const result = schedule(nodes, toHundredths(capacity))
  const at = (id: string) => result.nodes.get(id)!

  // Items --------------------------------------------------------------------------------
  const items = new Map<string, PlanItem>()
  for (const d of ordered) {
    const s = at(d.id)
    const effortDays = d.mode === 'weekly' ? s.allocated / 100 : d.mode === 'block' ? d.effort : 0
    items.set(d.id, {
      id: d.id,
      kind: d.kind,
      phase: d.phase,
      title: d.title,
      owner: d.owner,
      effortDays,
      fullEffortDays: d.mode === 'weekly' ? effortDays : d.mode === 'block' ? d.fullEffort : 0,
      ...(d.mode === 'weekly' ? { daysPerWeek: d.effort } : {}),
      startWeek: s.startWeek,
      endWeek: s.endWeek,
      cost: effortDays * engagement.dayRate,
      optional: d.optional,
      pendingAudit: d.pendingAudit,
      dependsOn: [...d.deps]
    })
  }

  // Milestones and the first AI feature ---------------------------------------------------
  const discoveryEnd = Math.max(...discoveryIds.map((id) => at(id).endWeek))
  const first = hires.get(firstHire)!
  const endOf = (list: readonly string[], fallback: number): number =>
    list.length === 0 ? fallback : Math.max(...list.map((id) => items.get(id)!.endWeek))

  const coreTasks = [...CORE_PLATFORM_TASKS, ...(context.ai_approach === 'api' ? [] : CORE_TRAINING_TASKS)].filter((id) =>
    items.has(id)
  )
  const platformReadyWeek = endOf(coreTasks, discoveryEnd)
  let builder: FeatureBuilder = 'existing_staff'
  let builderReadyWeek = 1
  if (context.ml_staff === 0) {
    const role = sequence.find((r) => FEATURE_BUILDER_ROLES[context.ai_approach].includes(r)) ?? firstHire
    builder = role
    builderReadyWeek = hires.get(role)!.readyWeek
  }
  const buildWeeks = options.featureBuildWeeks ?? FEATURE_BUILD_WEEKS[context.ai_approach]
  const featureWeek = Math.max(platformReadyWeek + 1, builderReadyWeek) + buildWeeks - 1
  const firstFeature: FirstFeatureEstimate = {
    week: featureWeek,
    platformReadyWeek,
    platformTasks: coreTasks,
    builder,
    builderReadyWeek,
    buildWeeks,
    weeksFromFirstHireStart: featureWeek - first.startWeek + 1
  }

  const foundationsBlocks = ordered.filter((d) => d.phase === 'foundations' && d.mode === 'block').map((d) => d.id)
  const milestoneSpecs: { id: MilestoneId; phase: PhaseId; week: number; deps: string[]; owner: PlanOwner }[] = [
    {
      id: 'foundations_ready',
      phase: 'foundations',
      week: endOf(foundationsBlocks, discoveryEnd),
      deps: foundationsBlocks.length > 0 ? foundationsBlocks : [...discoveryIds],
      owner: 'consultant'
    },
    { id: 'first_hire_starts', phase: 'first_hire', week: first.startWeek, deps: [...discoveryIds], owner: firstHire },
    {
      id: 'handover_complete',
      phase: 'first_hire',
      week: items.has('handover') ? items.get('handover')!.endWeek : first.readyWeek,
      deps: items.has('handover') ? ['handover'] : [hireItemId(firstHire)],
      owner: 'consultant'
    },
    {
      id: 'first_ai_feature',
      phase: 'first_hire',
      week: featureWeek,
      deps: [...coreTasks, ...(builder === 'existing_staff' ? [] : [hireItemId(builder)])],
      owner: builder === 'existing_staff' ? 'consultant' : builder
    }
  ]
  const milestones: PlanMilestone[] = milestoneSpecs.map((m) => ({
    id: m.id,
    title: MILESTONE_TITLES[m.id],
    week: m.week,
    phase: m.phase
  }))
  const milestoneItems: PlanItem[] = milestoneSpecs.map((m) => ({
    id: m.id,
    kind: 'milestone',
    phase: m.phase,
    title: MILESTONE_TITLES[m.id],
    owner: m.owner,
    effortDays: 0,
    fullEffortDays: 0,
    startWeek: m.week,
    endWeek: m.week,
    cost: 0,
    optional: false,
    pendingAudit: false,
    dependsOn: m.deps
  }))

  // Phases, totals, load -------------------------------------------------------------------
  const rankOf = (item: PlanItem): number =>
    item.kind === 'milestone' ? ordered.length + MILESTONE_IDS.indexOf(item.id as MilestoneId) : priority.get(item.id)!
  const phases = PHASES.map((p) => ({
    id: p.id,
    name: p.name,
    items: [...items.values(), ...milestoneItems]
      .filter((i) => i.phase === p.id)
      .sort((a, b) => a.startWeek - b.startWeek || rankOf(a) - rankOf(b))
  }))
  // Summed in phase and item order, the order a reader of the plan adds them up in.
  const sum = (optional: boolean) => {
    let effortDays = 0
    let cost = 0
    for (const phase of phases) {
      for (const item of phase.items) {
        if (item.optional !== optional) continue
        effortDays += item.effortDays
        cost += item.cost
      }
    }
    return { effortDays, cost, currency: engagement.currency }
  }

  return {
    engagement: { startDate: engagement.startDate, dayRate: engagement.dayRate, currency: engagement.currency },
    capacityDaysPerWeek: capacity,
    firstHire,
    flags,
    phases,
    hires: sequence.map((role) => hires.get(role)!),
    milestones,
    totals: sum(false),
    optionalTotals: sum(true),
    weeks: result.lastWeek,
    timeToFirstFeatureWeeks: featureWeek,
    firstFeature,
    consultantLoad: result.load.map((x) => x / 100)
  }
}
