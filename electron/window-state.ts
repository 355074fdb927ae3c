import { readFileSync, writeFileSync, renameSync } from 'node:fs'
import { z } from 'zod'

const WindowStateSchema = z.strictObject({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20_000),
  height: z.number().int().min(480).max(20_000),
  maximized: z.boolean().default(false)
})
export type WindowState = z.infer<typeof WindowStateSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export function loadWindowState(path: string): WindowState {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export function saveWindowState(path: string, state: WindowState): void {
  const temp = `${path}.tmp`
  writeFileSync(temp, JSON.stringify(state))
  renameSync(temp, path)
}

/**
 * Keeps a remembered position only when the window would still be visible on one of
 * today's displays (a monitor may have been unplugged since).
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state
  const { x, y } = state
  const visible = workAreas.some((a) => x + 100 <= a.x + a.width && x + state.width - 100 >= a.x && y >= a.y && y + 40 <= a.y + a.height)
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized }
}
