import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assess } from '../../../shared/domain/assessment/engine'
import {
  generatePlan,
  pairingShare,
  roundHalfDay,
  type GeneratePlanInput
} from '../../../shared/domain/planning/plan.generator'
import { builtInPlanDefaults, planLibraryFrom } from '../../../shared/domain/planning/plan-library'
import { planItems, type Plan, type PlanItem } from '../../../shared/domain/planning/plan.model'
import { toPlanJson } from '../../../shared/domain/planning/plan-json'
import { withFirstHire } from '../../../shared/domain/planning/scenarios'
import { IntakeFileSchema } from '../../../shared/schemas/intake.schema'
import { DEFAULT_LIBRARY } from '../../../shared/content/library.content'
import { planInputFrom, ENGAGEMENT } from '../../helpers/plan-input.helper'

const FIXTURES = join(__dirname, '../../fixtures/intake')

function fixtureInput(name: string): GeneratePlanInput {
  const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')))
  return {
    assessment: assess({ maturity: intake.maturity, context: intake.context }),
    context: intake.context,
    maturity: intake.maturity,
    engagement: { startDate: intake.engagement.start_date, dayRate: intake.engagement.day_rate, currency: intake.engagement.currency }
  }
}

const item = (plan: Plan, id: string): PlanItem => {
  const found = planItems(plan).find((i) => i.id === id)
  if (!found) throw new Error(`no item ${id}`)
  return found
}
const has = (plan: Plan, id: string): boolean => planItems(plan).some((i) => i.id === id)
const span = (plan: Plan, id: string): [number, number] => [item(plan, id).startWeek, item(plan, id).endWeek]

/** A weak platform on an API client: rule R4, infrastructure engineer first. */
const WEAK_PLATFORM = { deploy: 0, monitor: 0, logging: 0, experiment: 0 }

describe('api-startup, scheduled by hand', () => {
  const plan = generatePlan(fixtureInput('api-startup.json'))

  it.each([
    ['discovery_kickoff', 'discovery', 'consultant', 1, 1, 1],
    ['interim_lead', 'foundations', 'consultant', 21, 1, 21],
    ['terraform', 'foundations', 'consultant', 8, 1, 5],
    ['billing_alerts', 'foundations', 'consultant', 2, 5, 6],
    ['data_versioning', 'foundations', 'consultant', 6, 6, 9],
    ['etl_dagster', 'foundations', 'consultant', 8, 9, 13],
    ['hire_infra_engineer', 'first_hire', 'infra_engineer', 0, 2, 13],
    ['serving_pipeline', 'first_hire', 'infra_engineer', 3.5, 14, 15],
    ['prediction_logging', 'first_hire', 'infra_engineer', 1.5, 15, 16],
    ['model_monitoring', 'first_hire', 'infra_engineer', 2.5, 16, 17],
    ['shadow_ab', 'first_hire', 'infra_engineer', 2.5, 17, 18],
    ['nightly_regression', 'first_hire', 'infra_engineer', 1.5, 19, 19],
    ['handover', 'first_hire', 'consultant', 2, 19, 20],
    ['hire_data_engineer', 'build_out', 'data_engineer', 0, 4, 15],
    ['hire_ml_engineer', 'build_out', 'ml_engineer', 0, 6, 17],
    ['dedicated_ai_team', 'scale', 'consultant', 2, 20, 21]
  ] as const)('%s: %s, %s, %s days, weeks %s–%s', (id, phase, owner, days, start, end) => {
    const i = item(plan, id)
    expect([i.phase, i.owner, i.effortDays, i.startWeek, i.endWeek]).toEqual([phase, owner, days, start, end])
    expect(i.cost).toBe(days * 1200)
  })

  it('totals, hires, milestones and the first AI feature', () => {
    expect(plan.totals).toEqual({ effortDays: 61.5, cost: 73_800, currency: 'EUR' })
    expect(plan.weeks).toBe(21)
    expect(plan.hires.map((h) => [h.role, h.recruitingStartWeek, h.startWeek, h.readyWeek])).toEqual([
      ['infra_engineer', 2, 12, 14],
      ['data_engineer', 4, 14, 16],
      ['ml_engineer', 6, 16, 18]
    ])
    expect(Object.fromEntries(plan.milestones.map((m) => [m.id, m.week]))).toEqual({
      foundations_ready: 13,
      first_hire_starts: 12,
      handover_complete: 20,
      first_ai_feature: 21
    })
    // Core platform done in week 17, the infra engineer onboarded by week 14: 4 weeks of building from week 18.
    expect(plan.firstFeature).toMatchObject({ week: 21, platformReadyWeek: 17, builder: 'infra_engineer', builderReadyWeek: 14, buildWeeks: 4 })
    expect(plan.firstFeature.weeksFromFirstHireStart).toBe(10)
    expect(toPlanJson(plan).hires).toEqual([
      { role: 'infra_engineer', startWeek: 12 },
      { role: 'data_engineer', startWeek: 14 },
      { role: 'ml_engineer', startWeek: 16 }
    ])
  })
})

