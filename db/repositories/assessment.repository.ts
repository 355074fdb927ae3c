import type { Selectable } from 'kysely'
import type { Assessment, AssessmentStatus, AssessmentSummary, StoredAnswer } from '../../shared/schemas/assessment.schema'
import { timestamp, type Deps } from '../deps'
import type { AssessmentAnswerTable, AssessmentTable } from '../schema'
import type { Db } from './client.repository'

type AnswerValue = StoredAnswer['value']

const parseValue = (raw: string | null): AnswerValue => (raw === null ? null : (JSON.parse(raw) as AnswerValue))

const toAnswer = (row: Selectable<AssessmentAnswerTable>): StoredAnswer => ({
  value: parseValue(row.value),
  note: row.note,
  privateNote: row.private_note,
  updatedAt: row.updated_at
})

const toAssessment = (row: Selectable<AssessmentTable>, answers: Record<string, StoredAnswer>): Assessment => ({
  id: row.id,
  engagementId: row.engagement_id,
  title: row.title,
  status: row.status as AssessmentStatus,
  present: JSON.parse(row.present) as string[],
  cursor: row.cursor,
  answers,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  completedAt: row.completed_at
})

export async function findAssessment(db: Db, id: string): Promise<Assessment | undefined> {
  const row = await db.selectFrom('assessment').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const answers = await db.selectFrom('assessment_answer').selectAll().where('assessment_id', '=', id).execute()
  return toAssessment(row, Object.fromEntries(answers.map((a) => [a.question_id, toAnswer(a)])))
}

export async function listAssessments(db: Db, engagementId: string, totalQuestions: number): Promise<AssessmentSummary[]> {
  const rows = await db
    .selectFrom('assessment as a')
    .selectAll('a')
    .select((eb) =>
      eb
        .selectFrom('assessment_answer as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.assessment_id', '=', 'a.id')
        .where('x.value', 'is not', null)
        .as('answered')
    )
    .where('a.engagement_id', '=', engagementId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute()
  return rows.map((row) => {
    const { answers: _a, cursor: _c, ...summary } = toAssessment(row, {})
    return { ...summary, answered: Number(row.answered ?? 0), total: totalQuestions }
  })
}

export async function insertAssessment(db: Db, deps: Deps, values: { engagementId: string; title: string; present: string[] }): Promise<string> {
  const now = timestamp(deps)
  const id = deps.newId()
  await db
    .insertInto('assessment')
    .values({
      id,
      engagement_id: values.engagementId,
      title: values.title,
      status: 'in_progress',
      present: JSON.stringify(values.present),
      cursor: null,
      created_at: now,
      updated_at: now,
      completed_at: null
    })
    .execute()
  return id
}

export async function copyAnswerValues(db: Db, deps: Deps, fromId: string, toId: string): Promise<void> {
  const now = timestamp(deps)
  const rows = await db
    .selectFrom('assessment_answer')
    .select(['question_id', 'value'])
    .where('assessment_id', '=', fromId)
    .where('value', 'is not', null)
    .execute()
  if (rows.length === 0) return
  await db
    .insertInto('assessment_answer')
    .values(rows.map((r) => ({ assessment_id: toId, question_id: r.question_id, value: r.value, note: null, private_note: null, updated_at: now })))
    .execute()
}

export async function updateAssessment(
  db: Db,
  deps: Deps,
  id: string,
  patch: { title?: string; present?: string[]; cursor?: string | null; status?: AssessmentStatus }
): Promise<boolean> {
  const now = timestamp(deps)
  const result = await db
    .updateTable('assessment')
    .set({
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.present !== undefined && { present: JSON.stringify(patch.present) }),
      ...(patch.cursor !== undefined && { cursor: patch.cursor }),
      ...(patch.status !== undefined && { status: patch.status, completed_at: patch.status === 'complete' ? now : null }),
      updated_at: now
    })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** One statement per keystroke-sized change: the answer or note is durable when this returns. */
export async function upsertAnswerField(
  db: Db,
  deps: Deps,
  assessmentId: string,
  questionId: string,
  field: 'value' | 'note' | 'private_note',
  value: string | null
): Promise<string> {
  const now = timestamp(deps)
  await db
    .insertInto('assessment_answer')
    .values({
      assessment_id: assessmentId,
      question_id: questionId,
      value: null,
      note: null,
      private_note: null,
      updated_at: now,
      [field]: value
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'question_id']).doUpdateSet({ [field]: value, updated_at: now }))
    .execute()
  return now
}

export const encodeAnswerValue = (value: AnswerValue): string | null => (value === null ? null : JSON.stringify(value))

export async function deleteAssessment(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('assessment').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function assessmentEngagementId(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('assessment').select('engagement_id').where('id', '=', id).executeTakeFirst()
  return row?.engagement_id
}
