/**
 * The built-in content catalogue shared by the assessment and the plan: roles, flags,
 * phases and the fractional-task catalogue (triggers, default effort, dependencies and
 * owner rules). Ids are the stable ones from the product contract (DOMAIN.md); titles,
 * summaries and effort defaults are ours to improve.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { AssessmentContext, Maturity } from './assessment/dimensions'

// ---------------------------------------------------------------------------------------
// Roles

export const ROLE_IDS = ['infra_engineer', 'mlops_engineer', 'ml_engineer', 'ml_scientist', 'data_engineer', 'fullstack_ai_engineer', 'ml_lead'] as const
export type RoleId = (typeof ROLE_IDS)[number]

/** The roles whose recruiting waits for the objectives & data audit when it is needed. */
export const ML_ROLE_IDS: readonly RoleId[] = ['ml_engineer', 'ml_scientist', 'mlops_engineer']

export interface RoleInfo {
  id: RoleId
  name: string
  summary: string
}

export const ROLES: readonly RoleInfo[] = [
  {
    id: 'infra_engineer',
    name: 'Senior infrastructure engineer (ML platform)',
    summary:
      'A senior backend or infrastructure engineer with an interest in ML who builds and runs serving, monitoring, prediction logging and experiments, is on call for them, and takes ML architecture advice from a consultant or advisor.'
  },
  {
    id: 'mlops_engineer',
    name: 'MLOps engineer',
    summary:
      'Operations for ML: CI/CD and continuous training, retraining, model and data versioning, reproducible environments and cost, once models exist and are painful to run.'
  },
  {
    id: 'ml_engineer',
    name: 'ML engineer',
    summary: "A strong software engineer who also does hands-on ML: runs experiments, prepares data, trains and ships models; the team's generalist."
  },
  {
    id: 'ml_scientist',
    name: 'ML scientist',
    summary: 'Improves models through research and experiments, including custom architectures; productive only once the platform and the data are in place.'
  },
  {
    id: 'data_engineer',
    name: 'ML data engineer',
    summary: 'Builds ingestion and orchestration (for example with Dagster) so raw data reaches the ML engineers with as little friction as possible.'
  },
  {
    id: 'fullstack_ai_engineer',
    name: 'Full-stack AI engineer',
    summary: 'A product engineer who wires hosted models into the application; the right hire while data and objectives do not exist yet.'
  },
  {
    id: 'ml_lead',
    name: 'ML lead',
    summary:
      'Makes the architecture calls and steers the team away from the classic traps (no CI/CD, results that look better than they are); tech lead, principal or director, often interim or fractional at first.'
  }
]

export const ROLE_BY_ID: Readonly<Record<RoleId, RoleInfo>> = Object.fromEntries(ROLES.map((r) => [r.id, r])) as Record<RoleId, RoleInfo>

// ---------------------------------------------------------------------------------------
// Flags

export const FLAG_IDS = ['wrong_order', 'needs_interim_lead', 'protect_ai_team', 'no_data_no_model', 'gpu_ci_gap'] as const
export type FlagId = (typeof FLAG_IDS)[number]

export interface FlagInfo {
  id: FlagId
  /** When the flag is raised, in words. */
  condition: string
  /** What it means for the plan. */
  meaning: string
  when: (m: Maturity, c: AssessmentContext) => boolean
}

/** The flags, in the contract's order (results list raised flags in this order). */
export const FLAGS: readonly FlagInfo[] = [
  {
    id: 'wrong_order',
    condition: 'ML staff do infrastructure work and there is no infrastructure staff',
    meaning: 'The ML people are building infrastructure: the infrastructure hire and the deployment pipeline come first.',
    when: (_m, c) => c.ml_staff_doing_infra && c.infra_staff === 0
  },
  {
    id: 'needs_interim_lead',
    condition: 'no experienced ML lead is in place',
    meaning: 'Add an interim ML team lead, part time through the plan.',
    when: (_m, c) => !c.ml_leadership
  },
  {
    id: 'protect_ai_team',
    condition: 'an AI demo has traction and its builders are pulled into maintenance',
    meaning: 'Let the engineers who built the demo form a small dedicated AI team, shielded from maintenance work.',
    when: (_m, c) => c.demo_traction
  },
  {
    id: 'no_data_no_model',
    condition: 'there is no data or no clear business objective',
    meaning: 'Start with an objectives & data audit; ML hires and ML work wait until it is done.',
    when: (_m, c) => c.has_data === 'none' || !c.has_objectives
  },
  {
    id: 'gpu_ci_gap',
    condition: 'GPU workloads run without CI/CD that has GPU access',
    meaning: 'CI/CD with GPU runners moves to the front of Foundations.',
    when: (m, c) => c.gpu_workloads && m.cicd < 3
  }
]

export const FLAG_BY_ID: Readonly<Record<FlagId, FlagInfo>> = Object.fromEntries(FLAGS.map((f) => [f.id, f])) as Record<FlagId, FlagInfo>

