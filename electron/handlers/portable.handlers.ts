import type { Handlers } from '../dispatcher'
import { createPortableFiles } from '../../app/portable/files'
import type { HandlerContext } from './context'

/** Portable engagement files (app/portable/files.ts): export, and import by inspect, unlock and import. */
export function portableHandlers(ctx: HandlerContext): Pick<Handlers, 'portable:export' | 'portable:inspect' | 'portable:unlock' | 'portable:import'> {
  const files = createPortableFiles({
    db: ctx.db,
    deps: ctx.deps,
    appVersion: ctx.appVersion,
    databasePath: ctx.databasePath,
    dialogs: ctx.dialogs,
    sqlite: ctx.sqlite
  })
  return {
    'portable:export': (input) => files.exportFile(input),
    'portable:inspect': () => files.inspect(),
    'portable:unlock': (input) => files.unlock(input),
    'portable:import': (input) => files.importFile(input)
  }
}
