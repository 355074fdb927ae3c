import {
  InterviewQuestionSchema,
  RoleProfileSchema,
  TaskTemplateSchema,
  type InterviewQuestion,
  type Library,
  type RoleProfile,
  type TaskTemplate
} from '../../shared/schemas/library.schema'
import { DEFAULT_LIBRARY } from '../../shared/content/library.content'
import { timestamp, type Deps } from '../deps'
import type { Db } from './client.repository'
import { readSetting, writeSetting } from './setting.repository'

export type LibraryKind = 'task' | 'role' | 'question'
export type LibraryEntry = TaskTemplate | RoleProfile | InterviewQuestion

const SCHEMA = { task: TaskTemplateSchema, role: RoleProfileSchema, question: InterviewQuestionSchema } as const
const SEEDED = 'library.seeded'

/** Seeds the library with the built-in content the first time only (an emptied library stays empty). */
export async function seedLibraryOnce(db: Db, deps: Deps): Promise<boolean> {
  if (await readSetting(db, SEEDED)) return false
  await writeLibraryItems(db, deps, DEFAULT_LIBRARY)
  await writeSetting(db, SEEDED, timestamp(deps), timestamp(deps))
  return true
}

/** Inserts or replaces every item of a library (by kind and id), keeping their order. */
export async function writeLibraryItems(db: Db, deps: Deps, library: Pick<Library, 'tasks' | 'roles' | 'questions'>): Promise<number> {
  const now = timestamp(deps)
  const start = await nextPosition(db)
  const rows = [
    ...library.tasks.map((item) => ({ kind: 'task' as const, id: item.id, data: JSON.stringify(item) })),
    ...library.roles.map((item) => ({ kind: 'role' as const, id: item.id, data: JSON.stringify(item) })),
    ...library.questions.map((item) => ({ kind: 'question' as const, id: item.id, data: JSON.stringify(item) }))
  ].map((r, i) => ({ ...r, position: start + i, updated_at: now }))
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('library_item')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), updated_at: eb.ref('excluded.updated_at') })))
      .execute()
  }
  return rows.length
}

async function nextPosition(db: Db): Promise<number> {
  const row = await db
    .selectFrom('library_item')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst()
  return Number(row?.max ?? -1) + 1
}

/** The whole library, each item checked by its schema (a damaged row is skipped, not fatal). */
export async function readLibrary(db: Db): Promise<Library> {
  const rows = await db.selectFrom('library_item').selectAll().orderBy('position').execute()
  const out: Library = { format: 'stagecraft-library', version: 1, tasks: [], roles: [], questions: [] }
  for (const row of rows) {
    const parsed = SCHEMA[row.kind].safeParse(JSON.parse(row.data))
    if (!parsed.success) continue
    if (row.kind === 'task') out.tasks.push(parsed.data as TaskTemplate)
    else if (row.kind === 'role') out.roles.push(parsed.data as RoleProfile)
    else out.questions.push(parsed.data as InterviewQuestion)
  }
  return out
}

export async function saveLibraryItem(db: Db, deps: Deps, kind: LibraryKind, item: LibraryEntry): Promise<void> {
  const existing = await db.selectFrom('library_item').select('position').where('kind', '=', kind).where('id', '=', item.id).executeTakeFirst()
  const now = timestamp(deps)
  if (existing) {
    await db
      .updateTable('library_item')
      .set({ data: JSON.stringify(item), updated_at: now })
      .where('kind', '=', kind)
      .where('id', '=', item.id)
      .execute()
  } else {
    await db
      .insertInto('library_item')
      .values({ kind, id: item.id, data: JSON.stringify(item), position: await nextPosition(db), updated_at: now })
      .execute()
  }
}