describe('owners and the pairing share', () => {
  it.each([
    [10, 3.5],
    [8, 2.5],
    [7, 2.5],
    [5, 1.5],
    [4, 1.5],
    [3, 1],
    [1, 0.5],
    [0.5, 0]
  ])('a %s-day platform task owned by a hire costs the consultant %s days', (full, share) => {
    expect(pairingShare(full)).toBe(share)
  })

  it('rounds to the nearest half day', () => {
    expect([roundHalfDay(2.24), roundHalfDay(2.25), roundHalfDay(2.74), roundHalfDay(2.75)]).toEqual([2, 2.5, 2.5, 3])
  })

  it.each([
    ['infra_engineer', planInputFrom({}, WEAK_PLATFORM)],
    ['mlops_engineer', planInputFrom({ deploy_is_bottleneck: true }, { ...WEAK_PLATFORM, cicd: 2 })]
  ] as const)('%s first: the hire owns the platform tasks in First hire', (role, input) => {
    expect(input.assessment.firstHire).toBe(role)
    const plan = generatePlan(input)
    const ready = plan.hires[0]!.readyWeek
    for (const [id, full] of [
      ['serving_pipeline', 10],
      ['model_monitoring', 8],
      ['prediction_logging', 5],
      ['shadow_ab', 7]
    ] as const) {
      const i = item(plan, id)
      expect([i.owner, i.phase, i.fullEffortDays, i.effortDays]).toEqual([role, 'first_hire', full, pairingShare(full)])
      expect(i.startWeek).toBeGreaterThanOrEqual(ready)
      expect(i.dependsOn).toContain(`hire_${role}`)
    }
  })

  it('any other first hire: the consultant builds the platform tasks in Foundations at full effort', () => {
    const base = planInputFrom({}, WEAK_PLATFORM)
    const plan = generatePlan({ ...base, assessment: withFirstHire(base.assessment, 'ml_engineer') })
    for (const [id, full] of [
      ['serving_pipeline', 10],
      ['model_monitoring', 8],
      ['prediction_logging', 5],
      ['shadow_ab', 7]
    ] as const) {
      const i = item(plan, id)
      expect([i.owner, i.phase, i.effortDays]).toEqual(['consultant', 'foundations', full])
    }
    expect(item(plan, 'handover').startWeek).toBeGreaterThanOrEqual(plan.hires[0]!.readyWeek)
  })

  it('the handover comes after Foundations and the hire’s platform work; none when there is nothing to hand over', () => {
    const plan = generatePlan(planInputFrom({}, WEAK_PLATFORM))
    const handover = item(plan, 'handover')
    for (const i of planItems(plan)) {
      if ((i.phase === 'foundations' && i.daysPerWeek === undefined && i.kind !== 'milestone') || (i.kind === 'task' && i.owner !== 'consultant')) {
        expect(handover.startWeek).toBeGreaterThanOrEqual(i.endWeek)
      }
    }
    const nothing = generatePlan(planInputFrom())
    expect(has(nothing, 'handover')).toBe(false)
    expect(nothing.milestones.find((m) => m.id === 'handover_complete')!.week).toBe(nothing.hires[0]!.readyWeek)
  })
})

