/**
 * Spawns the real CLI (node + tsx loader, and npm run) for `plan` on the intake fixtures and
 * on bad files, and checks stdout, stderr and the exit code.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planIntake } from '../../cli/commands/plan.command'
import { TASK_BY_ID, type TaskId } from '../../shared/domain/catalogue'
import {
  PLAN_JSON_HIRE_KEYS,
  PLAN_JSON_KEYS,
  PLAN_JSON_MILESTONE_KEYS,
  PLAN_JSON_OTHER_ROUTE_KEYS,
  PLAN_JSON_PHASE_KEYS,
  PLAN_JSON_TASK_KEYS,
  PLAN_JSON_TIER_KEYS,
  PLAN_JSON_TOTALS_KEYS,
  toPlanJson,
  type PlanJson
} from '../../shared/domain/planning/plan-json'
import { invariantViolations, MILESTONE_KIND_OF_RULE } from '../helpers/plan-invariants.helper'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import { EXPECTED_ASSESSMENTS } from '../helpers/expected-assessments.helper'
import { tempDir } from '../helpers/temp'
import { CLEAN_ENV as ENV, FIXTURES, ROOT, expectOneLineError, spawnCli, intakeVariant } from '../helpers/cli-spawn'

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir('stagecraft-cli-plan-')))
afterAll(() => cleanup())

const cli = (args: string[], cwd = dir) => spawnCli(args, { cwd })

const PHASE_NAMES: Record<string, string> = {
  discovery: 'Discovery',
  foundations: 'Foundations',
  first_hire: 'First hire',
  build_out: 'Team build-out',
  scale: 'Scale'
}

describe('stagecraft plan (spawned)', () => {
  it.each(Object.keys(EXPECTED_ASSESSMENTS))('%s --json: the contract shape and its invariants', (name) => {
    copyFileSync(join(FIXTURES, name), join(dir, name))
    const r = cli(['plan', name, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as PlanJson
    const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')))
    const expected = EXPECTED_ASSESSMENTS[name]!
    const rate = intake.engagement.day_rate

    // Exactly toPlanJson, exactly the keys, in order.
    const plan = planIntake(intake)
    expect(r.stdout).toBe(`${JSON.stringify(toPlanJson(plan), null, 2)}\n`)
    expect(Object.keys(json)).toEqual([...PLAN_JSON_KEYS])
    // Phases in DOMAIN's order, each holding work (an empty phase is left out).
    const order = Object.keys(PHASE_NAMES)
    expect(json.phases.map((p) => order.indexOf(p.id))).toEqual([...json.phases.map((p) => order.indexOf(p.id))].sort((a, b) => a - b))
    for (const phase of json.phases) {
      expect(phase.name).toBe(PHASE_NAMES[phase.id])
      expect(Object.keys(phase)).toEqual([...PLAN_JSON_PHASE_KEYS])
      expect(phase.tasks.length).toBeGreaterThan(0)
      for (const task of phase.tasks) expect(Object.keys(task)).toEqual([...PLAN_JSON_TASK_KEYS])
      const starts = phase.tasks.map((t) => t.startWeek)
      expect(starts).toEqual([...starts].sort((a, b) => a - b))
    }
    for (const hire of json.hires) expect(Object.keys(hire)).toEqual([...PLAN_JSON_HIRE_KEYS])
    expect(Object.keys(json.milestone)).toEqual([...PLAN_JSON_MILESTONE_KEYS])
    expect(Object.keys(json.otherRoute)).toEqual([...PLAN_JSON_OTHER_ROUTE_KEYS])
    for (const tier of json.tiers) expect(Object.keys(tier)).toEqual([...PLAN_JSON_TIER_KEYS])
    expect(Object.keys(json.totals)).toEqual([...PLAN_JSON_TOTALS_KEYS])

    // Every triggered task exactly once with DOMAIN's id; ids unique; the kick-off is `kickoff`.
    const tasks = json.phases.flatMap((p) => p.tasks)
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length)
    expect(tasks.find((t) => t.id === 'kickoff')).toMatchObject({ startWeek: 1, endWeek: 1, effortDays: 1 })
    for (const id of expected.tasks as TaskId[]) {
      const found = tasks.filter((t) => t.id === id)
      expect(found, id).toHaveLength(1)
      expect(found[0]!.title).toBe(TASK_BY_ID[id].title)
    }
    expect(json.hires.map((h) => h.role)).toEqual(expected.hiringSequence)
    for (const h of json.hires) expect(tasks.find((t) => t.id === `hire_${h.role}`)).toMatchObject({ startWeek: h.recruitStartWeek, endWeek: h.startWeek - 1 })

    // Weeks, costs, totals and the milestone.
    for (const t of tasks) {
      expect(t.startWeek).toBeGreaterThanOrEqual(1)
      expect(t.endWeek).toBeGreaterThanOrEqual(t.startWeek)
      expect(t.cost).toBe(t.effortDays * rate)
    }
    const lead = tasks.find((t) => t.id === 'interim_lead')
    if (lead) expect([lead.endWeek, lead.effortDays]).toEqual([json.weeks, json.weeks - lead.startWeek + 1])
    const committed = tasks.filter((t) => !t.optional)
    expect(json.totals.effortDays).toBe(committed.reduce((s, t) => s + t.effortDays, 0))
    expect(json.totals.cost).toBeCloseTo(
      committed.reduce((s, t) => s + t.cost, 0),
      6
    )
    expect(json.totals.currency).toBe(intake.engagement.currency)
    expect(json.milestone.kind).toBe(MILESTONE_KIND_OF_RULE[expected.rule as keyof typeof MILESTONE_KIND_OF_RULE])
    expect(json.milestone.week).toBeLessThanOrEqual(json.weeks)
    expect(json.milestone.week).toBeLessThanOrEqual(json.otherRoute.milestoneWeek)
    const full = json.tiers.filter((t) => t.id !== 'pending').at(-1)!
    expect(full.effortDays).toBe(json.totals.effortDays)
    expect(tasks.some((t) => t.optional)).toBe(json.tiers.some((t) => t.id === 'pending'))
    expect(invariantViolations(plan, intake.context, { defaults: true })).toEqual([])
  })

  it('api-startup --json: the weeks and totals worked out by hand', () => {
    copyFileSync(join(FIXTURES, 'api-startup.json'), join(dir, 'api.json'))
    const json = JSON.parse(cli(['plan', 'api.json', '--json']).stdout) as PlanJson
    const weeks = Object.fromEntries(json.phases.flatMap((p) => p.tasks.map((t) => [t.id, [t.startWeek, t.endWeek, t.effortDays]])))
    expect(weeks).toEqual({
      kickoff: [1, 1, 1],
      interim_lead: [2, 22, 21],
      dedicated_ai_team: [2, 2, 2],
      terraform: [2, 5, 8],
      billing_alerts: [5, 5, 2],
      data_versioning: [6, 7, 6],
      etl_dagster: [8, 10, 8],
      hire_infra_engineer: [2, 11, 2],
      handover: [12, 12, 2],
      serving_pipeline: [13, 15, 3.5],
      prediction_logging: [15, 16, 1.5],
      model_monitoring: [16, 18, 2.5],
      shadow_ab: [18, 20, 2.5],
      nightly_regression: [20, 21, 1.5],
      hire_data_engineer: [4, 13, 2],
      hire_ml_engineer: [9, 18, 2]
    })
    expect(json.hires).toEqual([
      { role: 'infra_engineer', recruitStartWeek: 2, startWeek: 12 },
      { role: 'data_engineer', recruitStartWeek: 4, startWeek: 14 },
      { role: 'ml_engineer', recruitStartWeek: 9, startWeek: 19 }
    ])
    expect(json.milestone).toEqual({ kind: 'first_ai_feature', week: 22 })
    expect(json.otherRoute).toEqual({ firstHire: 'ml_engineer', milestoneWeek: 39, firstHireStartWeek: 12 })
    expect(json.tiers).toEqual([
      { id: 'foundations', phases: ['discovery', 'foundations'], effortDays: 36, cost: 43_200 },
      { id: 'first_hire', phases: ['discovery', 'foundations', 'first_hire'], effortDays: 62.5, cost: 75_000 },
      { id: 'full', phases: ['discovery', 'foundations', 'first_hire', 'build_out'], effortDays: 67.5, cost: 81_000 }
    ])
    expect(json.weeks).toBe(22)
    expect(json.totals).toEqual({ effortDays: 67.5, cost: 81_000, currency: 'EUR' })
  })

  it('prints a readable summary without --json', () => {
    copyFileSync(join(FIXTURES, 'no-data.json'), join(dir, 'summary.json'))
    const r = cli(['plan', 'summary.json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    for (const text of [
      'Discovery (weeks 1–2)',
      'Objectives & data audit workshop [objectives_audit]',
      '(pending the audit)',
      '— pending the objectives & data audit',
      'Committed: ',
      'Optional (pending or left out): ',
      'Milestone: First AI feature in use, by week 16',
      'Full-stack AI engineer first: first AI feature in use by week 16',
      'ML engineer first: first AI feature in use by week'
    ]) {
      expect(r.stdout).toContain(text)
    }
    // The authors' figures describe a hire who builds the platform; here the consultant builds it, so none are quoted.
    expect(r.stdout).not.toContain('the authors saw')
    copyFileSync(join(FIXTURES, 'api-startup.json'), join(dir, 'summary-r4.json'))
    const r4 = cli(['plan', 'summary-r4.json'])
    for (const text of [
      'the authors saw 2–3 months',
      'the authors saw 6–9 months plus about 3 of stabilising',
      'a dozen or so companies of 50 to 500 people'
    ]) {
      expect(r4.stdout).toContain(text)
    }
  })

  const bad = intakeVariant

  it.each([
    ['out-of-range level', bad((d) => (d.maturity.deploy = 5)), /^intake\.json: maturity\.deploy: must be an integer from 0 to 4$/],
    ['wrong type', bad((d) => (d.context.gpu_workloads = 1)), /^intake\.json: context\.gpu_workloads: must be true or false$/],
    ['missing key', bad((d) => delete d.maturity.tracking), /^intake\.json: maturity\.tracking: is required$/],
    ['unknown key', bad((d) => (d.context.vibe = 'good')), /^intake\.json: context\.vibe: is not a known field$/],
    ['bad day rate', bad((d) => (d.engagement.day_rate = 0)), /^intake\.json: engagement\.day_rate: must be a positive number$/],
    ['bad date', bad((d) => (d.engagement.start_date = '2025-02-30')), /^intake\.json: engagement\.start_date: /],
    ['not JSON', '{\n  "client": {,\n}', /^intake\.json: is not valid JSON \(line 2, column \d+\)$/]
  ])('%s → exit 1 with one line on stderr', (_name, content, line) => {
    writeFileSync(join(dir, 'intake.json'), content)
    expectOneLineError(cli(['plan', 'intake.json', '--json']), 1, line)
  })

  it('missing file → exit 1; usage errors → exit 2', () => {
    expectOneLineError(cli(['plan', 'missing.json', '--json']), 1, /^missing\.json: file not found$/)
    expectOneLineError(cli(['plan']), 2, /^stagecraft plan: missing FILE/)
    expectOneLineError(cli(['plan', 'x.json', '--csv']), 2, /^stagecraft plan: unknown option --csv/)
  })

  it('npm run -s cli -- plan FILE --json prints only the JSON', () => {
    copyFileSync(join(FIXTURES, 'mlops-pain.json'), join(dir, 'from-npm.json'))
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const r = spawnSync(npm, ['run', '-s', 'cli', '--prefix', ROOT, '--', 'plan', 'from-npm.json', '--json'], {
      cwd: dir,
      env: ENV,
      encoding: 'utf8'
    })
    expect(r.status).toBe(0)
    const json = JSON.parse(r.stdout) as PlanJson
    expect(json.hires[0]).toEqual({ role: 'mlops_engineer', recruitStartWeek: 2, startWeek: 12 })
    expect(json.milestone.kind).toBe('pain_relieved')
    expect(Object.keys(json)).toEqual([...PLAN_JSON_KEYS])
  })
})