/** The raised flags, in the flags table's order. */
export function raisedFlags(m: Maturity, c: AssessmentContext): FlagId[] {
  return FLAGS.filter((f) => f.when(m, c)).map((f) => f.id)
}

// ---------------------------------------------------------------------------------------
// Phases

export const PHASE_IDS = ['discovery', 'foundations', 'first_hire', 'build_out', 'scale'] as const
export type PhaseId = (typeof PHASE_IDS)[number]

export interface PhaseInfo {
  id: PhaseId
  name: string
  summary: string
}

export const PHASES: readonly PhaseInfo[] = [
  {
    id: 'discovery',
    name: 'Discovery',
    summary: 'Assessment, business objectives and, where needed, the objectives & data audit.'
  },
  {
    id: 'foundations',
    name: 'Foundations',
    summary: "The consultant's one-off setup work, done before the specialists arrive."
  },
  {
    id: 'first_hire',
    name: 'First hire',
    summary:
      'Recruiting starts right after Discovery, alongside Foundations; then onboarding, the platform work the hire owns, and handover from the consultant.'
  },
  {
    id: 'build_out',
    name: 'Team build-out',
    summary: 'The rest of the hiring sequence.'
  },
  {
    id: 'scale',
    name: 'Scale',
    summary: 'Optimisation such as distillation, and a dedicated AI team where flagged.'
  }
]

export const PHASE_BY_ID: Readonly<Record<PhaseId, PhaseInfo>> = Object.fromEntries(PHASES.map((p) => [p.id, p])) as Record<PhaseId, PhaseInfo>

// ---------------------------------------------------------------------------------------
// Fractional tasks

export const TASK_IDS = [
  'objectives_audit',
  'interim_lead',
  'cicd_gpu',
  'terraform',
  'billing_alerts',
  'serving_pipeline',
  'model_monitoring',
  'prediction_logging',
  'shadow_ab',
  'tracking_registry',
  'data_versioning',
  'etl_dagster',
  'training_infra',
  'nightly_regression',
  'distillation'
] as const
export type TaskId = (typeof TASK_IDS)[number]

/** Default effort: a block of consultant days, or a number of days every week of the plan. */
export type TaskEffort = { kind: 'block'; days: number } | { kind: 'weekly'; daysPerWeek: number }

/**
 * `consultant`: one-off work the fractional consultant does.
 * `platform`: owned by the first hire when that is the infrastructure or MLOps engineer (the
 * consultant pairs at about a third of the effort); otherwise the consultant builds it.
 */
export type TaskOwnerKind = 'consultant' | 'platform'

export interface TaskInfo {
  id: TaskId
  title: string
  /** When the task is proposed, in words. */
  trigger: string
  when: (m: Maturity, c: AssessmentContext, flags: ReadonlySet<FlagId>) => boolean
  effort: TaskEffort
  /**
   * Tasks that must finish before this one starts, when they are in the plan too
   * (`objectives_audit` precedes every other task and is not repeated here).
   */
  after: readonly TaskId[]
  ownerKind: TaskOwnerKind
  /** The phase a task sits in by default (platform tasks owned by a hire move to First hire). */
  phase: PhaseId
}

