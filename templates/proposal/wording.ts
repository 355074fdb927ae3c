/** Sentences the summary and the assumptions are built from. */
import { type ContextKey } from '../../shared/domain/assessment/dimensions'
import { CONTEXT_QUESTION_BY_KEY } from '../../shared/domain/assessment/question-bank'
import type { UnknownAssumption, UnknownValue } from '../../shared/domain/assessment/unknowns'
import { formatNumber } from '../format'

export const APPROACH_TEXT = {
  api: 'builds on hosted foundation models that it calls through their APIs',
  fine_tune: 'fine-tunes existing models for its own use',
  custom: 'builds its own models'
} as const

export const STAGE_TEXT = {
  exploration: 'is still finding out whether AI can create value for it',
  pilot: 'has a first AI feature in a pilot',
  production: 'runs AI features in production'
} as const

export const LEADERSHIP_TEXT = {
  in_place: 'An experienced ML lead is already in place and stays the technical owner of the work.',
  ml_lead_hire:
    'A permanent ML lead joins later in the sequence; we provide interim technical leadership one day a week through the plan, so the new lead takes it over gradually.',
  interim_lead: 'Without an experienced ML lead in the team, we provide interim technical leadership one day a week through the plan.'
} as const

export function describeValue(a: UnknownAssumption, v: UnknownValue, locale: string): string {
  if (a.kind === 'dimension') return `level ${String(v)}`
  const q = CONTEXT_QUESTION_BY_KEY[a.subject as ContextKey]
  if (q.kind === 'count') return typeof v === 'number' ? formatNumber(v, locale, 0) : String(v)
  return `“${q.options.find((o) => o.value === v)?.label ?? String(v)}”`
}
