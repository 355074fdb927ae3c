import type { Transaction } from 'kysely'
import { AppError } from '../../shared/ipc/result'
import type { Database } from '../../db/schema'
import type { Handlers } from '../dispatcher'
import { findEngagement } from '../../db/repositories/engagement.repository'
import { getDashboard, getLoad } from '../../db/repositories/dashboard.repository'
import { search } from '../../db/repositories/search.repository'
import { anyDirtyPlans, deleteTime, refreshDirtyPlans, statusHistory, todayOf } from '../../db/repositories/tracking.repository'
import {
  engagementGone as notFound,
  logTime,
  markSigned,
  requireTrackingView,
  setEngagementStatus,
  setGate,
  updateTrackedItem
} from '../../app/tracking.service'
import { exportTimeCsv } from '../../app/time-csv'
import type { HandlerContext } from './context'

/**
 * Engagement status, tracking, the portfolio dashboard, search and the time export. Every
 * change runs in one transaction and answers with the engagement's fresh tracking view, so
 * the screen shows the new RAG status at once.
 */
export function trackingHandlers(
  ctx: HandlerContext
): Pick<
  Handlers,
  | 'engagements:set-status'
  | 'engagements:history'
  | 'tracking:get'
  | 'tracking:update-item'
  | 'tracking:log-time'
  | 'tracking:delete-time'
  | 'tracking:set-gate'
  | 'tracking:mark-signed'
  | 'dashboard:get'
  | 'dashboard:load'
  | 'search:query'
  | 'time:export-csv'
> {
  const { db, deps } = ctx
  const change = (engagementId: string, work: (trx: Transaction<Database>) => Promise<void>) =>
    db.transaction().execute(async (trx) => {
      await work(trx)
      return requireTrackingView(trx, deps, engagementId)
    })
  // Plan-derived figures of engagements whose plan changed are brought up to date first.
  const refresh = async () => {
    if (await anyDirtyPlans(db)) await db.transaction().execute((trx) => refreshDirtyPlans(trx, deps))
  }

  return {
    'engagements:set-status': async ({ id, status, note }) => {
      await db.transaction().execute((trx) => setEngagementStatus(trx, deps, id, status, note))
      return (await findEngagement(db, id)) ?? Promise.reject(notFound())
    },
    'engagements:history': async ({ id }) => {
      if (!(await findEngagement(db, id))) throw notFound()
      return statusHistory(db, id)
    },
    'tracking:get': ({ engagementId }) => db.transaction().execute((trx) => requireTrackingView(trx, deps, engagementId)),
    'tracking:update-item': (input) => change(input.engagementId, (trx) => updateTrackedItem(trx, deps, input)),
    'tracking:log-time': (input) =>
      change(input.engagementId, async (trx) => {
        await logTime(trx, deps, input)
      }),
    'tracking:delete-time': ({ engagementId, id }) =>
      change(engagementId, async (trx) => {
        if (!(await deleteTime(trx, engagementId, id))) throw new AppError('NOT_FOUND', 'That time entry no longer exists.')
      }),
    'tracking:set-gate': (input) => change(input.engagementId, (trx) => setGate(trx, deps, input)),
    'tracking:mark-signed': ({ engagementId, exportSnapshotId }) =>
      change(engagementId, (trx) => markSigned(trx, deps, engagementId, exportSnapshotId ?? null)),
    'dashboard:get': async (query) => {
      await refresh()
      return getDashboard(db, query, todayOf(deps))
    },
    'dashboard:load': async (query) => {
      await refresh()
      return getLoad(db, query, todayOf(deps))
    },
    'search:query': ({ query, limit }) => search(db, query, limit),
    'time:export-csv': (input) => exportTimeCsv(db, ctx.dialogs, input, todayOf(deps))
  }
}
