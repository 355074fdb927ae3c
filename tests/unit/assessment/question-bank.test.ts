import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  answersForContext,
  answersForMaturity,
  CONTEXT_DEFAULTS,
  CONTEXT_QUESTIONS,
  contextFromAnswers,
  InvalidAnswerError,
  levelsFromAnswers,
  MATURITY_QUESTIONS,
  maturityFromAnswers,
  questionsFor,
  UNKNOWN
} from '../../../shared/domain/assessment/question-bank'
import { CONTEXT_KEYS, CONTEXT_SPEC, DIMENSION_IDS } from '../../../shared/domain/assessment/dimensions'
import { contextArb, maturityArb } from '../../helpers/assessment-arbitraries.helper'

describe('maturity questions', () => {
  it('at least 16 questions, 1–3 per dimension, unique ids', () => {
    expect(MATURITY_QUESTIONS.length).toBeGreaterThanOrEqual(16)
    for (const d of DIMENSION_IDS) {
      expect(questionsFor(d).length).toBeGreaterThanOrEqual(1)
      expect(questionsFor(d).length).toBeLessThanOrEqual(3)
    }
    const ids = [...MATURITY_QUESTIONS.map((q) => q.id), ...CONTEXT_QUESTIONS.map((q) => q.id)]
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).not.toContain(UNKNOWN)
  })

  it('every question has text, help, and lettered options A, B, C…', () => {
    for (const q of MATURITY_QUESTIONS) {
      expect(q.text).toMatch(/\?$/)
      expect(q.help.length).toBeGreaterThan(20)
      expect(q.options.length).toBeGreaterThanOrEqual(2)
      expect(q.options.map((o) => o.id)).toEqual('ABCDEFGHIJ'.slice(0, q.options.length).split(''))
    }
  })

  it('no option is a bare number or mentions "level"', () => {
    const labels = [
      ...MATURITY_QUESTIONS.flatMap((q) => q.options.map((o) => o.label)),
      ...CONTEXT_QUESTIONS.flatMap((q) => (q.kind === 'choice' ? q.options.map((o) => o.label) : []))
    ]
    for (const label of labels) {
      expect(label.trim()).not.toMatch(/^[\d\s.,+-]+$/)
      expect(label.toLowerCase()).not.toContain('level')
    }
  })

  it('every level 0–4 is reachable in every dimension, and answersForMaturity reproduces levels', () => {
    fc.assert(
      fc.property(maturityArb, (m) => {
        expect(maturityFromAnswers(answersForMaturity(m))).toEqual(m)
      })
    )
  })

  it("a dimension's level is the lowest level its answers support, always an integer", () => {
    const deploy = questionsFor('deploy')
    fc.assert(
      fc.property(fc.tuple(...deploy.map((q) => fc.constantFrom(...q.options))), (chosen) => {
        const answers = Object.fromEntries(deploy.map((q, i) => [q.id, chosen[i]!.id]))
        const { level, unknownQuestions } = levelsFromAnswers(answers).deploy
        expect(level).toBe(Math.min(...chosen.map((o) => o.level)))
        expect(Number.isInteger(level)).toBe(true)
        expect(unknownQuestions).toEqual([])
      })
    )
  })

  it('a practice counts only when all its parts exist: canary pipeline without automatic rollback is 3', () => {
    const levels = levelsFromAnswers({ deploy_path: 'D', deploy_rollback: 'A' })
    expect(levels.deploy.level).toBe(3)
    expect(levelsFromAnswers({ deploy_path: 'D', deploy_rollback: 'C' }).deploy.level).toBe(4)
    expect(levelsFromAnswers({ deploy_path: 'B', deploy_rollback: 'C' }).deploy.level).toBe(1)
  })

  it('unknown (or unanswered) maturity answers count as 0 and are reported', () => {
    const levels = levelsFromAnswers({ deploy_path: 'D', deploy_rollback: UNKNOWN })
    expect(levels.deploy).toEqual({ level: 0, unknownQuestions: ['deploy_rollback'] })
    expect(levelsFromAnswers({}).monitor).toEqual({ level: 0, unknownQuestions: ['monitor_signals', 'monitor_drift'] })
  })

  it('rejects answers that are not options', () => {
    expect(() => levelsFromAnswers({ deploy_path: 'Z' })).toThrow(InvalidAnswerError)
    expect(() => levelsFromAnswers({ deploy_path: 3 })).toThrow(/deploy_path/)
  })
})

describe('context questions', () => {
  it('one per context key, with the allowed values', () => {
    expect(CONTEXT_QUESTIONS.map((q) => q.key)).toEqual(CONTEXT_KEYS)
    for (const q of CONTEXT_QUESTIONS) {
      const spec = CONTEXT_SPEC[q.key]
      expect(q.help.length).toBeGreaterThan(10)
      if (spec.kind === 'integer') expect(q.kind).toBe('count')
      else if (q.kind === 'choice') {
        const values = q.options.map((o) => o.value)
        expect(values).toEqual(spec.kind === 'boolean' ? [true, false] : [...spec.values])
        expect(q.options.map((o) => o.id)).toEqual('ABCDE'.slice(0, q.options.length).split(''))
      } else throw new Error(`${q.key} should be a choice`)
    }
  })

  it('answersForContext and contextFromAnswers round-trip', () => {
    fc.assert(
      fc.property(contextArb, (c) => {
        const { context, assumptions } = contextFromAnswers(answersForContext(c))
        expect(context).toEqual(c)
        expect(assumptions).toEqual([])
      })
    )
  })

  it('unknown booleans become false, other unknowns take stated defaults, all listed as assumptions', () => {
    const { context, assumptions } = contextFromAnswers({ ml_leadership: UNKNOWN, gpu_workloads: 'A' })
    expect(context.ml_leadership).toBe(false)
    expect(context.gpu_workloads).toBe(true)
    expect(context).toEqual({ ...CONTEXT_DEFAULTS, gpu_workloads: true })
    expect(assumptions.map((a) => a.key)).toEqual(CONTEXT_KEYS.filter((k) => k !== 'gpu_workloads'))
    for (const a of assumptions) {
      expect(a.text).toContain('Unknown')
      if (CONTEXT_SPEC[a.key].kind === 'boolean') expect(a.assumed).toBe(false)
    }
  })

  it('counts take whole numbers only', () => {
    expect(contextFromAnswers({ ml_staff: 3 }).context.ml_staff).toBe(3)
    expect(() => contextFromAnswers({ ml_staff: -1 })).toThrow(InvalidAnswerError)
    expect(() => contextFromAnswers({ ml_staff: 1.5 })).toThrow(InvalidAnswerError)
    expect(() => contextFromAnswers({ stage: 'Q' })).toThrow(InvalidAnswerError)
  })
})