describe('interim_lead', () => {
  it('is one day a week from week 1 to the last week, counted against capacity', () => {
    const plan = generatePlan(fixtureInput('api-startup.json'))
    expect(span(plan, 'interim_lead')).toEqual([1, plan.weeks])
    expect(item(plan, 'interim_lead').effortDays).toBe(plan.weeks)
    expect(plan.consultantLoad.every((d) => d >= 1 && d <= 3)).toBe(true)
  })

  it('starts in the week the audit ends when it is flagged', () => {
    const plan = generatePlan(fixtureInput('no-data.json'))
    expect(span(plan, 'objectives_audit')).toEqual([1, 2])
    expect(span(plan, 'interim_lead')).toEqual([2, plan.weeks])
    expect(item(plan, 'interim_lead').effortDays).toBe(plan.weeks - 1)
  })

  it('lengthens with a smaller capacity and still counts one day a week', () => {
    const input = fixtureInput('api-startup.json')
    const slow = generatePlan({ ...input, options: { capacityDaysPerWeek: 2 } })
    expect(slow.weeks).toBeGreaterThan(21)
    expect(item(slow, 'interim_lead').effortDays).toBe(slow.weeks)
    expect(Math.max(...slow.consultantLoad)).toBeLessThanOrEqual(2)
  })

  it('a capacity the weekly lead would fill is refused', () => {
    const input = fixtureInput('api-startup.json')
    expect(() => generatePlan({ ...input, options: { capacityDaysPerWeek: 1 } })).toThrow(RangeError)
  })

  it('is absent when an ML lead is in place', () => {
    expect(has(generatePlan(planInputFrom({ ml_leadership: true }, WEAK_PLATFORM)), 'interim_lead')).toBe(false)
  })
})

describe('flags pull their tasks forward', () => {
  // Custom models at the exploration stage: rule R3, the ML engineer first, so the consultant
  // builds the deployment pipeline in Foundations.
  const exploring = { ai_approach: 'custom', stage: 'exploration', ml_staff: 1, models_in_production: 0, cloud: 'aws' } as const
  const weak = { deploy: 0, infra: 0 } as const

  it('wrong_order: serving_pipeline comes first, ahead of terraform', () => {
    const flagged = planInputFrom({ ...exploring, ml_staff_doing_infra: true, infra_staff: 0 }, weak)
    expect(flagged.assessment.flags).toContain('wrong_order')
    expect(flagged.assessment.firstHire).toBe('ml_engineer')
    const plan = generatePlan(flagged)
    expect(item(plan, 'serving_pipeline').startWeek).toBe(1)
    expect(item(plan, 'terraform').startWeek).toBeGreaterThanOrEqual(item(plan, 'serving_pipeline').endWeek)

    const calm = generatePlan(planInputFrom({ ...exploring, ml_staff_doing_infra: false }, weak))
    expect(item(calm, 'terraform').startWeek).toBe(1)
    expect(item(calm, 'serving_pipeline').startWeek).toBeGreaterThanOrEqual(item(calm, 'terraform').endWeek)
  })

  it('wrong_order with the platform owned by the first hire: serving_pipeline is their first task', () => {
    const plan = generatePlan(fixtureInput('mlops-pain.json'))
    expect(plan.flags).toContain('wrong_order')
    const owned = planItems(plan).filter((i) => i.kind === 'task' && i.owner === 'mlops_engineer')
    expect(Math.min(...owned.map((i) => i.startWeek))).toBe(item(plan, 'serving_pipeline').startWeek)
    expect(item(plan, 'serving_pipeline').startWeek).toBe(plan.hires[0]!.readyWeek)
  })

  it('gpu_ci_gap: CI/CD with GPUs at the front of Foundations, right after terraform', () => {
    const plan = generatePlan(fixtureInput('custom-exploration.json'))
    expect(plan.flags).toContain('gpu_ci_gap')
    const cicd = item(plan, 'cicd_gpu')
    expect(cicd.startWeek).toBe(item(plan, 'terraform').endWeek)
    for (const i of planItems(plan)) {
      if (i.phase === 'foundations' && i.kind === 'task' && !['terraform', 'cicd_gpu', 'interim_lead'].includes(i.id)) {
        expect(i.startWeek, i.id).toBeGreaterThanOrEqual(cicd.endWeek)
      }
    }
  })

  it('ties keep catalogue order', () => {
    const plan = generatePlan(planInputFrom({ cloud: 'aws', ai_approach: 'fine_tune' }, { infra: 2, tracking: 2, data: 2 }))
    const foundations = plan.phases[1]!.items.filter((i) => i.kind === 'task' && i.daysPerWeek === undefined).map((i) => i.id)
    expect(foundations).toEqual(['terraform', 'billing_alerts', 'tracking_registry', 'data_versioning', 'training_infra'])
  })
})

