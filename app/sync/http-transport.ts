import { PullResponseSchema, PushResponseSchema, SignInResponseSchema, type SyncOperation } from '../../shared/domain/sync/protocol'
import type { SyncTransport } from './engine'

/** Why a sync could not run, in words the status line can show. */
export class SyncError extends Error {
  constructor(
    readonly kind: 'offline' | 'signed-out' | 'server',
    message: string,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

export interface HttpOptions {
  serverUrl: string
  token: string
  fetch?: typeof fetch
  timeoutMs?: number
}

async function call(url: string, init: RequestInit, fetchFn: typeof fetch, timeoutMs: number): Promise<unknown> {
  let response: Response | undefined
  let failure: unknown
  // One retry after a network failure: a kept-alive connection the server has just closed
  // fails the first attempt. Both calls are safe to repeat (pushes carry operation ids).
  for (let attempt = 0; attempt < 2 && !response; attempt++) {
    try {
      response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      failure = error
    }
  }
  if (!response) {
    throw new SyncError('offline', 'The team server cannot be reached. Your changes are kept and will be sent when it can.', { cause: failure })
  }
  const body = (await response.json().catch(() => null)) as { message?: string } | null
  if (response.status === 401) throw new SyncError('signed-out', body?.message ?? 'This device is no longer signed in.')
  if (!response.ok) throw new SyncError('server', body?.message ?? `The team server answered ${response.status}.`)
  return body
}

export function httpTransport(options: HttpOptions): SyncTransport {
  const base = options.serverUrl.replace(/\/+$/, '')
  const fetchFn = options.fetch ?? fetch
  const timeout = options.timeoutMs ?? 30_000
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' }
  return {
    async push(ops: SyncOperation[]) {
      const body = await call(`${base}/v1/push`, { method: 'POST', headers, body: JSON.stringify({ ops }) }, fetchFn, timeout)
      return PushResponseSchema.parse(body).results
    },
    async pull(after: number, limit: number) {
      const body = await call(
        `${base}/v1/changes?after=${after}&limit=${limit}`,
        { method: 'GET', headers: { authorization: headers.authorization } },
        fetchFn,
        timeout
      )
      return PullResponseSchema.parse(body)
    }
  }
}

export async function signInToTeam(serverUrl: string, input: { email: string; code: string; device: string }, fetchFn: typeof fetch = fetch) {
  const body = await call(
    `${serverUrl.replace(/\/+$/, '')}/v1/sign-in`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) },
    fetchFn,
    30_000
  )
  return SignInResponseSchema.parse(body)
}

/** Revokes this device's token on the server; an unreachable server is not an error (the token is forgotten here anyway). */
export async function signOutOfTeam(serverUrl: string, token: string, fetchFn: typeof fetch = fetch): Promise<void> {
  await call(`${serverUrl.replace(/\/+$/, '')}/v1/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }, fetchFn, 10_000).catch(
    () => undefined
  )
}
