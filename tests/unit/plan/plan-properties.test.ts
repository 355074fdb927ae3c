import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AUDIT_EXEMPT_TASK_IDS,
  defaultPhaseOf,
  ML_ROLE_IDS,
  ownerOf,
  PHASE_IDS,
  TASK_BY_ID,
  type TaskId
} from '../../../shared/domain/catalogue'
import {
  DEFAULT_CAPACITY_DAYS_PER_WEEK,
  generatePlan,
  hireItemId,
  pairingShare
} from '../../../shared/domain/planning/plan.generator'
import { planItems, type Plan, type PlanItem } from '../../../shared/domain/planning/plan.model'
import {
  PLAN_JSON_HIRE_KEYS,
  PLAN_JSON_KEYS,
  PLAN_JSON_PHASE_KEYS,
  PLAN_JSON_TASK_KEYS,
  PLAN_JSON_TOTALS_KEYS,
  toPlanJson
} from '../../../shared/domain/planning/plan-json'
import { planInputArb } from '../../helpers/plan-input.helper'

const RUNS = { numRuns: 300 }

const byId = (plan: Plan): Map<string, PlanItem> => new Map(planItems(plan).map((i) => [i.id, i]))
const capacityOf = (plan: Plan): number => plan.capacityDaysPerWeek

