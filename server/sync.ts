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
    const b = await openBatch(trx, caller, ops)
    const results: OpResult[] = []
    for (const op of ops) {
      const done = b.done.get(op.opId)
      if (done) {
        results.push(done)
        continue
      }
      const result = await applyOne(b, op)
      b.done.set(op.opId, result)
      b.applied.push(result)
      results.push(result)
    }
    await flush(b)
    await hooks.beforeCommit?.()
    return results
  })
}

/**
 * One push's working state. Everything a batch reads is loaded in a few queries up
 * front (or once, on first need) and everything it writes goes out in a few statements
 * at the end: a batch of 500 operations costs a handful of round trips, not thousands.
 */
interface Batch {
  trx: Trx
  caller: Caller
  rows: Map<string, StoredRow | null>
  dirty: Map<string, StoredRow>
  done: Map<string, OpResult>
  applied: OpResult[]
  logs: { opId: string; tbl: string; key: string; action: string; fields: string[] }[]
  memberships: Set<string> | null
  newMemberships: string[]
  names: Map<string, string>
}

const cacheKey = (tbl: string, key: string) => `${tbl}\u0000${key}`

async function openBatch(trx: Trx, caller: Caller, ops: readonly SyncOperation[]): Promise<Batch> {
  const b: Batch = {
    trx,
    caller,
    rows: new Map(),
    dirty: new Map(),
    done: new Map(),
    applied: [],
    logs: [],
    memberships: null,
    newMemberships: [],
    names: new Map()
  }
  const ids = ops.map((o) => o.opId)
  const done = await sql<{ op_id: string; result: OpResult }>`SELECT op_id, result FROM sync_op WHERE op_id = ANY(${ids}::text[])`.execute(trx)
  for (const d of done.rows) b.done.set(d.op_id, d.result)
  // The rows the operations name, and the parents a new row's scope is read from.
  const wanted = new Map<string, [string, string]>()
  const want = (tbl: string, key: string) => wanted.set(cacheKey(tbl, key), [tbl, key])
  for (const op of ops) {
    if (op.action === 'resolve') {
      want('conflict', rowKey([op.conflictId]))
      continue
    }
    want(op.table, rowKey(op.key))
    const t = syncTable(op.table)
    const field = (name: string) => {
      const i = t.key.indexOf(name)
      return i >= 0 ? op.key[i] : op.fields[name]
    }
    if (t.scope.kind === 'engagement' && t.name !== 'engagement' && field(t.scope.engagementField) != null)
      want('engagement', rowKey([String(field(t.scope.engagementField))]))
    if (t.name === 'engagement' && field('client_id') != null) want('client', rowKey([String(field('client_id'))]))
    if (t.scope.kind === 'child' && field(t.scope.parentField) != null) want(t.scope.parentTable, rowKey([String(field(t.scope.parentField))]))
  }
  const pairs = [...wanted.values()]
  for (const [tbl, key] of pairs) b.rows.set(cacheKey(tbl, key), null)
  const found = await sql<StoredRow>`
    SELECT r.tbl, r.row_key, r.engagement_id, r.client_id, r.fields, r.stamps, r.deleted, r.created_by
    FROM sync_row r JOIN unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS w(tbl, row_key)
      ON r.tbl = w.tbl AND r.row_key = w.row_key`.execute(trx)
  for (const r of found.rows) b.rows.set(cacheKey(r.tbl, r.row_key), r)
  return b
}

