import type { ColumnType, Generated } from 'kysely'

/** The team server's PostgreSQL tables (see migrations.ts for their definitions). */
export interface ServerDatabase {
  stagecraft_schema: { version: number }
  app_user: {
    id: string
    email: string
    name: string
    role: 'admin' | 'partner' | 'consultant'
    created_at: ColumnType<Date, never, never>
    disabled_at: Date | null
  }
  sign_in_code: {
    id: string
    user_id: string
    hash: string
    expires_at: Date
    used_at: Date | null
  }
  device: {
    id: string
    user_id: string
    name: string
    token_hash: string
    created_at: ColumnType<Date, never, never>
    last_seen_at: Date | null
    revoked_at: Date | null
  }
  membership: { user_id: string; engagement_id: string; added_at: ColumnType<Date, never, never> }
  sync_row: {
    tbl: string
    row_key: string
    engagement_id: string | null
    client_id: string | null
    fields: ColumnType<Record<string, unknown>, string, string>
    stamps: ColumnType<Record<string, string>, string, string>
    deleted: boolean
    created_by: string
    updated_by: string
    change_no: string | number | bigint
  }
  sync_op: {
    op_id: string
    user_id: string
    device_id: string
    result: ColumnType<Record<string, unknown>, string, string>
    applied_at: ColumnType<Date, never, never>
  }
  library_version: {
    kind: string
    id: string
    version: number
    data: string
    made_by: string
    made_at: ColumnType<Date, never, never>
  }
  change_log: {
    id: Generated<string>
    at: ColumnType<Date, never, never>
    user_id: string
    device_id: string
    op_id: string
    tbl: string
    row_key: string
    action: string
    fields: string[]
  }
}
