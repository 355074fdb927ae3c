/**
 * Spawns the real CLI (node + tsx loader, and npm run) for `export` with every template, on
 * bad input and bad output paths, with a database's library and settings, and when the
 * disk fills up mid-write: an earlier file must always survive.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { writeLibraryItems } from '../../db/repositories/library.repository'
import { writeSetting } from '../../db/repositories/setting.repository'
import { DEFAULT_LIBRARY } from '../../shared/content/library.content'
import { fixedDeps } from '../helpers/deps'
import { unzip, visibleText, xmllint, xmlParts } from '../helpers/readers'
import { tempDir } from '../helpers/temp'
import { FIXTURES, MAIN, ROOT, TSX_LOADER, CLEAN_ENV as ENV, expectOneLineError, spawnCli, intakeVariant } from '../helpers/cli-spawn'

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir('stagecraft-cli-export-')))
afterAll(() => cleanup())

const cli = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnCli(args, { cwd: options.cwd ?? dir, ...(options.env ? { env: options.env } : {}) })

/** The document's visible text (body, headers, footers). */
function documentText(path: string): string {
  const parts = unzip(readFileSync(path))
  return [...parts.entries()]
    .filter(([name]) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .map(([, xml]) => visibleText(xml.toString('utf8')).join('\n'))
    .join('\n')
}

/** Every XML part of the file passes xmllint. */
function expectWellFormed(path: string): void {
  const parts = xmlParts(readFileSync(path))
  const xmlDir = join(dir, `xml-${Date.now()}`)
  const files: string[] = []
  for (const [name, text] of parts) {
    const file = join(xmlDir, name)
    mkdirSync(resolve(file, '..'), { recursive: true })
    writeFileSync(file, text)
    files.push(file)
  }
  expect(files.length).toBeGreaterThan(8)
  expect(xmllint(files)).toBe('')
}

const tempLeftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'))

describe('stagecraft export (spawned)', () => {
  it.each([
    ['proposal', 'api-startup.json', 'Parcelwise', ['Executive summary', 'Investment', 'Acceptance', 'Appendix: interview kits']],
    ['assessment', 'mlops-pain.json', 'Ledgerly', ['Recommendation', 'Workshop answers']],
    ['hiring', 'custom-exploration.json', 'Verdant Imaging', ['Hiring order and timing', 'Job description', 'Interview kit']]
  ])(
    '--template %s writes a well-formed document and says where in one line',
    (template, fixture, client, headings) => {
      copyFileSync(join(FIXTURES, fixture), join(dir, fixture))
      const r = cli(['export', fixture, '--out', `${template}.docx`, '--template', template])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const out = join(dir, `${template}.docx`)
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1)
      expect(r.stdout).toContain(out)
      expectWellFormed(out)
      const text = documentText(out)
      expect(text).toContain(client)
      for (const h of headings) expect(text).toContain(h)
      expect(text).toContain('Stagecraft') // the default branding's consultancy name
      expect(tempLeftovers(dir)).toEqual([])
    },
    60_000
  )

  it('the proposal is the default, from the plan `stagecraft plan` makes, into a subfolder relative to where it ran', () => {
    mkdirSync(join(dir, 'work', 'out'), { recursive: true })
    copyFileSync(join(FIXTURES, 'no-data.json'), join(dir, 'work', 'brightdesk.json'))
    const r = cli(['export', 'brightdesk.json', '--out', 'out/Proposal.DOCX'], { cwd: join(dir, 'work') })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const text = documentText(join(dir, 'work', 'out', 'Proposal.DOCX'))
    expect(text).toContain('Executive summary')
    expect(text).toContain('Brightdesk')
    // The plan's committed total, exactly as `plan --json` gives it, is the proposed investment.
    const plan = JSON.parse(cli(['plan', 'brightdesk.json', '--json'], { cwd: join(dir, 'work') }).stdout) as { totals: { cost: number } }
    const total = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'CHF', maximumFractionDigits: 0 }).format(plan.totals.cost)
    expect(text).toContain(`We propose the full build-out option at ${total}`)
  }, 60_000)

  const bad = intakeVariant

  it.each([
    ['out-of-range level', bad((d) => (d.maturity.deploy = 5)), /^intake\.json: maturity\.deploy: must be an integer from 0 to 4$/],
    ['unknown key', bad((d) => (d.context.vibe = 'good')), /^intake\.json: context\.vibe: is not a known field$/],
    ['bad currency', bad((d) => (d.engagement.currency = 'EURO')), /^intake\.json: engagement\.currency: /],
    ['not JSON', '{\n  "client": {,\n}', /^intake\.json: is not valid JSON \(line 2, column \d+\)$/]
  ])('bad input (%s) → exit 1, one line naming file and field, and an earlier file untouched', (_name, content, line) => {
    writeFileSync(join(dir, 'intake.json'), content)
    writeFileSync(join(dir, 'earlier.docx'), 'EARLIER')
    expectOneLineError(cli(['export', 'intake.json', '--out', 'earlier.docx']), 1, line)
    expect(readFileSync(join(dir, 'earlier.docx'), 'utf8')).toBe('EARLIER')
  })

  it('bad command lines and bad --out paths → one clear line', () => {
    copyFileSync(join(FIXTURES, 'api-startup.json'), join(dir, 'ok.json'))
    mkdirSync(join(dir, 'a-folder.docx'), { recursive: true })
    expectOneLineError(cli(['export', 'ok.json']), 2, /^stagecraft export: missing --out; usage: stagecraft export FILE --out X\.docx/)
    expectOneLineError(
      cli(['export', 'ok.json', '--out', 'x.docx', '--template', 'brochure']),
      2,
      /^stagecraft export: unknown template "brochure" \(templates: proposal, assessment, hiring\)/
    )
    expectOneLineError(
      cli(['export', 'ok.json', '--out', 'x.docx', '--template', 'progress']),
      2,
      /^stagecraft export: the progress report needs the engagement's tracking/
    )
    expectOneLineError(cli(['export', 'missing.json', '--out', 'x.docx']), 1, /^missing\.json: file not found$/)
    expectOneLineError(cli(['export', 'ok.json', '--out', 'a-folder.docx']), 1, /^a-folder\.docx: is a folder; give a file name such as proposal\.docx$/)
    expectOneLineError(cli(['export', 'ok.json', '--out', 'notes.txt']), 1, /^notes\.txt: the output file must end in \.docx$/)
    expectOneLineError(
      cli(['export', 'ok.json', '--out', 'no/such/folder/x.docx']),
      1,
      /^no\/such\/folder\/x\.docx: the folder .*no\/such\/folder does not exist$/
    )
    expect(existsSync(join(dir, 'x.docx'))).toBe(false)
  }, 60_000)

  // Root may write anywhere, so a read-only folder only stops other users.
  it.runIf(process.getuid?.() !== 0)(
    'a read-only folder → one clear line, and the earlier file is untouched',
    () => {
      copyFileSync(join(FIXTURES, 'api-startup.json'), join(dir, 'ro.json'))
      mkdirSync(join(dir, 'locked'), { recursive: true })
      writeFileSync(join(dir, 'locked', 'proposal.docx'), 'EARLIER')
      chmodSync(join(dir, 'locked'), 0o555)
      try {
        expectOneLineError(
          cli(['export', 'ro.json', '--out', 'locked/proposal.docx']),
          1,
          /^locked\/proposal\.docx: cannot write there \(permission denied\); nothing was written and the earlier file is unchanged$/
        )
        expect(readFileSync(join(dir, 'locked', 'proposal.docx'), 'utf8')).toBe('EARLIER')
      } finally {
        chmodSync(join(dir, 'locked'), 0o755)
      }
    },
    60_000
  )

  it.runIf(existsSync('/usr/bin/prlimit') || existsSync('/bin/prlimit'))(
    'the disk fills up while writing → one clear line, no temporary file left, and the earlier file is untouched',
    async () => {
      copyFileSync(join(FIXTURES, 'api-startup.json'), join(dir, 'full.json'))
      mkdirSync(join(dir, 'full'), { recursive: true })
      writeFileSync(join(dir, 'full', 'proposal.docx'), 'EARLIER')
      // Files larger than 64 KB cannot be written (as on a full disk); the proposal is far larger.
      const child = spawn(
        'prlimit',
        ['--fsize=65536:65536', process.execPath, '--import', TSX_LOADER, MAIN, 'export', 'full.json', '--out', 'full/proposal.docx'],
        {
          cwd: dir,
          env: ENV
        }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      const code = await new Promise<number | null>((done) => child.on('close', done))
      expectOneLineError({ code, stdout, stderr }, 1, /^full\/proposal\.docx: the disk is full; nothing was written and the earlier file is unchanged$/)
      expect(readFileSync(join(dir, 'full', 'proposal.docx'), 'utf8')).toBe('EARLIER')
      expect(tempLeftovers(join(dir, 'full'))).toEqual([])
    },
    60_000
  )

  it("with STAGECRAFT_DB: that database's library and branding", async () => {
    const dbPath = join(dir, 'db', 'stagecraft.db')
    const handle = await openDatabase(dbPath, { now: () => new Date('2026-03-02T09:00:00Z') })
    try {
      const infra = DEFAULT_LIBRARY.roles.find((r) => r.id === 'infra_engineer')!
      await writeLibraryItems(handle.db, fixedDeps(), { tasks: [], roles: [{ ...infra, title: 'Platform engineer (from the database)' }], questions: [] })
      await writeSetting(
        handle.db,
        'branding',
        JSON.stringify({
          consultancyName: 'Database Consulting',
          accentColour: '#8A63D2',
          footerText: 'From the settings.',
          locale: 'en-GB',
          defaultTerms: 'Our own terms, from the settings.',
          logo: null
        }),
        '2026-03-02T09:00:00Z'
      )
    } finally {
      await handle.close()
    }
    copyFileSync(join(FIXTURES, 'api-startup.json'), join(dir, 'db.json'))
    const r = cli(['export', 'db.json', '--out', 'from-db.docx'], { env: { STAGECRAFT_DB: 'db/stagecraft.db' } })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const text = documentText(join(dir, 'from-db.docx'))
    expect(text).toContain('Platform engineer (from the database)')
    expect(text).toContain('Database Consulting')
    expect(text).toContain('From the settings.')
    expect(text).toContain('Our own terms, from the settings.')

    expectOneLineError(
      cli(['export', 'db.json', '--out', 'x.docx'], { env: { STAGECRAFT_DB: 'db/missing.db' } }),
      1,
      /^STAGECRAFT_DB: there is no database at .*db\/missing\.db$/
    )
  }, 60_000)

  it('npm run -s cli -- export FILE --out X.docx works from any folder', () => {
    copyFileSync(join(FIXTURES, 'mlops-pain.json'), join(dir, 'from-npm.json'))
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const r = spawnSync(npm, ['run', '-s', 'cli', '--prefix', ROOT, '--', 'export', 'from-npm.json', '--out', 'from-npm.docx', '--template', 'hiring'], {
      cwd: dir,
      env: ENV,
      encoding: 'utf8'
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(join(dir, 'from-npm.docx'))
    expect(documentText(join(dir, 'from-npm.docx'))).toContain('Ledgerly')
  }, 60_000)
})
