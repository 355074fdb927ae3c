import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CRITERION_PROBES, KIT_SIZE, packKits, ROLE_AVOIDS } from '../../../shared/content/interview-kits'
import { DEFAULT_LIBRARY } from '../../../shared/content/library.content'
import { ROLE_IDS, type RoleId } from '../../../shared/domain/catalogue'

const profile = (id: RoleId) => DEFAULT_LIBRARY.roles.find((r) => r.id === id)!
const questions = DEFAULT_LIBRARY.questions
const byId = new Map(questions.map((q) => [q.id, q]))
const packArb = fc.uniqueArray(fc.constantFrom(...ROLE_IDS), { minLength: 1, maxLength: ROLE_IDS.length })

describe('interview kits for a hiring pack', () => {
  it('every default criterion names questions that exist', () => {
    for (const ids of Object.values(CRITERION_PROBES)) for (const id of ids) expect(byId.has(id), id).toBe(true)
    for (const r of DEFAULT_LIBRARY.roles)
      for (const c of r.scorecard) expect(CRITERION_PROBES[c.criterion.toLowerCase()], `${r.id}: ${c.criterion}`).toBeDefined()
  })

  it('over any pack: no question twice, every criterion probed, nothing the job description leaves out, one weighting', () => {
    fc.assert(
      fc.property(packArb, fc.boolean(), (roles, aiDomain) => {
        const kits = packKits(roles.map(profile), questions, { aiDomain })
        const asked = kits.flatMap((k) => [...k.criteria.flatMap((c) => c.questions), ...k.addOn]).map((q) => q.id)
        expect(new Set(asked).size).toBe(asked.length)
        for (const k of kits) {
          const avoid = ROLE_AVOIDS[k.role]
          for (const c of k.criteria) {
            expect(c.questions.length, `${k.role}: ${c.criterion}`).toBeGreaterThanOrEqual(1)
            for (const q of c.questions) {
              expect(avoid?.groups.includes(q.group) ?? false, `${k.role} asked ${q.id}`).toBe(false)
              expect(avoid?.ids.includes(q.id) ?? false, `${k.role} asked ${q.id}`).toBe(false)
            }
          }
          // The scorecard's weights are the only weighting, and they add up to one.
          expect(k.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 6)
          expect(k.criteria.flatMap((c) => c.questions).length).toBeLessThanOrEqual(KIT_SIZE + k.criteria.length)
          expect(k.addOn.every((q) => q.group === 'ai_domain')).toBe(true)
          for (const q of k.addOn) expect(avoid?.ids.includes(q.id) ?? false, `${k.role} asked ${q.id}`).toBe(false)
          if (!aiDomain) expect(k.addOn).toEqual([])
        }
      }),
      { numRuns: 200 }
    )
  })

  it('the infrastructure engineer gets no model-architecture or theory questions, and the exercise the scorecard names', () => {
    const [kit] = packKits([profile('infra_engineer')], questions, { aiDomain: true })
    const groups = new Set(kit!.criteria.flatMap((c) => c.questions.map((q) => q.group)))
    expect(groups.has('ml_theory')).toBe(false)
    expect(kit!.criteria.flatMap((c) => c.questions.map((q) => q.id))).not.toContain('prac_baseline_first')
    expect(kit!.exercise?.id).toBe('swe_interval_exercise')
    // Nor how to design what an LLM feature answers: that is the feature builders' work.
    expect(kit!.addOn.length).toBeGreaterThan(0)
    expect(kit!.addOn.map((q) => q.id)).not.toContain('ai_rag_design')
    expect(kit!.addOn.map((q) => q.id)).not.toContain('ai_unsupported_answers')
  })

  it('a criterion the consultant wrote is probed from the group its words point to', () => {
    const custom = { ...profile('ml_engineer'), scorecard: [{ criterion: 'Statistical research depth', strong: 'x', weight: 1 }] }
    const [kit] = packKits([custom], questions, { aiDomain: false })
    expect(kit!.criteria[0]!.questions.every((q) => q.group === 'ml_theory')).toBe(true)
    expect(kit!.criteria[0]!.questions).toHaveLength(KIT_SIZE)
  })
})
