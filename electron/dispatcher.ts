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

/** A handler for every channel the backend answers (the controller answers the rest). */
export type Handlers = {
  [C in BackendChannel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>
}

export interface DispatcherOptions {
  handlers: Handlers
  /** The only origin allowed to call (app://stagecraft in the app; the test server in e2e). */
  trustedOrigin: string
  /** Receives unexpected errors (with their stacks) for the log; the renderer never does. */
  onUnexpectedError?: (channel: string, error: unknown) => void
}

export type Dispatch = (channel: string, payload: unknown, sender: SenderInfo) => Promise<Result<unknown>>

const controllerChannels = new Set<string>(CONTROLLER_CHANNELS)
const channelSet = new Set<string>(CHANNELS.filter((c) => !controllerChannels.has(c)))

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
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, trustedOrigin } = options
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
      const handler = handlers[channel as BackendChannel] as (input: unknown) => unknown
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
      return fail('INTERNAL', 'Something went wrong while doing that. Nothing was changed.')
    }
  }
}