async function flush(b: Batch): Promise<void> {
  const rows = [...b.dirty.values()]
  if (rows.length) {
    await sql`
      INSERT INTO sync_row (tbl, row_key, engagement_id, client_id, fields, stamps, deleted, created_by, updated_by, change_no)
      SELECT w.tbl, w.row_key, w.engagement_id, w.client_id, w.fields::jsonb, w.stamps::jsonb, w.deleted, w.created_by::uuid, ${b.caller.userId}::uuid, nextval('change_no_seq')
      FROM unnest(${rows.map((r) => r.tbl)}::text[], ${rows.map((r) => r.row_key)}::text[], ${rows.map((r) => r.engagement_id)}::text[],
        ${rows.map((r) => r.client_id)}::text[], ${rows.map((r) => JSON.stringify(r.fields))}::text[], ${rows.map((r) => JSON.stringify(r.stamps))}::text[],
        ${rows.map((r) => r.deleted)}::boolean[], ${rows.map((r) => r.created_by)}::text[])
        AS w(tbl, row_key, engagement_id, client_id, fields, stamps, deleted, created_by)
      ON CONFLICT (tbl, row_key) DO UPDATE SET engagement_id = excluded.engagement_id, client_id = excluded.client_id, fields = excluded.fields,
        stamps = excluded.stamps, deleted = excluded.deleted, updated_by = excluded.updated_by, change_no = excluded.change_no`.execute(b.trx)
  }
  const library = rows.filter((r) => r.tbl === 'library_item' && !r.deleted && typeof r.fields.data === 'string')
  if (library.length) {
    // A new version only when the content changed since the latest one.
    await sql`
      INSERT INTO library_version (kind, id, version, data, made_by)
      SELECT w.row_key::jsonb->>0, w.row_key::jsonb->>1,
        coalesce((SELECT max(v.version) FROM library_version v WHERE v.kind = w.row_key::jsonb->>0 AND v.id = w.row_key::jsonb->>1), 0) + 1,
        w.data, ${b.caller.userId}::uuid
      FROM unnest(${library.map((r) => r.row_key)}::text[], ${library.map((r) => String(r.fields.data))}::text[]) AS w(row_key, data)
      WHERE w.data IS DISTINCT FROM (SELECT v.data FROM library_version v WHERE v.kind = w.row_key::jsonb->>0 AND v.id = w.row_key::jsonb->>1
        ORDER BY v.version DESC LIMIT 1)`.execute(b.trx)
  }
  if (b.logs.length) {
    const l = b.logs
    await sql`
      INSERT INTO change_log (user_id, device_id, op_id, tbl, row_key, action, fields)
      SELECT ${b.caller.userId}::uuid, ${b.caller.deviceId}::uuid, w.op_id, w.tbl, w.row_key, w.action, ARRAY(SELECT jsonb_array_elements_text(w.fields::jsonb))
      FROM unnest(${l.map((x) => x.opId)}::text[], ${l.map((x) => x.tbl)}::text[], ${l.map((x) => x.key)}::text[], ${l.map((x) => x.action)}::text[],
        ${l.map((x) => JSON.stringify(x.fields))}::text[]) AS w(op_id, tbl, row_key, action, fields)`.execute(b.trx)
  }
  if (b.applied.length) {
    const a = b.applied
    await sql`
      INSERT INTO sync_op (op_id, user_id, device_id, result)
      SELECT w.op_id, ${b.caller.userId}::uuid, ${b.caller.deviceId}::uuid, w.result::jsonb
      FROM unnest(${a.map((r) => r.opId)}::text[], ${a.map((r) => JSON.stringify(r))}::text[]) AS w(op_id, result)`.execute(b.trx)
  }
  if (b.newMemberships.length) {
    await sql`
      INSERT INTO membership (user_id, engagement_id) SELECT ${b.caller.userId}::uuid, w.e FROM unnest(${b.newMemberships}::text[]) AS w(e)
      ON CONFLICT DO NOTHING`.execute(b.trx)
  }
}

