import type { Deps } from '../../db/deps'

/** Deterministic ids and a clock that ticks one second per reading. */
export function fixedDeps(start = '2026-03-02T09:00:00.000Z'): Deps & { tick: (ms: number) => void } {
  let id = 0
  let t = Date.parse(start)
  return {
    newId: () => {
      id += 1
      return `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`
    },
    now: () => {
      const d = new Date(t)
      t += 1000
      return d
    },
    tick: (ms: number) => {
      t += ms
    }
  }
}
