/**
 * The order the workshop asks its questions in, grouped into sections: the client's context
 * first (how it works with AI), then the eight maturity dimensions in the contract's order.
 * The workshop screens, the answers page and the exported report all follow this order.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { DIMENSIONS, type DimensionId } from './dimensions'
import { CONTEXT_QUESTIONS, MATURITY_QUESTIONS, type ContextQuestion, type MaturityQuestion } from './question-bank'

export type AssessmentSectionId = 'context' | DimensionId

export interface AssessmentSection {
  id: AssessmentSectionId
  name: string
  questions: readonly (ContextQuestion | MaturityQuestion)[]
}

export const CONTEXT_SECTION_NAME = 'The client and its AI work'

export const ASSESSMENT_SECTIONS: readonly AssessmentSection[] = [
  { id: 'context', name: CONTEXT_SECTION_NAME, questions: CONTEXT_QUESTIONS },
  ...DIMENSIONS.map((d) => ({ id: d.id, name: d.name, questions: MATURITY_QUESTIONS.filter((q) => q.dimension === d.id) }))
]
