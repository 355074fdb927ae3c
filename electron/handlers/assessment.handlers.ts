import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { AppError } from '../../shared/ipc/result'
import { answerProblem } from '../../shared/domain/assessment/answer-check'
import { QUESTION_IDS } from '../../shared/schemas/assessment.schema'
import type { Handlers } from '../dispatcher'
import {
  assessmentEngagementId,
  copyAnswerValues,
  deleteAssessment,
  encodeAnswerValue,
  findAssessment,
  insertAssessment,
  listAssessments,
  updateAssessment,
  upsertAnswerField
} from '../../db/repositories/assessment.repository'
import { findClient } from '../../db/repositories/client.repository'
import { findEngagement } from '../../db/repositories/engagement.repository'
import { exportIntake, importIntake, MAX_INTAKE_BYTES, previewIntake, readIntakeBytes } from '../../app/intake.service'
import type { IntakeFile } from '../../shared/schemas/intake.schema'
import { takePreImportBackup } from '../../app/portable'
import { readFileBounded } from '../../app/strict-json'
import { createSample } from '../../app/sample.service'
import { safeFileName } from '../../shared/file-names'
import { describeWriteError, writeFileAtomic } from '../../app/files'
import type { HandlerContext } from './context'

const notFound = () => new AppError('NOT_FOUND', 'That assessment no longer exists. It may have been deleted.')
const JSON_FILTER = [{ name: 'Stagecraft intake file', extensions: ['json'] }]

/** An answer must be one this question offers (shared/domain/assessment/answer-check.ts). */
function checkAnswer(questionId: string, value: string | number | null): void {
  const problem = answerProblem(questionId, value)
  if (problem) throw new AppError('INVALID_INPUT', problem)
}

export function assessmentHandlers(
  ctx: HandlerContext
): Pick<
  Handlers,
  | 'assessments:list'
  | 'assessments:get'
  | 'assessments:create'
  | 'assessments:update'
  | 'assessments:set-answer'
  | 'assessments:set-note'
  | 'assessments:delete'
  | 'samples:create'
  | 'intake:import'
  | 'intake:export'
