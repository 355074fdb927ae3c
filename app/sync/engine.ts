import type Sqlite from 'better-sqlite3'
import { groupOf, syncTable, SYNC_TABLES, type SyncTable } from '../../shared/domain/sync/catalogue'
import { formatStamp, parseStamp, receive, tick, type ClockState } from '../../shared/domain/sync/hlc'
import type { Change, ConflictFields, OpResult, PullResponse, SyncOperation } from '../../shared/domain/sync/protocol'
import { ConflictFieldsSchema } from '../../shared/domain/sync/protocol'

/** How the engine reaches the server; the HTTP one is in http-transport.ts. */
export interface SyncTransport {
  push(ops: SyncOperation[]): Promise<OpResult[]>
  pull(after: number, limit: number): Promise<PullResponse>
}

export interface SyncReport {
  pushed: number
  pulled: number
  conflicts: number
  /** Changes the server would not take, with the engagement each was about (when it has one). */
  refused: { opId: string; reason: string; engagementId: string | null }[]
  /** Engagements this user was taken off: they have left this laptop. */
  left: LeftEngagement[]
}

/** An engagement the team took this user off, as it was named here, with the changes that never reached the team. */
export interface LeftEngagement {
  engagementId: string
  title: string
  client: string
  unsent: number
}

export interface SyncEngineOptions {
  sqlite: Sqlite.Database
  transport: SyncTransport
  now?: () => number
  batchSize?: number
  pageSize?: number
  /**
   * Runs before engagements this user was taken off are removed from the laptop (the app
   * takes a backup here, so what was only on this laptop can still be read).
   */
  beforeLeaving?: (left: LeftEngagement[]) => Promise<void>
}

interface OutboxRow {
  seq: number
  op_id: string
  tbl: string
  row_key: string
  action: 'upsert' | 'delete' | 'resolve'
  fields: string
  base: string
  at: number
  stamp: string | null
}

type Value = string | number | null

// Parents before children (foreign keys are checked at commit anyway). Status facts go
// first: a pulled status then finds its fact in place, and the local history trigger's
// echo of it is recognised as an echo and dropped.
const TABLE_ORDER = new Map<string, number>([...SYNC_TABLES.map((t, i) => [t.name, t.name === 'engagement_status_change' ? -1 : i] as const), ['access', 999]])

