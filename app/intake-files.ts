/**
 * Intake files in the app: choosing one, reading it completely, showing what it would change
 * on records already here and waiting for the consultant's choice, then a verified backup
 * and one transaction; and writing an assessment out as one.
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type Sqlite from 'better-sqlite3'
import type { Deps } from '../db/deps'
import { findAssessment } from '../db/repositories/assessment.repository'
import { findClient, type Db } from '../db/repositories/client.repository'
import { findEngagement } from '../db/repositories/engagement.repository'
import { safeFileName } from '../shared/file-names'
import type { ChannelOutput, ChannelParsedInput } from '../shared/ipc/contract'
import { AppError } from '../shared/ipc/result'
import type { IntakeFile } from '../shared/schemas/intake.schema'
import { describeWriteError, writeFileAtomic, type FileDialogs } from './files'
import { exportIntake, importIntake, MAX_INTAKE_BYTES, previewIntake, readIntakeBytes } from './intake.service'
import { takePreImportBackup } from './portable'
import { readFileBounded } from './strict-json'

const JSON_FILTER = [{ name: 'Stagecraft intake file', extensions: ['json'] }]
/** Files read and waiting for the consultant to confirm what they change: a few at most. */
const MAX_WAITING = 5

export interface IntakeFilesEnv {
  db: Db
  deps: Deps
  databasePath: string
  dialogs?: FileDialogs
  sqlite?: Sqlite.Database
}

/** The intake import and export of one open database; holds the files waiting for a choice. */
export function createIntakeFiles(env: IntakeFilesEnv) {
  const { db, deps } = env
  const waiting = new Map<string, { intake: IntakeFile; name: string }>()

  async function importFile({ token, mode }: ChannelParsedInput<'intake:import'>): Promise<ChannelOutput<'intake:import'>> {
    let file: { intake: IntakeFile; name: string }
    if (token !== undefined) {
      const held = waiting.get(token)
      if (!held) throw new AppError('NOT_FOUND', 'That intake file is no longer waiting to be imported; choose it again.')
      if (mode === undefined) throw new AppError('INVALID_INPUT', 'Choose whether to update what is here from the file or keep it.')
      file = held
    } else {
      const path = await env.dialogs?.chooseFileToOpen({ title: 'Import an intake file', filters: JSON_FILTER })
      if (!path) return { status: 'cancelled' }
      const name = basename(path)
      // Validated completely before anything is written.
      file = { intake: readIntakeBytes(name, readFileBounded(path, MAX_INTAKE_BYTES, 'an intake file')), name }
      // Records already here are never changed without the consultant seeing how.
      const preview = await previewIntake(db, file.intake)
      if (preview.changes.length > 0 && mode === undefined) {
        const id = randomUUID()
        if (waiting.size >= MAX_WAITING) waiting.delete(waiting.keys().next().value!)
        waiting.set(id, file)
        return {
          status: 'confirm',
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
    await takePreImportBackup(env.sqlite, env.databasePath, deps.now())
    const outcome = await db.transaction().execute((trx) => importIntake(trx, deps, file.intake, file.name, mode ?? 'update'))
    if (token !== undefined) waiting.delete(token)
    return { status: 'imported', ...outcome }
  }

  async function exportFile({ assessmentId }: ChannelParsedInput<'intake:export'>): Promise<ChannelOutput<'intake:export'>> {
    const assessment = await findAssessment(db, assessmentId)
    if (!assessment) throw new AppError('NOT_FOUND', 'That assessment no longer exists. It may have been deleted.')
    const engagement = (await findEngagement(db, assessment.engagementId))!
    const client = (await findClient(db, engagement.clientId))!
    const { intake, assumedAnswers } = exportIntake(client, engagement, assessment)
    const path = await env.dialogs?.chooseFileToSave({
      title: 'Export the intake file',
      defaultName: safeFileName(`${client.name} - ${engagement.title}`, '.json'),
      filters: JSON_FILTER
    })
    if (!path) return { status: 'cancelled' }
    try {
      writeFileAtomic(path, `${JSON.stringify(intake, null, 2)}\n`)
    } catch (error) {
      throw new AppError('INTERNAL', describeWriteError(error, path))
    }
    return { status: 'exported', fileName: basename(path), assumedAnswers }
  }

  return { importFile, exportFile }
}
