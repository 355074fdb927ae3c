/**
 * The assessment's vocabulary: the eight maturity dimensions (each scored 0–4) and the
 * context (routing) keys, with their allowed values. Ids are the stable ones from the
 * product contract (DOMAIN.md); wording is ours.
 *
 * Pure module: no Node, DOM or Electron imports.
 */

/** The eight dimension ids, in the contract's order (this order is used everywhere). */
export const DIMENSION_IDS = ['deploy', 'monitor', 'experiment', 'logging', 'data', 'cicd', 'infra', 'tracking'] as const

export type DimensionId = (typeof DIMENSION_IDS)[number]

/** A maturity level. The engine accepts plain numbers but only integers 0–4 are valid. */
export type Level = 0 | 1 | 2 | 3 | 4

export const LEVELS: readonly Level[] = [0, 1, 2, 3, 4]
export const MIN_LEVEL = 0
export const MAX_LEVEL = 4

/** Dimension id → level (an integer 0–4). */
export type Maturity = Readonly<Record<DimensionId, number>>

export interface DimensionInfo {
  id: DimensionId
  name: string
  /** What each level 0–4 looks like, index = level. */
  levels: readonly [string, string, string, string, string]
}

export const DIMENSIONS: readonly DimensionInfo[] = [
  {
    id: 'deploy',
    name: 'Deployment & serving',
    levels: [
      'No way to put a model into production',
      'Manual: an image is built and deployment manifests are edited by hand',
      'A scripted deployment pipeline',
      'An automated pipeline with canary releases',
      'Canary releases plus automatic rollback: code goes in, a live endpoint comes out'
    ]
  },
  {
    id: 'monitor',
    name: 'Model monitoring',
    levels: [
      'Nothing is watched',
      'Application logs only',
      'Dashboards and alerts for latency and errors',
      'Also the distributions of model inputs and outputs',
      'Also drift detection and alerts on model metrics'
    ]
  },
  {
    id: 'experiment',
    name: 'Experimentation',
    levels: [
      'Every change goes live untested',
      'Offline evaluation only',
      'Old and new versions compared side by side by hand',
      'Shadow mode or a share of live traffic routed to the new version',
      'An A/B platform that compares model metrics between versions'
    ]
  },
  {
    id: 'logging',
    name: 'Prediction logging',
    levels: [
      'Predictions are not recorded',
      'Some application log lines',
      'Inputs and outputs are recorded',
      'Also latency and model version, and the log can be queried',
      'Also joined with real outcomes and user feedback'
    ]
  },
  {
    id: 'data',
    name: 'Training data management',
    levels: ['Ad-hoc files', 'Shared storage', 'Versioned datasets', 'Versioned datasets and a labelling pipeline', 'Also automated data-quality checks']
  },
  {
    id: 'cicd',
    name: 'CI/CD for ML',
    levels: [
      'No continuous integration',
      'CI for the application code',
      'CI also runs ML tests',
      'CI with GPU access that produces model artifacts',
      'Continuous training and a nightly end-to-end regression run'
    ]
  },
  {
    id: 'infra',
    name: 'Infrastructure & cost',
    levels: [
      'Resources are created by clicking in a console',
      'Some scripts',
      'Part of the infrastructure is described as code',
      'All infrastructure as code, with reproducible environments',
      'Also billing alerts, cost dashboards and a job-submission system'
    ]
  },
  {
    id: 'tracking',
    name: 'Experiment tracking & registry',
    levels: [
      'Results are not recorded',
      'Spreadsheets or notebooks',
      'An experiment tracker',
      'Also a model registry with versions',
      'Also lineage from data to the deployed model'
    ]
  }
]

export const DIMENSION_BY_ID: Readonly<Record<DimensionId, DimensionInfo>> = Object.fromEntries(DIMENSIONS.map((d) => [d.id, d])) as Record<
  DimensionId,
  DimensionInfo
>

