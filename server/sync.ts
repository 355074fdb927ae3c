import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { groupOf, rowKey, syncTable, type SyncTable } from '../shared/domain/sync/catalogue'
import { laterStamp, parseStamp, type Stamp } from '../shared/domain/sync/hlc'
import type { Change, ConflictFields, OpResult, SyncOperation } from '../shared/domain/sync/protocol'
import type { Caller } from './auth'
import type { ServerDatabase } from './schema'

type Db = Kysely<ServerDatabase>
type Trx = Transaction<ServerDatabase>
type Value = string | number | null

interface StoredRow {
  tbl: string
  row_key: string
  engagement_id: string | null
  client_id: string | null
  fields: Record<string, Value>
  stamps: Record<string, Stamp>
  deleted: boolean
  created_by: string
}

/** One lock for every push: change numbers are handed out in commit order, so a pull never skips one. */
const PUSH_LOCK = 0x5354_4743

export interface PushHooks {
  /** Tests: runs inside the push transaction after every operation was applied, before commit. */
  beforeCommit?: () => Promise<void> | void
}

/**
 * Applies a laptop's batch of operations in one transaction. An operation already
 * applied (a retry after a lost answer) returns its first result and changes nothing.
 */
export async function push(db: Db, caller: Caller, ops: readonly SyncOperation[], hooks: PushHooks = {}): Promise<OpResult[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`.execute(trx)
    const results: OpResult[] = []
    for (const op of ops) {
      const done = await trx.selectFrom('sync_op').select('result').where('op_id', '=', op.opId).executeTakeFirst()
      if (done) {
        results.push(done.result as unknown as OpResult)
        continue
      }
      const result = await applyOne(trx, caller, op)
      await trx
        .insertInto('sync_op')
        .values({ op_id: op.opId, user_id: caller.userId, device_id: caller.deviceId, result: JSON.stringify(result) })
        .execute()
      results.push(result)
    }
    await hooks.beforeCommit?.()
    return results
  })
}

async function applyOne(trx: Trx, caller: Caller, op: SyncOperation): Promise<OpResult> {
  const refuse = (reason: string): OpResult => ({ opId: op.opId, status: 'refused', conflicts: [], reason })
  if (parseStamp(op.stamp).node !== caller.deviceId) return refuse('The change was stamped by another device.')
  if (op.action === 'resolve') return resolve(trx, caller, op)

  const t = syncTable(op.table)
  if (op.key.length !== t.key.length) return refuse(`A ${t.name} row is keyed by ${t.key.join(', ')}.`)
  const unknown = Object.keys(op.fields).filter((f) => !t.fields.includes(f))
  if (unknown.length) return refuse(`${t.name} has no shared field ${unknown.join(', ')}.`)
  const key = rowKey(op.key)
  const row = await loadRow(trx, t.name, key, true)

  if (row) {
    if (!(await canSee(trx, caller, row))) return refuse('You are not a member of this engagement.')
  } else {
    if (op.action === 'delete') return { opId: op.opId, status: 'ignored', conflicts: [] }
    const scope = await scopeOfNew(trx, t, op.key, op.fields)
    if ('refused' in scope) return refuse(scope.refused)
    if (!(await mayCreate(trx, caller, t, scope))) return refuse('You are not a member of this engagement.')
    const stamps = Object.fromEntries(Object.keys(op.fields).map((f) => [f, op.stamp]))
    await writeRow(trx, caller, { tbl: t.name, row_key: key, ...scope, fields: op.fields, stamps, deleted: false, created_by: caller.userId }, 'insert')
    if (t.name === 'engagement' && caller.role === 'consultant') {
      await trx
        .insertInto('membership')
        .values({ user_id: caller.userId, engagement_id: String(op.key[0]) })
        .onConflict((c) => c.doNothing())
        .execute()
    }
    await log(trx, caller, op.opId, t.name, key, 'insert', Object.keys(op.fields))
    return { opId: op.opId, status: 'applied', conflicts: [] }
  }

  // Deleted stays deleted; a fact, once there, never changes.
  if (row.deleted || (t.kind === 'fact' && op.action !== 'delete')) return { opId: op.opId, status: 'ignored', conflicts: [] }
  if (op.action === 'delete') {
    await writeRow(trx, caller, { ...row, deleted: true }, 'update')
    await log(trx, caller, op.opId, t.name, key, 'delete', [])
    return { opId: op.opId, status: 'applied', conflicts: [] }
  }

  const fields = { ...row.fields }
  const stamps = { ...row.stamps }
  const changed: string[] = []
  const conflicts: string[] = []
  const held = new Set<string>()
  for (const f of Object.keys(op.fields)) {
    if (!t.guarded.includes(f)) continue
    const current = row.stamps[f]
    const stale = current !== undefined && current !== (op.base[f] ?? null) && parseStamp(current).node !== caller.deviceId
    if (stale && !sameValue(row.fields[f], op.fields[f])) {
      conflicts.push(f)
      for (const g of groupOf(t, f)) held.add(g)
    }
  }
  for (const [f, v] of Object.entries(op.fields)) {
    if (held.has(f)) continue
    // Agreeing on a guarded value leaves it as it was: the first to set it still owns it.
    if (t.guarded.includes(f) && row.stamps[f] !== undefined && sameValue(row.fields[f], v)) continue
    if (stamps[f] !== undefined && op.stamp <= stamps[f]) continue
    stamps[f] = op.stamp
    if (!sameValue(fields[f], v)) changed.push(f)
    fields[f] = v
  }
  for (const f of conflicts) {
    await addConflict(trx, caller, row, t, f, op)
  }
  // A conflict re-announces the row too, so the laptop that lost gets the current value back.
  if (conflicts.length || changed.length || Object.keys(stamps).some((f) => stamps[f] !== row.stamps[f])) {
    await writeRow(trx, caller, { ...row, fields, stamps }, 'update')
    if (changed.length) await log(trx, caller, op.opId, t.name, key, 'update', changed)
  }
  return { opId: op.opId, status: conflicts.length ? 'conflict' : 'applied', conflicts }
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null)
}

async function addConflict(
  trx: Trx,
  caller: Caller,
  row: StoredRow,
  t: SyncTable,
  field: string,
  op: Extract<SyncOperation, { action: 'upsert' | 'delete' }>
): Promise<void> {
  const currentStamp = row.stamps[field]!
  const fields: ConflictFields = {
    table: t.name,
    key: row.row_key,
    field,
    engagementId: row.engagement_id,
    currentValue: row.fields[field] ?? null,
    currentBy: await deviceOwnerName(trx, parseStamp(currentStamp).node),
    currentStamp,
    proposedValue: op.fields[field] ?? null,
    proposedBy: caller.name,
    proposedStamp: op.stamp,
    status: 'open',
    resolvedBy: null,
    resolvedValue: null
  }
  await writeRow(
    trx,
    caller,
    {
      tbl: 'conflict',
      row_key: rowKey([randomUUID()]),
      engagement_id: row.engagement_id,
      client_id: row.client_id,
      fields: fields as unknown as Record<string, Value>,
      stamps: {},
      deleted: false,
      created_by: caller.userId
    },
    'insert'
  )
}

async function deviceOwnerName(trx: Trx, deviceId: string): Promise<string> {
  const r = await trx.selectFrom('device as d').innerJoin('app_user as u', 'u.id', 'd.user_id').select('u.name').where('d.id', '=', deviceId).executeTakeFirst()
  return r?.name ?? 'someone'
}

async function resolve(trx: Trx, caller: Caller, op: Extract<SyncOperation, { action: 'resolve' }>): Promise<OpResult> {
  const conflict = await loadRow(trx, 'conflict', rowKey([op.conflictId]), true)
  const refuse = (reason: string): OpResult => ({ opId: op.opId, status: 'refused', conflicts: [], reason })
  if (!conflict || !(await canSee(trx, caller, conflict))) return refuse('There is no such conflict.')
  const c = conflict.fields as unknown as ConflictFields
  if (c.status === 'resolved') return { opId: op.opId, status: 'ignored', conflicts: [] }
  await writeRow(trx, caller, { ...conflict, fields: { ...conflict.fields, status: 'resolved', resolvedBy: caller.name, resolvedValue: op.value } }, 'update')
  const target = await loadRow(trx, c.table, c.key, true)
  if (target && !target.deleted) {
    // The person's choice is the new value, whatever was written since.
    const stamps = { ...target.stamps, [c.field]: laterStamp(op.stamp, target.stamps[c.field])! }
    await writeRow(trx, caller, { ...target, fields: { ...target.fields, [c.field]: op.value }, stamps }, 'update')
  }
  await log(trx, caller, op.opId, c.table, c.key, 'resolve', [c.field])
  return { opId: op.opId, status: 'applied', conflicts: [] }
}

async function loadRow(trx: Trx, tbl: string, key: string, forUpdate: boolean): Promise<StoredRow | undefined> {
  let q = trx
    .selectFrom('sync_row')
    .select(['tbl', 'row_key', 'engagement_id', 'client_id', 'fields', 'stamps', 'deleted', 'created_by'])
    .where('tbl', '=', tbl)
    .where('row_key', '=', key)
  if (forUpdate) q = q.forUpdate()
  return (await q.executeTakeFirst()) as StoredRow | undefined
}

async function writeRow(trx: Trx, caller: Caller, row: StoredRow, mode: 'insert' | 'update'): Promise<void> {
  const values = {
    engagement_id: row.engagement_id,
    client_id: row.client_id,
    fields: JSON.stringify(row.fields),
    stamps: JSON.stringify(row.stamps),
    deleted: row.deleted,
    updated_by: caller.userId,
    change_no: sql<number>`nextval('change_no_seq')`
  }
  if (mode === 'insert')
    await trx
      .insertInto('sync_row')
      .values({ tbl: row.tbl, row_key: row.row_key, created_by: row.created_by, ...values })
      .execute()
  else await trx.updateTable('sync_row').set(values).where('tbl', '=', row.tbl).where('row_key', '=', row.row_key).execute()
}

async function log(trx: Trx, caller: Caller, opId: string, tbl: string, key: string, action: string, fields: string[]): Promise<void> {
  await trx.insertInto('change_log').values({ user_id: caller.userId, device_id: caller.deviceId, op_id: opId, tbl, row_key: key, action, fields }).execute()
}

type Scope = { engagement_id: string | null; client_id: string | null }

async function scopeOfNew(trx: Trx, t: SyncTable, key: readonly (string | number)[], fields: Record<string, Value>): Promise<Scope | { refused: string }> {
  const value = (name: string): Value | undefined => {
    const i = t.key.indexOf(name)
    return i >= 0 ? key[i] : fields[name]
  }
  const s = t.scope
  if (s.kind === 'global') return { engagement_id: null, client_id: null }
  if (s.kind === 'client') return { engagement_id: null, client_id: String(value('id')) }
  if (s.kind === 'child') {
    const parentId = value(s.parentField)
    const parent = await loadRow(trx, s.parentTable, rowKey([String(parentId)]), false)
    if (!parent || parent.deleted) return { refused: `The ${s.parentTable} this belongs to is not on the server.` }
    return { engagement_id: parent.engagement_id, client_id: parent.client_id }
  }
  const engagementId = String(value(s.engagementField))
  if (t.name === 'engagement') {
    const clientId = String(value('client_id'))
    const client = await loadRow(trx, 'client', rowKey([clientId]), false)
    if (!client || client.deleted) return { refused: 'The client of this engagement is not on the server.' }
    return { engagement_id: engagementId, client_id: clientId }
  }
  const engagement = await loadRow(trx, 'engagement', rowKey([engagementId]), false)
  if (!engagement || engagement.deleted) return { refused: 'The engagement this belongs to is not on the server.' }
  return { engagement_id: engagementId, client_id: engagement.client_id }
}

async function isMember(trx: Trx, caller: Caller, engagementId: string): Promise<boolean> {
  const m = await trx
    .selectFrom('membership')
    .select('user_id')
    .where('user_id', '=', caller.userId)
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst()
  return m !== undefined
}

async function mayCreate(trx: Trx, caller: Caller, t: SyncTable, scope: Scope): Promise<boolean> {
  if (caller.role !== 'consultant' || t.scope.kind === 'global' || t.scope.kind === 'client') return true
  if (t.name === 'engagement') return canSeeClient(trx, caller, scope.client_id!)
  return isMember(trx, caller, scope.engagement_id!)
}

async function canSeeClient(trx: Trx, caller: Caller, clientId: string): Promise<boolean> {
  const r = await sql<{ ok: number }>`
    SELECT 1 AS ok FROM sync_row c WHERE c.tbl = 'client' AND c.row_key = ${rowKey([clientId])} AND (c.created_by = ${caller.userId} OR EXISTS (
      SELECT 1 FROM sync_row e JOIN membership m ON m.engagement_id = e.engagement_id
      WHERE e.tbl = 'engagement' AND e.client_id = ${clientId} AND m.user_id = ${caller.userId}))`.execute(trx)
  return r.rows.length > 0
}

async function canSee(trx: Trx, caller: Caller, row: StoredRow): Promise<boolean> {
  if (caller.role !== 'consultant') return true
  if (row.tbl === 'library_item') return true
  if (row.tbl === 'client') return canSeeClient(trx, caller, row.client_id!)
  return row.engagement_id !== null && isMember(trx, caller, row.engagement_id)
}

/**
 * The changes after `after` that the caller may see, oldest first. Partners and admins
 * see every engagement; a consultant sees the engagements they are a member of, their
 * clients, the clients they created, and the shared library.
 */
export async function pull(db: Db, caller: Caller, after: number, limit: number): Promise<{ changes: Change[]; upTo: number; more: boolean }> {
  const consultant = caller.role === 'consultant'
  const visible = consultant
    ? sql`AND (r.tbl = 'library_item'
          OR r.engagement_id IN (SELECT engagement_id FROM membership WHERE user_id = ${caller.userId})
          OR (r.tbl = 'client' AND (r.created_by = ${caller.userId} OR r.client_id IN (
            SELECT e.client_id FROM sync_row e JOIN membership m ON m.engagement_id = e.engagement_id
            WHERE e.tbl = 'engagement' AND m.user_id = ${caller.userId}))))`
    : sql``
  // One snapshot for the page and the high-water mark, so a push committing in between
  // is neither half-read nor skipped.
  const { rows, top } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const rows = await sql<StoredRow & { change_no: number; updated_by: string }>`
        SELECT r.tbl, r.row_key, r.fields, r.stamps, r.deleted, r.updated_by, r.change_no
        FROM sync_row r WHERE r.change_no > ${after} ${visible}
        ORDER BY r.change_no LIMIT ${limit + 1}`.execute(trx)
      return { rows: rows.rows, top: await latestChangeNo(trx, after) }
    })
  const more = rows.length > limit
  const page = rows.slice(0, limit)
  // Even a page with nothing visible moves the cursor past what the caller may not see.
  const last = more ? page[page.length - 1]!.change_no : top
  return {
    changes: page.map((r) => ({
      changeNo: Number(r.change_no),
      table: r.tbl as Change['table'],
      key: JSON.parse(r.row_key) as (string | number)[],
      fields: r.fields,
      stamps: r.stamps,
      deleted: r.deleted,
      updatedBy: r.updated_by
    })),
    upTo: Number(last),
    more
  }
}

async function latestChangeNo(db: Db | Trx, atLeast: number): Promise<number> {
  const r = await db
    .selectFrom('sync_row')
    .select((eb) => eb.fn.max('change_no').as('n'))
    .executeTakeFirst()
  return Math.max(atLeast, Number(r?.n ?? 0))
}

/** Adds a member and re-announces the engagement's rows so their next pull brings its history. */
export async function addMember(db: Db, email: string, engagementId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`.execute(trx)
    const user = await trx.selectFrom('app_user').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirstOrThrow()
    await trx
      .insertInto('membership')
      .values({ user_id: user.id, engagement_id: engagementId })
      .onConflict((c) => c.doNothing())
      .execute()
    const engagement = await trx
      .selectFrom('sync_row')
      .select('client_id')
      .where('tbl', '=', 'engagement')
      .where('row_key', '=', rowKey([engagementId]))
      .executeTakeFirst()
    await sql`UPDATE sync_row SET change_no = nextval('change_no_seq')
      WHERE engagement_id = ${engagementId} OR (tbl = 'client' AND client_id = ${engagement?.client_id ?? null})`.execute(trx)
  })
}
