import type { Handlers } from '../dispatcher'
import { createDocumentFiles } from '../../app/document-files'
import type { HandlerContext } from './context'

/** Branding and Word documents (app/document-files.ts). */
export function exportHandlers(
  ctx: HandlerContext
): Pick<Handlers, 'branding:get' | 'branding:update' | 'exports:preview' | 'exports:create' | 'exports:list' | 'exports:save-copy' | 'exports:reveal'> {
  const documents = createDocumentFiles({ db: ctx.db, deps: ctx.deps, dialogs: ctx.dialogs, shell: ctx.shell })
  return {
    'branding:get': () => documents.readBranding(),
    'branding:update': (settings) => documents.updateBranding(settings),
    'exports:preview': (request) => documents.preview(request),
    'exports:create': (request) => documents.create(request),
    'exports:list': ({ engagementId }) => documents.list(engagementId),
    'exports:save-copy': (input) => documents.saveCopy(input),
    'exports:reveal': (input) => documents.reveal(input)
  }
}
