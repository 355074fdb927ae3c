import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Client, ClientList, ClientListQuery } from '../../shared/schemas/client.schema'
import { timestamp, type Deps } from '../deps'
import type { ClientTable, Database } from '../schema'
import { likePattern } from './sql-helpers'

export type Db = Kysely<Database> | Transaction<Database>

export interface ClientValues {
  name: string
  industry: string | null
  headcount: number | null
  contactName: string | null
  contactEmail: string | null
  notes: string | null
}

const toClient = (row: Selectable<ClientTable>): Client => ({
  id: row.id,
  name: row.name,
  industry: row.industry,
  headcount: row.headcount,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  notes: row.notes,
  archivedAt: row.archived_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at
})

const toColumns = (v: Partial<ClientValues>) => ({
  ...(v.name !== undefined && { name: v.name }),
  ...(v.industry !== undefined && { industry: v.industry }),
  ...(v.headcount !== undefined && { headcount: v.headcount }),
  ...(v.contactName !== undefined && { contact_name: v.contactName }),
  ...(v.contactEmail !== undefined && { contact_email: v.contactEmail }),
  ...(v.notes !== undefined && { notes: v.notes })
})

export async function insertClient(db: Db, deps: Deps, values: ClientValues): Promise<Client> {
  const now = timestamp(deps)
  const row = await db
    .insertInto('client')
    .values({ id: deps.newId(), ...toColumns(values), name: values.name, archived_at: null, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toClient(row)
}

export async function findClient(db: Db, id: string): Promise<Client | undefined> {
  const row = await db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toClient(row)
}

export async function updateClient(db: Db, deps: Deps, id: string, patch: Partial<ClientValues>): Promise<Client | undefined> {
  const row = await db
    .updateTable('client')
    .set({ ...toColumns(patch), updated_at: timestamp(deps) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row && toClient(row)
}

export async function setClientArchived(db: Db, deps: Deps, id: string, archived: boolean): Promise<Client | undefined> {
  const now = timestamp(deps)
  const row = await db
    .updateTable('client')
    .set({ archived_at: archived ? now : null, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row && toClient(row)
}

export async function deleteClient(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('client').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

const SORT_COLUMNS = {
  name: sql`c.name COLLATE NOCASE`,
  updatedAt: sql`c.updated_at`,
  createdAt: sql`c.created_at`,
  engagementCount: sql`engagement_count`
} as const

export async function listClients(db: Db, query: ClientListQuery): Promise<ClientList> {
  const limit = query.limit ?? 200
  const offset = query.offset ?? 0
  const term = query.search?.trim()
  let base = db.selectFrom('client as c')
  if (!query.includeArchived) base = base.where('c.archived_at', 'is', null)
  if (term) {
    const pattern = likePattern(term)
    base = base.where((eb) =>
      eb.or([
        eb(sql`c.name`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`c.industry`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb(sql`c.contact_name`, 'like', sql`${pattern} ESCAPE '\\'`),
        eb.exists(
          eb
            .selectFrom('engagement as e')
            .select(sql`1`.as('one'))
            .whereRef('e.client_id', '=', 'c.id')
            .where(sql`e.title`, 'like', sql`${pattern} ESCAPE '\\'`)
        )
      ])
    )
  }
  const direction = query.direction === 'desc' ? sql`DESC` : sql`ASC`
  const sortKey = SORT_COLUMNS[query.sort ?? 'name']
  const [rows, count] = await Promise.all([
    base
      .selectAll('c')
      .select((eb) => [
        eb
          .selectFrom('engagement as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.client_id', '=', 'c.id')
          .where('e.archived_at', 'is', null)
          .as('engagement_count'),
        eb
          .selectFrom('engagement as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.client_id', '=', 'c.id')
          .where('e.archived_at', 'is', null)
          .where('e.status', 'in', ['proposal', 'active'])
          .as('active_count')
      ])
      .orderBy(sql`${sortKey} ${direction}`)
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  ])
  return {
    total: Number(count.total),
    items: rows.map((row) => {
      const { notes: _notes, ...client } = toClient(row)
      return {
        ...client,
        engagementCount: Number(row.engagement_count ?? 0),
        activeEngagementCount: Number(row.active_count ?? 0)
      }
    })
  }
}
