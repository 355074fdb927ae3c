import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assess } from '../../../shared/domain/assessment/engine'
import { generatePlan, planRoute, planSetup, type GeneratePlanInput } from '../../../shared/domain/planning/plan.generator'
import { builtInPlanDefaults, libraryLookup, planLibraryFrom } from '../../../shared/domain/planning/plan-library'
import { planItems, type Plan, type PlanItem, type PlanPhase } from '../../../shared/domain/planning/plan.model'
import { alternativeFirstHire, otherRouteOf, pendingHire, pendingTasks, recommendedRoute, taskOwner, urgentTasks } from '../../../shared/domain/planning/route'
import { draftItems, handoverRecipient, PRIORITY } from '../../../shared/domain/planning/stages/draft'
import { applyEdits } from '../../../shared/domain/planning/stages/edits'
import { priorityOrder } from '../../../shared/domain/planning/stages/schedule'
import { planTiers } from '../../../shared/domain/planning/stages/tiers'
import { IntakeFileSchema } from '../../../shared/schemas/intake.schema'
import { DEFAULT_LIBRARY } from '../../../shared/content/library.content'
import { ENGAGEMENT, planInputFrom } from '../../helpers/plan-input.helper'

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
const lib = libraryLookup(undefined)

// ---------------------------------------------------------------------------------------

describe('stage 0, the route: who builds the platform', () => {
  it('the other route swaps the first hire for its main alternative', () => {
    expect(alternativeFirstHire('infra_engineer')).toBe('ml_engineer')
    expect(alternativeFirstHire('mlops_engineer')).toBe('ml_engineer')
    expect(alternativeFirstHire('fullstack_ai_engineer')).toBe('ml_engineer')
    expect(alternativeFirstHire('ml_engineer')).toBe('infra_engineer')
    expect(alternativeFirstHire('ml_scientist')).toBe('infra_engineer')
  })

  it('urgent work: R2 builds the platform core, wrong_order the deployment pipeline; under R3 the platform waits', () => {
    const core = ['serving_pipeline', 'prediction_logging', 'model_monitoring', 'shadow_ab'] as const
    expect(urgentTasks('R2', [], core)).toEqual(['serving_pipeline', 'prediction_logging', 'model_monitoring'])
    expect(urgentTasks('R4', ['wrong_order'], core)).toEqual(['serving_pipeline'])
    expect(urgentTasks('R1', ['wrong_order'], core)).toEqual(['serving_pipeline'])
    expect(urgentTasks('R3', ['wrong_order'], core)).toEqual([])
    expect(urgentTasks('R4', [], core)).toEqual([])
  })

  it('owners by rule: the infra or MLOps first hire owns what the consultant does not build urgently', () => {
    const r4 = recommendedRoute({
      rule: 'R4',
      firstHire: 'infra_engineer',
      sequence: ['infra_engineer', 'ml_engineer'],
      flags: ['wrong_order'],
      tasks: ['serving_pipeline', 'prediction_logging']
    })
    expect(taskOwner(r4, 'serving_pipeline')).toBe('consultant')
    expect(taskOwner(r4, 'prediction_logging')).toBe('infra_engineer')
    expect(taskOwner(r4, 'terraform')).toBe('consultant')
    const r2 = recommendedRoute({ rule: 'R2', firstHire: 'mlops_engineer', sequence: ['mlops_engineer'], flags: [], tasks: ['model_monitoring', 'shadow_ab'] })
    expect(taskOwner(r2, 'model_monitoring')).toBe('consultant')
    expect(taskOwner(r2, 'shadow_ab')).toBe('mlops_engineer')
    const r3 = recommendedRoute({ rule: 'R3', firstHire: 'ml_engineer', sequence: ['ml_engineer', 'infra_engineer'], flags: [], tasks: ['serving_pipeline'] })
    expect([r3.platformOwner, taskOwner(r3, 'serving_pipeline')]).toEqual(['infra_engineer', 'infra_engineer'])
    const r6 = recommendedRoute({ rule: 'R6', firstHire: 'ml_engineer', sequence: ['ml_engineer', 'mlops_engineer'], flags: [], tasks: ['serving_pipeline'] })
    expect(taskOwner(r6, 'serving_pipeline')).toBe('consultant')
    // On the other route of R4 the ML engineer owns what the infrastructure hire would have.
    const other = otherRouteOf(r4)
    expect([other.firstHire, other.sequence, other.platformOwner]).toEqual(['ml_engineer', ['ml_engineer', 'infra_engineer'], 'ml_engineer'])
    expect(taskOwner(other, 'prediction_logging')).toBe('ml_engineer')
  })

  it('pending the audit: all but the audit, interim lead, Terraform, billing alerts, urgent work and what an infra first hire owns; and what waits on them', () => {
    const tasks = [
      'objectives_audit',
      'interim_lead',
      'cicd_gpu',
      'terraform',
      'billing_alerts',
      'serving_pipeline',
      'prediction_logging',
      'nightly_regression',
      'etl_dagster'
    ] as const
    const route = recommendedRoute({
      rule: 'R4',
      firstHire: 'infra_engineer',
      sequence: ['infra_engineer', 'ml_engineer'],
      flags: ['no_data_no_model', 'wrong_order'],
      tasks
    })
    const pending = pendingTasks(route, ['no_data_no_model', 'wrong_order'], tasks)
    expect(Object.fromEntries(pending)).toEqual({ cicd_gpu: 'audit', etl_dagster: 'audit', nightly_regression: 'audit' })
    expect(() => pendingTasks(otherRouteOf(route), [], tasks)).toThrow(/recommended route/)
    const r3 = recommendedRoute({
      rule: 'R3',
      firstHire: 'ml_engineer',
      sequence: ['ml_engineer', 'infra_engineer'],
      flags: [],
      tasks: ['terraform', 'serving_pipeline']
    })
    expect(Object.fromEntries(pendingTasks(r3, [], ['terraform', 'serving_pipeline']))).toEqual({ serving_pipeline: 'feasibility' })
  })

  it('pending hires: never the first; the R3 platform hire after the answer; later ML hires after the audit', () => {
    const r3 = recommendedRoute({ rule: 'R3', firstHire: 'ml_engineer', sequence: ['ml_engineer', 'infra_engineer', 'ml_scientist'], flags: [], tasks: [] })
    expect(r3.sequence.map((role, i) => pendingHire(r3, role, i, []))).toEqual([null, 'feasibility', null])
    const r2 = recommendedRoute({
      rule: 'R2',
      firstHire: 'mlops_engineer',
      sequence: ['mlops_engineer', 'data_engineer', 'ml_engineer'],
      flags: ['no_data_no_model'],
      tasks: []
    })
    expect(r2.sequence.map((role, i) => pendingHire(r2, role, i, ['no_data_no_model']))).toEqual([null, null, 'audit'])
  })
})

