/**
 * The assessment as the consultant asks it: each maturity dimension as one to three
 * questions about observable practice, and one question per context key. Every question
 * also accepts "unknown".
 *
 * A maturity option names the highest level its answer supports. A dimension's level is the
 * lowest level supported by its answers: a practice counts only when all of its parts exist.
 * Unknown maturity answers count as 0; unknown context answers take a stated default (false
 * for yes/no questions) and are listed as assumptions to check in Discovery.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { DIMENSION_IDS, CONTEXT_KEYS, type AssessmentContext, type ContextKey, type DimensionId, type Level, type Maturity } from './dimensions'

/** The answer to any question when the client does not know. */
export const UNKNOWN = 'unknown' as const
export type Unknown = typeof UNKNOWN

/** How "unknown" is offered in the UI. */
export const UNKNOWN_LABEL = "Don't know"

/** An option id ('A', 'B', …), a whole number for count questions, or 'unknown'. */
export type AnswerValue = string | number

/** Question id → answer. A question left out counts as unknown. */
export type Answers = Readonly<Record<string, AnswerValue | undefined>>

export interface MaturityOption {
  /** 'A', 'B', 'C', … in order. */
  id: string
  label: string
  /** The highest level this answer supports. */
  level: Level
}

export interface MaturityQuestion {
  id: string
  dimension: DimensionId
  text: string
  /** What good looks like. */
  help: string
  options: readonly MaturityOption[]
}

export interface ChoiceOption<V extends string | boolean = string | boolean> {
  id: string
  label: string
  value: V
}

export type ContextQuestion =
  | {
      id: ContextKey
      key: ContextKey
      kind: 'choice'
      text: string
      help: string
      options: readonly ChoiceOption[]
    }
  | {
      id: ContextKey
      key: ContextKey
      kind: 'count'
      text: string
      help: string
      min: 0
    }

const LETTERS = 'ABCDEFGHIJ'

function lettered<T extends object>(items: readonly T[]): (T & { id: string })[] {
  return items.map((item, i) => ({ id: LETTERS.charAt(i), ...item }))
}

function mq(id: string, dimension: DimensionId, text: string, help: string, options: readonly [string, Level][]): MaturityQuestion {
  return { id, dimension, text, help, options: lettered(options.map(([label, level]) => ({ label, level }))) }
}

// ---------------------------------------------------------------------------------------
// Maturity questions (ids are stable: saved answers refer to them)

