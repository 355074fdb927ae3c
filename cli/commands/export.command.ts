import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { writeFileAtomic } from '../../app/files'
import { DEFAULT_LIBRARY } from '../../shared/content/library.content'
import { answersForContext, answersForMaturity } from '../../shared/domain/assessment/question-bank'
import { generatePlan } from '../../shared/domain/planning/plan.generator'
import { planLibraryFrom } from '../../shared/domain/planning/plan-library'
import type { IntakeFile } from '../../shared/schemas/intake.schema'
import type { Library } from '../../shared/schemas/library.schema'
import { BrandingLogoError, DEFAULT_BRANDING, type BrandingInput } from '../../templates/branding'
import { isTemplateName, renderJob, TEMPLATE_NAMES, type DocumentJob, type TemplateName } from '../../templates/index'
import type { CliCommand } from '../cli-command'
import { CliError, UsageError, type CliIo } from '../cli-io'
import { loadIntakeFile } from '../intake-file'
import { resolveOutputPath, userDirectory } from '../user-path'
import { assessIntake } from './assess.command'
import { planInputFor } from './plan.command'

const USAGE = `usage: stagecraft export FILE --out X.docx [--template ${TEMPLATE_NAMES.join('|')}]`

/** Where the document's data comes from besides the intake file. */
export interface ExportSources {
  /** The content library: the database's with STAGECRAFT_DB, else null (the built-in one). */
  library: Library | null
  /** The consultancy's branding: the database's settings with STAGECRAFT_DB, else the default. */
  branding: BrandingInput
  /** The default terms from the database's settings, when set. */
  terms: string | null
  /** The consultancy's own words for the proposal, from the database's settings. */
  words?: { aboutUs: string; governance: string; governingLaw: string }
}

const BUILT_IN_SOURCES: ExportSources = { library: null, branding: DEFAULT_BRANDING, terms: null }

/**
 * The library and settings (branding, default terms) from the database at STAGECRAFT_DB
 * (relative to the user's directory), read only after the same start-up checks the app
 * makes; without STAGECRAFT_DB, the built-in library and default branding.
 */
export async function exportSources(io: CliIo): Promise<ExportSources> {
  const value = io.env.STAGECRAFT_DB?.trim()
  if (!value) return BUILT_IN_SOURCES
  const path = resolve(userDirectory(io), value)
  // Loaded only when asked for: the database code needs the native SQLite module.
  const [{ checkDatabaseFile }, { migrations }, { openDatabase }, { readLibrary }, { DatabaseOpenError }, { readBranding, templateBranding }] =
    await Promise.all([
      import('../../db/health'),
      import('../../db/migrations'),
      import('../../db/connection'),
      import('../../db/repositories/library.repository'),
      import('../../db/errors'),
      import('../../app/export.service')
    ])
  const verdict = checkDatabaseFile(path, migrations.length)
  if (!verdict.ok) {
    throw new CliError(
      verdict.problem === 'missing'
        ? `STAGECRAFT_DB: there is no database at ${path}`
        : `STAGECRAFT_DB: ${path}: ${verdict.detail} Nothing was exported; run "stagecraft db check" for details`
    )
  }
  let handle: Awaited<ReturnType<typeof openDatabase>> | undefined
  try {
    handle = await openDatabase(path, { now: () => new Date() })
    const library = await readLibrary(handle.db)
    const settings = await readBranding(handle.db)
    return {
      library,
      branding: templateBranding(settings),
      terms: settings.defaultTerms.trim() ? settings.defaultTerms : null,
      words: { aboutUs: settings.aboutUs, governance: settings.governance, governingLaw: settings.governingLaw }
    }
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new CliError(`STAGECRAFT_DB: ${error.message}`)
    throw error
  } finally {
    await handle?.close()
  }
}

