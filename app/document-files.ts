/**
 * Word documents in the app: the branding they carry, a preview, saving one (recorded as a
 * snapshot of exactly what was sent), saving a copy of a recorded one, and opening or showing
 * a saved file. The renderer only ever names a snapshot, never a path.
 */
import { basename } from 'node:path'
import type { Deps } from '../db/deps'
import { timestamp } from '../db/deps'
import type { Db } from '../db/repositories/client.repository'
import { insertSnapshot, listSnapshots, snapshotBytes } from '../db/repositories/export.repository'
import { writeSetting } from '../db/repositories/setting.repository'
import type { ChannelOutput, ChannelParsedInput } from '../shared/ipc/contract'
import { AppError } from '../shared/ipc/result'
import type { BrandingSettings } from '../shared/schemas/branding.schema'
import { prepareLogo } from '../templates'
import { BRANDING_KEY, buildExport, createExportMemo, readBranding } from './export.service'
import { describeWriteError, writeFileAtomic, type FileDialogs, type ShellPort } from './files'

const DOCX = [{ name: 'Word document', extensions: ['docx'] }]

export interface DocumentFilesEnv {
  db: Db
  deps: Deps
  dialogs?: FileDialogs
  shell?: ShellPort
}

/** The documents of one open database; remembers where each was saved in this session. */
export function createDocumentFiles(env: DocumentFilesEnv) {
  const { db, deps } = env
  // Where each export was written in this session.
  const writtenTo = new Map<string, string>()
  // The preview's document, handed to the export that follows when nothing has changed.
  const memo = createExportMemo()

  const writeTo = async (defaultName: string, bytes: Uint8Array) => {
    const path = await env.dialogs?.chooseFileToSave({ title: 'Save the document', defaultName, filters: DOCX })
    if (!path) return null
    const target = path.toLowerCase().endsWith('.docx') ? path : `${path}.docx`
    try {
      writeFileAtomic(target, bytes)
    } catch (error) {
      throw new AppError('INTERNAL', describeWriteError(error, target))
    }
    return target
  }

  /** Saves the branding once its logo (if any) has been read as the image it claims to be. */
  async function updateBranding(settings: BrandingSettings): Promise<BrandingSettings> {
    if (settings.logo) {
      try {
        prepareLogo({ mime: settings.logo.mime, bytes: new Uint8Array(Buffer.from(settings.logo.dataBase64, 'base64')) })
      } catch (error) {
        throw new AppError('INVALID_INPUT', error instanceof Error ? error.message : 'The logo could not be read.')
      }
    }
    await writeSetting(db, BRANDING_KEY, JSON.stringify(settings), timestamp(deps))
    return settings
  }

  async function preview(request: ChannelParsedInput<'exports:preview'>): Promise<ChannelOutput<'exports:preview'>> {
    const built = await buildExport(db, deps, request, memo)
    return { fileName: built.fileName, dataBase64: built.bytes.toString('base64') }
  }

  async function create(request: ChannelParsedInput<'exports:create'>): Promise<ChannelOutput<'exports:create'>> {
    const built = await buildExport(db, deps, request, memo)
    const path = await writeTo(built.fileName, built.bytes)
    if (!path) return { status: 'cancelled' }
    const snapshot = await insertSnapshot(db, deps, {
      engagementId: request.engagementId,
      template: request.template,
      sections: request.sections,
      fileName: basename(path),
      sha256: built.sha256,
      model: built.input,
      bytes: built.bytes
    })
    writtenTo.set(snapshot.id, path)
    return { status: 'exported', snapshot }
  }

  async function saveCopy({ snapshotId }: ChannelParsedInput<'exports:save-copy'>): Promise<ChannelOutput<'exports:save-copy'>> {
    const snap = await snapshotBytes(db, snapshotId)
    if (!snap) throw new AppError('NOT_FOUND', 'That export is no longer recorded.')
    const path = await writeTo(snap.fileName, snap.bytes)
    if (!path) return { status: 'cancelled' }
    writtenTo.set(snapshotId, path)
    return { status: 'saved', fileName: basename(path) }
  }

  async function reveal({ snapshotId, action }: ChannelParsedInput<'exports:reveal'>): Promise<ChannelOutput<'exports:reveal'>> {
    const path = writtenTo.get(snapshotId)
    if (!path) throw new AppError('NOT_FOUND', 'Stagecraft does not know where that file was saved. Save a copy first.')
    if (!env.shell) throw new AppError('INTERNAL', 'Opening files is not available here.')
    if (action === 'open') {
      const problem = await env.shell.openPath(path)
      if (problem) throw new AppError('INTERNAL', `The document could not be opened: ${problem}`)
    } else {
      env.shell.showItemInFolder(path)
    }
    return { done: true }
  }

  return {
    readBranding: () => readBranding(db),
    updateBranding,
    preview,
    create,
    list: (engagementId: string) => listSnapshots(db, engagementId),
    saveCopy,
    reveal
  }
}
