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
  archived_at: string | null
  created_at: string
  updated_at: string
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
