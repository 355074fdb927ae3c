import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { GOOGLE_SCALE, mapMaturityScales, maturityScalesFromAnswers, MICROSOFT_SCALE } from '../../../shared/domain/assessment/maturity-scales'
import { answersForMaturity } from '../../../shared/domain/assessment/question-bank'
import { DIMENSION_IDS, type Maturity } from '../../../shared/domain/assessment/dimensions'
import { TOP_MATURITY, ZERO_MATURITY } from '../../helpers/assessment-input.helper'
import { maturityArb } from '../../helpers/assessment-arbitraries.helper'

describe('maturity scales', () => {
  it('nothing in place: Google 0, Microsoft 0', () => {
    const r = mapMaturityScales(ZERO_MATURITY)
    expect(r.google.level).toBe(0)
    expect(r.microsoft.level).toBe(0)
    expect(r.google.next?.missing.length).toBeGreaterThan(0)
    expect(r.note.length).toBeGreaterThan(20)
  })

  it('everything in place: Google 2, Microsoft 4, nothing next', () => {
    const r = mapMaturityScales(TOP_MATURITY)
    expect(r.google).toMatchObject({ level: 2, name: 'CI/CD pipeline automation', next: null })
    expect(r.microsoft).toMatchObject({ level: 4, name: 'Full MLOps automated operations', next: null })
  })

  it('application CI only: Microsoft 1 (DevOps but no MLOps)', () => {
    const m: Maturity = { ...ZERO_MATURITY, cicd: 1 }
    expect(mapMaturityScales(m).microsoft.level).toBe(1)
    expect(mapMaturityScales(m).google.level).toBe(0)
  })

  it('automated training: Google 1 and Microsoft 2', () => {
    const m: Maturity = { ...ZERO_MATURITY, cicd: 3, data: 2, tracking: 3, infra: 3 }
    const r = mapMaturityScales(m)
    expect(r.google.level).toBe(1)
    expect(r.microsoft.level).toBe(2)
    expect(r.microsoft.next!.missing.some((s) => s.startsWith('Deployment & serving at level 3 or more (now 0)'))).toBe(true)
  })

  it('levels are cumulative: meeting a higher level without a lower one does not count', () => {
    const m: Maturity = { ...TOP_MATURITY, cicd: 0 }
    const r = mapMaturityScales(m)
    expect(r.microsoft.level).toBe(0)
    expect(r.google.level).toBe(0)
  })

  it('is monotone: raising a dimension never lowers a placement', () => {
    fc.assert(
      fc.property(maturityArb, fc.constantFrom(...DIMENSION_IDS), (m, d) => {
        const raised = { ...m, [d]: Math.min(4, m[d] + 1) }
        expect(mapMaturityScales(raised).google.level).toBeGreaterThanOrEqual(mapMaturityScales(m).google.level)
        expect(mapMaturityScales(raised).microsoft.level).toBeGreaterThanOrEqual(mapMaturityScales(m).microsoft.level)
      })
    )
  })

  it('the two scales never contradict each other: automated training on one is pipeline automation on the other', () => {
    fc.assert(
      fc.property(maturityArb, (m) => {
        const r = mapMaturityScales(m)
        if (r.microsoft.level >= 2) expect(r.google.level).toBeGreaterThanOrEqual(1)
        if (r.google.level === 0) expect(r.google.description).not.toMatch(/rare/)
      }),
      { numRuns: 300 }
    )
  })

  it('maps answers the same way as levels', () => {
    fc.assert(
      fc.property(maturityArb, (m) => {
        expect(maturityScalesFromAnswers(answersForMaturity(m))).toEqual(mapMaturityScales(m))
      }),
      { numRuns: 30 }
    )
  })

  it('scale definitions are complete', () => {
    expect(GOOGLE_SCALE.levels.map((l) => l.level)).toEqual([0, 1, 2])
    expect(MICROSOFT_SCALE.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4])
  })
})
