import type { z } from 'zod'
import { CHANNELS, CONTROLLER_CHANNELS, type BackendChannel, type Channel } from '../shared/ipc/channels'
import { contract, type ChannelOutput, type ChannelParsedInput } from '../shared/ipc/contract'
import { AppError, fail, ok, type Result } from '../shared/ipc/result'
import { describeIssues } from '../shared/ipc/describe-issues'

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

/** No contract payload nests deeper than a handful of levels. */
export const MAX_PAYLOAD_DEPTH = 64
/** Values (strings, numbers, array items, object entries) in one payload, at most. */
export const MAX_PAYLOAD_NODES = 1_000_000

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export type PayloadProblem = 'too-deep' | 'too-large' | 'malformed-text' | 'prototype-key'

/**
 * A cheap walk before any schema runs, without recursion: refuses absurd nesting and
 * size, and text that is not well-formed Unicode (a lone surrogate would be stored as
 * U+FFFD, so what was sent would not be what was kept). Keys are checked as well as values,
 * and an own `__proto__` key is refused outright: zod's records skip it silently, so it
 * would otherwise be accepted and dropped instead of refused.
 */
export function payloadProblem(payload: unknown): PayloadProblem | null {
  const stack: [unknown, number][] = [[payload, 0]]
  // Counted as they are found, before they are collected: a flat array of millions of
  // elements is refused at its length, not after millions of entries pile up on the stack.
  let nodes = 1
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'malformed-text'
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_PAYLOAD_DEPTH) return 'too-deep'
      if (Array.isArray(value)) {
        nodes += value.length
        if (nodes > MAX_PAYLOAD_NODES) return 'too-large'
        for (const item of value) stack.push([item, depth + 1])
      } else {
        const keys = Object.keys(value)
        nodes += keys.length
        if (nodes > MAX_PAYLOAD_NODES) return 'too-large'
        for (const key of keys) {
          if (key === '__proto__') return 'prototype-key'
          if (LONE_SURROGATE.test(key)) return 'malformed-text'
          stack.push([(value as Record<string, unknown>)[key], depth + 1])
        }
      }
    }
  }
  return null
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
