import { DIMENSIONS } from '../../../shared/domain/assessment/dimensions'
import {
  CONTEXT_QUESTIONS,
  MATURITY_QUESTIONS,
  UNKNOWN,
  UNKNOWN_LABEL,
  type AnswerValue
} from '../../../shared/domain/assessment/question-bank'

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

/** Context first (how the client works with AI), then the eight dimensions in order. */
export const WORKSHOP_STEPS: readonly WorkshopStep[] = [
  ...CONTEXT_QUESTIONS.map(
    (q): WorkshopStep => ({
      id: q.id,
      section: 'The client and its AI work',
      sectionId: 'context',
      text: q.text,
      help: q.help,
      kind: q.kind,
      options: q.kind === 'choice' ? q.options.map((o) => ({ id: o.id, label: o.label })) : []
    })
  ),
  ...DIMENSIONS.flatMap((d) =>
    MATURITY_QUESTIONS.filter((q) => q.dimension === d.id).map(
      (q): WorkshopStep => ({
        id: q.id,
        section: d.name,
        sectionId: d.id,
        text: q.text,
        help: q.help,
        kind: 'choice',
        options: q.options.map((o) => ({ id: o.id, label: o.label }))
      })
    )
  )
]

export const SECTIONS: readonly { id: string; name: string; steps: WorkshopStep[] }[] = (() => {
  const out: { id: string; name: string; steps: WorkshopStep[] }[] = []
  for (const step of WORKSHOP_STEPS) {
    const last = out.at(-1)
    if (last && last.id === step.sectionId) last.steps.push(step)
    else out.push({ id: step.sectionId, name: step.section, steps: [step] })
  }
  return out
})()

export const isAnswered = (value: AnswerValue | null | undefined): boolean => value !== null && value !== undefined

export function describeAnswer(step: WorkshopStep, value: AnswerValue | null | undefined): string {
  if (!isAnswered(value)) return 'Not answered'
  if (value === UNKNOWN) return UNKNOWN_LABEL
  if (step.kind === 'count') return String(value)
  return step.options.find((o) => o.id === value)?.label ?? String(value)
}
