/**
 * The plan: what the generator produces from an assessment. Phases hold items (catalogue
 * tasks, the consultant's own activities, custom items, hires and milestones), each
 * scheduled in weeks counted from 1 at the engagement's start date.
 *
 * Pure types: no Node, DOM or Electron imports.
 */
import type { FlagId, PhaseId, RoleId, TaskId } from '../catalogue'

/**
 * - `task`: a catalogue task (its id is the catalogue id).
 * - `activity`: one of the plan's own consultant items (kick-off, handover, dedicated AI team).
 * - `custom`: an item the consultant added.
 * - `hire`: recruiting and onboarding one role (no consultant effort).
 * - `milestone`: a point in time (no effort, startWeek = endWeek).
 */
export type PlanItemKind = 'task' | 'activity' | 'custom' | 'hire' | 'milestone'

export type PlanOwner = 'consultant' | RoleId

export interface PlanItem {
  /** Catalogue tasks keep the catalogue id; other items have their own. */
  id: string
  kind: PlanItemKind
  phase: PhaseId
  title: string
  owner: PlanOwner
  /** The consultant's days on the item (for a platform task owned by a hire, the pairing share). */
  effortDays: number
  /** The whole task's effort in days (equal to effortDays unless a hire owns the task). */
  fullEffortDays: number
  /** Set for items billed every week of their span (the interim lead). */
  daysPerWeek?: number
  startWeek: number
  endWeek: number
  /** effortDays × the engagement's day rate, unrounded. */
  cost: number
  /** Outside the committed total: pending the audit, or left out by the consultant. */
  optional: boolean
  /** Waits for the objectives & data audit (flag no_data_no_model). */
  pendingAudit: boolean
  /** Items that finish before this one starts (startWeek ≥ their endWeek). */
  dependsOn: string[]
}

export interface PlanPhase {
  id: PhaseId
  name: string
  /** Ordered by startWeek, then dependency order with catalogue ties. */
  items: PlanItem[]
}

export interface PlanHire {
  role: RoleId
  /** Position in the hiring sequence (0 is the first hire). */
  position: number
  /** The week the role is opened. */
  recruitingStartWeek: number
  /** The person's first week. */
  startWeek: number
  /** The last week of onboarding (startWeek when there is no onboarding). */
  onboardingEndWeek: number
  /** The first week the person can own work (startWeek + onboarding weeks). */
  readyWeek: number
  leadTimeWeeks: number
  onboardingWeeks: number
  /** Recruiting waits for the objectives & data audit. */
  afterAudit: boolean
}

export const MILESTONE_IDS = ['foundations_ready', 'first_hire_starts', 'handover_complete', 'first_ai_feature'] as const
export type MilestoneId = (typeof MILESTONE_IDS)[number]

export interface PlanMilestone {
  id: MilestoneId
  title: string
  /** The week by whose end the milestone is reached. */
  week: number
  phase: PhaseId
}

/** Who builds the first AI feature. */
export type FeatureBuilder = 'existing_staff' | RoleId

/**
 * The plan's own estimate of the time to the first AI feature (see plan.generator.ts for how
 * it is worked out), to set beside the seed figures.
 */
export interface FirstFeatureEstimate {
  /** The week by whose end the first AI feature is expected to ship. */
  week: number
  /** The last week of the core platform tasks in the plan (the end of Discovery if none). */
  platformReadyWeek: number
  /** The core platform tasks that were waited for. */
  platformTasks: TaskId[]
  builder: FeatureBuilder
  /** The first week the builder can work on the feature. */
  builderReadyWeek: number
  /** Weeks of building once both are in place. */
  buildWeeks: number
  /** Weeks from the first hire's first week to the feature (inclusive; ≤ 0 when it ships earlier). */
  weeksFromFirstHireStart: number
}

export interface PlanTotals {
  effortDays: number
  cost: number
  currency: string
}

export interface Plan {
  engagement: { startDate: string; dayRate: number; currency: string }
  capacityDaysPerWeek: number
  firstHire: RoleId
  flags: FlagId[]
  /** The five phases, always all of them, in order. */
  phases: PlanPhase[]
  /** In hiring-sequence order. */
  hires: PlanHire[]
  milestones: PlanMilestone[]
  /** Over the items that are not optional. */
  totals: PlanTotals
  /** Over the optional items (pending the audit or left out). */
  optionalTotals: PlanTotals
  /** The plan's length in weeks: the last week any item (milestones aside) ends. */
  weeks: number
  timeToFirstFeatureWeeks: number
  firstFeature: FirstFeatureEstimate
  /** The consultant's days in each week; index 0 is week 1, length = weeks. */
  consultantLoad: number[]
}

/** Every item of the plan, phase by phase. */
export function planItems(plan: Pick<Plan, 'phases'>): PlanItem[] {
  return plan.phases.flatMap((p) => p.items)
}
