import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UNKNOWN } from '../../../shared/domain/assessment/question-bank'
import { workshopKey, type WorkshopKeyState, type WorkshopKeyTarget } from '../../../renderer/features/assessments/workshop-key'
import { WORKSHOP_STEPS } from '../../../renderer/features/assessments/workshop-steps'

const total = WORKSHOP_STEPS.length
const choiceAt = WORKSHOP_STEPS.findIndex((s) => s.kind === 'choice')
const countAt = WORKSHOP_STEPS.findIndex((s) => s.kind === 'count')
const stateAt = (index: number, extra: Partial<WorkshopKeyState> = {}): WorkshopKeyState => ({
  index,
  total,
  step: WORKSHOP_STEPS[index],
  firstUnanswered: 3,
  overview: false,
  ...extra
})
const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods
})

describe('the workshop keyboard', () => {
  it.each([
    ['a digit answers with that option', '1', 'page', choiceAt, { type: 'answer', value: WORKSHOP_STEPS[choiceAt]!.options[1]!.id }],
    ['a letter answers with that option', 'b', 'page', choiceAt, { type: 'answer', value: 'B' }],
    ['U is unknown', 'u', 'page', choiceAt, { type: 'answer', value: UNKNOWN }],
    ['U is unknown in the count field too', 'U', 'count', countAt, { type: 'answer', value: UNKNOWN }],
    ['a digit in the count field is the count', '4', 'count', countAt, { type: 'none' }],
    ['the up arrow in the count field changes the number', 'ArrowUp', 'count', countAt, { type: 'none' }],
    ['Enter moves on', 'Enter', 'page', choiceAt, { type: 'go', to: choiceAt + 1 }],
    ['Page Up goes back', 'PageUp', 'page', choiceAt + 1, { type: 'go', to: choiceAt }],
    ['the left arrow on the first question stays there', 'ArrowLeft', 'page', 0, { type: 'go', to: 0 }],
    ['Enter on the closing step shows the results', 'Enter', 'page', total, { type: 'finish' }],
    ['S on the closing step goes to the first open question', 's', 'page', total, { type: 'go', to: 3 }],
    ['N goes to the note', 'n', 'page', choiceAt, { type: 'focus-note' }],
    ['O opens the overview', 'o', 'page', choiceAt, { type: 'overview', open: true }],
    ['Escape in the note leaves the note', 'Escape', 'note', choiceAt, { type: 'blur' }],
    ['a letter in the note is text', 'b', 'note', choiceAt, { type: 'none' }],
    ['Enter in an empty "who was present" shows the results', 'Enter', { present: { empty: true } }, total, { type: 'finish' }],
    ['Enter with a name typed adds it', 'Enter', { present: { empty: false } }, total, { type: 'none' }],
    ['another text field keeps its keys', 'ArrowRight', 'other-field', choiceAt, { type: 'none' }]
  ] as const)('%s', (_name, key, target, index, action) => {
    expect(workshopKey(press(key), target as WorkshopKeyTarget, stateAt(index)).action).toEqual(action)
  })

  const anyKey = fc.oneof(
    fc.constantFrom('Enter', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Tab', ' ', 'u', 'n', 'o', 's'),
    fc.string({ minLength: 1, maxLength: 1 })
  )
  const anyTarget: fc.Arbitrary<WorkshopKeyTarget> = fc.oneof(
    fc.constantFrom<WorkshopKeyTarget>('note', 'count', 'other-field', 'page'),
    fc.boolean().map((empty) => ({ present: { empty } }))
  )
  const anyState = fc
    .record({ index: fc.integer({ min: 0, max: total }), firstUnanswered: fc.integer({ min: -1, max: total - 1 }), overview: fc.boolean() })
    .map((s) => stateAt(s.index, s))

  it('never leaves the workshop by Escape, never moves outside it, and ignores shortcuts with modifiers (property)', () => {
    fc.assert(
      fc.property(anyKey, anyTarget, anyState, fc.boolean(), (key, target, state, ctrl) => {
        const { action } = workshopKey(press(key, { ctrlKey: ctrl }), target, state)
        if (ctrl) expect(action.type).toBe('none')
        if (key === 'Escape') expect(['none', 'blur']).toContain(action.type)
        if (action.type === 'go') {
          expect(action.to).toBeGreaterThanOrEqual(0)
          expect(action.to).toBeLessThanOrEqual(total)
        }
        // Only a question on screen takes an answer, and only one it offers (or unknown).
        if (action.type === 'answer') {
          expect(state.step).toBeDefined()
          expect([UNKNOWN, ...state.step!.options.map((o) => o.id)]).toContain(action.value)
        }
        // Typing in a note never answers or moves.
        if (target === 'note') expect(['none', 'blur']).toContain(action.type)
      }),
      { numRuns: 1000 }
    )
  })
})
