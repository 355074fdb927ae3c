/**
 * Assessment from questionnaire answers that may be "unknown".
 *
 * Unknown maturity answers count as 0 and unknown context answers take the defaults in
 * CONTEXT_DEFAULTS (false for yes/no); each becomes an assumption to check in Discovery.
 * An unknown is *decisive* when another value it could take changes the first hire: the
 * rules are re-run with that one unknown varied over its possible values while every other
 * answer stays as given (or assumed):
 * - a dimension: every level its known answers still allow (0 up to the lowest known answer);
 * - a yes/no key: true and false; an enum key: every value;
 * - a count: representative values around the rules' thresholds (0, 1, 2, 3, 4, 5, 10).
 *
 * Pure and deterministic.
 */
import type { RoleId } from '../catalogue'
import {
  CONTEXT_SPEC,
  DIMENSION_BY_ID,
  DIMENSION_IDS,
  type AssessmentContext,
  type ContextKey,
  type DimensionId,
  type Level,
  type Maturity
} from './dimensions'
import { assess, type AssessmentResult, type RuleId } from './engine'
import { contextFromAnswers, levelsFromAnswers, questionsFor, supportedLevel, type Answers } from './question-bank'

/** Values tried for an unknown count: they straddle every threshold the rules use. */
export const REPRESENTATIVE_COUNTS: readonly number[] = [0, 1, 2, 3, 4, 5, 10]

export type UnknownValue = number | string | boolean

export interface AlternativeOutcome {
  value: UnknownValue
  firstHire: RoleId
  rule: RuleId
}

export interface UnknownAssumption {
  kind: 'dimension' | 'context'
  subject: DimensionId | ContextKey
  /** The questions answered "unknown" behind this assumption. */
  questionIds: string[]
  /** The value used in the assessment. */
  assumed: UnknownValue
  /** Every value the unknown could take (including the assumed one). */
  possibleValues: UnknownValue[]
  /** True when some possible value changes the first hire. */
  decisive: boolean
  /** The possible values that would change the first hire, and what it would become. */
  changes: AlternativeOutcome[]
  /** Plain words for the results screen. */
  text: string
}

export interface UnknownAwareAssessment {
  maturity: Record<DimensionId, Level>
  context: AssessmentContext
  /** The assessment on the assumed values; warnings only cover answers that were known. */
  result: AssessmentResult
  /** One entry per dimension with unknown answers and per unknown context key. */
  assumptions: UnknownAssumption[]
  /** The decisive subset of `assumptions`: the answers to verify first. */
  decisive: UnknownAssumption[]
  /** Every question answered "unknown" or left unanswered. */
  unknownQuestionIds: string[]
}

/** Levels a dimension can still reach given its known answers (its unknown ones vary). */
export function reachableLevels(dimension: DimensionId, answers: Answers): Level[] {
  let results = new Set<Level>([4])
  for (const q of questionsFor(dimension)) {
    const known = supportedLevel(q, answers[q.id])
    const choices: Level[] = known === null ? q.options.map((o) => o.level) : [known]
    const next = new Set<Level>()
    for (const r of results) for (const c of choices) next.add(Math.min(r, c) as Level)
    results = next
  }
  return [...results].sort((a, b) => a - b)
}

function possibleContextValues(key: ContextKey): UnknownValue[] {
  const spec = CONTEXT_SPEC[key]
  if (spec.kind === 'boolean') return [false, true]
  if (spec.kind === 'integer') return [...REPRESENTATIVE_COUNTS]
  return [...spec.values]
}

export function assessWithUnknowns(answers: Answers, options: { clientName?: string } = {}): UnknownAwareAssessment {
  const levels = levelsFromAnswers(answers)
  const maturity = Object.fromEntries(DIMENSION_IDS.map((d) => [d, levels[d].level])) as Record<DimensionId, Level>
  const { context, assumptions: contextAssumptions } = contextFromAnswers(answers)
  const base = assess({ maturity, context, clientName: options.clientName })

  const outcome = (m: Maturity, c: AssessmentContext, value: UnknownValue): AlternativeOutcome => {
    const r = assess({ maturity: m, context: c })
    return { value, firstHire: r.firstHire, rule: r.rule }
  }

  const assumptions: UnknownAssumption[] = []
  for (const dim of DIMENSION_IDS) {
    const { unknownQuestions } = levels[dim]
    if (unknownQuestions.length === 0) continue
    const possible = reachableLevels(dim, answers)
    const changes = possible.map((level) => outcome({ ...maturity, [dim]: level }, context, level)).filter((o) => o.firstHire !== base.firstHire)
    assumptions.push({
      kind: 'dimension',
      subject: dim,
      questionIds: unknownQuestions,
      assumed: maturity[dim],
      possibleValues: possible,
      decisive: changes.length > 0,
      changes,
      text: `${DIMENSION_BY_ID[dim].name}: ${unknownQuestions.length === 1 ? 'one answer' : `${unknownQuestions.length} answers`} unknown, scored as ${maturity[dim]} until checked.`
    })
  }
  for (const a of contextAssumptions) {
    const possible = possibleContextValues(a.key)
    const changes = possible
      .map((value) => outcome(maturity, { ...context, [a.key]: value } as AssessmentContext, value))
      .filter((o) => o.firstHire !== base.firstHire)
    assumptions.push({
      kind: 'context',
      subject: a.key,
      questionIds: [a.questionId],
      assumed: a.assumed,
      possibleValues: possible,
      decisive: changes.length > 0,
      changes,
      text: a.text
    })
  }

  const unknownSubjects = new Set<string>(assumptions.map((a) => a.subject))
  const result: AssessmentResult = {
    ...base,
    warnings: base.warnings.filter((w) => w.keys.every((k) => !unknownSubjects.has(k)))
  }

  return {
    maturity,
    context,
    result,
    assumptions,
    decisive: assumptions.filter((a) => a.decisive),
    unknownQuestionIds: assumptions.flatMap((a) => a.questionIds)
  }
}
