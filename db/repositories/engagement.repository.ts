import { sql, type Selectable } from 'kysely'
import type { Engagement, EngagementList, EngagementListQuery, EngagementStatus } from '../../shared/schemas/engagement.schema'
import { timestamp, type Deps } from '../deps'
import type { EngagementTable } from '../schema'
import type { Db } from './client.repository'
import { likePattern } from './sql-helpers'

export interface EngagementValues {
  title: string
  status: EngagementStatus
  consultant: string
  currency: string
  dayRate: number
  startDate: string | null
  notes: string | null
  /** The client's objective and its success metric; left as it is when not given. */
  objective?: string | null
}

type Row = Selectable<EngagementTable> & { client_name: string }

const toEngagement = (row: Row): Engagement => ({
  id: row.id,
  clientId: row.client_id,
  clientName: row.client_name,
  title: row.title,
  status: row.status as EngagementStatus,
  consultant: row.consultant,
  currency: row.currency,
  dayRate: row.day_rate,
  startDate: row.start_date,
  notes: row.notes,
  objective: row.objective,
  archivedAt: row.archived_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at
})

const toColumns = (v: Partial<EngagementValues>) => ({
  ...(v.title !== undefined && { title: v.title }),
  ...(v.status !== undefined && { status: v.status }),
  ...(v.consultant !== undefined && { consultant: v.consultant }),
  ...(v.currency !== undefined && { currency: v.currency }),
  ...(v.dayRate !== undefined && { day_rate: v.dayRate }),
  ...(v.startDate !== undefined && { start_date: v.startDate }),
  ...(v.notes !== undefined && { notes: v.notes }),
  ...(v.objective !== undefined && { objective: v.objective })
})

const withClient = (db: Db) => db.selectFrom('engagement as e').innerJoin('client as c', 'c.id', 'e.client_id').selectAll('e').select('c.name as client_name')

export async function findEngagement(db: Db, id: string): Promise<Engagement | undefined> {
  const row = await withClient(db).where('e.id', '=', id).executeTakeFirst()
  return row && toEngagement(row)
}

export async function insertEngagement(db: Db, deps: Deps, clientId: string, values: EngagementValues): Promise<Engagement> {
  const now = timestamp(deps)
  const id = deps.newId()
  await db
    .insertInto('engagement')
    .values({
      id,
      client_id: clientId,
      title: values.title,
      status: values.status,
      consultant: values.consultant,
      currency: values.currency,
      day_rate: values.dayRate,
      start_date: values.startDate,
      notes: values.notes,
      objective: values.objective ?? null,
      archived_at: null,
      created_at: now,
      updated_at: now
    })
    .execute()
  return (await findEngagement(db, id))!
}

export async function updateEngagement(db: Db, deps: Deps, id: string, patch: Partial<EngagementValues>): Promise<Engagement | undefined> {
  const result = await db
    .updateTable('engagement')
    .set({ ...toColumns(patch), updated_at: timestamp(deps) })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n ? findEngagement(db, id) : undefined
}

export async function setEngagementArchived(db: Db, deps: Deps, id: string, archived: boolean): Promise<Engagement | undefined> {
  const now = timestamp(deps)
  const result = await db
    .updateTable('engagement')
    .set({ archived_at: archived ? now : null, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n ? findEngagement(db, id) : undefined
}

export async function deleteEngagement(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('engagement').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function listEngagementTitles(db: Db, clientId: string): Promise<{ id: string; title: string }[]> {
  return db.selectFrom('engagement').select(['id', 'title']).where('client_id', '=', clientId).orderBy('created_at').execute()
}

const SORT_COLUMNS = {
  title: sql`e.title COLLATE NOCASE`,
  clientName: sql`c.name COLLATE NOCASE`,
  status: sql`e.status`,
  startDate: sql`e.start_date`,
  updatedAt: sql`e.updated_at`
} as const

export async function listEngagements(db: Db, query: EngagementListQuery): Promise<EngagementList> {
  const limit = query.limit ?? 200
  const offset = query.offset ?? 0
  const term = query.search?.trim()
  let base = db.selectFrom('engagement as e').innerJoin('client as c', 'c.id', 'e.client_id')
  if (query.clientId) base = base.where('e.client_id', '=', query.clientId)
  if (query.status) base = base.where('e.status', '=', query.status)
  if (!query.includeArchived) base = base.where('e.archived_at', 'is', null)
  if (term) {
    const pattern = likePattern(term)
    base = base.where((eb) =>
      eb.or([
        eb(sql`e.title`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`e.consultant`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`c.name`, 'like', sql`${pattern} ESCAPE '\\'`)
      ])
    )
  }
  const direction = query.direction === 'desc' ? sql`DESC` : sql`ASC`
  const sortKey = SORT_COLUMNS[query.sort ?? (query.clientId ? 'startDate' : 'updatedAt')]
  const [rows, count] = await Promise.all([
    base
      .selectAll('e')
      .select('c.name as client_name')
      .orderBy(sql`${sortKey} ${direction}`)
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  ])
  return {
    total: Number(count.total),
    items: rows.map((row) => {
      const { notes: _notes, objective: _objective, ...rest } = toEngagement(row)
      return rest
    })
  }
}