describe('hires', () => {
  it('recruiting opens the week after Discovery; the person joins after the lead time', () => {
    const plan = generatePlan(planInputFrom({}, WEAK_PLATFORM))
    expect(plan.hires[0]).toMatchObject({ role: 'infra_engineer', recruitingStartWeek: 2, startWeek: 12, onboardingEndWeek: 13, readyWeek: 14 })
  })

  it('a lead-time override applies to every role', () => {
    const plan = generatePlan(planInputFrom({}, WEAK_PLATFORM, { recruitingLeadWeeks: 6, onboardingWeeks: 1 }))
    for (const h of plan.hires) expect([h.startWeek - h.recruitingStartWeek, h.readyWeek - h.startWeek]).toEqual([6, 1])
    expect(plan.hires[0]!.startWeek).toBe(8)
  })

  it("each role's own time to hire and onboarding come from the library, the rest from the defaults", () => {
    const input = planInputFrom({}, WEAK_PLATFORM)
    const plan = generatePlan({
      ...input,
      library: { roles: { infra_engineer: { id: 'infra_engineer', timeToHireWeeks: 14, onboardingWeeks: 3 } } }
    })
    expect(plan.hires[0]).toMatchObject({ role: 'infra_engineer', recruitingStartWeek: 2, startWeek: 16, readyWeek: 19 })
    expect(item(plan, 'serving_pipeline').startWeek).toBe(19)
    const next = plan.hires[1]!
    expect(next.startWeek - next.recruitingStartWeek).toBe(10)
    expect(next.startWeek).toBe(plan.hires[0]!.onboardingEndWeek + 1)
  })

  it('later hires join one at a time, after the previous one has onboarded', () => {
    const plan = generatePlan(fixtureInput('custom-exploration.json'))
    expect(plan.hires.map((h) => [h.role, h.recruitingStartWeek, h.startWeek])).toEqual([
      ['ml_engineer', 2, 12],
      ['infra_engineer', 4, 14],
      ['ml_scientist', 6, 16]
    ])
  })

  it('ML recruiting waits for the audit whatever rule chose the first hire', () => {
    // Past exploration with no data and a deployment bottleneck: rule R2, the MLOps engineer first.
    const input = planInputFrom({ has_data: 'none', deploy_is_bottleneck: true }, { deploy: 0, cicd: 1 })
    expect(input.assessment.firstHire).toBe('mlops_engineer')
    const plan = generatePlan(input)
    const auditEnd = item(plan, 'objectives_audit').endWeek
    for (const h of plan.hires) {
      expect(h.afterAudit).toBe(['ml_engineer', 'ml_scientist', 'mlops_engineer'].includes(h.role))
      if (h.afterAudit) expect(h.recruitingStartWeek).toBeGreaterThan(auditEnd)
    }
    expect(item(plan, 'hire_mlops_engineer').optional).toBe(true)
  })
})

