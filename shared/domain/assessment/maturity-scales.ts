/**
 * Maps the eight-dimension assessment onto two public MLOps maturity scales, so a client
 * can compare the result with what their cloud vendor's material says:
 *
 * - Google's MLOps levels 0–2 (0 manual process, 1 ML pipeline automation, 2 CI/CD
 *   pipeline automation);
 * - Microsoft's MLOps maturity model 0–4 (0 no MLOps, 1 DevOps but no MLOps, 2 automated
 *   training, 3 automated model deployment, 4 full MLOps automated operations).
 *
 * How the mapping is made: each level of a scale is a set of minimum scores on our
 * dimensions that stand for that level's defining practices. Levels are cumulative: a client
 * is at the highest level whose criteria, and those of every level below it, are all met.
 * The scales describe practices rather than scores, so this is an approximation for
 * orientation, not a certification; the notes list what is missing for the next level.
 *
 * Pure and deterministic.
 */
import { DIMENSION_BY_ID, DIMENSION_IDS, type DimensionId, type Level, type Maturity } from './dimensions'
import { maturityFromAnswers, type Answers } from './question-bank'

export type ScaleId = 'google' | 'microsoft'

/** A minimum score on one dimension. */
export interface Criterion {
  dimension: DimensionId
  min: Level
  /** The practice this stands for in the scale's own terms. */
  why: string
}

export interface ScaleLevel {
  level: number
  name: string
  description: string
  /** Minimum scores needed, on top of every lower level's. */
  criteria: readonly Criterion[]
}

export interface ScaleDefinition {
  id: ScaleId
  name: string
  levels: readonly ScaleLevel[]
}

export const GOOGLE_SCALE: ScaleDefinition = {
  id: 'google',
  name: "Google's MLOps levels",
  levels: [
    {
      level: 0,
      name: 'Manual process',
      description: 'Models are trained, handed over and released by hand, step by step, however often that happens.',
      criteria: []
    },
    {
      level: 1,
      name: 'ML pipeline automation',
      description:
        'Training runs as an automated pipeline on versioned data, with results and metadata recorded, so models can be retrained without hand work.',
      criteria: [
        { dimension: 'cicd', min: 3, why: 'training runs in automation and produces model artifacts' },
        { dimension: 'data', min: 2, why: 'the pipeline reads versioned datasets' },
        { dimension: 'tracking', min: 2, why: 'runs and their metadata are recorded' }
      ]
    },
    {
      level: 2,
      name: 'CI/CD pipeline automation',
      description:
        'The training pipeline itself is built, tested and deployed automatically; models retrain continuously, go through a registry and are released and monitored without manual steps.',
      criteria: [
        { dimension: 'cicd', min: 4, why: 'continuous training and end-to-end pipeline tests' },
        { dimension: 'tracking', min: 3, why: 'a model registry' },
        { dimension: 'deploy', min: 3, why: 'automated model deployment' },
        { dimension: 'monitor', min: 3, why: 'production monitoring of model inputs and outputs' }
      ]
    }
  ]
}

export const MICROSOFT_SCALE: ScaleDefinition = {
  id: 'microsoft',
  name: "Microsoft's MLOps maturity model",
  levels: [
    {
      level: 0,
      name: 'No MLOps',
      description: 'Building, training and releasing models is manual and hard to repeat.',
      criteria: []
    },
    {
      level: 1,
      name: 'DevOps but no MLOps',
      description: 'Application code is built and tested automatically, but models are still handled by hand.',
      criteria: [{ dimension: 'cicd', min: 1, why: 'automated builds and tests of the application code' }]
    },
    {
      level: 2,
      name: 'Automated training',
      description: 'Training runs in managed, reproducible environments, with results tracked and models versioned; releases are still manual.',
      criteria: [
        { dimension: 'tracking', min: 3, why: 'tracked training runs and managed model versions' },
        { dimension: 'infra', min: 3, why: 'reproducible, managed environments' },
        { dimension: 'data', min: 2, why: 'versioned training data' },
        // Training that runs in automation, as Google's pipeline automation asks: the two scales never disagree on it.
        { dimension: 'cicd', min: 3, why: 'training runs in automation and produces model artifacts' }
      ]
    },
    {
      level: 3,
      name: 'Automated model deployment',
      description: 'Models are released automatically and tested against live traffic, and every deployed model can be traced back to its data.',
      criteria: [
        { dimension: 'deploy', min: 3, why: 'automated, low-friction releases' },
        { dimension: 'experiment', min: 3, why: 'new models are compared on live traffic' },
        { dimension: 'tracking', min: 4, why: 'traceability from deployment back to the data' },
        { dimension: 'cicd', min: 3, why: 'automated tests for all code, model artifacts built in CI' }
      ]
    },
    {
      level: 4,
      name: 'Full MLOps automated operations',
      description: 'The system runs itself: production metrics trigger retraining, and releases and rollbacks need no manual steps.',
      criteria: [
        { dimension: 'monitor', min: 4, why: 'drift detection and alerts on model metrics' },
        { dimension: 'cicd', min: 4, why: 'continuous training' },
        { dimension: 'deploy', min: 4, why: 'automatic rollback, no manual release steps' },
        { dimension: 'logging', min: 3, why: 'queryable prediction logs feed improvement' }
      ]
    }
  ]
}

export interface ScalePlacement {
  scale: ScaleId
  scaleName: string
  level: number
  name: string
  description: string
  /** The next level up and the scores it still needs, or null at the top. */
  next: { level: number; name: string; missing: string[] } | null
}

export interface MaturityScales {
  google: ScalePlacement
  microsoft: ScalePlacement
  /** How the mapping is made, for display beside the result. */
  note: string
}

export const MATURITY_SCALES_NOTE =
  'Approximate placement: each level of these scales stands for a set of practices, mapped here to minimum scores on the eight dimensions; a level counts when it and every level below it are fully met.'

function unmet(criteria: readonly Criterion[], m: Maturity): Criterion[] {
  return criteria.filter((c) => m[c.dimension] < c.min)
}

export function placeOnScale(scale: ScaleDefinition, m: Maturity): ScalePlacement {
  let reached = scale.levels[0]!
  for (const lvl of scale.levels.slice(1)) {
    if (unmet(lvl.criteria, m).length > 0) break
    reached = lvl
  }
  const nextLevel = scale.levels.find((l) => l.level === reached.level + 1)
  return {
    scale: scale.id,
    scaleName: scale.name,
    level: reached.level,
    name: reached.name,
    description: reached.description,
    next: nextLevel
      ? {
          level: nextLevel.level,
          name: nextLevel.name,
          missing: unmet(nextLevel.criteria, m).map((c) => `${DIMENSION_BY_ID[c.dimension].name} at level ${c.min} or more (now ${m[c.dimension]}): ${c.why}`)
        }
      : null
  }
}

export function mapMaturityScales(m: Maturity): MaturityScales {
  for (const id of DIMENSION_IDS) {
    if (!Number.isInteger(m[id]) || m[id] < 0 || m[id] > 4) {
      throw new RangeError(`maturity.${id} must be an integer from 0 to 4`)
    }
  }
  return {
    google: placeOnScale(GOOGLE_SCALE, m),
    microsoft: placeOnScale(MICROSOFT_SCALE, m),
    note: MATURITY_SCALES_NOTE
  }
}

/** The same mapping from questionnaire answers (unknown answers count as 0). */
export function maturityScalesFromAnswers(answers: Answers): MaturityScales {
  return mapMaturityScales(maturityFromAnswers(answers))
}