export const MATURITY_QUESTIONS: readonly MaturityQuestion[] = [
  mq(
    'deploy_path',
    'deploy',
    'How does a new version of a model or AI feature reach production today?',
    'Good: merging the code starts an automated pipeline that first releases to a small share of traffic and widens the release only while it stays healthy.',
    [
      ['It does not: there is no route to production yet (notebooks, demos)', 0],
      ['Someone builds an image and edits the deployment manifests by hand', 1],
      ['A script or pipeline does the release, but a person starts and supervises it', 2],
      ['An automated pipeline releases to a small share of traffic first (canary), then to everyone', 4]
    ]
  ),
  mq(
    'deploy_rollback',
    'deploy',
    'When a release misbehaves, how is it undone, and can an engineer get a new endpoint live on their own?',
    'Good: the pipeline rolls back by itself when health checks fail, and an engineer goes from merged code to a live endpoint without a ticket to anyone.',
    [
      ['Not automatically: someone has to notice and undo it by hand (or nothing is released yet)', 3],
      ['It rolls back automatically, but a new endpoint still needs the infrastructure people', 3],
      ['It rolls back automatically, and code goes in and a live endpoint comes out with no manual step', 4]
    ]
  ),
  mq(
    'monitor_signals',
    'monitor',
    'What is watched on the live AI features?',
    'Good: besides latency and errors, the distributions of inputs and outputs (the mix of predictions, confidence scores) are charted over time.',
    [
      ['Nothing in particular', 0],
      ['Application logs, read when someone complains', 1],
      ['Latency and error dashboards, with alerts', 2],
      ['Latency and error alerts, plus charts of input and output distributions over time', 4]
    ]
  ),
  mq(
    'monitor_drift',
    'monitor',
    'Would anyone be alerted if the model got worse while the service itself stayed up?',
    'Good: drift detection and alerts on model metrics catch a quality drop before users do.',
    [
      ['No: we would hear about it from users or in a periodic review', 3],
      ['Yes: drift detection and alerts on model metrics are in place', 4]
    ]
  ),
  mq(
    'experiment_compare',
    'experiment',
    'Before a new model or prompt version replaces the old one, how do you know it is better?',
    'Good: the new version runs in shadow mode or on a slice of live traffic, and the two versions are compared on model metrics.',
    [
      ['We do not check: changes go straight live and we see what happens', 0],
      ['We score it offline on a held-out test set', 1],
      ['We run old and new side by side on sample cases and compare the answers by hand', 2],
      ['The new version runs in shadow mode or receives a share of live traffic', 4]
    ]
  ),
  mq(
    'experiment_ab',
    'experiment',
    'When live traffic is split between two versions, how are the results compared?',
    'Good: an A/B platform reports model and business metrics for each version without manual work.',
    [
      ['Live traffic is never split between versions', 2],
      ['Someone pulls the numbers together by hand for each test', 3],
      ['An A/B platform reports model metrics for each version', 4]
    ]
  ),
  mq(
    'logging_content',
    'logging',
    'When the model answers a request, what gets recorded?',
    'Good: every prediction is stored with its input, output, latency and the model version that produced it.',
    [
      ['Nothing specific', 0],
      ['Some application log lines, not every prediction', 1],
      ['Every input and output', 2],
      ['Every input and output, with the latency and the model version that served it', 4]
    ]
  ),
  mq(
    'logging_query',
    'logging',
    'Could an engineer find what a given model version predicted for one customer last week, within the hour?',
    'Good: the prediction log is a queryable store, not a pile of raw log files.',
    [
      ['No, or only by digging through raw logs', 2],
      ['Yes, the prediction log can be queried directly', 4]
    ]
  ),
  mq(
    'logging_outcomes',
    'logging',
    'Are recorded predictions linked to what actually happened afterwards (outcomes, corrections, user feedback)?',
    'Good: predictions are joined with outcomes routinely, so model quality can be measured on real cases.',
    [
      ['No', 3],
      ['Yes, routinely', 4]
    ]
  ),
  mq(
    'data_storage',
    'data',
    'Where does the data used for training or evaluation live?',
    'Good: datasets are versioned, so every model can name the exact data it was trained and tested on.',
    [
      ['In files on laptops or one-off exports', 0],
      ['In shared storage (a bucket, drive or warehouse), without versions', 1],
      ['In versioned datasets: every model can name the exact data it used', 4]
    ]
  ),
  mq(
    'data_labels',
    'data',
    'How are new labels or annotations produced?',
    'Good: a labelling pipeline, in-house or with a vendor, feeds new labels into the versioned datasets.',
    [
      ['There is no repeatable way, or no labelling at all', 2],
      ['Through a labelling pipeline that feeds the versioned datasets', 4]
    ]
  ),
  mq(
    'data_quality',
    'data',
    'Is data checked automatically before it is used for training?',
    'Good: automated quality checks (schema, ranges, duplicates, label balance) stop bad data before it reaches a model.',
    [
      ['No, or only by eye', 3],
      ['Yes, automated quality checks block bad data', 4]
    ]
  ),
  mq(
    'cicd_scope',
    'cicd',
    'What runs automatically when someone pushes code?',
    'Good: CI runs ML tests on machines with GPUs and produces versioned model artifacts.',
    [
      ['Nothing: there is no CI', 0],
      ['Tests for the application code only', 1],
      ['Application tests plus ML tests (data checks, model unit tests, small evaluations)', 2],
      ['ML tests on GPU machines, producing versioned model artifacts', 4]
    ]
  ),
  mq(
    'cicd_training',
    'cicd',
    'Are models retrained, and the whole pipeline tested end to end, automatically on a schedule?',
    'Good: continuous training, plus a nightly end-to-end run of the pipeline that catches regressions.',
    [
      ['No', 3],
      ['Yes: continuous training and a nightly end-to-end regression run', 4]
    ]
  ),
  mq(
    'infra_provision',
    'infra',
    'How are cloud or server resources created and changed?',
    'Good: everything is defined as code (for example Terraform), so any environment can be rebuilt from the repository.',
    [
      ['By clicking in a web console', 0],
      ['A mix of clicking and a few scripts', 1],
      ['Partly as infrastructure code (for example Terraform), partly by hand', 2],
      ['All as code: any environment can be rebuilt from the repository', 4]
    ]
  ),
  mq(
    'infra_cost',
    'infra',
    'How is cloud spend kept under control?',
    'Good: billing alerts fire before a surprise, and a cost dashboard shows where the money goes.',
    [
      ['Someone looks at the bill at the end of the month', 3],
      ['Billing alerts and a cost dashboard', 4]
    ]
  ),
  mq(
    'infra_jobs',
    'infra',
    'How are training or batch jobs started?',
    'Good: jobs go through a shared submission system that picks the hardware and records every run.',
    [
      ["From someone's own machine, or by logging into a server", 3],
      ['Through a shared job-submission system that picks the hardware and records each run', 4]
    ]
  ),
  mq(
    'tracking_experiments',
    'tracking',
    'Where do the settings and results of experiments end up?',
    'Good: every training run is recorded automatically in an experiment tracker.',
    [
      ['Nowhere in particular', 0],
      ['In spreadsheets or notebooks', 1],
      ['In an experiment tracker (for example MLflow or Weights & Biases)', 4]
    ]
  ),
  mq(
    'tracking_registry',
    'tracking',
    'How does the team know which model version is live?',
    'Good: trained models go into a registry with numbered versions, and deployments refer to those versions.',
    [
      ['By asking someone or reading file names', 2],
      ['From a model registry with numbered versions', 4]
    ]
  ),
  mq(
    'tracking_lineage',
    'tracking',
    'Starting from the live model, can you trace the data version and the code that produced it?',
    'Good: lineage from data to deployed model is recorded without anyone having to remember it.',
    [
      ['Not reliably', 3],
      ['Yes, the lineage is recorded automatically', 4]
    ]
  )
]

