/**
 * The plan (DOMAIN.md, Plan): what the generator makes of an assessment. Phases hold items
 * (catalogue tasks, the consultant's own activities, custom items, recruiting items and
 * milestones), each scheduled in weeks counted from 1 at the engagement's start date. Beside
 * them: the hires, the one headline milestone, the same milestone on the other route, the
 * option tiers and the totals. Every screen and document reads these figures from here.
 *
 * Pure types: no Node, DOM or Electron imports.
 */
import type { FlagId, PhaseId, RoleId, TaskId } from '../catalogue'
import type { RuleId } from '../assessment/engine'

/**
 * - `task`: a catalogue task (its id is the catalogue id).
 * - `activity`: one of the plan's own consultant items (kick-off, handover, dedicated AI team).
 * - `custom`: an item the consultant added.
 * - `hire`: recruiting one role, with the consultant's hiring support (`hire_<role>`).
 * - `milestone`: a point in time (no effort, startWeek = endWeek).
 */
export type PlanItemKind = 'task' | 'activity' | 'custom' | 'hire' | 'milestone'

export type PlanOwner = 'consultant' | RoleId

/** Why an item waits outside the committed total: for the objectives & data audit, or for the answer on feasibility (R3). */
export type PendingReason = 'audit' | 'feasibility'

export interface PlanItem {
  /** Catalogue tasks keep the catalogue id; other items have their own. */
  id: string
  kind: PlanItemKind
  phase: PhaseId
  title: string
  /** Who does the work: the consultant, or the hire who builds and owns it. */
  owner: PlanOwner
  /** The consultant's days on the item (for a task a hire owns, the pairing share). */
  effortDays: number
  /** The whole task's effort in days (a hire's own work included). */
  fullEffortDays: number
  /** Set for items billed every week of their span (the interim lead). */
  daysPerWeek?: number
  startWeek: number
  endWeek: number
  /** effortDays × the engagement's day rate, unrounded. */
  cost: number
  /** Outside the committed total: pending (see `pending`) or left out by the consultant. */
  optional: boolean
  /** Waiting for the audit or the feasibility answer; null otherwise. */
  pending: PendingReason | null
  /** Urgent work the consultant builds from the start of Foundations (R2's platform core, serving_pipeline with wrong_order). */
  urgent: boolean
  /** Items that finish before this one starts (startWeek ≥ their endWeek). */
  dependsOn: string[]
}

export interface PlanPhase {
  id: PhaseId
  name: string
  /** Ordered by startWeek, then priority. */
  items: PlanItem[]
}

export interface PlanHire {
  role: RoleId
  /** Position in the hiring sequence (0 is the first hire). */
  position: number
  /** The week recruiting opens (the consultant's hiring support starts). */
  recruitStartWeek: number
  /** The person's first week (their onboarding week). */
  startWeek: number
  /** The first week the person works on what they own (the week after their start). */
  workStartWeek: number
  /** Weeks from opening the role to the first day. */
  leadTimeWeeks: number
  /** Recruiting waits for the objectives & data audit (an ML role while it is pending). */
  afterAudit: boolean
  /** The hire itself waits for the audit or the feasibility answer (an optional tier). */
  pending: PendingReason | null
}

/**
 * The points in time a payment can fall due at. `headline` is the plan's one milestone, whatever
 * its kind; `work_complete` is the last week of the work the client commits to (the chosen tier).
 */
export const MILESTONE_IDS = ['foundations_ready', 'first_hire_starts', 'handover_complete', 'headline', 'work_complete'] as const
export type MilestoneId = (typeof MILESTONE_IDS)[number]

export interface PlanMilestone {
  id: MilestoneId
  title: string
  /** The week by whose end the milestone is reached. */
  week: number
  phase: PhaseId
}

/** The headline milestone's kind, by the rule that chose the first hire (DOMAIN.md). */
export const MILESTONE_KINDS = ['first_ai_feature', 'pain_relieved', 'feasibility_answer', 'first_model_improvement'] as const
export type MilestoneKind = (typeof MILESTONE_KINDS)[number]

/** Who builds the feature a `first_ai_feature` milestone waits for. */
export type FeatureBuilder = 'existing_staff' | RoleId

