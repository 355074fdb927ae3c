import { API_GLOBAL, type Api } from '../shared/ipc/api'
import type { AppErrorShape, ErrorCode, Result } from '../shared/ipc/result'

declare global {
  interface Window {
    [API_GLOBAL]?: Api
  }
}

/** The only module that touches the bridge the preload exposes. */
export function getApi(): Api {
  const api = window[API_GLOBAL]
  if (!api) throw new Error('Stagecraft could not reach its data service. Please restart the app.')
  return api
}

export class ApiError extends Error {
  readonly code: ErrorCode
  constructor(error: AppErrorShape) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
  }
}

/** Unwraps an IPC result: the value, or an ApiError carrying the main process's plain message. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

export const api = new Proxy({} as Api, {
  get: (_target, domain: string) => getApi()[domain as keyof Api]
})