export const MATURITY_QUESTION_BY_ID: ReadonlyMap<string, MaturityQuestion> = new Map(MATURITY_QUESTIONS.map((q) => [q.id, q]))

/** The questions of one dimension, in asking order. */
export function questionsFor(dimension: DimensionId): MaturityQuestion[] {
  return MATURITY_QUESTIONS.filter((q) => q.dimension === dimension)
}

// ---------------------------------------------------------------------------------------
// Context questions (one per context key; the question id is the key)

const YES_NO = (yes: string, no: string): readonly ChoiceOption[] =>
  lettered([
    { label: yes, value: true },
    { label: no, value: false }
  ])

function choice(key: ContextKey, text: string, help: string, options: readonly ChoiceOption[]): ContextQuestion {
  return { id: key, key, kind: 'choice', text, help, options }
}

function count(key: ContextKey, text: string, help: string): ContextQuestion {
  return { id: key, key, kind: 'count', text, help, min: 0 }
}

export const CONTEXT_QUESTIONS: readonly ContextQuestion[] = [
  choice(
    'ai_approach',
    'How does the client build, or plan to build, its AI features?',
    'Most companies start by calling hosted foundation models; training their own models is the exception.',
    lettered([
      { label: 'By calling hosted foundation models through an API', value: 'api' },
      { label: 'By fine-tuning an existing model on its own data', value: 'fine_tune' },
      { label: 'By training its own models (neural networks, gradient boosting)', value: 'custom' }
    ])
  ),
  choice(
    'stage',
    'How far along is the AI work?',
    'Exploration means nobody knows yet whether a valuable model can be built.',
    lettered([
      { label: 'Exploring: nobody knows yet whether it can work', value: 'exploration' },
      { label: 'A working prototype, or a release to a limited group of users', value: 'pilot' },
      { label: 'Live for all users', value: 'production' }
    ])
  ),
  count('models_in_production', 'How many models or AI features are live in production today?', 'Count features built on hosted model APIs too.'),
  choice(
    'retrain_frequency',
    'How often are the production models retrained or refreshed?',
    'Frequent retraining makes manual pipelines painful quickly.',
    lettered([
      { label: 'Never, or there is nothing to retrain yet', value: 'never' },
      { label: 'About once a quarter', value: 'quarterly' },
      { label: 'About once a month', value: 'monthly' },
      { label: 'Every week or more often', value: 'weekly' }
    ])
  ),
  choice(
    'deploy_is_bottleneck',
    'Do manual deployment steps hold up releases of models or AI features?',
    'For example: releases wait for one person, or for a hand-edited manifest.',
    YES_NO('Yes, releases wait on manual steps', 'No')
  ),
  choice(
    'degradation_incidents',
    'In the last six months, did a model in production get noticeably worse?',
    'Quality dropped, complaints rose, or it failed silently.',
    YES_NO('Yes', 'No')
  ),
  choice(
    'has_data',
    'Does the client have data it could use to train or evaluate models?',
    'Without data there is no model: integration work and data collection come first.',
    lettered([
      { label: 'None to speak of', value: 'none' },
      { label: 'Some, scattered or partial', value: 'some' },
      { label: 'Plenty, collected routinely', value: 'rich' }
    ])
  ),
  choice(
    'has_objectives',
    'Is there a clear business objective for the AI work, with a metric that shows whether it worked?',
    'Without an objective there is no way to tell a good model from a bad one.',
    YES_NO('Yes', 'No, not yet')
  ),
  count('headcount', 'How many people work at the company?', 'Everyone on the payroll, roughly.'),
  count('engineers', 'How many software engineers does the company have?', 'Everyone who writes production code.'),
  count('ml_staff', 'How many people work on ML or data science?', 'ML engineers, data scientists and researchers.'),
  count('infra_staff', 'How many people work on infrastructure, platform or DevOps?', 'People whose main job is servers, pipelines and operations.'),
  choice(
    'ml_staff_doing_infra',
    'Do the ML people spend much of their time on Dockerfiles, pipelines or clusters instead of models?',
    'If the ML engineer is writing Dockerfiles, the hires came in the wrong order.',
    YES_NO('Yes', 'No')
  ),
  choice(
    'ml_leadership',
    'Is there an experienced ML lead who has taken models to production and led a team?',
    'An experienced lead avoids the classic traps: no CI/CD, results that look better than they are.',
    YES_NO('Yes', 'No')
  ),
  choice(
    'demo_traction',
    'Has an AI demo caught on while the engineers behind it keep getting pulled into maintenance?',
    'Those engineers are often the best seed for a small dedicated AI team.',
    YES_NO('Yes', 'No')
  ),
  choice(
    'research_vision',
    'Is there an ambitious long-term technical goal that will need real research?',
    'A research vision is what attracts strong ML scientists early.',
    YES_NO('Yes', 'No')
  ),
  choice(
    'gpu_workloads',
    'Does the client run, or plan to run, workloads on GPUs (training, self-hosted inference)?',
    'GPU work needs CI/CD with GPU runners and cost controls.',
    YES_NO('Yes', 'No')
  ),
  choice(
    'cloud',
    'Where does the infrastructure run?',
    'On-premises setups skip the cloud-only tasks (Terraform, billing alerts).',
    lettered([
      { label: 'Amazon Web Services', value: 'aws' },
      { label: 'Google Cloud', value: 'gcp' },
      { label: 'Microsoft Azure', value: 'azure' },
      { label: 'Own data centre (on premises)', value: 'on_prem' },
      { label: 'Several clouds', value: 'multi' }
    ])
  )
]

