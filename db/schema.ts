import type { Generated } from 'kysely'

/** Every table the app keeps, as stored (snake_case). Repositories map rows to domain types. */
export interface Database {
  client: ClientTable
  engagement: EngagementTable
  setting: SettingTable
  assessment: AssessmentTable
  assessment_answer: AssessmentAnswerTable
  plan: PlanTable
  library_item: LibraryItemTable
  export_snapshot: ExportSnapshotTable
  engagement_status_change: EngagementStatusChangeTable
  plan_baseline: PlanBaselineTable
  tracking_item: TrackingItemTable
  time_entry: TimeEntryTable
  phase_gate: PhaseGateTable
  search_doc: SearchDocTable
}

export interface ClientTable {
  id: string
  name: string
  industry: string | null
  headcount: number | null
  contact_name: string | null
  contact_email: string | null
  notes: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
}

export interface EngagementTable {
  id: string
  client_id: string
  title: string
  status: string
  consultant: string
  currency: string
  day_rate: number
  start_date: string | null
  notes: string | null
  /** The client's objective and its success metric (migration 0008). */
  objective: Generated<string | null>
  archived_at: string | null
  created_at: string
  updated_at: string
  // Tracking (migration 0006): kept by triggers except planned_days (the app refreshes it
  // when plan_dirty is set) and signed_at.
  signed_at: Generated<string | null>
  planned_days: Generated<number | null>
  logged_days: Generated<number>
  progress: Generated<number>
  next_due: Generated<string | null>
  blocked_since: Generated<string | null>
  slip_days: Generated<number>
  current_phase: Generated<string | null>
  tracked_items: Generated<number>
  plan_dirty: Generated<number>
}

export interface SettingTable {
  key: string
  value: string
  updated_at: Generated<string>
}

export interface AssessmentTable {
  id: string
  engagement_id: string
  title: string
  status: string
  present: string
  cursor: string | null
  created_at: string
  updated_at: string
  completed_at: string | null
}

export interface AssessmentAnswerTable {
  assessment_id: string
  question_id: string
  value: string | null
  note: string | null
  private_note: string | null
  updated_at: string
}

export interface PlanTable {
  id: string
  engagement_id: string
  assessment_id: string | null
  basis: string
  kept_stale: string
  library: string
  settings: string
  edits: string
  pricing: string
  last_diff: string | null
  created_at: string
  updated_at: string
}

export interface LibraryItemTable {
  kind: 'task' | 'role' | 'question'
  id: string
  data: string
  position: number
  updated_at: string
}

export interface ExportSnapshotTable {
  id: string
  engagement_id: string
  template: string
  sections: string
  file_name: string
  sha256: string
  size_bytes: number
  model: string
  bytes: Uint8Array
  created_at: string
}

export interface EngagementStatusChangeTable {
  id: Generated<number>
  engagement_id: string
  from_status: string | null
  to_status: string
  at: string
  note: string | null
}

export interface PlanBaselineTable {
  engagement_id: string
  /** JSON: BaselinePlan (shared/schemas/tracking.schema.ts). */
  plan: string
  effort_days: number
  cost: number
  currency: string
  signed_at: string
  export_snapshot_id: string | null
  created_at: string
}

export interface TrackingItemTable {
  engagement_id: string
  item_id: string
  kind: string
  title: string
  phase: string
  position: number
  effort_days: number
  in_plan: Generated<number>
  status: Generated<'planned' | 'in_progress' | 'blocked' | 'done'>
  blocked_reason: string | null
  blocked_since: string | null
  planned_start: string | null
  planned_end: string | null
  baseline_start: string | null
  baseline_end: string | null
  actual_start: string | null
  actual_end: string | null
  owner: string | null
  notes: string | null
  updated_at: string
}

export interface TimeEntryTable {
  id: string
  engagement_id: string
  item_id: string | null
  date: string
  days: number
  note: string | null
  created_at: string
}

export interface PhaseGateTable {
  id: string
  engagement_id: string
  phase_id: string
  criterion: string
  done_at: string | null
  position: number
  created_at: string
}

/** One row per search document; its id is the FTS5 rowid in search_index. */
export interface SearchDocTable {
  id: Generated<number>
  kind: string
  ref: string
  sub: string
  client_id: string
  engagement_id: string | null
  assessment_id: string | null
  question_id: string | null
  item_id: string | null
}