/** How the headline milestone's week is worked out. */
export type MilestoneBasis =
  /** R1, R3, R5: a hire's start plus the weeks the work takes. */
  | { by: 'hire_start'; role: RoleId; startWeek: number; weeks: number }
  /** R4, R6: a builder in place and the committed platform core ended, plus the feature build weeks. */
  | {
      by: 'platform_and_builder'
      builder: FeatureBuilder
      builderStartWeek: number
      /** The committed platform core's last week (null: none to build). */
      platformCoreEndWeek: number | null
      platformCore: TaskId[]
      buildWeeks: number
    }
  /** R2: the end of the urgent platform core the consultant builds. */
  | { by: 'urgent_core'; tasks: TaskId[]; endWeek: number }
  /** R2 with no platform core to build: the week after the first hire starts. */
  | { by: 'hire_settled'; role: RoleId; startWeek: number }

export interface HeadlineMilestone {
  kind: MilestoneKind
  rule: RuleId
  /** The week by whose end it is reached. */
  week: number
  /** For `first_ai_feature`: the client already has models in production, so it is their next AI feature. */
  next: boolean
  basis: MilestoneBasis
  /** Weeks from the first hire's first week to the milestone (≤ 0 when reached before the hire starts). */
  weeksAfterFirstHireStart: number
  /** The client's existing staff reach it before the recommended hire starts. */
  beforeFirstHire: boolean
}

/** One route to the milestone: who is hired first, who builds the platform, and when the milestone falls. */
export interface RouteSummary {
  firstHire: RoleId
  firstHireStartWeek: number
  milestoneWeek: number
  /** The route's plan length in weeks. */
  weeks: number
  /** Who builds the platform tasks no consultant builds: a hire, or null when the consultant builds them all. */
  platformOwner: RoleId | null
  /** The platform tasks that hire builds on this route. */
  ownedPlatformTasks: TaskId[]
  /** Each hire's first week on this route. */
  hireStarts: Partial<Record<RoleId, number>>
  /**
   * Weeks of stabilising shown after the milestone (not counted in it): an ML engineer who
   * built the platform themselves (the essays' authors saw about three months of it).
   */
  stabilisationWeeks: number
}

export interface OtherRoute extends RouteSummary {
  /** Both routes reach the milestone in the same week: argue from who owns the platform, not from a chart. */
  sameWeek: boolean
}

/** Option tiers, each cumulative; `pending` adds the work waiting for the audit or the feasibility answer. */
export const TIER_IDS = ['foundations', 'first_hire', 'full', 'pending'] as const
export type TierId = (typeof TIER_IDS)[number]

export interface PlanTier {
  id: TierId
  name: string
  /** The plan's phases the tier covers (phases with no items are left out). */
  phases: PhaseId[]
  /** The consultant's days in the tier (the interim lead up to the tier's last week). */
  effortDays: number
  /** effortDays × day rate, unrounded. */
  cost: number
  /** The tier's last week. */
  lastWeek: number
}

export interface PlanTotals {
  effortDays: number
  cost: number
  currency: string
}

export interface Plan {
  engagement: { startDate: string; dayRate: number; currency: string }
  capacityDaysPerWeek: number
  rule: RuleId
  firstHire: RoleId
  flags: FlagId[]
  /** The phases that hold items, in order (an empty phase is left out everywhere). */
  phases: PlanPhase[]
  /** In hiring-sequence order. */
  hires: PlanHire[]
  /** Points in time in the plan (payments fall due at them), the headline among them. */
  milestones: PlanMilestone[]
  /** The plan's one headline milestone. */
  milestone: HeadlineMilestone
  /** This plan's route, summarised like the other. */
  route: RouteSummary
  /** The same milestone for the main alternative first hire, worked out with the same model. */
  otherRoute: OtherRoute
  /** The offered option tiers, in order, each adding days to the one before. */
  tiers: PlanTier[]
  /** Over the items that are not optional: the whole committed plan. */
  totals: PlanTotals
  /** Over the optional items (pending, or left out by the consultant). */
  optionalTotals: PlanTotals
  /** The committed plan's last week: its last committed item or its milestone, whichever is later. */
  weeks: number
  /** The last week of any item, optional ones included (≥ weeks). */
  lastWeekWithOptions: number
  /** The consultant's days in each week, everything included; index 0 is week 1, length = lastWeekWithOptions. */
  consultantLoad: number[]
}

/** Every item of the plan, phase by phase. */
export function planItems(plan: Pick<Plan, 'phases'>): PlanItem[] {
  return plan.phases.flatMap((p) => p.items)
}

/** Every item but the milestones: the plan's work. */
export function workItems(plan: Pick<Plan, 'phases'>): PlanItem[] {
  return planItems(plan).filter((i) => i.kind !== 'milestone')
}
