import { basename } from 'node:path'
import { AppError } from '../../shared/ipc/result'
import { prepareLogo } from '../../templates'
import type { Handlers } from '../dispatcher'
import { writeSetting } from '../../db/repositories/setting.repository'
import { insertSnapshot, listSnapshots, snapshotBytes } from '../../db/repositories/export.repository'
import { timestamp } from '../../db/deps'
import { BRANDING_KEY, buildExport, createExportMemo, readBranding } from '../../app/export.service'
import { describeWriteError, writeFileAtomic } from '../../app/files'
import type { HandlerContext } from './context'

const DOCX = [{ name: 'Word document', extensions: ['docx'] }]

export function exportHandlers(
  ctx: HandlerContext
): Pick<Handlers, 'branding:get' | 'branding:update' | 'exports:preview' | 'exports:create' | 'exports:list' | 'exports:save-copy' | 'exports:reveal'> {
  const { db, deps } = ctx
  // Where each export was written in this session; the renderer only ever names a snapshot.
  const writtenTo = new Map<string, string>()
  // The preview's document, handed to the export that follows when nothing has changed.
  const memo = createExportMemo()

  const writeTo = async (defaultName: string, bytes: Uint8Array) => {
    const path = await ctx.dialogs?.chooseFileToSave({ title: 'Save the document', defaultName, filters: DOCX })
    if (!path) return null
    const target = path.toLowerCase().endsWith('.docx') ? path : `${path}.docx`
    try {
      writeFileAtomic(target, bytes)
    } catch (error) {
      throw new AppError('INTERNAL', describeWriteError(error, target))
    }
    return target
  }

  return {
    'branding:get': () => readBranding(db),
    'branding:update': async (settings) => {
      if (settings.logo) {
        try {
          prepareLogo({ mime: settings.logo.mime, bytes: new Uint8Array(Buffer.from(settings.logo.dataBase64, 'base64')) })
        } catch (error) {
          throw new AppError('INVALID_INPUT', error instanceof Error ? error.message : 'The logo could not be read.')
        }
      }
      await writeSetting(db, BRANDING_KEY, JSON.stringify(settings), timestamp(deps))
      return settings
    },
    'exports:preview': async (request) => {
      const built = await buildExport(db, deps, request, memo)
      return { fileName: built.fileName, dataBase64: built.bytes.toString('base64') }
    },
    'exports:create': async (request) => {
      const built = await buildExport(db, deps, request, memo)
      const path = await writeTo(built.fileName, built.bytes)
      if (!path) return { status: 'cancelled' as const }
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
      return { status: 'exported' as const, snapshot }
    },
    'exports:list': ({ engagementId }) => listSnapshots(db, engagementId),
    'exports:save-copy': async ({ snapshotId }) => {
      const snap = await snapshotBytes(db, snapshotId)
      if (!snap) throw new AppError('NOT_FOUND', 'That export is no longer recorded.')
      const path = await writeTo(snap.fileName, snap.bytes)
      if (!path) return { status: 'cancelled' as const }
      writtenTo.set(snapshotId, path)
      return { status: 'saved' as const, fileName: basename(path) }
    },
    'exports:reveal': async ({ snapshotId, action }) => {
      const path = writtenTo.get(snapshotId)
      if (!path) throw new AppError('NOT_FOUND', 'Stagecraft does not know where that file was saved. Save a copy first.')
      if (!ctx.shell) throw new AppError('INTERNAL', 'Opening files is not available here.')
      if (action === 'open') {
        const problem = await ctx.shell.openPath(path)
        if (problem) throw new AppError('INTERNAL', `The document could not be opened: ${problem}`)
      } else {
        ctx.shell.showItemInFolder(path)
      }
      return { done: true as const }
    }
  }
}
