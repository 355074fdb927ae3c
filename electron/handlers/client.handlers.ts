import { AppError } from '../../shared/ipc/result'
import type { Handlers } from '../dispatcher'
import { deleteClient, findClient, insertClient, listClients, setClientArchived, updateClient } from '../../db/repositories/client.repository'
import { listEngagementTitles } from '../../db/repositories/engagement.repository'
import type { HandlerContext } from './context'

const notFound = () => new AppError('NOT_FOUND', 'That client no longer exists. It may have been deleted.')

export function clientHandlers(
  ctx: HandlerContext
): Pick<Handlers, 'clients:list' | 'clients:get' | 'clients:create' | 'clients:update' | 'clients:set-archived' | 'clients:delete-preview' | 'clients:delete'> {
  const { db, deps } = ctx
  return {
    'clients:list': (query) => listClients(db, query),
    'clients:get': async ({ id }) => (await findClient(db, id)) ?? Promise.reject(notFound()),
    'clients:create': (input) => insertClient(db, deps, input),
    'clients:update': async ({ id, patch }) => (await updateClient(db, deps, id, patch)) ?? Promise.reject(notFound()),
    'clients:set-archived': async ({ id, archived }) => (await setClientArchived(db, deps, id, archived)) ?? Promise.reject(notFound()),
    'clients:delete-preview': async ({ id }) => {
      const client = await findClient(db, id)
      if (!client) throw notFound()
      return { client, engagements: await listEngagementTitles(db, id) }
    },
    'clients:delete': async ({ id }) =>
      db.transaction().execute(async (trx) => {
        const engagements = await listEngagementTitles(trx, id)
        if (!(await deleteClient(trx, id))) throw notFound()
        return { deletedEngagements: engagements.length }
      })
  }
}
