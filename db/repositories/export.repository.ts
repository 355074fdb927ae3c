import { timestamp, type Deps } from '../deps'
import type { Db } from './client.repository'

export interface SnapshotSummary {
  id: string
  engagementId: string
  template: string
  sections: Record<string, boolean>
  fileName: string
  sha256: string
  sizeBytes: number
  createdAt: string
}

export async function insertSnapshot(
  db: Db,
  deps: Deps,
  s: { engagementId: string; template: string; sections: Record<string, boolean>; fileName: string; sha256: string; model: unknown; bytes: Uint8Array }
): Promise<SnapshotSummary> {
  const id = deps.newId()
  const createdAt = timestamp(deps)
  await db
    .insertInto('export_snapshot')
    .values({
      id,
      engagement_id: s.engagementId,
      template: s.template,
      sections: JSON.stringify(s.sections),
      file_name: s.fileName,
      sha256: s.sha256,
      size_bytes: s.bytes.byteLength,
      model: JSON.stringify(s.model),
      bytes: s.bytes,
      created_at: createdAt
    })
    .execute()
  return {
    id,
    engagementId: s.engagementId,
    template: s.template,
    sections: s.sections,
    fileName: s.fileName,
    sha256: s.sha256,
    sizeBytes: s.bytes.byteLength,
    createdAt
  }
}

export async function listSnapshots(db: Db, engagementId: string): Promise<SnapshotSummary[]> {
  const rows = await db
    .selectFrom('export_snapshot')
    .select(['id', 'engagement_id', 'template', 'sections', 'file_name', 'sha256', 'size_bytes', 'created_at'])
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    engagementId: r.engagement_id,
    template: r.template,
    sections: JSON.parse(r.sections) as Record<string, boolean>,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at
  }))
}

export async function snapshotBytes(db: Db, id: string): Promise<{ fileName: string; bytes: Uint8Array; sha256: string } | undefined> {
  const row = await db.selectFrom('export_snapshot').select(['file_name', 'bytes', 'sha256']).where('id', '=', id).executeTakeFirst()
  return row && { fileName: row.file_name, bytes: row.bytes, sha256: row.sha256 }
}

/** The engagement an export belongs to, or null when there is no such export. */
export async function exportSnapshotEngagement(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('export_snapshot').select('engagement_id').where('id', '=', id).executeTakeFirst()
  return row?.engagement_id ?? null
}
