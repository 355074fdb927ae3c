/**
 * Hybrid logical clock stamps. A stamp is `wall-counter-node`: milliseconds since the
 * epoch (13 digits), a counter (5 digits) that orders events inside one millisecond,
 * and the id of the device that made it. Stamps compare as plain strings, so the
 * server and every laptop order any two edits the same way, and a stamp is always later
 * than every stamp its device had seen when it was made.
 */
export type Stamp = string

const WALL_DIGITS = 13
const COUNTER_DIGITS = 5
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1
const STAMP_PATTERN = /^(\d{13})-(\d{5})-([0-9a-z-]{1,64})$/

export interface ClockState {
  wall: number
  counter: number
}

export function formatStamp(wall: number, counter: number, node: string): Stamp {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${node}`
}

export function parseStamp(stamp: Stamp): { wall: number; counter: number; node: string } {
  const m = STAMP_PATTERN.exec(stamp)
  if (!m) throw new Error(`not a clock stamp: ${stamp}`)
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3]! }
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && STAMP_PATTERN.test(value)
}

/** Later of two stamps (either may be missing). */
export function laterStamp(a: Stamp | null | undefined, b: Stamp | null | undefined): Stamp | null {
  if (!a) return b ?? null
  if (!b) return a
  return a > b ? a : b
}

/**
 * A local event at physical time `wall`: the new stamp is after the last one this
 * clock made or received, whatever the wall clock says (it may have gone backwards).
 */
export function tick(state: ClockState, wall: number): ClockState {
  if (wall > state.wall) return { wall, counter: 0 }
  return bump(state)
}

/** A remote stamp arrives: the clock moves past it, so later local stamps sort after it. */
export function receive(state: ClockState, remote: Stamp, wall: number): ClockState {
  const r = parseStamp(remote)
  const top = Math.max(state.wall, r.wall, wall)
  if (top === state.wall && top === r.wall) return bump({ wall: top, counter: Math.max(state.counter, r.counter) })
  if (top === state.wall) return bump(state)
  if (top === r.wall) return bump({ wall: top, counter: r.counter })
  return { wall: top, counter: 0 }
}

function bump(state: ClockState): ClockState {
  // A counter that overflows borrows the next millisecond, which keeps stamps ordered.
  return state.counter >= MAX_COUNTER ? { wall: state.wall + 1, counter: 0 } : { wall: state.wall, counter: state.counter + 1 }
}