export const CONTEXT_QUESTION_BY_KEY: Readonly<Record<ContextKey, ContextQuestion>> = Object.fromEntries(CONTEXT_QUESTIONS.map((q) => [q.key, q])) as Record<
  ContextKey,
  ContextQuestion
>

/**
 * What an unknown context answer is taken to be. Yes/no questions default to "no" (the
 * contract); for the rest we assume the least: no models, no data, still exploring, hosted
 * APIs (the most common approach), and a public cloud (only on-premises changes the plan).
 */
export const CONTEXT_DEFAULTS: Readonly<AssessmentContext> = {
  ai_approach: 'api',
  stage: 'exploration',
  models_in_production: 0,
  retrain_frequency: 'never',
  deploy_is_bottleneck: false,
  degradation_incidents: false,
  has_data: 'none',
  has_objectives: false,
  headcount: 0,
  engineers: 0,
  ml_staff: 0,
  infra_staff: 0,
  ml_staff_doing_infra: false,
  ml_leadership: false,
  demo_traction: false,
  research_vision: false,
  gpu_workloads: false,
  cloud: 'aws'
}

// ---------------------------------------------------------------------------------------
// From answers to levels and context

export class InvalidAnswerError extends Error {
  constructor(
    readonly questionId: string,
    value: unknown
  ) {
    super(`${questionId}: ${JSON.stringify(value)} is not an answer to this question`)
    this.name = 'InvalidAnswerError'
  }
}