/** The template's input for an intake file: its engagement, the built-in branding, the given library. */
export function exportJob(template: TemplateName, intake: IntakeFile, sources: ExportSources, now: Date): DocumentJob {
  const client = { name: intake.client.name, industry: intake.client.industry, headcount: intake.client.headcount ?? intake.context.headcount }
  const engagement = {
    title: intake.engagement.title,
    consultant: intake.engagement.consultant,
    currency: intake.engagement.currency,
    dayRate: intake.engagement.day_rate,
    startDate: intake.engagement.start_date,
    objective: intake.engagement.objective ?? null
  }
  const common = { client, engagement, branding: sources.branding, generatedAt: now, version: '1.0' }
  // The plan exactly as `stagecraft plan` makes it (the library's efforts and lead times when a database gives one).
  const assessment = assessIntake(intake)
  const base = planInputFor(intake, assessment)
  const planInput = sources.library ? { ...base, library: planLibraryFrom(sources.library) } : base
  const plan = generatePlan(planInput)
  if (template === 'assessment') {
    const answers = Object.fromEntries(
      Object.entries({ ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) }).map(([id, value]) => [id, { value, note: null }])
    )
    const assessmentInput = { title: 'Readiness assessment', present: [], answers, completedAt: now.toISOString() }
    return { name: 'assessment', input: { ...common, plan, library: sources.library ?? null, assessment: assessmentInput } }
  }
  const documentInput = {
    ...common,
    assessment: { maturity: intake.maturity, context: intake.context },
    plan,
    library: sources.library ?? DEFAULT_LIBRARY
  }
  if (template === 'proposal') return { name: 'proposal', input: { ...documentInput, terms: sources.terms, ...(sources.words ?? {}) } }
  if (template === 'hiring') return { name: 'hiring', input: documentInput }
  throw new UsageError("stagecraft export: the progress report needs the engagement's tracking, which an intake file does not hold; export it from the app")
}

/** A one-line reason a file could not be written, from the error's code. */
function writeProblem(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot write there (permission denied)'
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'the disk is full'
    case 'EROFS':
      return 'the folder is on a read-only disk'
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the folder does not exist'
    case 'EISDIR':
      return 'is a folder; give a file name such as proposal.docx'
    case 'EBUSY':
      return 'the file is open in another program; close it and try again'
    default:
      return `cannot be written (${code ?? 'unknown error'})`
  }
}

/** Checks where the document goes before any work is done, so a bad --out fails fast. */
function checkOutput(outArg: string, path: string): void {
  let stats
  try {
    stats = statSync(path)
  } catch {
    stats = null
  }
  if (stats?.isDirectory()) throw new CliError(`${outArg}: is a folder; give a file name such as proposal.docx`)
  if (!/\.docx$/i.test(path)) throw new CliError(`${outArg}: the output file must end in .docx`)
  const folder = dirname(path)
  if (!existsSync(folder)) throw new CliError(`${outArg}: the folder ${folder} does not exist`)
  if (!statSync(folder).isDirectory()) throw new CliError(`${outArg}: ${folder} is not a folder`)
}

/** What an intake file can make (the progress report needs tracking data). */
const CLI_TEMPLATES = TEMPLATE_NAMES.filter((t) => t !== 'progress')

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `export FILE --out X.docx [--template ${CLI_TEMPLATES.join('|')}]`,
  summary: 'Write a Word document (the proposal by default) for an intake file.',
  positionals: ['FILE'],
  options: {
    out: { type: 'string', description: 'the .docx file to write' },
    template: { type: 'string', description: `which document: ${CLI_TEMPLATES.join(', ')} (default proposal)` }
  },
  run: async ({ positionals, options }, io) => {
    const outArg = options.out
    if (typeof outArg !== 'string' || outArg.trim() === '') throw new UsageError(`stagecraft export: missing --out; ${USAGE}`)
    const templateArg = options.template ?? 'proposal'
    if (typeof templateArg !== 'string' || !isTemplateName(templateArg) || templateArg === 'progress') {
      if (templateArg === 'progress') {
        throw new UsageError(
          "stagecraft export: the progress report needs the engagement's tracking, which an intake file does not hold; export it from the app"
        )
      }
      throw new UsageError(`stagecraft export: unknown template "${String(templateArg)}" (templates: ${CLI_TEMPLATES.join(', ')}); ${USAGE}`)
    }
    const { intake, displayName } = loadIntakeFile(positionals[0]!, io)
    const outPath = resolveOutputPath(outArg, io)
    checkOutput(outArg, outPath)

    const sources = await exportSources(io)
    let rendered: { fileName: string; bytes: Buffer }
    try {
      rendered = await renderJob(exportJob(templateArg, intake, sources, new Date()))
    } catch (error) {
      if (error instanceof BrandingLogoError) throw new CliError(`STAGECRAFT_DB: the logo in the branding settings cannot be used: ${error.message}`)
      if (error instanceof RangeError) throw new CliError(`${displayName}: ${error.message}`)
      throw error
    }
    try {
      // A temporary file beside the target, flushed, then renamed over it: an earlier file survives any failure.
      writeFileAtomic(outPath, rendered.bytes)
    } catch (error) {
      const code = (error as { code?: string }).code
      throw new CliError(`${outArg}: ${writeProblem(code)}; nothing was written${existsSync(outPath) ? ' and the earlier file is unchanged' : ''}`)
    }
    io.stdout(
      `Wrote the ${templateArg === 'hiring' ? 'hiring pack' : templateArg === 'assessment' ? 'workshop report' : 'proposal'} for ${intake.client.name} to ${outPath}\n`
    )
    return 0
  }
}
