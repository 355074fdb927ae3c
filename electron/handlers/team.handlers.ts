import { AppError } from '../../shared/ipc/result'
import type { Handlers } from '../dispatcher'
import type { HandlerContext } from './context'

type TeamChannels = 'team:status' | 'team:sign-in' | 'team:sign-out' | 'team:sync' | 'team:conflicts' | 'team:resolve' | 'team:dismiss'

export function teamHandlers(ctx: HandlerContext): Pick<Handlers, TeamChannels> {
  const team = () => {
    if (!ctx.team) throw new AppError('DATA_UNAVAILABLE', 'Team mode is not available in this window.')
    return ctx.team
  }
  return {
    'team:status': () => (ctx.team ? ctx.team.status() : { mode: 'solo' as const }),
    'team:sign-in': (input) => team().signIn(input),
    'team:sign-out': () => team().signOut(),
    'team:sync': () => team().syncNow(),
    'team:conflicts': () => (ctx.team ? ctx.team.conflicts() : []),
    'team:resolve': ({ id, choice }) => team().resolve(id, choice),
    'team:dismiss': ({ id }) => team().dismissNotice(id)
  }
}