/** The four dimensions averaged into `platform`. */
export const PLATFORM_DIMENSIONS = ['deploy', 'monitor', 'logging', 'experiment'] as const

// ---------------------------------------------------------------------------------------
// Context (routing) keys

export const AI_APPROACHES = ['api', 'fine_tune', 'custom'] as const
export type AiApproach = (typeof AI_APPROACHES)[number]

export const STAGES = ['exploration', 'pilot', 'production'] as const
export type Stage = (typeof STAGES)[number]

export const RETRAIN_FREQUENCIES = ['never', 'quarterly', 'monthly', 'weekly'] as const
export type RetrainFrequency = (typeof RETRAIN_FREQUENCIES)[number]

export const DATA_AVAILABILITY = ['none', 'some', 'rich'] as const
export type DataAvailability = (typeof DATA_AVAILABILITY)[number]

export const CLOUDS = ['aws', 'gcp', 'azure', 'on_prem', 'multi'] as const
export type Cloud = (typeof CLOUDS)[number]

export interface AssessmentContext {
  ai_approach: AiApproach
  stage: Stage
  /** Counts API-based AI features too. */
  models_in_production: number
  retrain_frequency: RetrainFrequency
  /** Manual deployment blocks releases. */
  deploy_is_bottleneck: boolean
  /** A production model degraded in the last 6 months. */
  degradation_incidents: boolean
  has_data: DataAvailability
  /** A clear business objective and metric exist. */
  has_objectives: boolean
  headcount: number
  engineers: number
  ml_staff: number
  infra_staff: number
  /** ML staff spend their time on Dockerfiles, pipelines, clusters. */
  ml_staff_doing_infra: boolean
  /** An experienced ML lead is in place. */
  ml_leadership: boolean
  /** An AI demo has traction and its engineers are pulled into maintenance. */
  demo_traction: boolean
  /** An ambitious long-term technical vision that needs research. */
  research_vision: boolean
  gpu_workloads: boolean
  cloud: Cloud
}

export type ContextKey = keyof AssessmentContext

export type ContextKeySpec = { kind: 'enum'; values: readonly string[] } | { kind: 'boolean' } | { kind: 'integer'; min: 0 }

/** Every context key, in the contract's order, with what values it takes. */
export const CONTEXT_SPEC = {
  ai_approach: { kind: 'enum', values: AI_APPROACHES },
  stage: { kind: 'enum', values: STAGES },
  models_in_production: { kind: 'integer', min: 0 },
  retrain_frequency: { kind: 'enum', values: RETRAIN_FREQUENCIES },
  deploy_is_bottleneck: { kind: 'boolean' },
  degradation_incidents: { kind: 'boolean' },
  has_data: { kind: 'enum', values: DATA_AVAILABILITY },
  has_objectives: { kind: 'boolean' },
  headcount: { kind: 'integer', min: 0 },
  engineers: { kind: 'integer', min: 0 },
  ml_staff: { kind: 'integer', min: 0 },
  infra_staff: { kind: 'integer', min: 0 },
  ml_staff_doing_infra: { kind: 'boolean' },
  ml_leadership: { kind: 'boolean' },
  demo_traction: { kind: 'boolean' },
  research_vision: { kind: 'boolean' },
  gpu_workloads: { kind: 'boolean' },
  cloud: { kind: 'enum', values: CLOUDS }
} as const satisfies Record<ContextKey, ContextKeySpec>

export const CONTEXT_KEYS = Object.keys(CONTEXT_SPEC) as ContextKey[]

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_LEVEL && value <= MAX_LEVEL
}

/** Sum of the four platform dimensions (compare this with 8 rather than the mean with 2). */
export function platformSum(m: Maturity): number {
  return m.deploy + m.monitor + m.logging + m.experiment
}

/** Sum of all eight dimensions. */
export function maturitySum(m: Maturity): number {
  let total = 0
  for (const id of DIMENSION_IDS) total += m[id]
  return total
}
