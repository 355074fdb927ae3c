import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FLAG_IDS, ROLE_IDS, TASK_BY_ID } from '../../../shared/domain/catalogue'
import { RULE_IDS } from '../../../shared/domain/assessment/engine'
import { AI_APPROACHES } from '../../../shared/domain/assessment/dimensions'
import { generatePlan, hireItemId } from '../../../shared/domain/planning/plan.generator'
import { planItems, workItems } from '../../../shared/domain/planning/plan.model'
import { defaultPricingTerms, pricePlan } from '../../../shared/domain/planning/pricing'
import {
  PLAN_JSON_HIRE_KEYS,
  PLAN_JSON_KEYS,
  PLAN_JSON_MILESTONE_KEYS,
  PLAN_JSON_OTHER_ROUTE_KEYS,
  PLAN_JSON_PHASE_KEYS,
  PLAN_JSON_TASK_KEYS,
  PLAN_JSON_TIER_KEYS,
  PLAN_JSON_TOTALS_KEYS,
  toPlanJson
} from '../../../shared/domain/planning/plan-json'
import { ML_ROLE_IDS } from '../../../shared/domain/catalogue'
import { invariantViolations } from '../../helpers/plan-invariants.helper'
import { planInputArb, steeredInputArb } from '../../helpers/plan-input.helper'

const RUNS = { numRuns: 400 }

describe("DOMAIN's plan invariants 1–8, over intakes steered to every rule", () => {
  it('every generated plan keeps every invariant (with the defaults, as the CLI plans)', () => {
    fc.assert(
      fc.property(steeredInputArb, (input) => {
        const plan = generatePlan(input)
        expect(invariantViolations(plan, input.context, { defaults: true })).toEqual([])
      }),
      { numRuns: 1500 }
    )
  })

  it('the structural invariants hold for any capacity and lead time', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        expect(invariantViolations(plan, input.context, { defaults: false })).toEqual([])
      }),
      RUNS
    )
  })

  it('the generated intakes reach every rule, flag, approach and milestone kind', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(steeredInputArb, (input) => {
        const plan = generatePlan(input)
        seen.add(plan.rule)
        seen.add(input.context.ai_approach)
        seen.add(plan.milestone.kind)
        for (const f of plan.flags) seen.add(f)
        if (plan.otherRoute.sameWeek) seen.add('same week')
        if (plan.tiers.some((t) => t.id === 'pending')) seen.add('pending tier')
        if (plan.milestone.next) seen.add('next feature')
        if (plan.milestone.beforeFirstHire) seen.add('before the hire')
      }),
      { numRuns: 1500 }
    )
    for (const x of [
      ...RULE_IDS,
      ...FLAG_IDS,
      ...AI_APPROACHES,
      'first_ai_feature',
      'pain_relieved',
      'feasibility_answer',
      'first_model_improvement',
      'same week',
      'pending tier',
      'next feature'
    ]) {
      expect(seen, x).toContain(x)
    }
  })
})

