import type { Handlers } from '../dispatcher'
import { findPlanByEngagement } from '../../db/repositories/plan.repository'
import { createPlan, regeneratePlan, removePlan, savePlanEdits, savePlanSettings } from '../../app/plan.service'
import type { HandlerContext } from './context'

/** Plans (app/plan.service.ts). */
export function planHandlers(
  ctx: HandlerContext
): Pick<Handlers, 'plans:get' | 'plans:create' | 'plans:save-edits' | 'plans:save-settings' | 'plans:regenerate' | 'plans:delete'> {
  const { db, deps } = ctx
  return {
    'plans:get': async ({ engagementId }) => (await findPlanByEngagement(db, engagementId)) ?? null,
    'plans:create': (input) => db.transaction().execute((trx) => createPlan(trx, deps, input)),
    'plans:save-edits': (input) => savePlanEdits(db, deps, input),
    'plans:save-settings': (input) => savePlanSettings(db, deps, input),
    'plans:regenerate': (input) => db.transaction().execute((trx) => regeneratePlan(trx, deps, input)),
    'plans:delete': ({ planId }) => removePlan(db, planId)
  }
}
