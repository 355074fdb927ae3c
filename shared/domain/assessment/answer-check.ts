/**
 * Whether a value is an answer a question offers: one of its option letters, a count for a
 * count question, or "unknown". Pure: no Node, DOM or Electron imports.
 */
import { CONTEXT_KEYS, type ContextKey } from './dimensions'
import { CONTEXT_QUESTION_BY_KEY, MATURITY_QUESTION_BY_ID, UNKNOWN } from './question-bank'

/** Null when the answer fits the question; otherwise the sentence to show. A cleared answer (null) always fits. */
export function answerProblem(questionId: string, value: string | number | null): string | null {
  if (value === null || value === UNKNOWN) return null
  const maturity = MATURITY_QUESTION_BY_ID.get(questionId)
  if (maturity) {
    if (typeof value === 'string' && maturity.options.some((o) => o.id === value)) return null
    return 'That is not one of the options for this question.'
  }
  if ((CONTEXT_KEYS as readonly string[]).includes(questionId)) {
    const q = CONTEXT_QUESTION_BY_KEY[questionId as ContextKey]
    if (q.kind === 'count' && typeof value === 'number') return null
    if (q.kind === 'choice' && typeof value === 'string' && q.options.some((o) => o.id === value)) return null
  }
  return 'That is not a valid answer to this question.'
}