describe('stage 1, draft items', () => {
  const input = fixtureInput('api-startup.json')
  const setup = planSetup(input)
  const drafts = draftItems({
    route: setup.route,
    tasks: setup.tasks,
    flags: setup.flags,
    pendingTasks: pendingTasks(setup.route, setup.flags, setup.tasks),
    library: lib
  })
  const byId = new Map(drafts.map((d) => [d.id, d]))

  it('opens with the kick-off, holds every triggered task, one recruiting item per hire and the handover', () => {
    expect(drafts[0]).toMatchObject({ id: 'kickoff', phase: 'discovery', work: 'block', effort: 1, priority: PRIORITY.discovery })
    for (const id of setup.tasks) expect(byId.has(id)).toBe(true)
    for (const role of setup.route.sequence) expect(byId.get(`hire_${role}`)).toMatchObject({ kind: 'hire', work: 'hire', effort: 2, owner: role })
    expect(byId.get('handover')).toMatchObject({ owner: 'infra_engineer', phase: 'first_hire', work: 'block' })
    expect(handoverRecipient(setup.route)).toBe('infra_engineer')
  })

  it('the dedicated AI team is an early organisational step; the platform tasks are the first hire’s, paired at a third', () => {
    expect(byId.get('dedicated_ai_team')).toMatchObject({ phase: 'foundations', priority: PRIORITY.dedicatedTeam, deps: ['kickoff'] })
    expect(byId.get('serving_pipeline')).toMatchObject({ owner: 'infra_engineer', work: 'owned', phase: 'first_hire', fullEffort: 10, effort: 3.5 })
    expect(byId.get('terraform')).toMatchObject({ owner: 'consultant', work: 'block', phase: 'foundations', priority: PRIORITY.rest })
    expect(byId.get('interim_lead')).toMatchObject({ work: 'weekly', effort: 1 })
  })

  it('gpu_ci_gap pulls CI/CD with GPUs and Terraform, its prerequisite, ahead of the rest', () => {
    const s = planSetup(fixtureInput('custom-exploration.json'))
    const d = new Map(
      draftItems({ route: s.route, tasks: s.tasks, flags: s.flags, pendingTasks: pendingTasks(s.route, s.flags, s.tasks), library: lib }).map((x) => [x.id, x])
    )
    expect(d.get('cicd_gpu')!.priority).toBe(PRIORITY.gpuFirst)
    expect(d.get('terraform')!.priority).toBe(PRIORITY.gpuFirst)
    expect(d.get('billing_alerts')!.priority).toBe(PRIORITY.rest)
    // R3: the platform waits for the answer on feasibility, with the infrastructure hire who would own it.
    expect(d.get('serving_pipeline')).toMatchObject({ pending: 'feasibility', owner: 'infra_engineer', phase: 'build_out' })
    expect(d.get('hire_infra_engineer')!.pending).toBe('feasibility')
  })
})

