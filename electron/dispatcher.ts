import type { z } from 'zod'
import { CHANNELS, CONTROLLER_CHANNELS, type BackendChannel, type Channel } from '../shared/ipc/channels'
import { contract, type ChannelOutput, type ChannelParsedInput } from '../shared/ipc/contract'
import { AppError, fail, ok, type Result } from '../shared/ipc/result'
import { describeIssues } from '../shared/ipc/describe-issues'
import { payloadProblem, type PayloadProblem } from '../shared/ipc/payload'

/** Who sent an IPC message: the frame's URL and whether it is the window's top-level frame. */
export interface SenderInfo {
  url: string
  isMainFrame: boolean
}

/** A handler for each of the given channels: the contract's parsed input in, its output back. */
export type HandlersFor<C extends Channel> = {
  [K in C]: (input: ChannelParsedInput<K>) => Promise<ChannelOutput<K>> | ChannelOutput<K>
}

/** A handler for every channel the backend answers (the controller answers the rest). */
export type Handlers = HandlersFor<BackendChannel>

export interface DispatcherOptions<C extends Channel> {
  /** The channels this dispatcher answers; any other is refused as unknown. */
  channels: readonly C[]
  handlers: HandlersFor<C>
  /** The only origin allowed to call (app://stagecraft in the app; the test server in e2e). */
  trustedOrigin: string
  /** Receives unexpected errors (with their stacks) for the log; the renderer never does. */
  onUnexpectedError?: (channel: string, error: unknown) => void
}

export type Dispatch = (channel: string, payload: unknown, sender: SenderInfo) => Promise<Result<unknown>>

const controllerChannels = new Set<string>(CONTROLLER_CHANNELS)
/** The channels the backend answers: every channel but the controller's. */
export const BACKEND_CHANNELS = CHANNELS.filter((c): c is BackendChannel => !controllerChannels.has(c))

export function isTrustedSender(sender: SenderInfo | undefined, trustedOrigin: string): boolean {
  if (!sender || !sender.isMainFrame) return false
  try {
    const url = new URL(sender.url)
    return url.origin === trustedOrigin || `${url.protocol}//${url.host}` === trustedOrigin
  } catch {
    return false
  }
}

const PAYLOAD_MESSAGES: Record<PayloadProblem, string> = {
  'too-deep': 'The request is nested too deeply to be one Stagecraft understands.',
  'too-large': 'The request is too large to be one Stagecraft understands.',
  'malformed-text': 'The request holds text that is not valid Unicode (a lone surrogate), so it was refused.',
  'prototype-key': 'The request has a field named __proto__, which Stagecraft never uses, so it was refused.'
}

/**
 * The function `ipcMain.handle` calls, callable without Electron: check the sender,
 * parse the payload against the contract, run the handler, check the output, and
 * answer `{ok, value}` or `{ok: false, error: {code, message}}` with no stack trace.
 * Every channel goes through one of these: the backend's, and the controller's for
 * recovery and backups.
 */
export function createDispatcher<C extends Channel>(options: DispatcherOptions<C>): Dispatch {
  const { handlers, trustedOrigin } = options
  const channelSet = new Set<string>(options.channels)
  return async (channel, payload, sender) => {
    if (typeof channel !== 'string' || !channelSet.has(channel)) {
      return fail('UNKNOWN_CHANNEL', 'The app asked for something this version does not know how to do.')
    }
    if (!isTrustedSender(sender, trustedOrigin)) {
      return fail('FORBIDDEN', 'This request did not come from the Stagecraft window and was refused.')
    }
    const problem = payloadProblem(payload)
    if (problem) return fail('INVALID_INPUT', PAYLOAD_MESSAGES[problem])
    const spec = contract[channel as Channel]
    const parsed = (spec.input as z.ZodType).safeParse(payload)
    if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error.issues))
    try {
      const handler = handlers[channel as C] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      const checked = (spec.output as z.ZodType).safeParse(value)
      if (!checked.success) {
        options.onUnexpectedError?.(channel, checked.error)
        return fail('INTERNAL', 'Stagecraft produced an answer it could not check, so it was not used.')
      }
      return ok(checked.data)
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message)
      options.onUnexpectedError?.(channel, error)
      return fail('INTERNAL', 'Something went wrong while doing that. Your data was not changed.')
    }
  }
}
