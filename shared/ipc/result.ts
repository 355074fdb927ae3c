/** What crosses the IPC boundary: a value or a plain error, never a stack trace. */
export type ErrorCode =
  'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNKNOWN_CHANNEL' | 'DB_TOO_NEW' | 'DATA_UNAVAILABLE' | 'CANCELLED' | 'INTERNAL'

export interface AppErrorShape {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** An error meant for the user: its message is shown as it is. */
export class AppError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message }
})
