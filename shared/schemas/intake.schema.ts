import { z } from 'zod'
import { AI_APPROACHES, CLOUDS, DATA_AVAILABILITY, RETRAIN_FREQUENCIES, STAGES, type AssessmentContext, type Maturity } from '../domain/assessment/dimensions'
import { IsoDateSchema } from './common'
import { CurrencyCodeSchema } from './currency'

/**
 * The intake file: one engagement as JSON, as the app imports and exports it and the CLI
 * reads it. Strict everywhere: every context key and dimension is required and unknown keys
 * are rejected. Messages are written to follow a field path, e.g.
 * `maturity.deploy: must be an integer from 0 to 4`.
 */

export const INTAKE_VERSION = 1

/** Bounds on free text, so a pasted novel cannot end up in a proposal title. */
export const INTAKE_TEXT_LIMITS = {
  clientName: 200,
  industry: 120,
  title: 200,
  consultant: 120,
  objective: 2000
} as const

/** The largest count accepted for headcount and staff numbers. */
export const MAX_COUNT = 10_000_000

const isMissing = (input: unknown): boolean => input === undefined

const text = (max: number) =>
  z
    .string({ error: (iss) => (isMissing(iss.input) ? 'is required' : 'must be text') })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })

const LEVEL_MESSAGE = 'must be an integer from 0 to 4'
const level = z
  .number({ error: (iss) => (isMissing(iss.input) ? 'is required' : LEVEL_MESSAGE) })
  .int({ message: LEVEL_MESSAGE })
  .min(0, { message: LEVEL_MESSAGE })
  .max(4, { message: LEVEL_MESSAGE })

const COUNT_MESSAGE = 'must be a whole number, 0 or more'
const count = z
  .number({ error: (iss) => (isMissing(iss.input) ? 'is required' : COUNT_MESSAGE) })
  .int({ message: COUNT_MESSAGE })
  .min(0, { message: COUNT_MESSAGE })
  .max(MAX_COUNT, { message: `must be at most ${MAX_COUNT}` })

const flag = z.boolean({ error: (iss) => (isMissing(iss.input) ? 'is required' : 'must be true or false') })

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => (isMissing(iss.input) ? 'is required' : `must be one of: ${values.join(', ')}`)
  })

const object = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') return 'is not a known field'
      return isMissing(iss.input) ? 'is required' : 'must be an object'
    }
  })

export const IntakeClientSchema = object({
  name: text(INTAKE_TEXT_LIMITS.clientName),
  industry: text(INTAKE_TEXT_LIMITS.industry),
  headcount: count.optional()
})

export const IntakeEngagementSchema = object({
  title: text(INTAKE_TEXT_LIMITS.title),
  consultant: text(INTAKE_TEXT_LIMITS.consultant),
  currency: CurrencyCodeSchema,
  day_rate: z
    .number({ error: (iss) => (isMissing(iss.input) ? 'is required' : 'must be a positive number') })
    .positive({ message: 'must be a positive number' }),
  start_date: z.string({ error: (iss) => (isMissing(iss.input) ? 'is required' : 'must be a date written YYYY-MM-DD') }).pipe(IsoDateSchema),
  /** Optional: what the client wants from the work and the metric that shows it worked. */
  objective: text(INTAKE_TEXT_LIMITS.objective).optional()
})

export const IntakeContextSchema = object({
  ai_approach: oneOf(AI_APPROACHES),
  stage: oneOf(STAGES),
  models_in_production: count,
  retrain_frequency: oneOf(RETRAIN_FREQUENCIES),
  deploy_is_bottleneck: flag,
  degradation_incidents: flag,
  has_data: oneOf(DATA_AVAILABILITY),
  has_objectives: flag,
  headcount: count,
  engineers: count,
  ml_staff: count,
  infra_staff: count,
  ml_staff_doing_infra: flag,
  ml_leadership: flag,
  demo_traction: flag,
  research_vision: flag,
  gpu_workloads: flag,
  cloud: oneOf(CLOUDS)
})

export const IntakeMaturitySchema = object({
  deploy: level,
  monitor: level,
  experiment: level,
  logging: level,
  data: level,
  cicd: level,
  infra: level,
  tracking: level
})

export const IntakeFileSchema = object({
  version: z.literal(INTAKE_VERSION, { error: `must be ${INTAKE_VERSION}` }).optional(),
  client: IntakeClientSchema,
  engagement: IntakeEngagementSchema,
  context: IntakeContextSchema,
  maturity: IntakeMaturitySchema
}).superRefine((intake, ctx) => {
  // Refinements may run while other fields are still invalid: look before comparing.
  const given: unknown = intake.client?.headcount
  const expected: unknown = intake.context?.headcount
  if (typeof given === 'number' && typeof expected === 'number' && given !== expected) {
    ctx.addIssue({
      code: 'custom',
      path: ['client', 'headcount'],
      message: `must equal context.headcount (${expected})`
    })
  }
})

export type IntakeFile = z.infer<typeof IntakeFileSchema>
export type IntakeFileInput = z.input<typeof IntakeFileSchema>
export type IntakeContext = z.infer<typeof IntakeContextSchema>
export type IntakeMaturity = z.infer<typeof IntakeMaturitySchema>

// Compile-time checks: the schema's output is exactly what the engine takes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const contextMatchesEngine: Same<IntakeContext, AssessmentContext> = true
const maturityMatchesEngine: Same<IntakeMaturity, { -readonly [K in keyof Maturity]: Maturity[K] }> = true
void contextMatchesEngine
void maturityMatchesEngine

// ---------------------------------------------------------------------------------------
// Problems as "field path: message" lines

export interface IntakeProblem {
  /** Dotted field path, e.g. `maturity.deploy`; empty for the file as a whole. */
  path: string
  message: string
}

/**
 * One problem per field, in the order zod reports them; an unknown key is reported at its
 * own path (`context.foo: is not a known field`).
 */
export function intakeProblems(error: z.ZodError): IntakeProblem[] {
  const problems: IntakeProblem[] = []
  const seen = new Set<string>()
  const push = (segments: readonly PropertyKey[], message: string): void => {
    const path = segments.map((s) => String(s)).join('.')
    if (seen.has(path)) return
    seen.add(path)
    problems.push({ path, message })
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push([...issue.path, key], issue.message)
    } else {
      push(issue.path, issue.message)
    }
  }
  return problems
}