describe('stage 2, the consultant’s edits', () => {
  const input = fixtureInput('api-startup.json')
  const setup = planSetup(input)
  const drafts = draftItems({
    route: setup.route,
    tasks: setup.tasks,
    flags: setup.flags,
    pendingTasks: pendingTasks(setup.route, setup.flags, setup.tasks),
    library: lib
  })

  it('overrides title, effort, days a week, optionality, owner, phase and earliest week; ignores items no longer in the plan', () => {
    const edited = new Map(
      applyEdits(
        drafts,
        {
          overrides: {
            terraform: { title: 'Terraform, the client’s way', effortDays: 5.2, notBeforeWeek: 4 },
            data_versioning: { optional: true, phase: 'build_out' },
            interim_lead: { daysPerWeek: 0.5 },
            serving_pipeline: { owner: 'consultant' },
            billing_alerts: { owner: 'infra_engineer' },
            distillation: { effortDays: 99 }
          }
        },
        { library: lib }
      ).map((d) => [d.id, d])
    )
    expect(edited.get('terraform')).toMatchObject({ title: 'Terraform, the client’s way', effort: 5, notBeforeWeek: 4 })
    expect(edited.get('data_versioning')).toMatchObject({ leftOut: true, phase: 'build_out' })
    expect(edited.get('interim_lead')!.effort).toBe(0.5)
    // Back to the consultant: the whole effort. To a hire: their work, the consultant pairing for a third.
    expect(edited.get('serving_pipeline')).toMatchObject({ owner: 'consultant', work: 'block', effort: 10 })
    expect(edited.get('billing_alerts')).toMatchObject({ owner: 'infra_engineer', work: 'owned', effort: 0.5, fullEffort: 2 })
    expect(edited.has('distillation')).toBe(false)
  })

  it('adds custom items and removes items (never a hire or the kick-off); what waited for a removed item no longer does', () => {
    const edited = applyEdits(
      drafts,
      {
        customItems: [{ id: 'security_review', title: 'Security review', phase: 'foundations', effortDays: 2.2, dependsOn: ['terraform'] }],
        removed: ['terraform', 'kickoff', 'hire_ml_engineer']
      },
      { library: lib }
    )
    const ids = edited.map((d) => d.id)
    expect(ids).toContain('kickoff')
    expect(ids).toContain('hire_ml_engineer')
    expect(ids).not.toContain('terraform')
    expect(edited.find((d) => d.id === 'security_review')).toMatchObject({ kind: 'custom', effort: 2, deps: [] })
  })

  it.each([
    [{ id: 'Bad-Id', title: 'x', effortDays: 1 }, /lower_snake_case/],
    [{ id: 'terraform', title: 'x', effortDays: 1 }, /already used/],
    [{ id: 'hire_cto', title: 'x', effortDays: 1 }, /already used/],
    [{ id: 'headline', title: 'x', effortDays: 1 }, /already used/],
    [{ id: 'mystery', effortDays: 1 }, /needs a title/],
    [{ id: 'mystery', title: 'x' }, /needs effortDays/],
    [{ id: 'mystery', title: 'x', effortDays: 1, dependsOn: ['nowhere'] }, /not in the plan/],
    [{ id: 'mystery', title: 'x', effortDays: -1 }, /from 0 to 1000/]
  ])('refuses a bad custom item %j', (custom, message) => {
    expect(() => applyEdits(drafts, { customItems: [custom] }, { library: lib })).toThrow(message)
  })

  it('the other route drops a custom dependency it cannot meet instead of refusing the plan', () => {
    expect(
      applyEdits(drafts, { customItems: [{ id: 'x_thing', title: 'X', effortDays: 1, dependsOn: ['nowhere'] }] }, { library: lib, lenient: true }).find(
        (d) => d.id === 'x_thing'
      )!.deps
    ).toEqual([])
  })
})