describe('plan properties over arbitrary intakes', () => {
  it('no item starts before its prerequisites end, and every span is well formed', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const items = byId(plan)
        for (const item of items.values()) {
          expect(item.startWeek).toBeGreaterThanOrEqual(1)
          expect(item.endWeek).toBeGreaterThanOrEqual(item.startWeek)
          for (const dep of item.dependsOn) {
            const before = items.get(dep)
            expect(before, `${item.id} depends on ${dep}`).toBeDefined()
            expect(item.startWeek, `${item.id} starts before ${dep} ends`).toBeGreaterThanOrEqual(before!.endWeek)
          }
        }
      }),
      RUNS
    )
  })

  it("DOMAIN's dependencies and the audit hold between catalogue tasks", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const items = byId(plan)
        for (const id of input.assessment.tasks) {
          const item = items.get(id)!
          const prereqs = [...TASK_BY_ID[id].after, ...(id === 'objectives_audit' ? [] : (['objectives_audit'] as TaskId[]))]
          for (const p of prereqs) {
            if (items.has(p)) {
              expect(item.dependsOn).toContain(p)
              expect(item.startWeek).toBeGreaterThanOrEqual(items.get(p)!.endWeek)
            }
          }
        }
      }),
      RUNS
    )
  })

  it('no week exceeds the consultant capacity, and the weekly load accounts for every consultant day', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const capacity = input.options?.capacityDaysPerWeek ?? DEFAULT_CAPACITY_DAYS_PER_WEEK
        expect(capacityOf(plan)).toBe(capacity)
        expect(plan.consultantLoad).toHaveLength(plan.weeks)
        for (const load of plan.consultantLoad) {
          expect(load).toBeGreaterThanOrEqual(0)
          expect(load).toBeLessThanOrEqual(capacity + 1e-9)
        }
        const allDays = planItems(plan).reduce((s, i) => s + i.effortDays, 0)
        const loadDays = plan.consultantLoad.reduce((s, d) => s + d, 0)
        expect(loadDays).toBeCloseTo(allDays, 6)
        for (const item of planItems(plan)) {
          expect(item.effortDays).toBeLessThanOrEqual(capacity * (item.endWeek - item.startWeek + 1) + 1e-9)
        }
      }),
      RUNS
    )
  })

  it('totals are the sums of the non-optional parts; cost = effortDays × day rate', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const rate = input.engagement.dayRate
        let days = 0
        let cost = 0
        let optionalDays = 0
        let optionalCost = 0
        for (const item of planItems(plan)) {
          expect(item.cost).toBe(item.effortDays * rate)
          if (item.optional) {
            optionalDays += item.effortDays
            optionalCost += item.cost
          } else {
            days += item.effortDays
            cost += item.cost
          }
        }
        expect(plan.totals.effortDays).toBe(days)
        expect(plan.totals.cost).toBeCloseTo(cost, 6)
        expect(plan.optionalTotals.effortDays).toBe(optionalDays)
        expect(plan.optionalTotals.cost).toBeCloseTo(optionalCost, 6)
        expect(plan.totals.currency).toBe(input.engagement.currency)

        const json = toPlanJson(plan)
        const tasks = json.phases.flatMap((p) => p.tasks)
        const committed = tasks.filter((t) => !t.optional)
        expect(json.totals.effortDays).toBe(committed.reduce((s, t) => s + t.effortDays, 0))
        expect(json.totals.cost).toBe(committed.reduce((s, t) => s + t.cost, 0))
        for (const t of tasks) expect(t.cost).toBe(t.effortDays * rate)
      }),
      RUNS
    )
  })

  it('the same input gives the same plan', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const a = generatePlan(input)
        const b = generatePlan(structuredClone(input))
        expect(b).toEqual(a)
        expect(JSON.stringify(toPlanJson(b))).toBe(JSON.stringify(toPlanJson(a)))
      }),
      { numRuns: 100 }
    )
  })

  it("every triggered task appears exactly once, with DOMAIN's id, owner, phase and effort", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const { firstHire, tasks } = input.assessment
        const all = planItems(plan)
        const ids = all.map((i) => i.id)
        expect(new Set(ids).size).toBe(ids.length)
        const catalogueItems = all.filter((i) => i.kind === 'task')
        expect(catalogueItems.map((i) => i.id).sort()).toEqual([...tasks].sort())
        for (const id of tasks) {
          const item = all.find((i) => i.id === id)!
          const t = TASK_BY_ID[id]
          expect(item.owner).toBe(ownerOf(id, firstHire))
          expect(item.phase).toBe(defaultPhaseOf(id, firstHire))
          if (t.effort.kind === 'block') {
            expect(item.fullEffortDays).toBe(t.effort.days)
            expect(item.effortDays).toBe(item.owner === 'consultant' ? t.effort.days : pairingShare(t.effort.days))
          }
        }
      }),
      RUNS
    )
  })

  it('phases are the five in order, items sorted by start week; the JSON has exactly the contract keys', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        expect(plan.phases.map((p) => p.id)).toEqual([...PHASE_IDS])
        for (const phase of plan.phases) {
          const starts = phase.items.map((i) => i.startWeek)
          expect(starts).toEqual([...starts].sort((a, b) => a - b))
          for (const item of phase.items) expect(item.phase).toBe(phase.id)
        }
        const json = toPlanJson(plan)
        expect(Object.keys(json)).toEqual([...PLAN_JSON_KEYS])
        expect(Object.keys(json.totals)).toEqual([...PLAN_JSON_TOTALS_KEYS])
        for (const phase of json.phases) {
          expect(Object.keys(phase)).toEqual([...PLAN_JSON_PHASE_KEYS])
          for (const task of phase.tasks) expect(Object.keys(task)).toEqual([...PLAN_JSON_TASK_KEYS])
        }
        for (const hire of json.hires) expect(Object.keys(hire)).toEqual([...PLAN_JSON_HIRE_KEYS])
        expect(json.hires.map((h) => h.role)).toEqual(input.assessment.hiringSteps.map((s) => s.role))
      }),
      RUNS
    )
  })

  it('interim_lead runs one day a week from its start to the last week of the plan', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const lead = byId(plan).get('interim_lead')
        expect(lead !== undefined).toBe(input.assessment.tasks.includes('interim_lead'))
        if (!lead) return
        expect(lead.phase).toBe('foundations')
        expect(lead.endWeek).toBe(plan.weeks)
        expect(lead.daysPerWeek).toBe(1)
        expect(lead.effortDays).toBe(lead.endWeek - lead.startWeek + 1)
        expect(lead.optional).toBe(false)
      }),
      RUNS
    )
  })

  it('hires: recruiting after Discovery for the lead time; hire-owned work only after onboarding', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const items = byId(plan)
        const discoveryEnd = Math.max(...plan.phases[0]!.items.map((i) => i.endWeek))
        const lead = input.options?.recruitingLeadWeeks ?? 10
        const onboarding = input.options?.onboardingWeeks ?? 2
        expect(plan.hires[0]!.recruitingStartWeek).toBe(discoveryEnd + 1)
        plan.hires.forEach((h, i) => {
          expect(h.recruitingStartWeek).toBeGreaterThan(discoveryEnd)
          expect(h.startWeek - h.recruitingStartWeek).toBe(lead)
          expect(h.readyWeek - h.startWeek).toBe(onboarding)
          if (i > 0) expect(h.startWeek).toBeGreaterThan(plan.hires[i - 1]!.onboardingEndWeek)
          const item = items.get(hireItemId(h.role))!
          expect([item.startWeek, item.endWeek, item.effortDays]).toEqual([h.recruitingStartWeek, h.onboardingEndWeek, 0])
        })
        for (const item of items.values()) {
          if (item.kind === 'task' && item.owner !== 'consultant') {
            expect(item.owner).toBe(input.assessment.firstHire)
            expect(item.startWeek).toBeGreaterThanOrEqual(plan.hires[0]!.readyWeek)
          }
        }
      }),
      RUNS
    )
  })

  it('no_data_no_model: pending items are optional and out of the total; ML recruiting starts after the audit', () => {
    fc.assert(
      fc.property(
        planInputArb.filter((i) => i.assessment.flags.includes('no_data_no_model')),
        (input) => {
          const plan = generatePlan(input)
          const items = byId(plan)
          const audit = items.get('objectives_audit')!
          expect(audit.phase).toBe('discovery')
          for (const item of items.values()) {
            if (item.kind === 'milestone' || item.kind === 'hire') continue
            const exempt = item.phase === 'discovery' || (AUDIT_EXEMPT_TASK_IDS as readonly string[]).includes(item.id)
            expect(item.pendingAudit, item.id).toBe(!exempt)
            expect(item.optional, item.id).toBe(!exempt)
            if (item.phase !== 'discovery') expect(item.startWeek).toBeGreaterThanOrEqual(audit.endWeek)
          }
          const committed = planItems(plan).filter((i) => !i.optional).reduce((s, i) => s + i.effortDays, 0)
          expect(plan.totals.effortDays).toBe(committed)
          for (const hire of plan.hires) {
            if (ML_ROLE_IDS.includes(hire.role)) {
              expect(hire.afterAudit).toBe(true)
              expect(hire.recruitingStartWeek).toBeGreaterThan(audit.endWeek)
            }
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it('without no_data_no_model nothing is optional', () => {
    fc.assert(
      fc.property(
        planInputArb.filter((i) => !i.assessment.flags.includes('no_data_no_model')),
        (input) => {
          const plan = generatePlan(input)
          expect(planItems(plan).filter((i) => i.optional)).toEqual([])
          expect(plan.optionalTotals.effortDays).toBe(0)
        }
      ),
      { numRuns: 100 }
    )
  })

  it('the first AI feature follows the core platform and its builder', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const plan = generatePlan(input)
        const f = plan.firstFeature
        expect(plan.timeToFirstFeatureWeeks).toBe(f.week)
        expect(f.week).toBeGreaterThan(f.platformReadyWeek)
        expect(f.week).toBeGreaterThanOrEqual(f.builderReadyWeek + f.buildWeeks - 1)
        const items = byId(plan)
        for (const id of f.platformTasks) expect(items.get(id)!.endWeek).toBeLessThanOrEqual(f.platformReadyWeek)
        expect(f.weeksFromFirstHireStart).toBe(f.week - plan.hires[0]!.startWeek + 1)
        expect(plan.milestones.find((m) => m.id === 'first_ai_feature')!.week).toBe(f.week)
      }),
      RUNS
    )
  })
})