/**
 * One laptop's side of team sync: push the outbox, then pull what changed since the
 * last pull. Pulled rows are applied in one transaction with capture turned off, so they
 * never echo back; fields with a local edit still waiting to be pushed keep the local
 * value until that edit has reached the server.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { sqlite, transport } = options
  const now = options.now ?? Date.now
  const batchSize = options.batchSize ?? 500
  const pageSize = options.pageSize ?? 1000
  // Applying a pull runs the same few statements thousands of times: prepare each once.
  const statements = new Map<string, Sqlite.Statement>()
  const prepared = (text: string): Sqlite.Statement => {
    let s = statements.get(text)
    if (!s) statements.set(text, (s = sqlite.prepare(text)))
    return s
  }

  const state = () =>
    sqlite.prepare('SELECT device_id, wall, counter, cursor FROM sync_state WHERE one = 1').get() as {
      device_id: string
      wall: number
      counter: number
      cursor: number
    }

  /** Stamps the next batch (once: a retried batch carries the same stamps and op ids). */
  const nextBatch = sqlite.transaction((): SyncOperation[] => {
    const rows = sqlite.prepare('SELECT * FROM sync_outbox ORDER BY seq LIMIT ?').all(batchSize) as OutboxRow[]
    const s = state()
    let clock: ClockState = { wall: s.wall, counter: s.counter }
    const setStamp = sqlite.prepare('UPDATE sync_outbox SET stamp = ? WHERE seq = ?')
    for (const row of rows) {
      if (row.stamp) continue
      clock = tick(clock, Math.max(row.at, 0))
      row.stamp = formatStamp(clock.wall, clock.counter, s.device_id)
      setStamp.run(row.stamp, row.seq)
    }
    sqlite.prepare('UPDATE sync_state SET wall = ?, counter = ? WHERE one = 1').run(clock.wall, clock.counter)
    return rows.map(toOperation)
  })

  function toOperation(row: OutboxRow): SyncOperation {
    const opId = row.op_id
    const stamp = row.stamp!
    if (row.action === 'resolve') {
      const f = JSON.parse(row.fields) as { conflictId: string; value: Value }
      return { opId, action: 'resolve', conflictId: f.conflictId, value: f.value, stamp }
    }
    const base = JSON.parse(row.base) as Record<string, string | null>
    return {
      opId,
      action: row.action,
      table: row.tbl as SyncTable['name'],
      key: JSON.parse(row.row_key) as (string | number)[],
      fields: JSON.parse(row.fields) as Record<string, Value>,
      base: Object.fromEntries(Object.entries(base).filter(([, v]) => v !== null)),
      stamp
    }
  }

  /**
   * Drops acknowledged operations, and records the stamps the server now holds for what it
   * applied: they are the base of this laptop's next edit, and a pulled row whose stamps
   * all match them is already here and is not written again.
   */
  const acknowledge = sqlite.transaction((results: OpResult[], ops: SyncOperation[]) => {
    const drop = prepared('DELETE FROM sync_outbox WHERE op_id = ?')
    const byId = new Map(ops.map((o) => [o.opId, o]))
    for (const r of results) {
      drop.run(r.opId)
      const op = byId.get(r.opId)
      if (!op || op.action !== 'upsert' || (r.status !== 'applied' && r.status !== 'conflict')) continue
      const t = syncTable(op.table)
      const held = new Set(r.conflicts.flatMap((f) => groupOf(t, f)))
      const key = JSON.stringify(op.key)
      const meta = prepared('SELECT stamps FROM sync_meta WHERE tbl = ? AND row_key = ?').get(t.name, key) as { stamps: string } | undefined
      const stamps = meta ? (JSON.parse(meta.stamps) as Record<string, string>) : {}
      for (const f of Object.keys(op.fields)) if (!held.has(f) && (stamps[f] === undefined || stamps[f] < op.stamp)) stamps[f] = op.stamp
      prepared('INSERT INTO sync_meta (tbl, row_key, stamps) VALUES (?, ?, ?) ON CONFLICT (tbl, row_key) DO UPDATE SET stamps = excluded.stamps').run(
        t.name,
        key,
        JSON.stringify(stamps)
      )
    }
  })

  /** The pulled row is exactly what this laptop already has (same stamps on every field, row present). */
  function alreadyHere(t: SyncTable, key: string, change: Change): boolean {
    const meta = prepared('SELECT stamps FROM sync_meta WHERE tbl = ? AND row_key = ?').get(t.name, key) as { stamps: string } | undefined
    if (!meta) return false
    const known = JSON.parse(meta.stamps) as Record<string, string>
    const fields = Object.keys(change.stamps)
    if (fields.length !== Object.keys(known).length || fields.some((f) => known[f] !== change.stamps[f])) return false
    return prepared(`SELECT 1 FROM ${t.name} WHERE ${t.key.map((k) => `${k} IS ?`).join(' AND ')}`).get(...change.key) !== undefined
  }

  const apply = sqlite.transaction((changes: Change[], upTo: number) => {
    prepared('UPDATE sync_state SET capturing = 0 WHERE one = 1').run()
    sqlite.pragma('defer_foreign_keys = ON')
    const pending = pendingFields()
    const statusBefore = (prepared('SELECT coalesce(max(id), 0) AS n FROM engagement_status_change').get() as { n: number }).n
    const keptStatus = new Set<number>()
    const sorted = [...changes].sort((a, b) => (TABLE_ORDER.get(a.table) ?? 99) - (TABLE_ORDER.get(b.table) ?? 99) || a.changeNo - b.changeNo)
    const before = state()
    let clock: ClockState = { wall: before.wall, counter: before.counter }
    for (const change of sorted) {
      for (const stamp of Object.values(change.stamps)) clock = receive(clock, stamp, now())
      if (change.table === 'conflict') {
        applyConflict(change)
        continue
      }
      if (change.table === 'access') {
        // Removed from an engagement: it leaves this laptop too (applied last, after its rows).
        const access = change.fields as { engagementId?: string; member?: number }
        if (access.member === 0 && access.engagementId) {
          // Its unsent changes would only be refused: they go with it (the backup taken before keeps them).
          for (const opId of unsentOf(access.engagementId)) prepared('DELETE FROM sync_outbox WHERE op_id = ?').run(opId)
          prepared('DELETE FROM engagement WHERE id = ?').run(access.engagementId)
          prepared("DELETE FROM sync_conflict WHERE json_extract(fields, '$.engagementId') = ?").run(access.engagementId)
        }
        continue
      }
      const t = syncTable(change.table)
      const key = JSON.stringify(change.key)
      if (change.deleted) {
        prepared(`DELETE FROM ${t.name} WHERE ${t.key.map((k) => `${k} IS ?`).join(' AND ')}`).run(...change.key)
        prepared('DELETE FROM sync_meta WHERE tbl = ? AND row_key = ?').run(t.name, key)
        prepared("DELETE FROM sync_outbox WHERE tbl = ? AND row_key = ? AND action <> 'resolve'").run(t.name, key)
        continue
      }
      if (alreadyHere(t, key, change)) continue
      const rowid = upsertRow(t, change, pending.get(`${t.name} ${key}`))
      if (t.name === 'engagement_status_change' && rowid !== undefined) keptStatus.add(rowid)
      prepared('INSERT INTO sync_meta (tbl, row_key, stamps) VALUES (?, ?, ?) ON CONFLICT (tbl, row_key) DO UPDATE SET stamps = excluded.stamps').run(
        t.name,
        key,
        JSON.stringify(change.stamps)
      )
    }
    // A pulled status change re-fires the local status-history trigger; the history is
    // the server's facts, so those echoes go.
    const echoes = (prepared('SELECT id FROM engagement_status_change WHERE id > ?').all(statusBefore) as { id: number }[]).filter((r) => !keptStatus.has(r.id))
    for (const e of echoes) prepared('DELETE FROM engagement_status_change WHERE id = ?').run(e.id)
    prepared('UPDATE sync_state SET cursor = ?, wall = ?, counter = ?, capturing = 1 WHERE one = 1').run(upTo, clock.wall, clock.counter)
  })

  /** The engagement a shared row (or a conflict's settlement) belongs to, read from this laptop's copy. */
  function engagementOf(tbl: string, key: readonly Value[]): string | null {
    if (tbl === 'conflict') {
      const row = prepared("SELECT json_extract(fields, '$.engagementId') AS e FROM sync_conflict WHERE id = ?").get(String(key[0])) as
        { e: string | null } | undefined
      return row?.e ?? null
    }
    const t = syncTable(tbl as SyncTable['name'])
    const scope = t.scope
    const field = scope.kind === 'engagement' ? scope.engagementField : scope.kind === 'child' ? scope.parentField : null
    if (!field) return null
    const at = t.key.indexOf(field)
    const value =
      at >= 0
        ? key[at]
        : (prepared(`SELECT ${field} AS v FROM ${t.name} WHERE ${t.key.map((k) => `${k} IS ?`).join(' AND ')}`).get(...key) as { v: Value } | undefined)?.v
    if (value === null || value === undefined) return null
    return scope.kind === 'child' ? engagementOf(scope.parentTable, [value]) : String(value)
  }

  /** The op ids of changes still waiting to be sent that belong to an engagement. */
  function unsentOf(engagementId: string): string[] {
    const rows = prepared('SELECT op_id, tbl, row_key FROM sync_outbox').all() as { op_id: string; tbl: string; row_key: string }[]
    return rows.filter((r) => engagementOf(r.tbl, JSON.parse(r.row_key) as Value[]) === engagementId).map((r) => r.op_id)
  }

  /** Engagements on this laptop that a pull takes this user off. */
  function leaving(changes: Change[], refused: SyncReport['refused']): LeftEngagement[] {
    const out: LeftEngagement[] = []
    for (const change of changes) {
      if (change.table !== 'access') continue
      const access = change.fields as { engagementId?: string; member?: number }
      if (access.member !== 0 || !access.engagementId) continue
      const row = prepared('SELECT e.title, c.name FROM engagement e JOIN client c ON c.id = e.client_id WHERE e.id = ?').get(access.engagementId) as
        { title: string; name: string } | undefined
      if (!row) continue
      const unsent = unsentOf(access.engagementId).length + refused.filter((r) => r.engagementId === access.engagementId).length
      out.push({ engagementId: access.engagementId, title: row.title, client: row.name, unsent })
    }
    return out
  }

  function pendingFields(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>()
    for (const row of prepared("SELECT tbl, row_key, fields FROM sync_outbox WHERE action = 'upsert'").all() as {
      tbl: string
      row_key: string
      fields: string
    }[]) {
      const k = `${row.tbl} ${row.row_key}`
      const set = out.get(k) ?? new Set<string>()
      for (const f of Object.keys(JSON.parse(row.fields) as object)) set.add(f)
      out.set(k, set)
    }
    return out
  }

  function upsertRow(t: SyncTable, change: Change, pending: Set<string> | undefined): number | undefined {
    const fields = t.fields.filter((f) => f in change.fields)
    const columns = [...t.key, ...fields]
    const values = [...change.key, ...fields.map((f) => decode(t, f, change.fields[f] ?? null))]
    const marks = columns.map(() => '?').join(', ')
    if (t.kind === 'fact') {
      const r = prepared(
        `INSERT INTO ${t.name} (${columns.join(', ')}) SELECT ${marks} WHERE NOT EXISTS (SELECT 1 FROM ${t.name} WHERE ${t.key.map((k) => `${k} IS ?`).join(' AND ')})`
      ).run(...values, ...change.key)
      if (r.changes) return Number(r.lastInsertRowid)
      const existing = prepared(`SELECT rowid AS id FROM ${t.name} WHERE ${t.key.map((k) => `${k} IS ?`).join(' AND ')}`).get(...change.key) as
        { id: number } | undefined
      return existing?.id
    }
    // One plan per engagement: the team's plan takes the place of one made here that the
    // server refused (the first to reach the team is kept).
    if (t.name === 'plan' && typeof change.fields.engagement_id === 'string') {
      prepared('DELETE FROM plan WHERE engagement_id = ? AND id <> ?').run(change.fields.engagement_id, change.key[0])
    }
    const update = fields.filter((f) => !pending?.has(f))
    const onConflict = update.length ? `DO UPDATE SET ${update.map((f) => `${f} = excluded.${f}`).join(', ')}` : 'DO NOTHING'
    prepared(`INSERT INTO ${t.name} (${columns.join(', ')}) VALUES (${marks}) ON CONFLICT (${t.key.join(', ')}) ${onConflict}`).run(...values)
    return undefined
  }

  function decode(t: SyncTable, field: string, value: Value): Value | Buffer {
    return t.bytes.includes(field) && typeof value === 'string' ? Buffer.from(value, 'hex') : value
  }

  function applyConflict(change: Change): void {
    const fields = ConflictFieldsSchema.parse(change.fields)
    prepared(
      'INSERT INTO sync_conflict (id, fields, change_no) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET fields = excluded.fields, change_no = excluded.change_no'
    ).run(String(change.key[0]), JSON.stringify(fields), change.changeNo)
  }

  async function pushAll(report: SyncReport): Promise<void> {
    for (;;) {
      const ops = nextBatch()
      if (!ops.length) return
      const results = await transport.push(ops)
      const byId = new Map(ops.map((o) => [o.opId, o]))
      // Read before acknowledging: a refused row's engagement is looked up in this laptop's copy.
      const refused = results
        .filter((r) => r.status === 'refused')
        .map((r) => {
          const op = byId.get(r.opId)
          const engagementId = !op ? null : op.action === 'resolve' ? engagementOf('conflict', [op.conflictId]) : engagementOf(op.table, op.key)
          return { opId: r.opId, reason: r.reason ?? 'refused', engagementId }
        })
      acknowledge(results, ops)
      report.pushed += results.length
      report.conflicts += results.filter((r) => r.status === 'conflict').length
      report.refused.push(...refused)
      if (results.length < ops.length) throw new Error('The server answered for fewer changes than were sent.')
    }
  }

  async function pullAll(report: SyncReport): Promise<void> {
    // Every page first, then one transaction: a row and its parent may sit on different pages.
    const changes: Change[] = []
    let after = state().cursor
    for (;;) {
      const page = await transport.pull(after, pageSize)
      changes.push(...page.changes)
      after = page.upTo
      if (!page.more) break
    }
    const left = leaving(changes, report.refused)
    if (left.length) await options.beforeLeaving?.(left)
    apply(changes, after)
    report.pulled += changes.length
    report.left.push(...left)
  }

  return {
    async syncOnce(): Promise<SyncReport> {
      const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, refused: [], left: [] }
      await pushAll(report)
      await pullAll(report)
      return report
    },
    pendingCount(): number {
      return (sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n
    },
    conflicts: () => readConflicts(sqlite),
    /** Settles a conflict with the chosen value; it travels like any other change. */
    resolveConflict: (conflictId: string, value: Value) => queueResolution(sqlite, conflictId, value, now()),
    deviceId(): string {
      return state().device_id
    }
  }
}
export type SyncEngine = ReturnType<typeof createSyncEngine>

/** The conflicts this laptop knows of, oldest first: a plain read, no server needed. */
export function readConflicts(sqlite: Sqlite.Database): (ConflictFields & { id: string })[] {
  const rows = sqlite.prepare('SELECT id, fields FROM sync_conflict ORDER BY change_no').all() as { id: string; fields: string }[]
  return rows.map((r) => ({ id: r.id, ...ConflictFieldsSchema.parse(JSON.parse(r.fields)) }))
}

/** Queues a conflict's settlement; it travels like any other change on the next push. */
export function queueResolution(sqlite: Sqlite.Database, conflictId: string, value: Value, at: number): void {
  sqlite
    .prepare(
      `INSERT INTO sync_outbox (op_id, tbl, row_key, action, fields, base, at) VALUES (lower(hex(randomblob(16))), 'conflict', ?, 'resolve', ?, '{}', ?)`
    )
    .run(JSON.stringify([conflictId]), JSON.stringify({ conflictId, value }), at)
}

/** Stamps made by this device (tests and the status line use it). */
export function madeBy(stamp: string, deviceId: string): boolean {
  return parseStamp(stamp).node === deviceId
}