describe('structure over arbitrary intakes', () => {
  it('the same input gives the same plan, and the input is left alone', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const before = JSON.stringify(input)
        expect(generatePlan(input)).toEqual(generatePlan(input))
        expect(JSON.stringify(input)).toBe(before)
      }),
      { numRuns: 100 }
    )
  })

  it('every triggered task appears once with its catalogue id; hires once each with a recruiting item', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const ids = planItems(plan).map((i) => i.id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of input.assessment.tasks) expect(ids).toContain(id)
        expect(plan.hires.map((h) => h.role)).toEqual(input.assessment.hiringSteps.map((s) => s.role))
        for (const h of plan.hires) {
          const item = planItems(plan).find((i) => i.id === hireItemId(h.role))!
          expect(item.kind).toBe('hire')
          expect(item.effortDays).toBeGreaterThan(0)
          expect(item.startWeek).toBe(h.recruitStartWeek)
          expect(item.endWeek).toBe(h.startWeek - 1)
          expect(item.phase).toBe(h.position === 0 ? 'first_hire' : 'build_out')
        }
      }),
      RUNS
    )
  })

  it('hires: the first recruits from week 2 (an ML role after the audit), later ones at least 2 weeks apart; each starts the lead time after recruiting opens', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const audit = planItems(plan).find((i) => i.id === 'objectives_audit')
        plan.hires.forEach((h, i) => {
          expect(h.startWeek - h.recruitStartWeek).toBe(h.leadTimeWeeks)
          expect(h.recruitStartWeek).toBeGreaterThanOrEqual(2)
          if (i === 0) expect(h.recruitStartWeek).toBe(audit && ML_ROLE_IDS.includes(h.role) ? audit.endWeek + 1 : 2)
          else expect(h.startWeek).toBeGreaterThanOrEqual(plan.hires[i - 1]!.startWeek + 2)
          if (audit && ML_ROLE_IDS.includes(h.role)) expect(h.recruitStartWeek).toBeGreaterThan(audit.endWeek)
          expect(h.workStartWeek).toBe(h.startWeek + 1)
        })
      }),
      RUNS
    )
  })

  it("a hire's own tasks start from the week after they start; pairing is a third of the work, to the half day", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        for (const item of workItems(plan)) {
          if (item.kind !== 'task' || item.owner === 'consultant') continue
          const hire = plan.hires.find((h) => h.role === item.owner)!
          expect(item.startWeek).toBeGreaterThanOrEqual(hire.workStartWeek)
          expect(item.effortDays).toBe(Math.max(0.5, Math.round((item.fullEffortDays / 3) * 2) / 2))
          expect(TASK_BY_ID[item.id as keyof typeof TASK_BY_ID].ownerKind).toBe('platform')
        }
      }),
      RUNS
    )
  })

  it("the consultant's block work never exceeds the capacity; the weekly load accounts for every consultant day", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        expect(plan.consultantLoad).toHaveLength(plan.lastWeekWithOptions)
        const all = workItems(plan).reduce((s, i) => s + i.effortDays, 0)
        const load = plan.consultantLoad.reduce((s, d) => s + d, 0)
        expect(load).toBeCloseTo(all, 6)
        // Block work alone: consultant-owned items other than the interim lead, spread no thinner than the capacity allows.
        for (const item of workItems(plan)) {
          if (item.owner !== 'consultant' || item.daysPerWeek !== undefined) continue
          expect(item.effortDays).toBeLessThanOrEqual(plan.capacityDaysPerWeek * (item.endWeek - item.startWeek + 1) + 1e-9)
        }
      }),
      RUNS
    )
  })

  it('the interim lead is one day a week from week 2 (after the audit) to the last week', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const interim = planItems(plan).find((i) => i.id === 'interim_lead')
        expect(interim !== undefined).toBe(plan.flags.includes('needs_interim_lead'))
        if (!interim) return
        const audit = planItems(plan).find((i) => i.id === 'objectives_audit')
        expect(interim.startWeek).toBe(Math.min(plan.weeks, Math.max(2, audit?.endWeek ?? 1)))
        expect(interim.endWeek).toBe(plan.weeks)
        expect(interim.effortDays).toBe(interim.daysPerWeek! * (interim.endWeek - interim.startWeek + 1))
      }),
      RUNS
    )
  })

  it('optional work is exactly the pending work; its reason follows the rule and the audit', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        for (const item of workItems(plan)) {
          expect(item.optional).toBe(item.pending !== null)
          if (item.pending === 'feasibility') expect(plan.rule).toBe('R3')
          if (item.pending === 'audit') expect(plan.flags).toContain('no_data_no_model')
        }
        if (!plan.flags.includes('no_data_no_model') && plan.rule !== 'R3') expect(plan.optionalTotals.effortDays).toBe(0)
      }),
      RUNS
    )
  })

  it('committed plus optional is the pending tier: every figure for "all of it" agrees', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const pending = plan.tiers.find((t) => t.id === 'pending')
        if (plan.optionalTotals.effortDays === 0) {
          expect(pending).toBeUndefined()
          return
        }
        expect(pending).toBeDefined()
        expect(plan.totals.effortDays + plan.optionalTotals.effortDays).toBeCloseTo(pending!.effortDays, 6)
        expect(plan.totals.cost + plan.optionalTotals.cost).toBeCloseTo(pending!.cost, 4)
      }),
      RUNS
    )
  })

  it('no instalment falls due after the work the client commits to, whichever tier it commits to', () => {
    fc.assert(
      fc.property(planInputArb, fc.nat(), (input, pick) => {
        const plan = generatePlan(input)
        const tiers = plan.tiers.filter((t) => t.id !== 'pending')
        const tier = tiers[pick % tiers.length]!
        const terms = { ...defaultPricingTerms('2030-01-01'), tiers: { committed: tier.id, offered: [tier.id] } }
        const priced = pricePlan(plan, terms)
        expect(priced.committed.id).toBe(tier.id)
        for (const p of priced.payments) expect(p.dueWeek).toBeLessThanOrEqual(tier.lastWeek)
        expect(priced.payments.at(-1)!.dueWeek).toBe(tier.lastWeek)
      }),
      RUNS
    )
  })

  it('the handover goes to the hire who owns the platform, and only when there is consultant work to hand over', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const handover = planItems(plan).find((i) => i.id === 'handover')
        if (!handover) return
        expect(['infra_engineer', 'mlops_engineer']).toContain(handover.owner)
        expect(handover.startWeek).toBeGreaterThanOrEqual(plan.hires.find((h) => h.role === handover.owner)!.startWeek)
        expect(handover.dependsOn.length).toBeGreaterThan(0)
      }),
      RUNS
    )
  })

  it("the JSON has exactly DOMAIN's keys, in order, and agrees with the plan", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const json = toPlanJson(plan)
        expect(Object.keys(json)).toEqual([...PLAN_JSON_KEYS])
        for (const p of json.phases) {
          expect(Object.keys(p)).toEqual([...PLAN_JSON_PHASE_KEYS])
          expect(p.tasks.length).toBeGreaterThan(0)
          for (const t of p.tasks) expect(Object.keys(t)).toEqual([...PLAN_JSON_TASK_KEYS])
        }
        for (const h of json.hires) expect(Object.keys(h)).toEqual([...PLAN_JSON_HIRE_KEYS])
        expect(Object.keys(json.milestone)).toEqual([...PLAN_JSON_MILESTONE_KEYS])
        expect(Object.keys(json.otherRoute)).toEqual([...PLAN_JSON_OTHER_ROUTE_KEYS])
        for (const t of json.tiers) expect(Object.keys(t)).toEqual([...PLAN_JSON_TIER_KEYS])
        expect(Object.keys(json.totals)).toEqual([...PLAN_JSON_TOTALS_KEYS])
        const tasks = json.phases.flatMap((p) => p.tasks)
        expect(tasks.some((t) => t.id === 'kickoff')).toBe(true)
        for (const t of tasks) expect(['consultant', ...ROLE_IDS]).toContain(t.owner)
        expect(json.totals.effortDays).toBe(tasks.filter((t) => !t.optional).reduce((s, t) => s + t.effortDays, 0))
        expect(json.weeks).toBe(
          Math.max(
            ...tasks.filter((t) => !t.optional).map((t) => t.endWeek),
            json.milestone.week,
            ...json.hires.map((h) => h.startWeek).filter((_, i) => !plan.hires[i]!.pending)
          )
        )
        expect(JSON.parse(JSON.stringify(json))).toEqual(json)
      }),
      RUNS
    )
  })
})
