import type { Selectable } from 'kysely'
import { StoredPlanSchema, type StoredPlan } from '../../shared/schemas/plan.schema'
import { timestamp, type Deps } from '../deps'
import type { PlanTable } from '../schema'
import type { Db } from './client.repository'

/** Rows are parsed with the same schema the IPC uses, so a damaged row is caught here. */
const toPlan = (row: Selectable<PlanTable>): StoredPlan =>
  StoredPlanSchema.parse({
    id: row.id,
    engagementId: row.engagement_id,
    assessmentId: row.assessment_id,
    basis: JSON.parse(row.basis),
    keptStale: JSON.parse(row.kept_stale),
    library: JSON.parse(row.library),
    settings: JSON.parse(row.settings),
    edits: JSON.parse(row.edits),
    pricing: JSON.parse(row.pricing),
    lastDiff: row.last_diff ? JSON.parse(row.last_diff) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  })

export async function findPlanByEngagement(db: Db, engagementId: string): Promise<StoredPlan | undefined> {
  const row = await db.selectFrom('plan').selectAll().where('engagement_id', '=', engagementId).executeTakeFirst()
  return row && toPlan(row)
}

export async function findPlan(db: Db, id: string): Promise<StoredPlan | undefined> {
  const row = await db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toPlan(row)
}

export async function insertPlan(db: Db, deps: Deps, plan: Omit<StoredPlan, 'id' | 'createdAt' | 'updatedAt'>): Promise<StoredPlan> {
  const now = timestamp(deps)
  const id = deps.newId()
  await db
    .insertInto('plan')
    .values({
      id,
      engagement_id: plan.engagementId,
      assessment_id: plan.assessmentId,
      basis: JSON.stringify(plan.basis),
      kept_stale: JSON.stringify(plan.keptStale),
      library: JSON.stringify(plan.library),
      settings: JSON.stringify(plan.settings),
      edits: JSON.stringify(plan.edits),
      pricing: JSON.stringify(plan.pricing),
      last_diff: plan.lastDiff ? JSON.stringify(plan.lastDiff) : null,
      created_at: now,
      updated_at: now
    })
    .execute()
  return (await findPlan(db, id))!
}

export async function updatePlan(
  db: Db,
  deps: Deps,
  id: string,
  patch: Partial<Pick<StoredPlan, 'assessmentId' | 'basis' | 'keptStale' | 'settings' | 'edits' | 'pricing' | 'lastDiff'>>
): Promise<StoredPlan | undefined> {
  const result = await db
    .updateTable('plan')
    .set({
      ...(patch.assessmentId !== undefined && { assessment_id: patch.assessmentId }),
      ...(patch.basis !== undefined && { basis: JSON.stringify(patch.basis) }),
      ...(patch.keptStale !== undefined && { kept_stale: JSON.stringify(patch.keptStale) }),
      ...(patch.settings !== undefined && { settings: JSON.stringify(patch.settings) }),
      ...(patch.edits !== undefined && { edits: JSON.stringify(patch.edits) }),
      ...(patch.pricing !== undefined && { pricing: JSON.stringify(patch.pricing) }),
      ...(patch.lastDiff !== undefined && { last_diff: patch.lastDiff ? JSON.stringify(patch.lastDiff) : null }),
      updated_at: timestamp(deps)
    })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n ? findPlan(db, id) : undefined
}

export async function deletePlan(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('plan').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}
