import { CHANNELS, type Channel } from './channels'
import type { ChannelInput, ChannelOutput } from './contract'
import type { Result } from './result'

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type ActionOf<C extends string> = C extends `${string}:${infer A}` ? A : never

/** `clients:delete-preview` becomes `api.clients.deletePreview(input)`. */
export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${string}` ? Camel<ActionOf<C>> : never]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  }
}

export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

/**
 * Builds the typed client from the channel list. The preload exposes it through the
 * context bridge and the end-to-end bridge builds the same object in a plain browser.
 */
export function createApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNELS) {
    const [domain, action] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][camel(action)] = (input: unknown) => invoke(channel, input ?? {})
  }
  return api as unknown as Api
}

/** The global name the API lives under in the renderer. */
export const API_GLOBAL = 'stagecraft'