describe('the no-data fixture', () => {
  const plan = generatePlan(fixtureInput('no-data.json'))

  it('commits only Discovery, the interim lead, terraform and billing alerts', () => {
    const committed = planItems(plan)
      .filter((i) => !i.optional && i.effortDays > 0)
      .map((i) => i.id)
      .sort()
    expect(committed).toEqual(['billing_alerts', 'discovery_kickoff', 'interim_lead', 'objectives_audit', 'terraform'])
    for (const id of ['serving_pipeline', 'prediction_logging', 'model_monitoring', 'handover']) {
      expect([item(plan, id).optional, item(plan, id).pendingAudit]).toEqual([true, true])
    }
    expect(plan.optionalTotals.effortDays).toBe(10 + 5 + 8 + 2)
    expect(plan.totals.effortDays).toBe(1 + 3 + 8 + 2 + item(plan, 'interim_lead').effortDays)
  })
})

describe('library, custom items and overrides', () => {
  const input = fixtureInput('api-startup.json')

  it('takes titles and efforts from the library and falls back entry by entry', () => {
    const plan = generatePlan({
      ...input,
      library: {
        tasks: {
          terraform: { id: 'terraform', title: 'Infrastructure as code', effort: { unit: 'days', default: 12.3 } },
          billing_alerts: { id: 'billing_alerts', title: 'Cost alerts', effort: { unit: 'days_per_week', default: 1 } },
          interim_lead: { id: 'interim_lead', title: 'Fractional ML lead', effort: { unit: 'days_per_week', default: 0.5 } }
        }
      }
    })
    expect([item(plan, 'terraform').title, item(plan, 'terraform').effortDays]).toEqual(['Infrastructure as code', 12.5])
    // A template with the wrong unit keeps the catalogue's effort.
    expect([item(plan, 'billing_alerts').title, item(plan, 'billing_alerts').effortDays]).toEqual(['Cost alerts', 2])
    expect(item(plan, 'interim_lead').effortDays).toBe(plan.weeks * 0.5)
    expect(item(plan, 'data_versioning').effortDays).toBe(6)
  })

  it('accepts the full library shape', () => {
    const lib = planLibraryFrom({
      tasks: Object.values(builtInPlanDefaults.tasks).map((t) => ({
        ...t,
        summary: 's',
        description: 'd',
        deliverables: [],
        acceptanceCriteria: [],
        effort: { ...t.effort, min: t.effort.default, max: t.effort.default },
        phase: t.phase ?? 'foundations',
        custom: false,
        retired: false
      })),
      roles: []
    })
    expect(generatePlan({ ...input, library: lib })).toEqual(generatePlan(input))
  })

  it('works with the default content library, taking its lead times and titles', () => {
    const lib = planLibraryFrom(DEFAULT_LIBRARY)
    const plan = generatePlan({ ...fixtureInput('custom-exploration.json'), library: lib })
    for (const h of plan.hires) {
      expect(h.leadTimeWeeks).toBe(lib.roles[h.role]!.timeToHireWeeks)
      expect(h.onboardingWeeks).toBe(lib.roles[h.role]!.onboardingWeeks)
    }
    expect(item(plan, 'terraform').title).toBe(lib.tasks.terraform!.title)
    // The plan's own activities are not in the content library: built-in defaults.
    expect(item(plan, 'discovery_kickoff').effortDays).toBe(1)
    expect(Math.max(...plan.consultantLoad)).toBeLessThanOrEqual(3)
  })

  it('adds custom items with their own ids, dependencies and owners', () => {
    const plan = generatePlan({
      ...input,
      options: {
        customItems: [
          { id: 'security_review', title: 'Security review of the platform', phase: 'foundations', effortDays: 2.2, dependsOn: ['terraform'] },
          { id: 'ml_onboarding', title: 'Onboard the ML engineer', phase: 'build_out', effortDays: 1, owner: 'ml_engineer' }
        ]
      }
    })
    const review = item(plan, 'security_review')
    expect([review.kind, review.effortDays, review.owner]).toEqual(['custom', 2, 'consultant'])
    expect(review.startWeek).toBeGreaterThanOrEqual(item(plan, 'terraform').endWeek)
    expect(item(plan, 'handover').dependsOn).toContain('security_review')
    const onboarding = item(plan, 'ml_onboarding')
    expect(onboarding.startWeek).toBeGreaterThanOrEqual(plan.hires.find((h) => h.role === 'ml_engineer')!.readyWeek)
    expect(plan.totals.effortDays).toBe(61.5 + 2 + 1 + (plan.weeks - 21))
  })

  it.each([
    [{ id: 'Bad-Id', title: 'x', effortDays: 1 }, /lower_snake_case/],
    [{ id: 'terraform', title: 'x', effortDays: 1 }, /already used/],
    [{ id: 'hire_cto', title: 'x', effortDays: 1 }, /already used/],
    [{ id: 'mystery', effortDays: 1 }, /needs a title/],
    [{ id: 'mystery', title: 'x' }, /needs effortDays/],
    [{ id: 'mystery', title: 'x', effortDays: 1, dependsOn: ['nowhere'] }, /not in the plan/],
    [{ id: 'mystery', title: 'x', effortDays: -1 }, /from 0 to 1000/]
  ])('refuses a bad custom item %j', (custom, message) => {
    expect(() => generatePlan({ ...input, options: { customItems: [custom] } })).toThrow(message)
  })

  it('refuses a dependency cycle', () => {
    expect(() =>
      generatePlan({
        ...input,
        options: {
          customItems: [
            { id: 'one_thing', title: 'One', effortDays: 1, dependsOn: ['other_thing'] },
            { id: 'other_thing', title: 'Other', effortDays: 1, dependsOn: ['one_thing'] }
          ]
        }
      })
    ).toThrow(/cycle/)
  })

  it('applies the consultant’s edits and ignores edits to items no longer in the plan', () => {
    const plan = generatePlan({
      ...input,
      options: {
        overrides: {
          terraform: { title: 'Terraform, the client’s way', effortDays: 5 },
          data_versioning: { optional: true },
          interim_lead: { daysPerWeek: 0.5 },
          distillation: { effortDays: 99 }
        }
      }
    })
    expect([item(plan, 'terraform').title, item(plan, 'terraform').effortDays]).toEqual(['Terraform, the client’s way', 5])
    expect(item(plan, 'data_versioning').optional).toBe(true)
    expect(plan.optionalTotals.effortDays).toBe(6)
    expect(item(plan, 'interim_lead').effortDays).toBe(plan.weeks * 0.5)
    expect(has(plan, 'distillation')).toBe(false)
    expect(toPlanJson(plan).totals.effortDays).toBe(plan.totals.effortDays)
  })
})

describe('input checks', () => {
  const input = fixtureInput('api-startup.json')
  it.each([
    [{ engagement: { ...ENGAGEMENT, startDate: '2025-02-30' } }, /startDate/],
    [{ engagement: { ...ENGAGEMENT, dayRate: 0 } }, /dayRate/],
    [{ engagement: { ...ENGAGEMENT, currency: 'euro' } }, /currency/],
    [{ options: { capacityDaysPerWeek: 0 } }, /capacityDaysPerWeek/],
    [{ options: { capacityDaysPerWeek: 8 } }, /capacityDaysPerWeek/],
    [{ options: { recruitingLeadWeeks: 0 } }, /recruitingLeadWeeks/],
    [{ options: { onboardingWeeks: 1.5 } }, /onboardingWeeks/]
  ])('refuses %j', (change, message) => {
    expect(() => generatePlan({ ...input, ...change })).toThrow(message)
  })
})
