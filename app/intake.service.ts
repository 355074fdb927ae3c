import { sql } from 'kysely'
import { AppError } from '../shared/ipc/result'
import { answersForContext, answersForMaturity } from '../shared/domain/assessment/question-bank'
import { assessWithUnknowns } from '../shared/domain/assessment/unknowns'
import type { Assessment } from '../shared/schemas/assessment.schema'
import { INTAKE_VERSION, IntakeFileSchema, intakeProblems, type IntakeFile } from '../shared/schemas/intake.schema'
import { parseStrictJson } from './strict-json'
import type { Engagement } from '../shared/schemas/engagement.schema'
import type { Client } from '../shared/schemas/client.schema'
import type { Deps } from '../db/deps'
import { timestamp } from '../db/deps'
import { insertClient, updateClient, type Db } from '../db/repositories/client.repository'
import { insertEngagement, updateEngagement } from '../db/repositories/engagement.repository'
import { encodeAnswerValue, insertAssessment, updateAssessment } from '../db/repositories/assessment.repository'

/** Intake files are small; anything bigger is not one. */
export const MAX_INTAKE_BYTES = 5 * 1024 * 1024

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** `FILE: field.path: problem` — the one line shown for a bad intake file. */
export function formatIntakeError(displayName: string, problems: readonly { path: string; message: string }[]): string {
  const [first, ...rest] = problems
  if (!first) return `${displayName}: is not a valid intake file`
  const where = first.path ? `${first.path}: ` : ''
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`
  return oneLine(`${displayName}: ${where}${first.message}${more}`)
}

/** Validates parsed JSON as an intake file; throws a one-line INVALID_INPUT naming the field. */
export function validateIntake(displayName: string, data: unknown): IntakeFile {
  const parsed = IntakeFileSchema.safeParse(data)
  if (parsed.success) return parsed.data
  throw new AppError('INVALID_INPUT', formatIntakeError(displayName, intakeProblems(parsed.error)))
}

export interface ImportOutcome {
  clientId: string
  engagementId: string
  assessmentId: string
  clientCreated: boolean
  engagementCreated: boolean
}

/** One field an import would change on a record that is already here. */
export interface IntakeChange {
  record: 'client' | 'engagement'
  field: string
  label: string
  from: string
  to: string
  /** Part of the commercial terms (currency, day rate): on a signed engagement, what the client agreed. */
  commercial: boolean
}

export interface IntakePreview {
  clientName: string
  engagementTitle: string
  clientExists: boolean
  engagementExists: boolean
  /** The matching engagement has been signed. */
  signed: boolean
  changes: IntakeChange[]
}

/** How an import treats records already here: take the file's values, or keep what is here and only add the assessment. */
export type IntakeImportMode = 'update' | 'keep'

const findClientByName = (db: Db, name: string) =>
  db
    .selectFrom('client')
    .selectAll()
    .where(sql`name COLLATE NOCASE`, '=', name)
    .orderBy('created_at')
    .executeTakeFirst()

const findEngagementByTitle = (db: Db, clientId: string, title: string) =>
  db
    .selectFrom('engagement')
    .selectAll()
    .where('client_id', '=', clientId)
    .where(sql`title COLLATE NOCASE`, '=', title)
    .orderBy('created_at')
    .executeTakeFirst()

const clientValuesOf = (intake: IntakeFile) => ({ name: intake.client.name, industry: intake.client.industry, headcount: intake.context.headcount })

const engagementValuesOf = (intake: IntakeFile) => ({
  title: intake.engagement.title,
  consultant: intake.engagement.consultant,
  currency: intake.engagement.currency,
  dayRate: intake.engagement.day_rate,
  startDate: intake.engagement.start_date,
  ...(intake.engagement.objective !== undefined ? { objective: intake.engagement.objective } : {})
})

const shown = (value: string | number | null | undefined): string => (value === null || value === undefined || value === '' ? 'none' : String(value))

/**
 * What importing the file would change on records that are already here (matched as the
 * import matches them: the client by name, the engagement by title within it), field by
 * field. Reads only.
 */
export async function previewIntake(db: Db, intake: IntakeFile): Promise<IntakePreview> {
  const client = await findClientByName(db, intake.client.name)
  const engagement = client ? await findEngagementByTitle(db, client.id, intake.engagement.title) : undefined
  const changes: IntakeChange[] = []
  const compare = (
    record: IntakeChange['record'],
    field: string,
    label: string,
    from: string | number | null,
    to: string | number | null | undefined,
    commercial = false
  ) => {
    if (to === undefined) return
    if (shown(from) !== shown(to)) changes.push({ record, field, label, from: shown(from), to: shown(to), commercial })
  }
  const c = clientValuesOf(intake)
  if (client) {
    compare('client', 'name', 'Client name', client.name, c.name)
    compare('client', 'industry', 'Industry', client.industry, c.industry)
    compare('client', 'headcount', 'Headcount', client.headcount, c.headcount)
  }
  const e = engagementValuesOf(intake)
  if (engagement) {
    compare('engagement', 'title', 'Engagement title', engagement.title, e.title)
    compare('engagement', 'consultant', 'Consultant', engagement.consultant, e.consultant)
    compare('engagement', 'currency', 'Currency', engagement.currency, e.currency, true)
    compare('engagement', 'dayRate', 'Day rate', engagement.day_rate, e.dayRate, true)
    compare('engagement', 'startDate', 'Start date', engagement.start_date, e.startDate)
    if ('objective' in e) compare('engagement', 'objective', 'Objective and success metric', engagement.objective, e.objective)
  }
  return {
    clientName: intake.client.name,
    engagementTitle: intake.engagement.title,
    clientExists: Boolean(client),
    engagementExists: Boolean(engagement),
    signed: Boolean(engagement?.signed_at),
    changes
  }
}

/**
 * Brings an intake file in: the client (matched by name) and the engagement (matched by
 * title within the client) are created, or, when already here, updated from the file
 * (`update`) or kept as they are (`keep`); a completed assessment is added with answers that
 * reproduce the file's levels and context. Run inside a transaction.
 */
export async function importIntake(db: Db, deps: Deps, intake: IntakeFile, sourceName: string, mode: IntakeImportMode = 'update'): Promise<ImportOutcome> {
  const existingClient = await findClientByName(db, intake.client.name)
  const clientValues = clientValuesOf(intake)
  const clientId = existingClient
    ? mode === 'keep'
      ? existingClient.id
      : (await updateClient(db, deps, existingClient.id, clientValues))!.id
    : (await insertClient(db, deps, { ...clientValues, contactName: null, contactEmail: null, notes: null })).id

  const existingEngagement = await findEngagementByTitle(db, clientId, intake.engagement.title)
  const engagementValues = engagementValuesOf(intake)
  const engagementId = existingEngagement
    ? mode === 'keep'
      ? existingEngagement.id
      : (await updateEngagement(db, deps, existingEngagement.id, engagementValues))!.id
    : (await insertEngagement(db, deps, clientId, { ...engagementValues, status: 'lead', notes: null })).id

  const assessmentId = await insertAssessment(db, deps, {
    engagementId,
    title: `Imported from ${sourceName}`.slice(0, 160),
    present: []
  })
  const answers = { ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) }
  const now = timestamp(deps)
  await db
    .insertInto('assessment_answer')
    .values(
      Object.entries(answers).map(([questionId, value]) => ({
        assessment_id: assessmentId,
        question_id: questionId,
        value: encodeAnswerValue(value),
        note: null,
        private_note: null,
        updated_at: now
      }))
    )
    .execute()
  await updateAssessment(db, deps, assessmentId, { status: 'complete' })
  return {
    clientId,
    engagementId,
    assessmentId,
    clientCreated: !existingClient,
    engagementCreated: !existingEngagement
  }
}

/**
 * The intake file for an assessment. The file format has no "unknown": unknown answers
 * go out as the values the results assumed (0, false), and the caller is told how many.
 */
export function exportIntake(client: Client, engagement: Engagement, assessment: Assessment): { intake: IntakeFile; assumedAnswers: number } {
  const answers = Object.fromEntries(Object.entries(assessment.answers).map(([id, a]) => [id, a.value ?? undefined]))
  const result = assessWithUnknowns(answers)
  const assumedAnswers = result.unknownQuestionIds.length
  const intake: IntakeFile = {
    version: INTAKE_VERSION,
    client: {
      name: client.name,
      industry: client.industry ?? 'Not recorded',
      headcount: result.context.headcount
    },
    engagement: {
      title: engagement.title,
      consultant: engagement.consultant,
      currency: engagement.currency as IntakeFile['engagement']['currency'],
      day_rate: engagement.dayRate,
      start_date: engagement.startDate ?? timestampDate(engagement.createdAt),
      ...(engagement.objective ? { objective: engagement.objective } : {})
    },
    context: { ...result.context },
    maturity: { ...result.maturity }
  }
  return { intake, assumedAnswers }
}

const timestampDate = (iso: string): string => iso.slice(0, 10)

/**
 * An intake file's bytes to a validated intake, the same way in the app and the CLI:
 * UTF-8 only (a BOM is fine), no duplicate keys, no absurd nesting, then the schema.
 */
export function readIntakeBytes(name: string, bytes: Uint8Array): IntakeFile {
  return validateIntake(name, parseStrictJson(name, bytes))
}