async function applyOne(b: Batch, op: SyncOperation): Promise<OpResult> {
  const refuse = (reason: string): OpResult => ({ opId: op.opId, status: 'refused', conflicts: [], reason })
  if (parseStamp(op.stamp).node !== b.caller.deviceId) return refuse('The change was stamped by another device.')
  if (op.action === 'resolve') return resolve(b, op)

  const t = syncTable(op.table)
  if (op.key.length !== t.key.length) return refuse(`A ${t.name} row is keyed by ${t.key.join(', ')}.`)
  const unknown = Object.keys(op.fields).filter((f) => !t.fields.includes(f))
  if (unknown.length) return refuse(`${t.name} has no shared field ${unknown.join(', ')}.`)
  const key = rowKey(op.key)
  const row = await loadRow(b, t.name, key)

  if (row) {
    if (!(await canSee(b, row))) return refuse('You are not a member of this engagement.')
  } else {
    if (op.action === 'delete') return { opId: op.opId, status: 'ignored', conflicts: [] }
    const scope = await scopeOfNew(b, t, op.key, op.fields)
    if ('refused' in scope) return refuse(scope.refused)
    if (!(await mayCreate(b, t, scope))) return refuse('You are not a member of this engagement.')
    if (t.name === 'plan' && (await anotherPlan(b, scope.engagement_id!, key))) {
      return refuse('Someone else’s plan for this engagement reached the team first; it replaces the plan made on this computer.')
    }
    const stamps = Object.fromEntries(Object.keys(op.fields).map((f) => [f, op.stamp]))
    writeRow(b, { tbl: t.name, row_key: key, ...scope, fields: op.fields, stamps, deleted: false, created_by: b.caller.userId })
    if (t.name === 'engagement' && b.caller.role === 'consultant') {
      b.newMemberships.push(String(op.key[0]))
      ;(await memberships(b)).add(String(op.key[0]))
    }
    log(b, op.opId, t.name, key, 'insert', Object.keys(op.fields))
    return { opId: op.opId, status: 'applied', conflicts: [] }
  }

  // Deleted stays deleted; a fact, once there, never changes.
  if (row.deleted || (t.kind === 'fact' && op.action !== 'delete')) return { opId: op.opId, status: 'ignored', conflicts: [] }
  if (op.action === 'delete') {
    writeRow(b, { ...row, deleted: true })
    log(b, op.opId, t.name, key, 'delete', [])
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
    const stale = current !== undefined && current !== (op.base[f] ?? null) && parseStamp(current).node !== b.caller.deviceId
    // One conflict per group: a signed baseline's plan, cost and date are one decision.
    if (stale && !sameValue(row.fields[f], op.fields[f]) && !held.has(f)) {
      conflicts.push(groupOf(t, f)[0]!)
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
    await addConflict(b, row, t, f, op)
  }
  // A conflict re-announces the row too, so the laptop that lost gets the current value back.
  if (conflicts.length || changed.length || Object.keys(stamps).some((f) => stamps[f] !== row.stamps[f])) {
    writeRow(b, { ...row, fields, stamps })
    if (changed.length) log(b, op.opId, t.name, key, 'update', changed)
  }
  return { opId: op.opId, status: conflicts.length ? 'conflict' : 'applied', conflicts }
}

/** An engagement has one plan: is another one already on the server (or in this batch)? */
async function anotherPlan(b: Batch, engagementId: string, key: string): Promise<boolean> {
  for (const r of b.dirty.values()) if (r.tbl === 'plan' && !r.deleted && r.engagement_id === engagementId && r.row_key !== key) return true
  const r = await sql<{ row_key: string }>`
    SELECT row_key FROM sync_row WHERE tbl = 'plan' AND engagement_id = ${engagementId} AND NOT deleted AND row_key <> ${key} LIMIT 1`.execute(b.trx)
  return r.rows.length > 0
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null)
}

async function addConflict(b: Batch, row: StoredRow, t: SyncTable, field: string, op: Extract<SyncOperation, { action: 'upsert' | 'delete' }>): Promise<void> {
  const group = groupOf(t, field)
  // A group travels as one value: its fields as a JSON object.
  const valueOf = (source: Record<string, Value>): Value =>
    group.length === 1 ? (source[field] ?? null) : JSON.stringify(Object.fromEntries(group.map((g) => [g, source[g] ?? null])))
  const currentStamp = group.reduce<Stamp | null>((latest, g) => laterStamp(latest, row.stamps[g]), null)!
  const fields: ConflictFields = {
    table: t.name,
    key: row.row_key,
    field,
    engagementId: row.engagement_id,
    currentValue: valueOf(row.fields),
    currentBy: await deviceOwnerName(b, parseStamp(currentStamp).node),
    currentStamp,
    proposedValue: valueOf(op.fields),
    proposedBy: b.caller.name,
    proposedStamp: op.stamp,
    status: 'open',
    resolvedBy: null,
    resolvedValue: null
  }
  writeRow(b, {
    tbl: 'conflict',
    row_key: rowKey([randomUUID()]),
    engagement_id: row.engagement_id,
    client_id: row.client_id,
    fields: fields as unknown as Record<string, Value>,
    stamps: {},
    deleted: false,
    created_by: b.caller.userId
  })
}

async function deviceOwnerName(b: Batch, deviceId: string): Promise<string> {
  const known = b.names.get(deviceId)
  if (known) return known
  const r = await b.trx
    .selectFrom('device as d')
    .innerJoin('app_user as u', 'u.id', 'd.user_id')
    .select('u.name')
    .where('d.id', '=', deviceId)
    .executeTakeFirst()
  b.names.set(deviceId, r?.name ?? 'someone')
  return r?.name ?? 'someone'
}

