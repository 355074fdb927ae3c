import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../cli/run-cli'
import type { CliIo } from '../../../cli/cli-io'
import { resolveInputPath, userDirectory } from '../../../cli/user-path'
import { tempDir } from '../../helpers/temp'
import { ASSESS_JSON_KEYS, EXPECTED_ASSESSMENTS, NEXT_HIRE_FIXTURES } from '../../helpers/expected-assessments.helper'

const FIXTURES = join(__dirname, '../../fixtures/intake')
const good = JSON.parse(readFileSync(join(FIXTURES, 'api-startup.json'), 'utf8')) as Record<string, any>

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir('stagecraft-cli-')))
afterEach(() => cleanup())

async function run(args: string[], env: Record<string, string | undefined> = {}, cwd = dir) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

function write(name: string, content: unknown): string {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  return name
}

function variant(fn: (d: Record<string, any>) => void): Record<string, any> {
  const d = structuredClone(good)
  fn(d)
  return d
}

describe('runCli assess', () => {
  it.each(Object.keys(EXPECTED_ASSESSMENTS))('%s --json', async (name) => {
    write(name, readFileSync(join(FIXTURES, name), 'utf8'))
    const { code, stdout, stderr } = await run(['assess', name, '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as Record<string, unknown>
    expect(Object.keys(json)).toEqual(ASSESS_JSON_KEYS)
    const { reason, ...rest } = json
    expect(rest).toEqual(EXPECTED_ASSESSMENTS[name])
    expect(typeof reason).toBe('string')
    expect(reason).toContain(NEXT_HIRE_FIXTURES.includes(name) ? 'next AI hire' : 'first AI hire')
  })

  it('--json may come before FILE', async () => {
    write('a.json', good)
    const { code, stdout } = await run(['assess', '--json', 'a.json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).firstHire).toBe('infra_engineer')
  })

  it('warnings are strings', async () => {
    write(
      'w.json',
      variant((d) => {
        d.context.has_data = 'none'
        d.maturity.data = 3
      })
    )
    const { code, stdout } = await run(['assess', 'w.json', '--json'])
    expect(code).toBe(0)
    const { warnings } = JSON.parse(stdout) as { warnings: unknown[] }
    expect(warnings).toHaveLength(1)
    expect(typeof warnings[0]).toBe('string')
  })

  it('without --json prints a readable summary', async () => {
    write('a.json', good)
    const { code, stdout, stderr } = await run(['assess', 'a.json'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout).toContain('Parcelwise')
    expect(stdout).toContain('First AI hire: Senior infrastructure engineer')
    expect(stdout).toContain('Hiring sequence:')
    expect(stdout).toContain('Cloud infrastructure as code with Terraform')
    expect(() => JSON.parse(stdout)).toThrow()
  })

  it('the summary marks work pending the audit', async () => {
    write('n.json', readFileSync(join(FIXTURES, 'no-data.json'), 'utf8'))
    const { stdout } = await run(['assess', 'n.json'])
    expect(stdout).toMatch(/Deployment pipeline with canary and rollback .*\[pending the audit\]/)
    expect(stdout).toContain('after the objectives & data audit')
  })

  it.each([
    ['out-of-range level', variant((d) => (d.maturity.deploy = 7)), 'bad.json: maturity.deploy: must be an integer from 0 to 4'],
    ['wrong type', variant((d) => (d.context.ml_staff = 'two')), 'bad.json: context.ml_staff: must be a whole number, 0 or more'],
    ['missing key', variant((d) => delete d.context.stage), 'bad.json: context.stage: is required'],
    ['unknown key', variant((d) => (d.maturity.vibes = 2)), 'bad.json: maturity.vibes: is not a known field'],
    ['bad date', variant((d) => (d.engagement.start_date = '2025-02-30')), 'bad.json: engagement.start_date: is not a real calendar date'],
    [
      'bad currency',
      variant((d) => (d.engagement.currency = 'EURO')),
      'bad.json: engagement.currency: must be a three-letter ISO 4217 currency code in capitals, such as EUR'
    ],
    ['headcount mismatch', variant((d) => (d.client.headcount = 1)), 'bad.json: client.headcount: must equal context.headcount (40)'],
    ['not JSON', '{ "client": ', 'bad.json: is not valid JSON (unexpected end of file)'],
    ['empty file', '', 'bad.json: is empty'],
    ['JSON array', '[1, 2]', 'bad.json: must be an object']
  ])('%s → exit 1 and one line naming file, field and problem', async (_name, content, line) => {
    write('bad.json', content)
    const { code, stdout, stderr } = await run(['assess', 'bad.json', '--json'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(`${line}\n`)
  })

  it('not JSON: says where', async () => {
    write('bad.json', '{\n  "client": {\n    "name": "A",,\n  }\n}')
    const { code, stderr } = await run(['assess', 'bad.json'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^bad\.json: is not valid JSON \(line 3, column \d+\)\n$/)
  })

  it('several problems: the first, and how many more', async () => {
    write(
      'bad.json',
      variant((d) => {
        d.maturity.deploy = 9
        d.maturity.cicd = -1
        delete d.context.cloud
      })
    )
    const { code, stderr } = await run(['assess', 'bad.json'])
    expect(code).toBe(1)
    expect(stderr).toBe('bad.json: context.cloud: is required (and 2 more problems)\n')
  })

  it('missing file and directories', async () => {
    let r = await run(['assess', 'nope.json', '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('nope.json: file not found\n')
    mkdirSync(join(dir, 'sub'))
    r = await run(['assess', 'sub'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('sub: is a directory, not a file\n')
  })

  it('reads files as the app imports them: no field twice, valid UTF-8 only, bounded nesting', async () => {
    write('twice.json', `{"client": {"name": "A", "name": "B"}, ${JSON.stringify(good).slice(1)}`)
    let r = await run(['assess', 'twice.json', '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('twice.json: the field "name" appears twice in client; each field may be given only once\n')
    writeFileSync(join(dir, 'latin1.json'), Buffer.concat([Buffer.from('{"client": {"name": "Caf'), Buffer.from([0xe9]), Buffer.from('"}}')]))
    r = await run(['assess', 'latin1.json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^latin1\.json: .*UTF-8.*\n$/)
    write('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`)
    r = await run(['plan', 'deep.json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^deep\.json: nests more than 64 levels deep/)
    for (const out of [r.stderr]) expect(out.trimEnd().split('\n')).toHaveLength(1)
  })

  it('accepts a UTF-8 byte order mark', async () => {
    write('bom.json', `\uFEFF${JSON.stringify(good)}`)
    expect((await run(['assess', 'bom.json', '--json'])).code).toBe(0)
  })

  it.each([
    [[], /^stagecraft: missing command/],
    [['frobnicate'], /^stagecraft: unknown command "frobnicate"/],
    [['assess'], /^stagecraft assess: missing FILE; usage: stagecraft assess FILE \[--json\]/],
    [['assess', 'a.json', 'b.json'], /^stagecraft assess: unexpected argument "b.json"/],
    [['assess', 'a.json', '--jsn'], /^stagecraft assess: unknown option --jsn/],
    [['assess', 'a.json', '--json=yes'], /^stagecraft assess: /]
  ])('usage error %j → exit 2, one line', async (args, pattern) => {
    const { code, stdout, stderr } = await run(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(pattern)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('--help prints usage and exits 0', async () => {
    const { code, stdout } = await run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('assess FILE [--json]')
    expect((await run(['assess', '--help'])).code).toBe(0)
  })
})

describe('paths relative to where the user ran the command', () => {
  it('uses INIT_CWD inside an npm script, the working directory otherwise', () => {
    const io = (env: Record<string, string>, cwd: string): CliIo => ({ stdout: () => {}, stderr: () => {}, cwd, env })
    expect(userDirectory(io({ INIT_CWD: '/home/me', npm_lifecycle_event: 'cli' }, '/pkg'))).toBe('/home/me')
    expect(userDirectory(io({ INIT_CWD: '/home/me' }, '/elsewhere'))).toBe('/elsewhere')
    expect(userDirectory(io({}, '/elsewhere'))).toBe('/elsewhere')
  })

  it('resolves FILE against INIT_CWD under npm run', async () => {
    write('intake.json', good)
    const { code, stdout } = await run(['assess', 'intake.json', '--json'], { INIT_CWD: dir, npm_lifecycle_event: 'cli' }, '/')
    expect(code).toBe(0)
    expect(JSON.parse(stdout).rule).toBe('R4')
  })

  it('falls back to the working directory when the file is not under INIT_CWD', () => {
    write('intake.json', good)
    const io: CliIo = { stdout: () => {}, stderr: () => {}, cwd: dir, env: { INIT_CWD: '/', npm_lifecycle_event: 'test' } }
    expect(resolveInputPath('intake.json', io)).toBe(join(dir, 'intake.json'))
  })
})

describe('not-JSON messages', () => {
  it.each([
    ['nope', 'line 1, column 2'],
    ['client: Acme', 'unexpected character "c"'],
    ['{"a": 1,}', 'line 1, column 9'],
    ['{\n "a": 1\n "b": 2}', 'line 3, column 2'],
    ['{"a": 1} x', 'line 1, column 10'],
    ['[1,2,,3]', 'unexpected character ","'],
    ['{"a": ', 'unexpected end of file']
  ])('%j → %s', async (content, where) => {
    write('bad.json', content)
    const { code, stderr } = await run(['assess', 'bad.json'])
    expect(code).toBe(1)
    expect(stderr).toBe(`bad.json: is not valid JSON (${where})\n`)
  })
})
