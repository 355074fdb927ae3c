/**
 * Spawns the real CLI (node + tsx loader, and npm run) for `plan` on the intake fixtures and
 * on bad files, and checks stdout, stderr and the exit code.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planIntake } from '../../cli/commands/plan.command'
import { TASK_BY_ID, ownerOf, type RoleId, type TaskId } from '../../shared/domain/catalogue'
import {
  PLAN_JSON_HIRE_KEYS,
  PLAN_JSON_KEYS,
  PLAN_JSON_PHASE_KEYS,
  PLAN_JSON_TASK_KEYS,
  PLAN_JSON_TOTALS_KEYS,
  toPlanJson,
  type PlanJson
} from '../../shared/domain/planning/plan-json'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import { EXPECTED_ASSESSMENTS } from '../helpers/expected-assessments.helper'
import { tempDir } from '../helpers/temp'
import { CLEAN_ENV as ENV, FIXTURES, ROOT, expectOneLineError, spawnCli, intakeVariant } from '../helpers/cli-spawn'


let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir('stagecraft-cli-plan-')))
afterAll(() => cleanup())

const cli = (args: string[], cwd = dir) => spawnCli(args, { cwd })


const PHASES = [
  ['discovery', 'Discovery'],
  ['foundations', 'Foundations'],
  ['first_hire', 'First hire'],
  ['build_out', 'Team build-out'],
  ['scale', 'Scale']
]

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
    expect(r.stdout).toBe(`${JSON.stringify(toPlanJson(planIntake(intake)), null, 2)}\n`)
    expect(Object.keys(json)).toEqual([...PLAN_JSON_KEYS])
    expect(json.phases.map((p) => [p.id, p.name])).toEqual(PHASES)
    for (const phase of json.phases) {
      expect(Object.keys(phase)).toEqual([...PLAN_JSON_PHASE_KEYS])
      for (const task of phase.tasks) expect(Object.keys(task)).toEqual([...PLAN_JSON_TASK_KEYS])
      const starts = phase.tasks.map((t) => t.startWeek)
      expect(starts).toEqual([...starts].sort((a, b) => a - b))
    }
    for (const hire of json.hires) expect(Object.keys(hire)).toEqual([...PLAN_JSON_HIRE_KEYS])
    expect(Object.keys(json.totals)).toEqual([...PLAN_JSON_TOTALS_KEYS])

    // Every triggered task exactly once with DOMAIN's id and owner; ids unique.
    const tasks = json.phases.flatMap((p) => p.tasks)
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length)
    const firstHire = expected.firstHire as RoleId
    for (const id of expected.tasks as TaskId[]) {
      const found = tasks.filter((t) => t.id === id)
      expect(found, id).toHaveLength(1)
      expect(found[0]!.owner).toBe(ownerOf(id, firstHire))
      expect(found[0]!.title).toBe(TASK_BY_ID[id].title)
    }
    expect(json.hires.map((h) => h.role)).toEqual(expected.hiringSequence)

    // Weeks, costs and totals.
    const last = Math.max(...tasks.map((t) => t.endWeek))
    for (const t of tasks) {
      expect(t.startWeek).toBeGreaterThanOrEqual(1)
      expect(t.endWeek).toBeGreaterThanOrEqual(t.startWeek)
      expect(t.cost).toBe(t.effortDays * rate)
    }
    const lead = tasks.find((t) => t.id === 'interim_lead')
    if (lead) expect([lead.endWeek, lead.effortDays]).toEqual([last, last - lead.startWeek + 1])
    const committed = tasks.filter((t) => !t.optional)
    expect(json.totals.effortDays).toBe(committed.reduce((s, t) => s + t.effortDays, 0))
    expect(json.totals.cost).toBeCloseTo(committed.reduce((s, t) => s + t.cost, 0), 6)
    expect(json.totals.currency).toBe(intake.engagement.currency)
    const pendingAudit = (expected.flags as string[]).includes('no_data_no_model')
    expect(tasks.some((t) => t.optional)).toBe(pendingAudit)
  })

  it('api-startup --json: the weeks and totals worked out by hand', () => {
    copyFileSync(join(FIXTURES, 'api-startup.json'), join(dir, 'api.json'))
    const json = JSON.parse(cli(['plan', 'api.json', '--json']).stdout) as PlanJson
    const weeks = Object.fromEntries(json.phases.flatMap((p) => p.tasks.map((t) => [t.id, [t.startWeek, t.endWeek, t.effortDays]])))
    expect(weeks).toEqual({
      discovery_kickoff: [1, 1, 1],
      interim_lead: [1, 21, 21],
      terraform: [1, 5, 8],
      billing_alerts: [5, 6, 2],
      data_versioning: [6, 9, 6],
      etl_dagster: [9, 13, 8],
      hire_infra_engineer: [2, 13, 0],
      serving_pipeline: [14, 15, 3.5],
      prediction_logging: [15, 16, 1.5],
      model_monitoring: [16, 17, 2.5],
      shadow_ab: [17, 18, 2.5],
      nightly_regression: [19, 19, 1.5],
      handover: [19, 20, 2],
      hire_data_engineer: [4, 15, 0],
      hire_ml_engineer: [6, 17, 0],
      dedicated_ai_team: [20, 21, 2]
    })
    expect(json.hires).toEqual([
      { role: 'infra_engineer', startWeek: 12 },
      { role: 'data_engineer', startWeek: 14 },
      { role: 'ml_engineer', startWeek: 16 }
    ])
    expect(json.totals).toEqual({ effortDays: 61.5, cost: 73_800, currency: 'EUR' })
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
      'recruiting waits for the objectives & data audit',
      'Committed: ',
      'Optional (pending the audit or left out): 25 days',
      'Time to first AI feature: week ',
      'Infrastructure engineer first: first AI feature by week',
      'seed observation 6–9 months plus about 3 of stabilisation',
      'dozen companies of 50 to 500 people'
    ]) {
      expect(r.stdout).toContain(text)
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
    expect(json.hires[0]).toEqual({ role: 'mlops_engineer', startWeek: 12 })
    expect(Object.keys(json)).toEqual([...PLAN_JSON_KEYS])
  })
})