async function resolve(b: Batch, op: Extract<SyncOperation, { action: 'resolve' }>): Promise<OpResult> {
  const conflict = await loadRow(b, 'conflict', rowKey([op.conflictId]))
  const refuse = (reason: string): OpResult => ({ opId: op.opId, status: 'refused', conflicts: [], reason })
  if (!conflict || !(await canSee(b, conflict))) return refuse('There is no such conflict.')
  const c = conflict.fields as unknown as ConflictFields
  if (c.status === 'resolved') return { opId: op.opId, status: 'ignored', conflicts: [] }
  writeRow(b, { ...conflict, fields: { ...conflict.fields, status: 'resolved', resolvedBy: b.caller.name, resolvedValue: op.value } })
  const target = await loadRow(b, c.table, c.key)
  if (target && !target.deleted) {
    // The person's choice is the new value (every field of its group), whatever was written since.
    const group = groupOf(syncTable(c.table), c.field)
    const chosen: Record<string, Value> = group.length === 1 ? { [c.field]: op.value } : (JSON.parse(String(op.value)) as Record<string, Value>)
    const fields = { ...target.fields }
    const stamps = { ...target.stamps }
    for (const g of group) {
      if (!(g in chosen)) continue
      fields[g] = chosen[g] ?? null
      stamps[g] = laterStamp(op.stamp, target.stamps[g])!
    }
    writeRow(b, { ...target, fields, stamps })
  }
  log(b, op.opId, c.table, c.key, 'resolve', [c.field])
  return { opId: op.opId, status: 'applied', conflicts: [] }
}

async function loadRow(b: Batch, tbl: string, key: string): Promise<StoredRow | undefined> {
  const k = cacheKey(tbl, key)
  if (b.rows.has(k)) return b.rows.get(k) ?? undefined
  const row = (await b.trx
    .selectFrom('sync_row')
    .select(['tbl', 'row_key', 'engagement_id', 'client_id', 'fields', 'stamps', 'deleted', 'created_by'])
    .where('tbl', '=', tbl)
    .where('row_key', '=', key)
    .executeTakeFirst()) as StoredRow | undefined
  b.rows.set(k, row ?? null)
  return row
}

/** Kept in the batch; written (with a new change number) when the batch is flushed. */
function writeRow(b: Batch, row: StoredRow): void {
  const k = cacheKey(row.tbl, row.row_key)
  b.rows.set(k, row)
  // Re-inserted last, so change numbers follow the order rows were last written in.
  b.dirty.delete(k)
  b.dirty.set(k, row)
}

function log(b: Batch, opId: string, tbl: string, key: string, action: string, fields: string[]): void {
  b.logs.push({ opId, tbl, key, action, fields })
}

type Scope = { engagement_id: string | null; client_id: string | null }

async function scopeOfNew(b: Batch, t: SyncTable, key: readonly (string | number)[], fields: Record<string, Value>): Promise<Scope | { refused: string }> {
  const value = (name: string): Value | undefined => {
    const i = t.key.indexOf(name)
    return i >= 0 ? key[i] : fields[name]
  }
  const s = t.scope
  if (s.kind === 'global') return { engagement_id: null, client_id: null }
  if (s.kind === 'client') return { engagement_id: null, client_id: String(value('id')) }
  if (s.kind === 'child') {
    const parentId = value(s.parentField)
    const parent = await loadRow(b, s.parentTable, rowKey([String(parentId)]))
    if (!parent || parent.deleted) return { refused: `The ${s.parentTable} this belongs to is not on the server.` }
    return { engagement_id: parent.engagement_id, client_id: parent.client_id }
  }
  const engagementId = String(value(s.engagementField))
  if (t.name === 'engagement') {
    const clientId = String(value('client_id'))
    const client = await loadRow(b, 'client', rowKey([clientId]))
    if (!client || client.deleted) return { refused: 'The client of this engagement is not on the server.' }
    return { engagement_id: engagementId, client_id: clientId }
  }
  const engagement = await loadRow(b, 'engagement', rowKey([engagementId]))
  if (!engagement || engagement.deleted) return { refused: 'The engagement this belongs to is not on the server.' }
  return { engagement_id: engagementId, client_id: engagement.client_id }
}

async function memberships(b: Batch): Promise<Set<string>> {
  if (!b.memberships) {
    const rows = await b.trx.selectFrom('membership').select('engagement_id').where('user_id', '=', b.caller.userId).execute()
    b.memberships = new Set(rows.map((r) => r.engagement_id))
  }
  return b.memberships
}