> {
  const { db, deps } = ctx
  /** Intake files read and waiting for the consultant to confirm what they change (a few at most). */
  const waiting = new Map<string, { intake: IntakeFile; name: string }>()
  // The hot path of the workshop: one statement per save. A missing assessment shows up as
  // a foreign-key failure rather than costing every keystroke an extra lookup.
  const orNotFound = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write()
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw notFound()
      throw error
    }
  }
  return {
    'assessments:list': async ({ engagementId }) => listAssessments(db, engagementId, QUESTION_IDS.length),
    'assessments:get': async ({ id }) => (await findAssessment(db, id)) ?? Promise.reject(notFound()),
    'assessments:create': async ({ engagementId, title, present, copyAnswersFrom }) =>
      db.transaction().execute(async (trx) => {
        const engagement = await findEngagement(trx, engagementId)
        if (!engagement) {
          throw new AppError('NOT_FOUND', 'That engagement no longer exists.')
        }
        if (copyAnswersFrom && (await assessmentEngagementId(trx, copyAnswersFrom)) !== engagementId) {
          throw new AppError('INVALID_INPUT', 'A re-assessment can only start from an assessment of the same engagement.')
        }
        const count = (await listAssessments(trx, engagementId, 0)).length
        const id = await insertAssessment(trx, deps, {
          engagementId,
          title: title ?? (count === 0 ? 'Readiness assessment' : `Re-assessment ${count + 1}`),
          present: present ?? []
        })
        if (copyAnswersFrom) await copyAnswerValues(trx, deps, copyAnswersFrom, id)
        else {
          // What the client record already knows is not asked again: the workshop starts with it filled in.
          const client = await findClient(trx, engagement.clientId)
          if (client?.headcount != null && answerProblem('headcount', client.headcount) === null) {
            await upsertAnswerField(trx, deps, id, 'headcount', 'value', encodeAnswerValue(client.headcount))
          }
        }
        return (await findAssessment(trx, id))!
      }),
    'assessments:update': async ({ id, patch }) => {
      if (!(await updateAssessment(db, deps, id, patch))) throw notFound()
      return (await findAssessment(db, id))!
    },
    'assessments:set-answer': async ({ assessmentId, questionId, value }) => {
      checkAnswer(questionId, value)
      return { updatedAt: await orNotFound(() => upsertAnswerField(db, deps, assessmentId, questionId, 'value', encodeAnswerValue(value))) }
    },
    'assessments:set-note': async ({ assessmentId, questionId, kind, text }) => {
      const field = kind === 'note' ? 'note' : 'private_note'
      return { updatedAt: await orNotFound(() => upsertAnswerField(db, deps, assessmentId, questionId, field, text === '' ? null : text)) }
    },
    'assessments:delete': async ({ id }) => {
      if (!(await deleteAssessment(db, id))) throw notFound()
      return { deleted: true as const }
    },
    'samples:create': async () => db.transaction().execute((trx) => createSample(trx, deps)),
    'intake:import': async ({ token, mode }) => {
      let file: { intake: IntakeFile; name: string }
      if (token !== undefined) {
        const held = waiting.get(token)
        if (!held) throw new AppError('NOT_FOUND', 'That intake file is no longer waiting to be imported; choose it again.')
        if (mode === undefined) throw new AppError('INVALID_INPUT', 'Choose whether to update what is here from the file or keep it.')
        file = held
      } else {
        const path = await ctx.dialogs?.chooseFileToOpen({ title: 'Import an intake file', filters: JSON_FILTER })
        if (!path) return { status: 'cancelled' as const }
        const name = basename(path)
        // Validated completely before anything is written.
        file = { intake: readIntakeBytes(name, readFileBounded(path, MAX_INTAKE_BYTES, 'an intake file')), name }
        // Records already here are never changed without the consultant seeing how.
        const preview = await previewIntake(db, file.intake)
        if (preview.changes.length > 0 && mode === undefined) {
          const id = randomUUID()
          if (waiting.size >= 5) waiting.delete(waiting.keys().next().value!)
          waiting.set(id, file)
          return {
            status: 'confirm' as const,
            token: id,
            clientName: preview.clientName,
            engagementTitle: preview.engagementTitle,
            engagementExists: preview.engagementExists,
            signed: preview.signed,
            changes: preview.changes.slice(0, 20)
          }
        }
      }
      // Then a verified backup; then one transaction.
      await takePreImportBackup(ctx.sqlite, ctx.databasePath, deps.now())
      const outcome = await db.transaction().execute((trx) => importIntake(trx, deps, file.intake, file.name, mode ?? 'update'))
      if (token !== undefined) waiting.delete(token)
      return { status: 'imported' as const, ...outcome }
    },
    'intake:export': async ({ assessmentId }) => {
      const assessment = await findAssessment(db, assessmentId)
      if (!assessment) throw notFound()
      const engagement = (await findEngagement(db, assessment.engagementId))!
      const client = (await findClient(db, engagement.clientId))!
      const { intake, assumedAnswers } = exportIntake(client, engagement, assessment)
      const path = await ctx.dialogs?.chooseFileToSave({
        title: 'Export the intake file',
        defaultName: safeFileName(`${client.name} - ${engagement.title}`, '.json'),
        filters: JSON_FILTER
      })
      if (!path) return { status: 'cancelled' as const }
      try {
        writeFileAtomic(path, `${JSON.stringify(intake, null, 2)}\n`)
      } catch (error) {
        throw new AppError('INTERNAL', describeWriteError(error, path))
      }
      return { status: 'exported' as const, fileName: basename(path), assumedAnswers }
    }
  }
}
