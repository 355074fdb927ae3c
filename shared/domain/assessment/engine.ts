/**
 * The assessment engine: scores, first hire (rules R1–R6, first match wins), hiring
 * sequence, flags, triggered fractional tasks and warnings for contradictory answers.
 *
 * Pure and deterministic: the same input always gives the same output, and nothing but
 * the input is read. Rules compare integer sums, never floating means.
 */
import { FLAG_BY_ID, ML_ROLE_IDS, orderTasks, raisedFlags, ROLE_BY_ID, triggeredTasks, type FlagId, type RoleId, type TaskId } from '../catalogue'
import {
  CONTEXT_KEYS,
  CONTEXT_SPEC,
  DIMENSION_IDS,
  isLevel,
  maturitySum,
  platformSum,
  type AssessmentContext,
  type ContextKey,
  type DimensionId,
  type Maturity
} from './dimensions'

export const RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const
export type RuleId = (typeof RULE_IDS)[number]

export interface AssessmentInput {
  maturity: Maturity
  context: AssessmentContext
  /** Only used in the narrative `summary`; it never changes a decision. */
  clientName?: string
}

/** Why a role is in the hiring sequence: 0 is the first hire, 1–6 the contract's steps. */
export type HiringStepNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6

export interface HiringStep {
  role: RoleId
  step: HiringStepNumber
  /** Why the role is in the sequence, in plain words. */
  why: string
  /** Recruiting waits for the objectives & data audit (ML roles when no_data_no_model is raised). */
  afterAudit: boolean
}

/**
 * How ML leadership is covered: an experienced lead is already in place, an ML lead joins the
 * hiring sequence (the interim lead bridges until then), or the interim_lead task covers it.
 */
export type Leadership = 'in_place' | 'ml_lead_hire' | 'interim_lead'

export const WARNING_CODES = [
  'data_practice_without_data',
  'ml_staff_doing_infra_without_ml_staff',
  'models_in_production_during_exploration',
  'production_stage_without_models',
  'automated_deploy_without_models',
  'live_experiments_without_models',
  'degradation_without_models',
  'deploy_bottleneck_with_automated_deploy',
  'staff_exceeds_headcount'
] as const
export type WarningCode = (typeof WARNING_CODES)[number]

export interface AssessmentWarning {
  code: WarningCode
  message: string
  /** The answers involved (dimension ids and context keys). */
  keys: readonly (DimensionId | ContextKey)[]
}

export interface AssessmentResult {
  /** Dimension id → level, in the contract's dimension order. */
  scores: Record<DimensionId, number>
  /** Mean of the eight dimensions, unrounded. */
  overall: number
  /** Mean of deploy, monitor, logging and experiment, unrounded. */
  platform: number
  /** deploy + monitor + logging + experiment (what the rules compare). */
  platformSum: number
  firstHire: RoleId
  rule: RuleId
  /** Later rules that match too, in rule order; the fallback R6 is never listed. */
  alsoMatched: RuleId[]
  /** One plain-words line explaining the first hire. */
  reason: string
  /** True when the client already has ML staff: the recommendation is the *next* AI hire. */
  isNextHire: boolean
  hiringSequence: RoleId[]
  hiringSteps: HiringStep[]
  leadership: Leadership
  /** Raised flags, in the flags table's order. */
  flags: FlagId[]
  /** Triggered catalogue tasks, in dependency order with ties broken by catalogue row. */
  tasks: TaskId[]
  warnings: AssessmentWarning[]
  /** A short narrative of the result for the results screen and the proposal. */
  summary: string
}

// ---------------------------------------------------------------------------------------
// Rules

interface Facts {
  m: Maturity
  c: AssessmentContext
  flags: ReadonlySet<FlagId>
  platformSum: number
}

export interface RuleInfo {
  id: RuleId
  firstHire: RoleId
  /** When the rule matches, in words. */
  condition: string
}

const isFrequentRetraining = (c: AssessmentContext): boolean => c.retrain_frequency === 'monthly' || c.retrain_frequency === 'weekly'

const hasOperatingPain = (c: AssessmentContext): boolean => c.deploy_is_bottleneck || c.degradation_incidents || isFrequentRetraining(c)