describe('stage 3, the schedule: api-startup worked out by hand', () => {
  const plan = generatePlan(fixtureInput('api-startup.json'))

  it.each([
    // id, phase, owner, consultant days, weeks
    ['kickoff', 'discovery', 'consultant', 1, 1, 1],
    ['dedicated_ai_team', 'foundations', 'consultant', 2, 2, 2],
    ['terraform', 'foundations', 'consultant', 8, 2, 5],
    ['billing_alerts', 'foundations', 'consultant', 2, 5, 5],
    ['data_versioning', 'foundations', 'consultant', 6, 6, 7],
    ['etl_dagster', 'foundations', 'consultant', 8, 8, 10],
    ['interim_lead', 'foundations', 'consultant', 21, 2, 22],
    ['hire_infra_engineer', 'first_hire', 'infra_engineer', 2, 2, 11],
    ['handover', 'first_hire', 'infra_engineer', 2, 12, 12],
    // The infrastructure engineer works four days a week from the week after their start, the core first.
    ['serving_pipeline', 'first_hire', 'infra_engineer', 3.5, 13, 15],
    ['prediction_logging', 'first_hire', 'infra_engineer', 1.5, 15, 16],
    ['model_monitoring', 'first_hire', 'infra_engineer', 2.5, 16, 18],
    ['shadow_ab', 'first_hire', 'infra_engineer', 2.5, 18, 20],
    ['nightly_regression', 'first_hire', 'infra_engineer', 1.5, 20, 21],
    ['hire_data_engineer', 'build_out', 'data_engineer', 2, 4, 13],
    // The ML engineer walks into a working platform: the week after the core ends.
    ['hire_ml_engineer', 'build_out', 'ml_engineer', 2, 9, 18]
  ])('%s: %s, %s, %d days, weeks %d–%d', (id, phase, owner, days, from, to) => {
    expect(item(plan, id)).toMatchObject({ phase, owner, effortDays: days, startWeek: from, endWeek: to })
  })

  it('hires, milestone, other route, tiers and totals', () => {
    expect(plan.hires.map((h) => [h.role, h.recruitStartWeek, h.startWeek])).toEqual([
      ['infra_engineer', 2, 12],
      ['data_engineer', 4, 14],
      ['ml_engineer', 9, 19]
    ])
    // API client: the infrastructure engineer builds the feature once the core is done (week 18), in 4 weeks.
    expect(plan.milestone).toMatchObject({ kind: 'first_ai_feature', week: 22, weeksAfterFirstHireStart: 10, next: true, beforeFirstHire: false })
    expect(plan.milestone.basis).toEqual({
      by: 'platform_and_builder',
      builder: 'infra_engineer',
      builderStartWeek: 12,
      platformCoreEndWeek: 18,
      platformCore: ['serving_pipeline', 'prediction_logging', 'model_monitoring'],
      buildWeeks: 4
    })
    // ML engineer first: 23 days of core at a day a week from week 13 → week 35; then 4 weeks.
    expect(plan.otherRoute).toMatchObject({ firstHire: 'ml_engineer', firstHireStartWeek: 12, milestoneWeek: 39, sameWeek: false, stabilisationWeeks: 13 })
    expect(plan.weeks).toBe(22)
    expect(plan.tiers.map((t) => [t.id, t.effortDays, t.lastWeek])).toEqual([
      ['foundations', 27 + 9, 10],
      ['first_hire', 27 + 2 + 2 + 11.5 + 20, 21],
      ['full', 67.5, 22]
    ])
    expect(plan.totals).toEqual({ effortDays: 67.5, cost: 67.5 * 1200, currency: 'EUR' })
    expect(plan.milestones.map((m) => [m.id, m.week])).toEqual([
      ['foundations_ready', 10],
      ['first_hire_starts', 12],
      ['handover_complete', 12],
      ['headline', 22]
    ])
  })

  it('priority order keeps dependencies and breaks ties by class, then rank', () => {
    const setup = planSetup(fixtureInput('mlops-pain.json'))
    const drafts = draftItems({
      route: setup.route,
      tasks: setup.tasks,
      flags: setup.flags,
      pendingTasks: pendingTasks(setup.route, setup.flags, setup.tasks),
      library: lib
    })
    const order = priorityOrder(drafts.filter((d) => d.work === 'block')).map((d) => d.id)
    expect(order.slice(0, 5)).toEqual(['kickoff', 'serving_pipeline', 'prediction_logging', 'model_monitoring', 'terraform'])
    expect(order.indexOf('cicd_gpu')).toBeLessThan(order.indexOf('billing_alerts'))
    expect(() =>
      priorityOrder([
        { ...drafts[0]!, id: 'a', deps: ['b'] },
        { ...drafts[0]!, id: 'b', deps: ['a'] }
      ])
    ).toThrow(/cycle/)
  })

  it('one route runs through every stage on its own', () => {
    const setup = planSetup(fixtureInput('api-startup.json'))
    const main = planRoute(setup, setup.route)
    expect(main.milestone.week).toBe(22)
    expect(main.assembled.weeks).toBe(22)
  })
})

