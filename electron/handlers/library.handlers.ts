import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../shared/ipc/result'
import { LibrarySchema } from '../../shared/schemas/library.schema'
import { describeIssues } from '../../shared/ipc/describe-issues'
import type { Handlers } from '../dispatcher'
import { readLibrary, saveLibraryItem, writeLibraryItems } from '../../db/repositories/library.repository'
import { describeWriteError, writeFileAtomic } from '../../app/files'
import type { HandlerContext } from './context'

const FILTER = [{ name: 'Stagecraft library', extensions: ['json'] }]
const MAX_BYTES = 20 * 1024 * 1024

export function libraryHandlers(
  ctx: HandlerContext
): Pick<Handlers, 'library:get' | 'library:save-task' | 'library:save-role' | 'library:save-question' | 'library:export' | 'library:import'> {
  const { db, deps } = ctx
  return {
    'library:get': () => readLibrary(db),
    'library:save-task': async ({ item }) => {
      await saveLibraryItem(db, deps, 'task', item)
      return item
    },
    'library:save-role': async ({ item }) => {
      await saveLibraryItem(db, deps, 'role', item)
      return item
    },
    'library:save-question': async ({ item }) => {
      await saveLibraryItem(db, deps, 'question', item)
      return item
    },
    'library:export': async () => {
      const path = await ctx.dialogs?.chooseFileToSave({ title: 'Export your library', defaultName: 'stagecraft-library.json', filters: FILTER })
      if (!path) return { status: 'cancelled' as const }
      const library = await readLibrary(db)
      try {
        writeFileAtomic(path, `${JSON.stringify(library, null, 2)}\n`)
      } catch (error) {
        throw new AppError('INTERNAL', describeWriteError(error, path))
      }
      return { status: 'exported' as const, fileName: basename(path), items: library.tasks.length + library.roles.length + library.questions.length }
    },
    'library:import': async () => {
      const path = await ctx.dialogs?.chooseFileToOpen({ title: 'Import a library', filters: FILTER })
      if (!path) return { status: 'cancelled' as const }
      const name = basename(path)
      let data: unknown
      try {
        if (statSync(path).size > MAX_BYTES) throw new AppError('INVALID_INPUT', `${name} is too large to be a library file.`)
        const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path))
        data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError('INVALID_INPUT', `${name} is not a readable JSON file.`)
      }
      const parsed = LibrarySchema.safeParse(data)
      if (!parsed.success) throw new AppError('INVALID_INPUT', `${name}: ${describeIssues(parsed.error.issues)}`)
      // All or nothing: items with the same id are replaced, new ones added.
      const items = await db.transaction().execute((trx) => writeLibraryItems(trx, deps, parsed.data))
      return { status: 'imported' as const, fileName: name, items }
    }
  }
}
