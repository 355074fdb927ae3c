/**
 * Assessments as the workshop uses them: starting one (a re-assessment copies the answers
 * of an earlier one of the same engagement; a first one starts with what the client record
 * already knows), and checking an answer before it is saved.
 */
import type { Deps } from '../db/deps'
import {
  assessmentEngagementId,
  copyAnswerValues,
  encodeAnswerValue,
  findAssessment,
  insertAssessment,
  listAssessments,
  upsertAnswerField
} from '../db/repositories/assessment.repository'
import { findClient, type Db } from '../db/repositories/client.repository'
import { findEngagement } from '../db/repositories/engagement.repository'
import { answerProblem } from '../shared/domain/assessment/answer-check'
import { AppError } from '../shared/ipc/result'
import type { Assessment } from '../shared/schemas/assessment.schema'

/** Refuses an answer the question does not offer (shared/domain/assessment/answer-check.ts). */
export function checkAnswer(questionId: string, value: string | number | null): void {
  const problem = answerProblem(questionId, value)
  if (problem) throw new AppError('INVALID_INPUT', problem)
}

export interface NewAssessment {
  engagementId: string
  title?: string
  present?: string[]
  /** An earlier assessment of the same engagement whose answers the new one starts from. */
  copyAnswersFrom?: string
}

/** Starts an assessment. Run it in a transaction. */
export async function createAssessment(db: Db, deps: Deps, input: NewAssessment): Promise<Assessment> {
  const { engagementId, title, present, copyAnswersFrom } = input
  const engagement = await findEngagement(db, engagementId)
  if (!engagement) throw new AppError('NOT_FOUND', 'That engagement no longer exists.')
  if (copyAnswersFrom && (await assessmentEngagementId(db, copyAnswersFrom)) !== engagementId) {
    throw new AppError('INVALID_INPUT', 'A re-assessment can only start from an assessment of the same engagement.')
  }
  const count = (await listAssessments(db, engagementId, 0)).length
  const id = await insertAssessment(db, deps, {
    engagementId,
    title: title ?? (count === 0 ? 'Readiness assessment' : `Re-assessment ${count + 1}`),
    present: present ?? []
  })
  if (copyAnswersFrom) await copyAnswerValues(db, deps, copyAnswersFrom, id)
  else {
    // What the client record already knows is not asked again: the workshop starts with it filled in.
    const client = await findClient(db, engagement.clientId)
    if (client?.headcount != null && answerProblem('headcount', client.headcount) === null) {
      await upsertAnswerField(db, deps, id, 'headcount', 'value', encodeAnswerValue(client.headcount))
    }
  }
  return (await findAssessment(db, id))!
}
