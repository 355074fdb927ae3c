/**
 * Spawns the real CLI (node + tsx loader, the bin launcher, and npm run) on intake files in a
 * temporary folder and checks stdout, stderr and the exit code.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp'
import { BIN, CLEAN_ENV as ENV, FIXTURES, ROOT, expectOneLineError, spawnCli, intakeVariant } from '../helpers/cli-spawn'
import { ASSESS_JSON_KEYS, EXPECTED_ASSESSMENTS, NEXT_HIRE_FIXTURES } from '../helpers/expected-assessments.helper'

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir('stagecraft-cli-it-')))
afterAll(() => cleanup())

const cli = (args: string[], cwd = dir) => spawnCli(args, { cwd })

describe('stagecraft assess (spawned)', () => {
  it.each(Object.keys(EXPECTED_ASSESSMENTS))('%s --json: exactly the contract keys and values', (name) => {
    copyFileSync(join(FIXTURES, name), join(dir, name))
    const r = cli(['assess', name, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(json)).toEqual(ASSESS_JSON_KEYS)
    const { reason, ...rest } = json
    expect(rest).toEqual(EXPECTED_ASSESSMENTS[name])
    expect(reason).toContain(NEXT_HIRE_FIXTURES.includes(name) ? 'next AI hire' : 'first AI hire')
  })

  it('prints a readable summary without --json', () => {
    copyFileSync(join(FIXTURES, 'custom-exploration.json'), join(dir, 'summary.json'))
    const r = cli(['assess', 'summary.json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('First AI hire: ML engineer')
    expect(r.stdout).toContain('also matched R4')
  })

  const bad = intakeVariant

  it.each([
    ['out-of-range level', bad((d) => (d.maturity.deploy = 5)), /^intake\.json: maturity\.deploy: must be an integer from 0 to 4$/],
    ['wrong type', bad((d) => (d.context.gpu_workloads = 1)), /^intake\.json: context\.gpu_workloads: must be true or false$/],
    ['missing key', bad((d) => delete d.maturity.tracking), /^intake\.json: maturity\.tracking: is required$/],
    ['unknown key', bad((d) => (d.context.vibe = 'good')), /^intake\.json: context\.vibe: is not a known field$/],
    ['bad date', bad((d) => (d.engagement.start_date = '2025-02-30')), /^intake\.json: engagement\.start_date: /],
    ['bad currency', bad((d) => (d.engagement.currency = 'ABC')), /^intake\.json: engagement\.currency: is not an active ISO 4217 currency code$/],
    ['not JSON', '{\n  "client": {,\n}', /^intake\.json: is not valid JSON \(line 2, column \d+\)$/]
  ])('%s → exit 1 with one line on stderr', (_name, content, line) => {
    writeFileSync(join(dir, 'intake.json'), content)
    expectOneLineError(cli(['assess', 'intake.json', '--json']), 1, line)
  })

  it('missing file → exit 1', () => {
    expectOneLineError(cli(['assess', 'missing.json', '--json']), 1, /^missing\.json: file not found$/)
  })

  it('usage errors → exit 2', () => {
    expectOneLineError(cli([]), 2, /^stagecraft: missing command/)
    expectOneLineError(cli(['assess']), 2, /^stagecraft assess: missing FILE/)
    expectOneLineError(cli(['plot', 'x.json']), 2, /^stagecraft: unknown command "plot"/)
    expectOneLineError(cli(['assess', 'x.json', '--yaml']), 2, /^stagecraft assess: unknown option --yaml/)
  })

  it('the bin launcher runs the same CLI from any directory', () => {
    copyFileSync(join(FIXTURES, 'no-data.json'), join(dir, 'launcher.json'))
    const r = spawnSync(process.execPath, [BIN, 'assess', 'launcher.json', '--json'], { cwd: dir, env: ENV, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).firstHire).toBe('fullstack_ai_engineer')
  })

  it('npm run -s cli resolves FILE from the directory npm was run in', () => {
    copyFileSync(join(FIXTURES, 'mlops-pain.json'), join(dir, 'from-npm.json'))
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const r = spawnSync(npm, ['run', '-s', 'cli', '--prefix', ROOT, '--', 'assess', 'from-npm.json', '--json'], {
      cwd: dir,
      env: ENV,
      encoding: 'utf8'
    })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).firstHire).toBe('mlops_engineer')
  })
})
