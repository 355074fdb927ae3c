import { UNKNOWN } from '../../../shared/domain/assessment/question-bank'
import type { WorkshopStep } from './workshop-steps'

/** Where the key was pressed, as far as the workshop cares. */
export type WorkshopKeyTarget =
  /** The shared or private note. */
  | 'note'
  /** "Who was present"; `empty` when nothing is typed in it. */
  | { present: { empty: boolean } }
  /** The number field of a count question. */
  | 'count'
  /** Any other text field: it keeps its keys. */
  | 'other-field'
  /** The page itself (a button, the body). */
  | 'page'

export interface WorkshopKeyState {
  /** The screen shown: 0..total-1 a question, total the closing step. */
  index: number
  total: number
  step: Pick<WorkshopStep, 'kind' | 'options'> | undefined
  /** The first question without an answer, or -1. */
  firstUnanswered: number
  overview: boolean
}

export interface WorkshopKeyEvent {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

export type WorkshopAction =
  | { type: 'none' }
  | { type: 'blur' }
  | { type: 'finish' }
  | { type: 'go'; to: number }
  | { type: 'answer'; value: string }
  | { type: 'focus-note' }
  | { type: 'overview'; open: boolean }

/** What a key does, and whether the browser's own handling of it is stopped. */
export interface WorkshopKeyOutcome {
  action: WorkshopAction
  preventDefault: boolean
}

const NONE: WorkshopKeyOutcome = { action: { type: 'none' }, preventDefault: false }
const act = (action: WorkshopAction, preventDefault = true): WorkshopKeyOutcome => ({ action, preventDefault })

/**
 * The workshop's keyboard, as a pure function: digits or letters answer, U is unknown,
 * arrows, Page keys and Enter move, N goes to the note, O shows or hides the overview, S on
 * the closing step goes to the first open question. Escape never leaves the workshop: on a
 * projector the engagement page behind it shows the day rate, so leaving is a deliberate
 * click. Text fields keep their keys, except Escape in a note (which leaves the note).
 */
export function workshopKey(event: WorkshopKeyEvent, target: WorkshopKeyTarget, state: WorkshopKeyState): WorkshopKeyOutcome {
  if (event.ctrlKey || event.metaKey || event.altKey) return NONE
  const { key } = event
  const { index, total, step } = state
  if (target === 'note') return key === 'Escape' ? act({ type: 'blur' }) : NONE
  if (typeof target === 'object') {
    // In "Who was present", Enter adds the name typed; on an empty field it shows the results.
    return key === 'Enter' && index === total && target.present.empty ? act({ type: 'finish' }) : NONE
  }
  if (target === 'other-field') return NONE
  const inCount = target === 'count'
  if (key === 'Escape') return NONE
  // In the count field the up and down arrows change the number.
  if (inCount && (key === 'ArrowUp' || key === 'ArrowDown')) return NONE
  if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'Enter' || key === 'PageDown') {
    if (index === total && key === 'Enter') return act({ type: 'finish' }, false)
    return act({ type: 'go', to: Math.min(total, index + 1) })
  }
  if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp') return act({ type: 'go', to: Math.max(0, index - 1) })
  const lower = key.toLowerCase()
  if (!step) return lower === 's' && state.firstUnanswered >= 0 ? act({ type: 'go', to: state.firstUnanswered }, false) : NONE
  if (lower === 'u') return act({ type: 'answer', value: UNKNOWN })
  if (inCount) return NONE
  if (lower === 'n') return act({ type: 'focus-note' })
  if (lower === 'o') return act({ type: 'overview', open: !state.overview }, false)
  if (step.kind === 'choice') {
    const byDigit = /^[0-9]$/.test(key) ? step.options[Number(key)] : undefined
    const byLetter = /^[a-j]$/.test(lower) ? step.options.find((o) => o.id === key.toUpperCase()) : undefined
    const option = byDigit ?? byLetter
    if (option) return act({ type: 'answer', value: option.id })
  }
  return NONE
}