async function isMember(b: Batch, engagementId: string): Promise<boolean> {
  return (await memberships(b)).has(engagementId)
}

async function mayCreate(b: Batch, t: SyncTable, scope: Scope): Promise<boolean> {
  if (b.caller.role !== 'consultant' || t.scope.kind === 'global' || t.scope.kind === 'client') return true
  if (t.name === 'engagement') return canSeeClient(b, scope.client_id!)
  return isMember(b, scope.engagement_id!)
}

async function canSeeClient(b: Batch, clientId: string): Promise<boolean> {
  const client = await loadRow(b, 'client', rowKey([clientId]))
  if (!client) return false
  if (client.created_by === b.caller.userId) return true
  const mine = await memberships(b)
  // Engagements of this client written in this batch, then those already stored.
  for (const row of b.dirty.values()) if (row.tbl === 'engagement' && row.client_id === clientId && mine.has(row.engagement_id!)) return true
  const r = await sql<{ ok: number }>`
    SELECT 1 AS ok FROM sync_row e JOIN membership m ON m.engagement_id = e.engagement_id
    WHERE e.tbl = 'engagement' AND e.client_id = ${clientId} AND m.user_id = ${b.caller.userId} LIMIT 1`.execute(b.trx)
  return r.rows.length > 0
}

async function canSee(b: Batch, row: StoredRow): Promise<boolean> {
  if (b.caller.role !== 'consultant') return true
  if (row.tbl === 'library_item') return true
  if (row.tbl === 'client') return canSeeClient(b, row.client_id!)
  return row.engagement_id !== null && isMember(b, row.engagement_id)
}

/**
 * The changes after `after` that the caller may see, oldest first. Partners and admins
 * see every engagement; a consultant sees the engagements they are a member of, their
 * clients, the clients they created, and the shared library.
 */
export async function pull(db: Db, caller: Caller, after: number, limit: number): Promise<{ changes: Change[]; upTo: number; more: boolean }> {
  const consultant = caller.role === 'consultant'
  const visible = consultant
    ? sql`AND (r.tbl = 'library_item' OR (r.tbl = 'access' AND r.created_by = ${caller.userId})
          OR r.engagement_id IN (SELECT engagement_id FROM membership WHERE user_id = ${caller.userId})
          OR (r.tbl = 'client' AND (r.created_by = ${caller.userId} OR r.client_id IN (
            SELECT e.client_id FROM sync_row e JOIN membership m ON m.engagement_id = e.engagement_id
            WHERE e.tbl = 'engagement' AND m.user_id = ${caller.userId}))))`
    : sql`AND (r.tbl <> 'access' OR r.created_by = ${caller.userId})`
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
    await setAccess(trx, user.id, engagementId, true)
  })
}

/**
 * Removes a member. Their laptop learns it on its next pull (an `access` change only they
 * see) and removes the engagement from its copy; their pushes to it are refused from now.
 * Returns false when they were not a member.
 */
export async function removeMember(db: Db, email: string, engagementId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`.execute(trx)
    const user = await trx.selectFrom('app_user').select(['id', 'role']).where('email', '=', email.trim().toLowerCase()).executeTakeFirstOrThrow()
    const gone = await trx.deleteFrom('membership').where('user_id', '=', user.id).where('engagement_id', '=', engagementId).executeTakeFirst()
    if (Number(gone.numDeletedRows) === 0) return false
    // Partners and admins see every engagement whatever their memberships: nothing leaves their laptop.
    if (user.role === 'consultant') await setAccess(trx, user.id, engagementId, false)
    return true
  })
}

async function setAccess(trx: Trx, userId: string, engagementId: string, member: boolean): Promise<void> {
  // Wire values are strings, numbers or null: membership travels as 1 or 0.
  const fields = JSON.stringify({ userId, engagementId, member: member ? 1 : 0 })
  await sql`
    INSERT INTO sync_row (tbl, row_key, engagement_id, client_id, fields, stamps, deleted, created_by, updated_by, change_no)
    VALUES ('access', ${rowKey([userId, engagementId])}, NULL, NULL, ${fields}::jsonb, '{}'::jsonb, false, ${userId}::uuid, ${userId}::uuid, nextval('change_no_seq'))
    ON CONFLICT (tbl, row_key) DO UPDATE SET fields = excluded.fields, change_no = excluded.change_no`.execute(trx)
}