describe('stage 4, the milestone, by rule', () => {
  it('R2: the end of the urgent core the consultant builds from week 2', () => {
    const plan = generatePlan(fixtureInput('mlops-pain.json'))
    expect(plan.rule).toBe('R2')
    expect(plan.milestone.basis).toEqual({ by: 'urgent_core', tasks: ['serving_pipeline', 'prediction_logging', 'model_monitoring'], endWeek: 9 })
    expect([item(plan, 'serving_pipeline').startWeek, item(plan, 'serving_pipeline').urgent]).toEqual([2, true])
    expect(plan.milestone.week).toBe(9)
    expect(plan.otherRoute.milestoneWeek).toBe(9)
  })

  it('R2 with no platform core left to build: the week after the MLOps hire starts', () => {
    const plan = generatePlan(planInputFrom({ stage: 'production', deploy_is_bottleneck: true }, { deploy: 3, monitor: 3, logging: 3, cicd: 2 }))
    expect(plan.rule).toBe('R2')
    expect(plan.milestone.basis).toEqual({ by: 'hire_settled', role: 'mlops_engineer', startWeek: 12 })
    expect(plan.milestone.week).toBe(13)
    expect(plan.otherRoute.sameWeek).toBe(true)
  })

  it('R3: the ML engineer’s start plus 12 weeks for a custom model, 8 for fine-tuning', () => {
    const custom = generatePlan(fixtureInput('custom-exploration.json'))
    expect(custom.milestone).toMatchObject({ kind: 'feasibility_answer', week: 24, basis: { by: 'hire_start', role: 'ml_engineer', startWeek: 12, weeks: 12 } })
    const tune = generatePlan(fixtureInput('custom-exploration.json').assessment && planInputFrom({ ai_approach: 'fine_tune', stage: 'exploration' }))
    expect(tune.milestone).toMatchObject({ kind: 'feasibility_answer', week: 20 })
  })

  it('R1: the full-stack AI engineer’s start plus 4 weeks; R5: the ML scientist’s start plus 8', () => {
    expect(generatePlan(fixtureInput('no-data.json')).milestone).toMatchObject({ kind: 'first_ai_feature', week: 16, next: false })
    expect(generatePlan(fixtureInput('custom-scientist.json')).milestone).toMatchObject({ kind: 'first_model_improvement', week: 20 })
  })

  it('R6 with ML staff: they build it from week 1, before the hire starts, and the documents can say so', () => {
    const plan = generatePlan(planInputFrom({ ml_staff: 2 }))
    expect(plan.rule).toBe('R6')
    expect(plan.milestone).toMatchObject({ week: 5, beforeFirstHire: true, basis: { builder: 'existing_staff', platformCoreEndWeek: null } })
    expect(plan.otherRoute.sameWeek).toBe(true)
  })

  it('the consultant’s feature build weeks move it', () => {
    const input = fixtureInput('api-startup.json')
    expect(generatePlan({ ...input, options: { featureBuildWeeks: 6 } }).milestone.week).toBe(24)
  })
})

