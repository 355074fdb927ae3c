import { AppError } from '../../shared/ipc/result'
import type { Handlers } from '../dispatcher'
import { findClient } from '../../db/repositories/client.repository'
import {
  deleteEngagement,
  findEngagement,
  insertEngagement,
  listEngagements,
  setEngagementArchived,
  updateEngagement
} from '../../db/repositories/engagement.repository'
import type { HandlerContext } from './context'

const notFound = () => new AppError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.')

export function engagementHandlers(
  ctx: HandlerContext
): Pick<Handlers, 'engagements:list' | 'engagements:get' | 'engagements:create' | 'engagements:update' | 'engagements:set-archived' | 'engagements:delete'> {
  const { db, deps } = ctx
  return {
    'engagements:list': (query) => listEngagements(db, query),
    'engagements:get': async ({ id }) => (await findEngagement(db, id)) ?? Promise.reject(notFound()),
    'engagements:create': async ({ clientId, ...values }) => {
      if (!(await findClient(db, clientId))) {
        throw new AppError('NOT_FOUND', 'The client for this engagement no longer exists.')
      }
      return insertEngagement(db, deps, clientId, values)
    },
    'engagements:update': async ({ id, patch }) => (await updateEngagement(db, deps, id, patch)) ?? Promise.reject(notFound()),
    'engagements:set-archived': async ({ id, archived }) => (await setEngagementArchived(db, deps, id, archived)) ?? Promise.reject(notFound()),
    'engagements:delete': async ({ id }) => {
      if (!(await deleteEngagement(db, id))) throw notFound()
      return { deleted: true as const }
    }
  }
}
