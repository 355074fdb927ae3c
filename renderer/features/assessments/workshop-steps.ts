import { UNKNOWN, UNKNOWN_LABEL, type AnswerValue } from '../../../shared/domain/assessment/question-bank'
import { ASSESSMENT_SECTIONS } from '../../../shared/domain/assessment/sections'

export interface StepOption {
  id: string
  label: string
}

/** One screen of the workshop: a question with its section. */
export interface WorkshopStep {
  id: string
  section: string
  sectionId: string
  text: string
  help: string
  kind: 'choice' | 'count'
  options: StepOption[]
}

/** The shared section order (context first, then the eight dimensions), one screen per question. */
export const WORKSHOP_STEPS: readonly WorkshopStep[] = ASSESSMENT_SECTIONS.flatMap((section) =>
  section.questions.map((q): WorkshopStep => ({
    id: q.id,
    section: section.name,
    sectionId: section.id,
    text: q.text,
    help: q.help,
    kind: 'kind' in q ? q.kind : 'choice',
    options: 'options' in q ? q.options.map((o) => ({ id: o.id, label: o.label })) : []
  }))
)

export const SECTIONS: readonly { id: string; name: string; steps: WorkshopStep[] }[] = ASSESSMENT_SECTIONS.map((section) => ({
  id: section.id,
  name: section.name,
  steps: WORKSHOP_STEPS.filter((step) => step.sectionId === section.id)
}))

export const isAnswered = (value: AnswerValue | null | undefined): boolean => value !== null && value !== undefined

export function describeAnswer(step: WorkshopStep, value: AnswerValue | null | undefined): string {
  if (!isAnswered(value)) return 'Not answered'
  if (value === UNKNOWN) return UNKNOWN_LABEL
  if (step.kind === 'count') return String(value)
  return step.options.find((o) => o.id === value)?.label ?? String(value)
}
