import type { Handlers } from '../dispatcher'
import { appHandlers } from './app.handlers'
import { assessmentHandlers } from './assessment.handlers'
import { clientHandlers } from './client.handlers'
import type { HandlerContext } from './context'
import { engagementHandlers } from './engagement.handlers'
import { planHandlers } from './plan.handlers'
import { libraryHandlers } from './library.handlers'
import { exportHandlers } from './export.handlers'
import { portableHandlers } from './portable.handlers'
import { trackingHandlers } from './tracking.handlers'
import { teamHandlers } from './team.handlers'

/** Every channel's handler, in one place; the type makes a missing channel a compile error. */
export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...clientHandlers(ctx),
    ...engagementHandlers(ctx),
    ...assessmentHandlers(ctx),
    ...planHandlers(ctx),
    ...libraryHandlers(ctx),
    ...exportHandlers(ctx),
    ...portableHandlers(ctx),
    ...trackingHandlers(ctx),
    ...teamHandlers(ctx)
  }
}
