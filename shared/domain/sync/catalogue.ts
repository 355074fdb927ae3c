/**
 * What team mode shares, table by table. Every shared row has a stable key, a clock
 * stamp per field, the person who changed it last and a deletion marker (kept by the
 * server and in each laptop's sync tables, not in the app's own tables).
 *
 * - `record` rows merge field by field: the later stamp wins. Fields listed together in
 *   `groups` move as one (a blocked item's reason and date go with its status), so a
 *   merge never produces a row the app would refuse.
 * - `guarded` fields carry money or a commitment. An edit made without seeing the
 *   current value (its base stamp is stale) becomes a conflict for a person to settle
 *   instead of winning silently.
 * - `fact` rows are appended and never changed: they cannot conflict, and the same fact
 *   arriving twice is kept once.
 * - `scope` says whose row it is: an engagement's rows are seen by its members and the
 *   partners; a client's by anyone who sees one of its engagements; `global` by everyone.
 */
export type SyncScope =
  | { kind: 'client'; clientField: 'id' }
  | { kind: 'engagement'; engagementField: string; clientField?: string }
  | { kind: 'child'; parentTable: SyncTableName; parentField: string }
  | { kind: 'global' }

export interface SyncTable {
  name: SyncTableName
  kind: 'record' | 'fact'
  key: readonly string[]
  fields: readonly string[]
  guarded: readonly string[]
  groups: readonly (readonly string[])[]
  /** Fields stored as bytes in SQLite; they travel as hex. */
  bytes: readonly string[]
  scope: SyncScope
}

export const SYNC_TABLE_NAMES = [
  'client',
  'engagement',
  'assessment',
  'assessment_answer',
  'plan',
  'library_item',
  'export_snapshot',
  'engagement_status_change',
  'plan_baseline',
  'tracking_item',
  'time_entry',
  'phase_gate'
] as const
export type SyncTableName = (typeof SYNC_TABLE_NAMES)[number]

const table = (t: Partial<SyncTable> & Pick<SyncTable, 'name' | 'key' | 'fields' | 'scope'>): SyncTable => ({
  kind: 'record',
  guarded: [],
  groups: [],
  bytes: [],
  ...t
})

/** In parent-before-child order: a laptop applies pulled rows in this order. */
export const SYNC_TABLES: readonly SyncTable[] = [
  table({
    name: 'client',
    key: ['id'],
    fields: ['name', 'industry', 'headcount', 'contact_name', 'contact_email', 'notes', 'archived_at', 'created_at', 'updated_at'],
    scope: { kind: 'client', clientField: 'id' }
  }),
  table({
    name: 'engagement',
    key: ['id'],
    fields: [
      'client_id',
      'title',
      'status',
      'consultant',
      'currency',
      'day_rate',
      'start_date',
      'notes',
      'objective',
      'archived_at',
      'created_at',
      'updated_at'
    ],
    guarded: ['day_rate', 'currency'],
    scope: { kind: 'engagement', engagementField: 'id', clientField: 'client_id' }
  }),
  table({
    name: 'assessment',
    key: ['id'],
    fields: ['engagement_id', 'title', 'status', 'present', 'cursor', 'created_at', 'updated_at', 'completed_at'],
    groups: [['status', 'completed_at']],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  }),
  table({
    name: 'assessment_answer',
    key: ['assessment_id', 'question_id'],
    fields: ['value', 'note', 'private_note', 'updated_at'],
    scope: { kind: 'child', parentTable: 'assessment', parentField: 'assessment_id' }
  }),
  table({
    name: 'plan',
    key: ['id'],
    fields: ['engagement_id', 'assessment_id', 'basis', 'kept_stale', 'library', 'settings', 'edits', 'pricing', 'last_diff', 'created_at', 'updated_at'],
    guarded: ['pricing'],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  }),
  table({
    name: 'library_item',
    key: ['kind', 'id'],
    fields: ['data', 'position', 'updated_at'],
    scope: { kind: 'global' }
  }),
  table({
    name: 'export_snapshot',
    kind: 'fact',
    key: ['id'],
    fields: ['engagement_id', 'template', 'sections', 'file_name', 'sha256', 'size_bytes', 'model', 'bytes', 'created_at'],
    bytes: ['bytes'],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  }),
  table({
    name: 'engagement_status_change',
    kind: 'fact',
    key: ['engagement_id', 'at', 'to_status'],
    fields: ['from_status', 'note'],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  }),
  table({
    name: 'plan_baseline',
    key: ['engagement_id'],
    fields: ['plan', 'effort_days', 'cost', 'currency', 'signed_at', 'export_snapshot_id', 'created_at'],
    guarded: ['plan', 'effort_days', 'cost', 'currency', 'signed_at'],
    groups: [['plan', 'effort_days', 'cost', 'currency', 'signed_at', 'export_snapshot_id', 'created_at']],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  }),
  table({
    name: 'tracking_item',
    key: ['engagement_id', 'item_id'],
    fields: [
      'kind',
      'title',
      'phase',
      'position',
      'effort_days',
      'in_plan',
      'status',
      'blocked_reason',
      'blocked_since',
      'planned_start',
      'planned_end',
      'baseline_start',
      'baseline_end',
      'actual_start',
      'actual_end',
      'owner',
      'notes',
      'updated_at'
    ],
    groups: [['status', 'blocked_reason', 'blocked_since', 'actual_start', 'actual_end']],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  }),
  table({
    name: 'time_entry',
    key: ['id'],
    fields: ['engagement_id', 'item_id', 'date', 'days', 'note', 'created_at'],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  }),
  table({
    name: 'phase_gate',
    key: ['id'],
    fields: ['engagement_id', 'phase_id', 'criterion', 'done_at', 'position', 'created_at'],
    guarded: ['done_at'],
    scope: { kind: 'engagement', engagementField: 'engagement_id' }
  })
]

const BY_NAME = new Map(SYNC_TABLES.map((t) => [t.name, t]))

export function syncTable(name: SyncTableName): SyncTable {
  const t = BY_NAME.get(name)
  if (!t) throw new Error(`not a shared table: ${name}`)
  return t
}

/** The fields that move with `field` (itself included). */
export function groupOf(t: SyncTable, field: string): readonly string[] {
  return t.groups.find((g) => g.includes(field)) ?? [field]
}

/** A row's key as the one string both sides index it by. */
export function rowKey(values: readonly (string | number)[]): string {
  return JSON.stringify(values)
}