/** The catalogue, in the contract's table order (ties in every ordering keep this order). */
export const TASKS: readonly TaskInfo[] = [
  {
    id: 'objectives_audit',
    title: 'Objectives & data audit workshop',
    trigger: 'no data or no clear objective (flag no_data_no_model)',
    when: (_m, _c, f) => f.has('no_data_no_model'),
    effort: { kind: 'block', days: 3 },
    after: [],
    ownerKind: 'consultant',
    phase: 'discovery'
  },
  {
    id: 'interim_lead',
    title: 'Interim ML team lead (part time through the plan)',
    trigger: 'no experienced ML lead (flag needs_interim_lead)',
    when: (_m, _c, f) => f.has('needs_interim_lead'),
    effort: { kind: 'weekly', daysPerWeek: 1 },
    after: [],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'cicd_gpu',
    title: 'CI/CD with GPU runners',
    trigger: 'CI/CD below 3, and GPU workloads or an approach other than API',
    when: (m, c) => m.cicd < 3 && (c.gpu_workloads || c.ai_approach !== 'api'),
    effort: { kind: 'block', days: 6 },
    after: ['terraform'],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'terraform',
    title: 'Cloud infrastructure as code with Terraform',
    trigger: 'infrastructure below 3 on a cloud (not on premises)',
    when: (m, c) => m.infra < 3 && c.cloud !== 'on_prem',
    effort: { kind: 'block', days: 8 },
    after: [],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'billing_alerts',
    title: 'Cloud billing alerts and cost dashboard',
    trigger: 'infrastructure below 4 on a cloud (not on premises)',
    when: (m, c) => m.infra < 4 && c.cloud !== 'on_prem',
    effort: { kind: 'block', days: 2 },
    after: [],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'serving_pipeline',
    title: 'Deployment pipeline with canary and rollback',
    trigger: 'deployment below 3',
    when: (m) => m.deploy < 3,
    effort: { kind: 'block', days: 10 },
    after: [],
    ownerKind: 'platform',
    phase: 'foundations'
  },
  {
    id: 'model_monitoring',
    title: 'Model monitoring and drift detection',
    trigger: 'monitoring below 3',
    when: (m) => m.monitor < 3,
    effort: { kind: 'block', days: 8 },
    after: ['serving_pipeline', 'prediction_logging'],
    ownerKind: 'platform',
    phase: 'foundations'
  },
  {
    id: 'prediction_logging',
    title: 'Prediction logging store (input, output, latency, version)',
    trigger: 'prediction logging below 3',
    when: (m) => m.logging < 3,
    effort: { kind: 'block', days: 5 },
    after: [],
    ownerKind: 'platform',
    phase: 'foundations'
  },
  {
    id: 'shadow_ab',
    title: 'Shadow mode and traffic-split experiments',
    trigger: 'experimentation below 3, past the exploration stage',
    when: (m, c) => m.experiment < 3 && c.stage !== 'exploration',
    effort: { kind: 'block', days: 7 },
    after: ['serving_pipeline', 'prediction_logging'],
    ownerKind: 'platform',
    phase: 'foundations'
  },
  {
    id: 'tracking_registry',
    title: 'Experiment tracking and model registry',
    trigger: 'tracking below 3 and an approach other than API',
    when: (m, c) => m.tracking < 3 && c.ai_approach !== 'api',
    effort: { kind: 'block', days: 4 },
    after: [],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'data_versioning',
    title: 'Versioned datasets and data-quality checks',
    trigger: 'data management below 3 and some data exists',
    when: (m, c) => m.data < 3 && c.has_data !== 'none',
    effort: { kind: 'block', days: 6 },
    after: [],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'etl_dagster',
    title: 'ETL orchestration with Dagster',
    trigger: 'data management below 2 and some data exists',
    when: (m, c) => m.data < 2 && c.has_data !== 'none',
    effort: { kind: 'block', days: 8 },
    after: [],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'training_infra',
    title: 'Cloud-agnostic training-job infrastructure',
    trigger: 'an approach other than API and infrastructure below 3',
    when: (m, c) => c.ai_approach !== 'api' && m.infra < 3,
    effort: { kind: 'block', days: 10 },
    after: ['terraform'],
    ownerKind: 'consultant',
    phase: 'foundations'
  },
  {
    id: 'nightly_regression',
    title: 'Nightly end-to-end pipeline regression run',
    trigger: 'CI/CD below 4 with at least one model in production',
    when: (m, c) => m.cicd < 4 && c.models_in_production > 0,
    effort: { kind: 'block', days: 4 },
    after: ['cicd_gpu'],
    ownerKind: 'platform',
    phase: 'foundations'
  },
  {
    id: 'distillation',
    title: 'Model distillation and optimisation',
    trigger: 'an approach other than API, in production',
    when: (_m, c) => c.ai_approach !== 'api' && c.stage === 'production',
    effort: { kind: 'block', days: 10 },
    after: [],
    ownerKind: 'consultant',
    phase: 'scale'
  }
]

export const TASK_BY_ID: Readonly<Record<TaskId, TaskInfo>> = Object.fromEntries(TASKS.map((t) => [t.id, t])) as Record<TaskId, TaskInfo>

/** The task that precedes every other task when it is in the plan. */
export const AUDIT_TASK_ID: TaskId = 'objectives_audit'

/** Direct prerequisites of a task (including the audit, for every task but the audit itself). */
export function prerequisitesOf(taskId: TaskId): TaskId[] {
  const own = TASK_BY_ID[taskId].after
  return taskId === AUDIT_TASK_ID ? [...own] : [AUDIT_TASK_ID, ...own]
}

/** The triggered tasks, in catalogue order. */
export function triggeredTasks(m: Maturity, c: AssessmentContext, flags: readonly FlagId[]): TaskId[] {
  const set = new Set(flags)
  return TASKS.filter((t) => t.when(m, c, set)).map((t) => t.id)
}

/**
 * Dependency order with ties broken by catalogue row: repeatedly take, among the tasks whose
 * prerequisites (only those present in `taskIds`) are all placed, the one highest in the
 * catalogue. The dependency graph is acyclic, so every task is placed.
 */
export function orderTasks(taskIds: readonly TaskId[]): TaskId[] {
  const present = new Set(taskIds)
  const placed = new Set<TaskId>()
  const order: TaskId[] = []
  const pending = TASK_IDS.filter((id) => present.has(id))
  while (order.length < pending.length) {
    const next = pending.find((id) => !placed.has(id) && prerequisitesOf(id).every((p) => !present.has(p) || placed.has(p)))
    if (next === undefined) throw new Error('The task dependencies contain a cycle')
    placed.add(next)
    order.push(next)
  }
  return order
}