const RULE_MATCHERS: Readonly<Record<RuleId, (f: Facts) => boolean>> = {
  R1: ({ c }) => c.stage === 'exploration' && (c.has_data === 'none' || !c.has_objectives),
  R2: ({ m, c }) => c.stage !== 'exploration' && hasOperatingPain(c) && m.deploy + m.monitor + m.cicd < 9,
  R3: ({ c }) => (c.ai_approach === 'custom' || c.ai_approach === 'fine_tune') && c.stage === 'exploration',
  R4: ({ flags, platformSum: p }) => p < 8 || flags.has('wrong_order'),
  R5: ({ m, c }) => c.ai_approach === 'custom' && c.ml_staff >= 1 && m.deploy >= 3 && m.monitor >= 3 && m.data >= 3,
  R6: () => true
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'R1',
    firstHire: 'fullstack_ai_engineer',
    condition: 'exploration stage, and no data or no clear objective'
  },
  {
    id: 'R2',
    firstHire: 'mlops_engineer',
    condition: 'past exploration, operating pain (deployment bottleneck, degradation or monthly/weekly retraining), and deploy + monitor + cicd below 9'
  },
  { id: 'R3', firstHire: 'ml_engineer', condition: 'custom or fine-tuned models at the exploration stage' },
  {
    id: 'R4',
    firstHire: 'infra_engineer',
    condition: 'weak platform (deploy + monitor + logging + experiment below 8), or ML staff doing infrastructure'
  },
  {
    id: 'R5',
    firstHire: 'ml_scientist',
    condition: 'custom models, ML staff in place, and deploy, monitor and data all at 3 or more'
  },
  { id: 'R6', firstHire: 'ml_engineer', condition: 'otherwise' }
]

export const RULE_BY_ID: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<RuleId, RuleInfo>

/** Every rule that matches, in rule order (R6 always does). */
export function matchingRules(m: Maturity, c: AssessmentContext): RuleId[] {
  const flags = new Set(raisedFlags(m, c))
  const facts: Facts = { m, c, flags, platformSum: platformSum(m) }
  return RULE_IDS.filter((id) => RULE_MATCHERS[id](facts))
}

// ---------------------------------------------------------------------------------------
// Warnings

interface WarningRule {
  code: WarningCode
  keys: readonly (DimensionId | ContextKey)[]
  when: (m: Maturity, c: AssessmentContext) => boolean
  message: (m: Maturity, c: AssessmentContext) => string
}

/** Contradictory answers: reported as warnings, never errors. In WARNING_CODES order. */
export const WARNING_RULES: readonly WarningRule[] = [
  {
    code: 'data_practice_without_data',
    keys: ['has_data', 'data'],
    when: (m, c) => c.has_data === 'none' && m.data >= 2,
    message: (m) => `The client says it has no data, yet training data management is scored ${m.data} (versioned datasets or better).`
  },
  {
    code: 'ml_staff_doing_infra_without_ml_staff',
    keys: ['ml_staff_doing_infra', 'ml_staff'],
    when: (_m, c) => c.ml_staff_doing_infra && c.ml_staff === 0,
    message: () => 'ML staff are said to be doing infrastructure work, but the ML staff count is 0.'
  },
  {
    code: 'models_in_production_during_exploration',
    keys: ['models_in_production', 'stage'],
    when: (_m, c) => c.models_in_production > 0 && c.stage === 'exploration',
    message: (_m, c) => `The stage is exploration (feasibility unknown), yet ${c.models_in_production} model(s) or AI feature(s) are in production.`
  },
  {
    code: 'production_stage_without_models',
    keys: ['stage', 'models_in_production'],
    when: (_m, c) => c.stage === 'production' && c.models_in_production === 0,
    message: () => 'The stage is production, but no model or AI feature is in production.'
  },
  {
    code: 'automated_deploy_without_models',
    keys: ['deploy', 'models_in_production'],
    when: (m, c) => m.deploy >= 3 && c.models_in_production === 0,
    message: (m) => `Deployment is scored ${m.deploy} (automated releases with canaries), but no model or AI feature is in production.`
  },
  {
    code: 'live_experiments_without_models',
    keys: ['experiment', 'models_in_production'],
    when: (m, c) => m.experiment >= 3 && c.models_in_production === 0,
    message: (m) => `Experimentation is scored ${m.experiment} (live traffic experiments), but no model or AI feature is in production.`
  },
  {
    code: 'degradation_without_models',
    keys: ['degradation_incidents', 'models_in_production'],
    when: (_m, c) => c.degradation_incidents && c.models_in_production === 0,
    message: () => 'A production model is said to have degraded, but no model or AI feature is in production.'
  },
  {
    code: 'deploy_bottleneck_with_automated_deploy',
    keys: ['deploy_is_bottleneck', 'deploy'],
    when: (m, c) => c.deploy_is_bottleneck && m.deploy >= 3,
    message: (m) => `Manual deployment is said to block releases, yet deployment is scored ${m.deploy} (an automated pipeline).`
  },
  {
    code: 'staff_exceeds_headcount',
    keys: ['headcount', 'engineers', 'ml_staff', 'infra_staff'],
    when: (_m, c) => c.engineers > c.headcount || c.ml_staff > c.headcount || c.infra_staff > c.headcount,
    message: (_m, c) =>
      `The staff counts (engineers ${c.engineers}, ML staff ${c.ml_staff}, infrastructure staff ${c.infra_staff}) exceed the headcount of ${c.headcount}.`
  }
]

