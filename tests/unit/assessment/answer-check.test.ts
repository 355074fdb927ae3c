import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answerProblem } from '../../../shared/domain/assessment/answer-check'
import { CONTEXT_QUESTIONS, MATURITY_QUESTIONS, UNKNOWN } from '../../../shared/domain/assessment/question-bank'

describe('answer checks', () => {
  it('every option a question offers fits it, as do unknown and a cleared answer', () => {
    for (const q of MATURITY_QUESTIONS) {
      for (const o of q.options) expect(answerProblem(q.id, o.id)).toBeNull()
      expect(answerProblem(q.id, UNKNOWN)).toBeNull()
      expect(answerProblem(q.id, null)).toBeNull()
    }
    for (const q of CONTEXT_QUESTIONS) {
      if (q.kind === 'count') expect(answerProblem(q.key, 12)).toBeNull()
      else for (const o of q.options) expect(answerProblem(q.key, o.id)).toBeNull()
    }
  })

  it('anything a question does not offer is refused with a sentence (property)', () => {
    const questions = [...MATURITY_QUESTIONS.map((q) => ({ id: q.id, offered: q.options.map((o) => o.id as string) }))]
    fc.assert(
      fc.property(fc.constantFrom(...questions), fc.oneof(fc.string(), fc.integer()), ({ id, offered }, value) => {
        fc.pre(value !== UNKNOWN && !offered.includes(value as string))
        expect(answerProblem(id, value)).toMatch(/not one of the options/)
      })
    )
    expect(answerProblem('no-such-question', 'a')).toMatch(/not a valid answer/)
  })
})
