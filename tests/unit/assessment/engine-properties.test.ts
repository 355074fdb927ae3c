import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { assess, matchingRules, RULE_IDS } from '../../../shared/domain/assessment/engine'
import { DIMENSION_IDS, type DimensionId } from '../../../shared/domain/assessment/dimensions'
import { FLAG_IDS, TASK_IDS } from '../../../shared/domain/catalogue'
import { contextArb, maturityArb } from '../../helpers/assessment-arbitraries.helper'

const dimensionArb = fc.constantFrom(...DIMENSION_IDS)

describe('engine properties', () => {
  it('raising any maturity level never adds a task', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, dimensionArb, fc.integer({ min: 1, max: 4 }), (m, c, dim: DimensionId, step) => {
        const raised = { ...m, [dim]: Math.min(4, m[dim] + step) }
        const before = new Set(assess({ maturity: m, context: c }).tasks)
        const after = assess({ maturity: raised, context: c }).tasks
        for (const t of after) expect(before.has(t)).toBe(true)
      })
    )
  })

  it('the first hire never depends on the client name', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, fc.string(), fc.string(), (m, c, a, b) => {
        const x = assess({ maturity: m, context: c, clientName: a })
        const y = assess({ maturity: m, context: c, clientName: b })
        const z = assess({ maturity: m, context: c })
        expect(x.firstHire).toBe(y.firstHire)
        expect(x.firstHire).toBe(z.firstHire)
        expect({ ...x, summary: '' }).toEqual({ ...z, summary: '' })
      })
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, (m, c) => {
        expect(assess({ maturity: m, context: c })).toEqual(assess({ maturity: { ...m }, context: { ...c } }))
      })
    )
  })

  it('overall is the unrounded mean in [0, 4]; platform likewise', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, (m, c) => {
        const r = assess({ maturity: m, context: c })
        expect(r.overall).toBeGreaterThanOrEqual(0)
        expect(r.overall).toBeLessThanOrEqual(4)
        expect(r.overall).toBe(DIMENSION_IDS.reduce((s, d) => s + m[d], 0) / 8)
        expect(r.platform).toBe((m.deploy + m.monitor + m.logging + m.experiment) / 4)
        expect(Object.keys(r.scores)).toEqual([...DIMENSION_IDS])
      })
    )
  })

  it('rule is the first match; alsoMatched the later matches without R6', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, (m, c) => {
        const r = assess({ maturity: m, context: c })
        const matched = matchingRules(m, c)
        expect(r.rule).toBe(matched[0])
        expect(r.alsoMatched).toEqual(matched.slice(1).filter((id) => id !== 'R6'))
        expect(r.alsoMatched).not.toContain('R6')
        for (const id of r.alsoMatched) expect(RULE_IDS.indexOf(id)).toBeGreaterThan(RULE_IDS.indexOf(r.rule))
      })
    )
  })

  it('outputs only catalogue ids, without duplicates, in catalogue order for flags', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, (m, c) => {
        const r = assess({ maturity: m, context: c })
        expect(new Set(r.tasks).size).toBe(r.tasks.length)
        for (const t of r.tasks) expect(TASK_IDS).toContain(t)
        const flagPositions = r.flags.map((f) => FLAG_IDS.indexOf(f))
        expect(flagPositions).toEqual([...flagPositions].sort((a, b) => a - b))
        expect(new Set(r.hiringSequence).size).toBe(r.hiringSequence.length)
        expect(r.hiringSequence[0]).toBe(r.firstHire)
        if (r.tasks.includes('objectives_audit')) expect(r.tasks[0]).toBe('objectives_audit')
      })
    )
  })

  it('rejects levels outside 0–4 and non-integers', () => {
    const m = { deploy: 0, monitor: 0, experiment: 0, logging: 0, data: 0, cicd: 0, infra: 0, tracking: 0 }
    const c = fc.sample(contextArb, { numRuns: 1, seed: 1 })[0]!
    expect(() => assess({ maturity: { ...m, deploy: 5 }, context: c })).toThrow(/maturity.deploy/)
    expect(() => assess({ maturity: { ...m, data: 1.5 }, context: c })).toThrow(/maturity.data/)
    expect(() => assess({ maturity: m, context: { ...c, ml_staff: -1 } })).toThrow(/context.ml_staff/)
  })
})