/** Warnings for contradictory answers, in WARNING_CODES order. */
export function contradictionWarnings(m: Maturity, c: AssessmentContext): AssessmentWarning[] {
  return WARNING_RULES.filter((w) => w.when(m, c)).map((w) => ({
    code: w.code,
    message: w.message(m, c),
    keys: w.keys
  }))
}

// ---------------------------------------------------------------------------------------
// Hiring sequence

const ML_SEQUENCE_ROLES: readonly RoleId[] = ['ml_engineer', 'mlops_engineer', 'ml_scientist']

function buildHiringSequence(
  firstHire: RoleId,
  m: Maturity,
  c: AssessmentContext,
  flags: ReadonlySet<FlagId>,
  rule: RuleId
): { steps: HiringStep[]; leadership: Leadership } {
  const audit = flags.has('no_data_no_model')
  const steps: HiringStep[] = []
  const listed = (role: RoleId): boolean => steps.some((s) => s.role === role)
  const add = (role: RoleId, step: HiringStepNumber, why: string): void => {
    if (!listed(role)) steps.push({ role, step, why, afterAudit: audit && ML_ROLE_IDS.includes(role) })
  }

  add(firstHire, 0, `First hire (rule ${rule}).`)

  // 1. The platform is weak or ML staff are doing infrastructure, unless MLOps is already listed.
  if ((platformSum(m) < 8 || flags.has('wrong_order')) && !listed('mlops_engineer')) {
    add(
      'infra_engineer',
      1,
      flags.has('wrong_order')
        ? 'ML staff are doing infrastructure work with nobody dedicated to it.'
        : 'The platform (deployment, monitoring, logging, experiments) is still weak.'
    )
  }
  // 2. Data exists but is poorly managed.
  if (m.data < 2 && c.has_data !== 'none') {
    add('data_engineer', 2, 'Data exists but is not yet versioned or orchestrated.')
  }
  // 3. The generalist ML engineer (after the audit when no_data_no_model is raised).
  add(
    'ml_engineer',
    3,
    audit ? 'The generalist ML engineer, once the objectives & data audit is done.' : 'The generalist ML engineer who builds and ships models on the platform.'
  )
  // 4. Models exist and hurt to operate.
  if (c.stage !== 'exploration' && (c.models_in_production >= 3 || hasOperatingPain(c))) {
    add('mlops_engineer', 4, 'Models in use need CI/CD, retraining and versioning to run reliably.')
  }
  // 5. Custom models or a research vision.
  if (c.ai_approach === 'custom' || c.research_vision) {
    add(
      'ml_scientist',
      5,
      c.ai_approach === 'custom' ? 'Custom models improve through research and experiments.' : 'The long-term technical vision needs research.'
    )
  }
  // 6. Leadership.
  let leadership: Leadership = 'in_place'
  if (!c.ml_leadership) {
    const mlHeads = c.ml_staff + steps.filter((s) => ML_SEQUENCE_ROLES.includes(s.role)).length
    if (mlHeads >= 4 || c.models_in_production >= 5) {
      add(
        'ml_lead',
        6,
        mlHeads >= 4
          ? `The ML team will reach ${mlHeads} people without an experienced lead.`
          : `${c.models_in_production} models in production need an experienced lead.`
      )
      leadership = 'ml_lead_hire'
    } else {
      leadership = 'interim_lead'
    }
  }
  return { steps, leadership }
}

// ---------------------------------------------------------------------------------------
// Wording

const formatNumber = (x: number): string => String(Math.round(x * 100) / 100)

const joinWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`

function reasonFor(rule: RuleId, f: Facts, nextHire: boolean): string {
  const { m, c, flags } = f
  const hire = nextHire ? 'the next AI hire' : 'the first AI hire'
  switch (rule) {
    case 'R1': {
      const missing = [...(c.has_data === 'none' ? ['no data'] : []), ...(!c.has_objectives ? ['no clear business objective'] : [])]
      return `Still exploring with ${joinWords(missing)}, there is no model to build yet: ${hire} is a full-stack AI engineer who builds on hosted models while objectives are set and data is collected.`
    }
    case 'R2': {
      const pains = [
        ...(c.deploy_is_bottleneck ? ['manual deployment blocks releases'] : []),
        ...(c.degradation_incidents ? ['a production model degraded recently'] : []),
        ...(isFrequentRetraining(c) ? [`models are retrained ${c.retrain_frequency}`] : [])
      ]
      return `Models are in use and hurt to operate (${joinWords(pains)}) while deployment, monitoring and CI/CD add up to only ${m.deploy + m.monitor + m.cicd} of 12: ${hire} is an MLOps engineer.`
    }
    case 'R3': {
      const effort = c.ai_approach === 'custom' ? 'custom-model' : 'fine-tuning'
      return `A ${effort} effort that is still testing whether a valuable model can be built needs ML expertise first: ${hire} is an ML engineer, with infrastructure advice from a fractional consultant.`
    }
    case 'R4': {
      const causes = [
        ...(f.platformSum < 8
          ? [`the platform is weak (deployment, monitoring, logging and experiments average ${formatNumber(f.platformSum / 4)} of 4)`]
          : []),
        ...(flags.has('wrong_order') ? ['ML staff are doing infrastructure work with no infrastructure staff'] : [])
      ]
      const subject = joinWords(causes)
      return `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${hire} is a senior infrastructure engineer who builds and runs the platform before the ML engineers arrive.`
    }
    case 'R5':
      return `Custom models, ML staff on board, and deployment, monitoring and data all at 3 or more: ${hire} is an ML scientist who improves the models through research and experiments.`
    case 'R6':
      return `No special case applies and the platform is far enough along (average ${formatNumber(f.platformSum / 4)} of 4) for an ML engineer to work on while the missing parts are built: ${hire} is a generalist ML engineer.`
  }
}

function summaryFor(input: AssessmentInput, r: Omit<AssessmentResult, 'summary'>): string {
  const who = input.clientName?.trim() ? input.clientName.trim() : 'The client'
  const hire = ROLE_BY_ID[r.firstHire].name
  const parts = [
    `${who} scores ${formatNumber(r.overall)} of 4 overall on AI readiness (platform ${formatNumber(r.platform)}).`,
    `Recommended ${r.isNextHire ? 'next' : 'first'} AI hire: ${hire} (rule ${r.rule}).`
  ]
  if (r.hiringSequence.length > 1) {
    parts.push(
      `Then: ${r.hiringSequence
        .slice(1)
        .map((id) => ROLE_BY_ID[id].name)
        .join(', ')}.`
    )
  }
  if (r.flags.length > 0) {
    parts.push(`Watch points: ${r.flags.map((id) => FLAG_BY_ID[id].meaning).join(' ')}`)
  }
  return parts.join(' ')
}

// ---------------------------------------------------------------------------------------
// Input checks

function assertValidInput(m: Maturity, c: AssessmentContext): void {
  for (const id of DIMENSION_IDS) {
    if (!isLevel(m[id])) throw new RangeError(`maturity.${id} must be an integer from 0 to 4`)
  }
  for (const key of CONTEXT_KEYS) {
    const spec = CONTEXT_SPEC[key]
    const value: unknown = c[key]
    const ok =
      spec.kind === 'boolean'
        ? typeof value === 'boolean'
        : spec.kind === 'integer'
          ? typeof value === 'number' && Number.isSafeInteger(value) && value >= spec.min
          : typeof value === 'string' && (spec.values as readonly string[]).includes(value)
    if (!ok) throw new RangeError(`context.${key} has an invalid value`)
  }
}

// ---------------------------------------------------------------------------------------
// The engine

/**
 * Assess one engagement. Throws a RangeError on values outside the contract (validate
 * user input with the intake schema first).
 */
export function assess(input: AssessmentInput): AssessmentResult {
  const { maturity: m, context: c } = input
  assertValidInput(m, c)

  const flagList = raisedFlags(m, c)
  const flags = new Set(flagList)
  const facts: Facts = { m, c, flags, platformSum: platformSum(m) }

  const matched = RULE_IDS.filter((id) => RULE_MATCHERS[id](facts))
  const rule = matched[0] ?? 'R6'
  const alsoMatched = matched.slice(1).filter((id) => id !== 'R6')
  const firstHire = RULE_BY_ID[rule].firstHire
  const isNextHire = c.ml_staff > 0

  const { steps, leadership } = buildHiringSequence(firstHire, m, c, flags, rule)

  const scores = Object.fromEntries(DIMENSION_IDS.map((id) => [id, m[id]])) as Record<DimensionId, number>

  const result: Omit<AssessmentResult, 'summary'> = {
    scores,
    overall: maturitySum(m) / DIMENSION_IDS.length,
    platform: facts.platformSum / 4,
    platformSum: facts.platformSum,
    firstHire,
    rule,
    alsoMatched,
    reason: reasonFor(rule, facts, isNextHire),
    isNextHire,
    hiringSequence: steps.map((s) => s.role),
    hiringSteps: steps,
    leadership,
    flags: flagList,
    tasks: orderTasks(triggeredTasks(m, c, flagList)),
    warnings: contradictionWarnings(m, c)
  }
  return { ...result, summary: summaryFor(input, result) }
}