describe('stage 6, option tiers', () => {
  const item = (over: Partial<PlanItem>): PlanItem => ({
    id: 'x',
    kind: 'task',
    phase: 'foundations',
    title: 'x',
    owner: 'consultant',
    effortDays: 1,
    fullEffortDays: 1,
    startWeek: 1,
    endWeek: 1,
    cost: 1,
    optional: false,
    pending: null,
    urgent: false,
    dependsOn: [],
    ...over
  })
  const phase = (id: PlanPhase['id'], items: PlanItem[]): PlanPhase => ({ id, name: id, items })

  it('leaves out a tier that adds no days, and counts the pending work on top of the full plan', () => {
    const phases = [
      phase('discovery', [item({ id: 'kickoff', phase: 'discovery' })]),
      phase('foundations', [
        item({ id: 'terraform', effortDays: 8, endWeek: 4 }),
        item({ id: 'interim_lead', daysPerWeek: 1, effortDays: 10, startWeek: 2, endWeek: 11 })
      ]),
      phase('first_hire', [item({ id: 'hire_ml_engineer', kind: 'hire', phase: 'first_hire', effortDays: 2, startWeek: 2, endWeek: 11 })]),
      phase('build_out', [
        item({ id: 'serving_pipeline', phase: 'build_out', effortDays: 10, optional: true, pending: 'feasibility', startWeek: 13, endWeek: 16 })
      ])
    ]
    const tiers = planTiers(phases, 11, 16, 100)
    expect(tiers.map((t) => [t.id, t.effortDays, t.lastWeek, t.phases])).toEqual([
      ['foundations', 1 + 8 + 3, 4, ['discovery', 'foundations']],
      ['first_hire', 1 + 8 + 2 + 10, 12, ['discovery', 'foundations', 'first_hire']],
      // "full" adds nothing committed to "first_hire": not offered. The pending tier is cumulative,
      // with the interim lead running on to its last week.
      ['pending', 21 + 10 + 5, 16, ['discovery', 'foundations', 'first_hire', 'build_out']]
    ])
    expect(tiers.every((t) => t.cost === t.effortDays * 100)).toBe(true)
  })
})

describe('the library', () => {
  const input = fixtureInput('api-startup.json')

  it('takes titles and efforts from the library and falls back entry by entry', () => {
    const plan = generatePlan({
      ...input,
      library: {
        tasks: {
          terraform: { id: 'terraform', title: 'Infrastructure as code', effort: { unit: 'days', default: 12.3 } },
          billing_alerts: { id: 'billing_alerts', title: 'Cost alerts', effort: { unit: 'days_per_week', default: 1 } },
          interim_lead: { id: 'interim_lead', title: 'Fractional ML lead', effort: { unit: 'days_per_week', default: 0.5 } },
          hiring_support: { id: 'hiring_support', title: 'Hiring support', effort: { unit: 'days', default: 3 } }
        }
      }
    })
    expect([item(plan, 'terraform').title, item(plan, 'terraform').effortDays]).toEqual(['Infrastructure as code', 12.5])
    expect([item(plan, 'billing_alerts').title, item(plan, 'billing_alerts').effortDays]).toEqual(['Cost alerts', 2])
    expect(item(plan, 'interim_lead').daysPerWeek).toBe(0.5)
    expect(item(plan, 'hire_infra_engineer').effortDays).toBe(3)
    expect(item(plan, 'data_versioning').effortDays).toBe(6)
  })

  it('accepts the full library shape and gives the same plan as the built-in defaults', () => {
    const full = planLibraryFrom({
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
    expect(generatePlan({ ...input, library: full })).toEqual(generatePlan(input))
  })

  it('works with the default content library and its lead times', () => {
    const library = planLibraryFrom(DEFAULT_LIBRARY)
    const plan = generatePlan({ ...fixtureInput('custom-exploration.json'), library })
    for (const h of plan.hires) expect(h.leadTimeWeeks).toBe(library.roles[h.role]!.timeToHireWeeks)
    expect(item(plan, 'terraform').title).toBe(library.tasks.terraform!.title)
    expect(item(plan, 'kickoff').effortDays).toBe(1)
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
    [{ options: { featureBuildWeeks: 1.5 } }, /featureBuildWeeks/],
    [{ assessment: { ...input.assessment, rule: 'R2' as const } }, /rule R2 chooses mlops_engineer/]
  ])('refuses %j', (change, message) => {
    expect(() => generatePlan({ ...input, ...change })).toThrow(message)
  })

  it('a removed prerequisite frees what waited for it', () => {
    const plan = generatePlan({ ...input, options: { removed: ['terraform'] } })
    expect(has(plan, 'terraform')).toBe(false)
    expect(item(plan, 'billing_alerts').startWeek).toBe(2)
  })
})
