import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError } from '../shared/ipc/result'
import { BrandingSettingsSchema, DEFAULT_BRANDING_SETTINGS, type BrandingSettings } from '../shared/schemas/branding.schema'
import { BrandingLogoError, renderJob, type DocumentJob, type TemplateName } from '../templates'
import type { Database } from '../db/schema'
import { findAssessment, listAssessments } from '../db/repositories/assessment.repository'
import { findClient } from '../db/repositories/client.repository'
import { findEngagement } from '../db/repositories/engagement.repository'
import { readSetting } from '../db/repositories/setting.repository'
import { findPlanByEngagement } from '../db/repositories/plan.repository'
import { readLibrary } from '../db/repositories/library.repository'
import { planFromStored } from '../shared/domain/planning/stored-plan'
import { requireTrackingView } from './tracking.service'
import type { Deps } from '../db/deps'

export const BRANDING_KEY = 'branding'

export async function readBranding(db: Kysely<Database>): Promise<BrandingSettings> {
  const raw = await readSetting(db, BRANDING_KEY)
  if (!raw) return DEFAULT_BRANDING_SETTINGS
  try {
    const parsed = BrandingSettingsSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : DEFAULT_BRANDING_SETTINGS
  } catch {
    return DEFAULT_BRANDING_SETTINGS
  }
}

/** Settings → the templates' branding (logo bytes decoded). */
export function templateBranding(settings: BrandingSettings) {
  return {
    consultancyName: settings.consultancyName,
    accentColour: settings.accentColour,
    fontFamily: 'Inter',
    footerText: settings.footerText,
    locale: settings.locale,
    logo: settings.logo ? { mime: settings.logo.mime, bytes: new Uint8Array(Buffer.from(settings.logo.dataBase64, 'base64')) } : null
  }
}

export interface ExportRequest {
  engagementId: string
  template: TemplateName
  sections: Record<string, boolean>
  assessmentId?: string
}

export interface BuiltExport {
  fileName: string
  bytes: Buffer
  sha256: string
  /** The data the document was made from (logo replaced by its hash), kept with the snapshot. */
  input: unknown
}

/**
 * The last document built, so the export that follows its preview sends exactly the bytes
 * the consultant just looked at instead of laying the pages out again (the slow part of a
 * long proposal). Reused only when the template and every piece of data are the same, the
 * date written on it is still today, and it is at most ten minutes old.
 */
export interface ExportMemo {
  last: { key: string; day: string; at: number; built: BuiltExport } | null
}

export const createExportMemo = (): ExportMemo => ({ last: null })
const MEMO_MS = 10 * 60 * 1000