const isUnknown = (value: AnswerValue | undefined): boolean => value === undefined || value === UNKNOWN

export interface DimensionLevel {
  level: Level
  /** Ids of this dimension's questions answered "unknown" (or not answered). */
  unknownQuestions: string[]
}

/** The level each answer to a maturity question supports, or null when unknown. */
export function supportedLevel(question: MaturityQuestion, value: AnswerValue | undefined): Level | null {
  if (isUnknown(value)) return null
  const option = question.options.find((o) => o.id === value)
  if (!option) throw new InvalidAnswerError(question.id, value)
  return option.level
}

/**
 * Per dimension: the lowest level its answers support (unknown answers count as 0), and
 * which of its questions were unknown.
 */
export function levelsFromAnswers(answers: Answers): Record<DimensionId, DimensionLevel> {
  const out = {} as Record<DimensionId, DimensionLevel>
  for (const dim of DIMENSION_IDS) {
    let level: Level = 4
    const unknownQuestions: string[] = []
    for (const q of questionsFor(dim)) {
      const supported = supportedLevel(q, answers[q.id])
      if (supported === null) unknownQuestions.push(q.id)
      const value = supported ?? 0
      if (value < level) level = value
    }
    out[dim] = { level, unknownQuestions }
  }
  return out
}

/** Just the levels (dimension id → level). */
export function maturityFromAnswers(answers: Answers): Record<DimensionId, Level> {
  const levels = levelsFromAnswers(answers)
  return Object.fromEntries(DIMENSION_IDS.map((d) => [d, levels[d].level])) as Record<DimensionId, Level>
}

export interface ContextAssumption {
  key: ContextKey
  questionId: string
  assumed: AssessmentContext[ContextKey]
  /** Plain words for the results screen, e.g. "Assumed no experienced ML lead". */
  text: string
}

function describeValue(key: ContextKey, value: AssessmentContext[ContextKey]): string {
  const q = CONTEXT_QUESTION_BY_KEY[key]
  if (q.kind === 'count') return String(value)
  const option = q.options.find((o) => o.value === value)
  return option ? option.label : String(value)
}

/** The context the answers give, and the assumptions made for unknown answers. */
export function contextFromAnswers(answers: Answers): {
  context: AssessmentContext
  assumptions: ContextAssumption[]
} {
  const context: Record<string, unknown> = {}
  const assumptions: ContextAssumption[] = []
  for (const key of CONTEXT_KEYS) {
    const q = CONTEXT_QUESTION_BY_KEY[key]
    const value = answers[q.id]
    if (isUnknown(value)) {
      const assumed = CONTEXT_DEFAULTS[key]
      context[key] = assumed
      assumptions.push({
        key,
        questionId: q.id,
        assumed,
        text: `${q.text} Unknown: assumed "${describeValue(key, assumed)}".`
      })
      continue
    }
    if (q.kind === 'count') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < q.min) {
        throw new InvalidAnswerError(q.id, value)
      }
      context[key] = value
    } else {
      const option = q.options.find((o) => o.id === value)
      if (!option) throw new InvalidAnswerError(q.id, value)
      context[key] = option.value
    }
  }
  return { context: context as unknown as AssessmentContext, assumptions }
}

// ---------------------------------------------------------------------------------------
// From levels and context back to answers (to prefill the questionnaire from an intake file)

/**
 * Answers that reproduce the given levels: for each question, the lowest option that still
 * supports the dimension's level.
 */
export function answersForMaturity(m: Maturity): Record<string, string> {
  const out: Record<string, string> = {}
  for (const q of MATURITY_QUESTIONS) {
    const target = m[q.dimension]
    const fitting = q.options.filter((o) => o.level >= target)
    const lowest = fitting.reduce((best, o) => (o.level < best.level ? o : best), fitting[0]!)
    out[q.id] = lowest.id
  }
  return out
}

/** Answers that reproduce the given context. */
export function answersForContext(c: AssessmentContext): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {}
  for (const key of CONTEXT_KEYS) {
    const q = CONTEXT_QUESTION_BY_KEY[key]
    const value = c[key]
    if (q.kind === 'count') {
      out[q.id] = value as number
    } else {
      const option = q.options.find((o) => o.value === value)
      if (!option) throw new InvalidAnswerError(q.id, value)
      out[q.id] = option.id
    }
  }
  return out
}
