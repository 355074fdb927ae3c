import { AppError } from '../../shared/ipc/result'
import { QUESTION_IDS } from '../../shared/schemas/assessment.schema'
import type { Handlers } from '../dispatcher'
import {
  deleteAssessment,
  encodeAnswerValue,
  findAssessment,
  listAssessments,
  updateAssessment,
  upsertAnswerField
} from '../../db/repositories/assessment.repository'
import { createSample } from '../../app/sample.service'
import { checkAnswer, createAssessment } from '../../app/assessment.service'
import { createIntakeFiles } from '../../app/intake-files'
import type { HandlerContext } from './context'

const notFound = () => new AppError('NOT_FOUND', 'That assessment no longer exists. It may have been deleted.')

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
  const intakeFiles = createIntakeFiles({ db, deps, databasePath: ctx.databasePath, dialogs: ctx.dialogs, sqlite: ctx.sqlite })
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
    'assessments:create': async (input) => db.transaction().execute((trx) => createAssessment(trx, deps, input)),
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
    'intake:import': (input) => intakeFiles.importFile(input),
    'intake:export': (input) => intakeFiles.exportFile(input)
  }
}
