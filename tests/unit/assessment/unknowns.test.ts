import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { assess } from '../../../shared/domain/assessment/engine'
import { answersForContext, answersForMaturity, UNKNOWN, type Answers } from '../../../shared/domain/assessment/question-bank'
import { assessWithUnknowns, reachableLevels, REPRESENTATIVE_COUNTS } from '../../../shared/domain/assessment/unknowns'
import type { AssessmentContext, Maturity } from '../../../shared/domain/assessment/dimensions'
import { NEUTRAL_CONTEXT, TOP_MATURITY } from '../../helpers/assessment-input.helper'
import { contextArb, maturityArb } from '../../helpers/assessment-arbitraries.helper'

function answers(context: Partial<AssessmentContext> = {}, maturity: Partial<Maturity> = {}, unknown: string[] = []): Answers {
  const all: Record<string, string | number> = {
    ...answersForMaturity({ ...TOP_MATURITY, ...maturity }),
    ...answersForContext({ ...NEUTRAL_CONTEXT, ...context })
  }
  for (const id of unknown) all[id] = UNKNOWN
  return all
}

describe('assessWithUnknowns', () => {
  it('with every answer known it equals the plain assessment and assumes nothing', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, (m, c) => {
        const a = { ...answersForMaturity(m), ...answersForContext(c) }
        const r = assessWithUnknowns(a)
        expect(r.assumptions).toEqual([])
        expect(r.decisive).toEqual([])
        expect(r.unknownQuestionIds).toEqual([])
        expect(r.result).toEqual(assess({ maturity: m, context: c }))
      }),
      { numRuns: 50 }
    )
  })

  it('an empty questionnaire: every dimension 0, every context key assumed', () => {
    const r = assessWithUnknowns({})
    expect(Object.values(r.maturity)).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    expect(r.assumptions).toHaveLength(8 + 18)
    expect(r.context.ml_leadership).toBe(false)
    expect(r.result.firstHire).toBe('fullstack_ai_engineer')
  })

  it('an unknown boolean is assumed false and is decisive when true would change the first hire', () => {
    const r = assessWithUnknowns(answers({ stage: 'exploration', models_in_production: 0 }, {}, ['has_objectives']))
    expect(r.context.has_objectives).toBe(false)
    expect(r.result.firstHire).toBe('fullstack_ai_engineer')
    const a = r.assumptions.find((x) => x.subject === 'has_objectives')!
    expect(a).toMatchObject({ kind: 'context', assumed: false, decisive: true, questionIds: ['has_objectives'] })
    expect(a.changes).toEqual([{ value: true, firstHire: 'ml_engineer', rule: 'R6' }])
    expect(r.decisive.map((x) => x.subject)).toEqual(['has_objectives'])
  })

  it('unknowns that cannot change the first hire are assumptions but not decisive', () => {
    const r = assessWithUnknowns(answers({}, {}, ['cloud', 'headcount', 'demo_traction']))
    expect(r.assumptions.map((a) => [a.subject, a.decisive])).toEqual([
      ['headcount', false],
      ['demo_traction', false],
      ['cloud', false]
    ])
    expect(r.decisive).toEqual([])
  })

  it('a dimension is decisive when a reachable level changes the first hire', () => {
    // monitor + logging + experiment = 6: deploy 0 → R4 (infra), deploy 2 → R6 (ML engineer)
    const r = assessWithUnknowns(answers({}, { monitor: 2, logging: 2, experiment: 2 }, ['deploy_path', 'deploy_rollback']))
    expect(r.maturity.deploy).toBe(0)
    expect(r.result.firstHire).toBe('infra_engineer')
    const a = r.assumptions.find((x) => x.subject === 'deploy')!
    expect(a.kind).toBe('dimension')
    expect(a.possibleValues).toEqual([0, 1, 2, 3, 4])
    expect(a.decisive).toBe(true)
    expect(a.changes.map((c) => c.value)).toEqual([2, 3, 4])
  })

  it('only levels the known answers allow are tried', () => {
    // deploy_path answered "manual" (supports 1) and every rollback answer supports 3 or more:
    // deploy can only really be 1 (it is still scored 0 while unknown) → sum ≤ 7, never decisive
    const a = answers({}, { monitor: 2, logging: 2, experiment: 2 }, ['deploy_rollback'])
    const r = assessWithUnknowns({ ...a, deploy_path: 'B' })
    expect(reachableLevels('deploy', { ...a, deploy_path: 'B' })).toEqual([1])
    const d = r.assumptions.find((x) => x.subject === 'deploy')!
    expect(d.assumed).toBe(0)
    expect(d.possibleValues).toEqual([1])
    expect(d.decisive).toBe(false)
    expect(reachableLevels('deploy', { deploy_path: 'D' })).toEqual([3, 4])
  })

  it('an unknown count is tried at representative values', () => {
    const r = assessWithUnknowns(answers({ ai_approach: 'custom' }, { deploy: 3, monitor: 3, data: 3 }, ['ml_staff']))
    expect(r.result.firstHire).toBe('ml_engineer')
    const a = r.assumptions.find((x) => x.subject === 'ml_staff')!
    expect(a.possibleValues).toEqual([...REPRESENTATIVE_COUNTS])
    expect(a.decisive).toBe(true)
    expect(a.changes[0]).toEqual({ value: 1, firstHire: 'ml_scientist', rule: 'R5' })
  })

  it('an unknown enum is tried at every value', () => {
    const r = assessWithUnknowns(answers({ stage: 'pilot', deploy_is_bottleneck: true }, { deploy: 2, monitor: 2, cicd: 2 }, ['stage']))
    const a = r.assumptions.find((x) => x.subject === 'stage')!
    expect(a.assumed).toBe('exploration')
    expect(a.possibleValues).toEqual(['exploration', 'pilot', 'production'])
    expect(a.decisive).toBe(true)
    expect(a.changes.map((c) => c.firstHire)).toEqual(['mlops_engineer', 'mlops_engineer'])
  })

  it('warnings only cover answers that were known', () => {
    const a = answers({ ml_staff_doing_infra: true, infra_staff: 1 }, {}, ['ml_staff'])
    const r = assessWithUnknowns(a)
    expect(r.context.ml_staff).toBe(0)
    expect(assess({ maturity: r.maturity, context: r.context }).warnings.map((w) => w.code)).toContain('ml_staff_doing_infra_without_ml_staff')
    expect(r.result.warnings).toEqual([])
  })

  it('is deterministic', () => {
    const a = answers({}, { monitor: 1 }, ['deploy_path', 'stage', 'ml_staff'])
    expect(assessWithUnknowns(a)).toEqual(assessWithUnknowns({ ...a }))
  })
})