/** Builds the document's bytes from what is in the database now. */
export async function buildExport(db: Kysely<Database>, deps: Deps, request: ExportRequest, memo?: ExportMemo): Promise<BuiltExport> {
  const now = deps.now()
  const engagement = await findEngagement(db, request.engagementId)
  if (!engagement) throw new AppError('NOT_FOUND', 'That engagement no longer exists.')
  const client = (await findClient(db, engagement.clientId))!
  const settings = await readBranding(db)
  const summaries = await listAssessments(db, engagement.id, 0)
  const chosenId = request.assessmentId ?? (summaries.find((a) => a.status === 'complete') ?? summaries[0])?.id
  if (!chosenId) throw new AppError('INVALID_INPUT', 'This engagement has no assessment to report on yet.')
  const assessment = await findAssessment(db, chosenId)
  if (!assessment || assessment.engagementId !== engagement.id) throw new AppError('NOT_FOUND', 'That assessment is not part of this engagement.')
  const earlier = summaries.filter((a) => a.createdAt < assessment.createdAt)[0]
  const previous = earlier ? await findAssessment(db, earlier.id) : undefined
  // Only the value and the shareable note leave the app: private notes are never exported.
  const shareable = (a: NonNullable<typeof previous>) => ({
    title: a.title,
    present: a.present,
    completedAt: a.completedAt,
    updatedAt: a.updatedAt,
    answers: Object.fromEntries(Object.entries(a.answers).map(([id, x]) => [id, { value: x.value, note: x.note }]))
  })
  const input = {
    client: { name: client.name, industry: client.industry, headcount: client.headcount },
    engagement: {
      title: engagement.title,
      consultant: engagement.consultant,
      currency: engagement.currency,
      dayRate: engagement.dayRate,
      startDate: engagement.startDate,
      objective: engagement.objective
    },
    assessment: shareable(assessment),
    previous: previous ? shareable(previous) : null,
    branding: templateBranding(settings),
    generatedAt: now.toISOString(),
    sections: request.sections
  }
  let job: DocumentJob
  if (request.template === 'assessment') {
    // The workshop report prices the engagement's own plan when there is one, so its figures are the proposal's.
    const stored = await findPlanByEngagement(db, engagement.id)
    job = { name: 'assessment', input: stored ? { ...input, plan: planFromStored(stored, engagement), library: await readLibrary(db) } : input }
  } else if (request.template === 'proposal' || request.template === 'hiring') {
    // The proposal and hiring pack present the stored plan with the consultant's edits,
    // pricing and notes, and the consultant's own library.
    const stored = await findPlanByEngagement(db, engagement.id)
    if (!stored) throw new AppError('INVALID_INPUT', 'Make the plan first: the proposal presents it.')
    const plan = planFromStored(stored, engagement)
    const library = await readLibrary(db)
    const common = {
      client: input.client,
      engagement: input.engagement,
      assessment: { answers: input.assessment.answers },
      plan,
      library,
      branding: input.branding,
      generatedAt: input.generatedAt,
      sections: request.sections
    }
    job =
      request.template === 'hiring'
        ? { name: 'hiring', input: common }
        : {
            name: 'proposal',
            input: {
              ...common,
              pricing: stored.pricing,
              itemNotes: Object.fromEntries(Object.entries(stored.edits.overrides).map(([id, o]) => [id, o.notes ?? null])),
              terms: settings.defaultTerms.trim() ? settings.defaultTerms : null,
              aboutUs: settings.aboutUs,
              governance: settings.governance,
              governingLaw: settings.governingLaw
            }
          }
  } else {
    // The status report: tracking as it stands, and readiness now against the assessment before.
    const tracking = await db.transaction().execute((trx) => requireTrackingView(trx, deps, engagement.id))
    const values = (a: typeof input.assessment) => ({
      title: a.title,
      completedAt: a.completedAt,
      answers: Object.fromEntries(Object.entries(a.answers).map(([id, x]) => [id, { value: x.value }]))
    })
    job = {
      name: 'progress',
      input: {
        client: input.client,
        engagement: input.engagement,
        tracking,
        assessment: values(input.assessment),
        previous: input.previous ? values(input.previous) : null,
        branding: input.branding,
        generatedAt: input.generatedAt,
        sections: request.sections
      }
    }
  }
  const { generatedAt: _generatedAt, ...content } = job.input
  const key = createHash('sha256')
    .update(JSON.stringify([request.template, content]))
    .digest('hex')
  const day = now.toISOString().slice(0, 10)
  const last = memo?.last
  if (last && last.key === key && last.day === day && now.getTime() - last.at <= MEMO_MS) return last.built
  let rendered: { fileName: string; bytes: Buffer }
  try {
    rendered = await renderJob(job)
  } catch (error) {
    if (error instanceof BrandingLogoError) throw new AppError('INVALID_INPUT', error.message)
    throw error
  }
  const logoHash = settings.logo ? createHash('sha256').update(settings.logo.dataBase64).digest('hex') : null
  const built: BuiltExport = {
    fileName: rendered.fileName,
    bytes: rendered.bytes,
    sha256: createHash('sha256').update(rendered.bytes).digest('hex'),
    input: { ...job.input, branding: { ...input.branding, logo: logoHash ? { sha256: logoHash } : null } }
  }
  if (memo) memo.last = { key, day, at: now.getTime(), built }
  return built
}
