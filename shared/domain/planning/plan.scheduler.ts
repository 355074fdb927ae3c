/**
 * The week-by-week scheduler behind the plan. It knows nothing about tasks or hires: it
 * places nodes of three kinds on a timeline of weeks (week 1 is the engagement's first).
 *
 * - `block` nodes are the consultant's block work. Each week the consultant has a fixed
 *   capacity; the scheduler goes through the ready block nodes in priority order and gives
 *   each min(capacity left, effort left), so the work runs one item after another. A node is
 *   ready when every node it depends on has finished (possibly earlier in the same week, so
 *   a dependent may start in the week its prerequisite ends) and its `notBefore` week has
 *   come. Whenever a node finishes, the pass starts again from the top, so a node that
 *   becomes ready in the middle of a week gets the capacity left in its turn. A node with
 *   no effort starts and ends in the week it becomes ready.
 * - `owned` nodes are work a hire owns: each worker has their own days a week, given to
 *   their ready nodes in priority order, the same way.
 * - `timed` nodes carry no effort: once their dependencies have finished and the nodes they
 *   wait for are placed, a callback places them (hires). Their weeks may lie before the
 *   week they are placed in (recruiting that opened earlier).
 *
 * Effort is counted in hundredths of a day (integers), so sums never drift.
 *
 * Pure module: no Node, DOM or Electron imports.
 */

export interface ScheduleContext {
  /** The week the scheduler is in. */
  week: number
  /** The end week of a node that has finished (block, owned) or been placed (timed). */
  endWeek: (id: string) => number | undefined
  /** The start week of a node that has started or been placed. */
  startWeek: (id: string) => number | undefined
}

/** The first week a node may start, or undefined while that is not known yet. */
export type NotBefore = (ctx: ScheduleContext) => number | undefined

export type ScheduleNodeMode =
  | { kind: 'block'; /** Hundredths of a consultant day. */ effort: number; notBefore?: NotBefore }
  | { kind: 'owned'; worker: string; /** Hundredths of the worker's days. */ effort: number; notBefore?: NotBefore }
  | {
      kind: 'timed'
      /** Nodes that must be placed first (without constraining this node's weeks). */
      waitFor?: readonly string[]
      place: (ctx: ScheduleContext) => { startWeek: number; endWeek: number }
    }

export interface ScheduleNode {
  id: string
  dependsOn: readonly string[]
  mode: ScheduleNodeMode
}

export interface ScheduledNode {
  id: string
  startWeek: number
  endWeek: number
  /** Hundredths of a day given to the node, by week (week → amount), in week order. */
  allocations: [week: number, amount: number][]
}

export interface ScheduleResult {
  nodes: Map<string, ScheduledNode>
  /** The last week any node ends (at least 1). */
  lastWeek: number
}

export interface ScheduleCapacity {
  /** The consultant's block capacity each week, in hundredths of a day. */
  consultant: number
  /** Each worker's days a week on owned nodes, in hundredths. */
  worker: (worker: string) => number
}

/** Gives up rather than loop forever on an impossible schedule (twenty years). */
export const MAX_SCHEDULE_WEEKS = 1040

interface NodeState {
  node: ScheduleNode
  start?: number
  end?: number
  remaining: number
  allocations: [number, number][]
  done: boolean
}

/**
 * Schedules `nodes`, given in priority order (a dependency-respecting order; earlier nodes
 * get capacity first).
 */
export function schedule(nodes: readonly ScheduleNode[], capacity: ScheduleCapacity): ScheduleResult {
  if (!Number.isSafeInteger(capacity.consultant) || capacity.consultant <= 0) {
    throw new RangeError('capacity must be a positive whole number of hundredths')
  }
  const states = new Map<string, NodeState>()
  for (const node of nodes) {
    if (states.has(node.id)) throw new RangeError(`duplicate schedule node ${node.id}`)
    const remaining = node.mode.kind === 'timed' ? 0 : node.mode.effort
    if (!Number.isSafeInteger(remaining) || remaining < 0) throw new RangeError(`effort of ${node.id} must be a whole number of hundredths ≥ 0`)
    if (node.mode.kind === 'owned') {
      const perWeek = capacity.worker(node.mode.worker)
      if (!Number.isSafeInteger(perWeek) || perWeek <= 0) throw new RangeError(`worker ${node.mode.worker} needs a positive weekly capacity`)
    }
    states.set(node.id, { node, remaining, allocations: [], done: false })
  }
  for (const node of nodes) {
    for (const dep of [...node.dependsOn, ...(node.mode.kind === 'timed' ? (node.mode.waitFor ?? []) : [])]) {
      if (!states.has(dep)) throw new RangeError(`${node.id} depends on unknown node ${dep}`)
    }
  }

  const ordered = nodes.map((n) => states.get(n.id)!)
  const finishedBy = (id: string, week: number): boolean => {
    const s = states.get(id)!
    return s.done && s.end! <= week
  }
  const depsDone = (s: NodeState, week: number): boolean => s.node.dependsOn.every((d) => finishedBy(d, week))
  let left: number
  const workerLeft = new Map<string, number>()
  let openNodes = ordered.length

  let week = 0
  while (openNodes > 0) {
    week += 1
    if (week > MAX_SCHEDULE_WEEKS) {
      const stuck = ordered.filter((s) => !s.done).map((s) => s.node.id)
      throw new RangeError(`the plan cannot be scheduled (${stuck.join(', ')} never start)`)
    }
    const ctx: ScheduleContext = {
      week,
      endWeek: (id) => {
        const s = states.get(id)
        return s?.done ? s.end : undefined
      },
      startWeek: (id) => states.get(id)?.start
    }
    left = capacity.consultant
    workerLeft.clear()
    const give = (s: NodeState, amount: number): void => {
      s.start ??= week
      s.remaining -= amount
      const last = s.allocations[s.allocations.length - 1]
      if (last && last[0] === week) last[1] += amount
      else s.allocations.push([week, amount])
    }
    const finish = (s: NodeState): void => {
      s.start ??= week
      s.end = week
      s.done = true
      openNodes -= 1
    }
    let moved = true
    while (moved) {
      moved = false
      for (const s of ordered) {
        if (s.done) continue
        const mode = s.node.mode
        if (!depsDone(s, week)) continue
        if (mode.kind === 'timed') {
          if (!(mode.waitFor ?? []).every((id) => states.get(id)!.done)) continue
          const placed = mode.place(ctx)
          if (!Number.isSafeInteger(placed.startWeek) || placed.startWeek < 1 || placed.endWeek < placed.startWeek) {
            throw new RangeError(`${s.node.id} was placed at impossible weeks`)
          }
          s.start = placed.startWeek
          s.end = placed.endWeek
          s.done = true
          openNodes -= 1
          moved = true
          break
        }
        const notBefore = mode.notBefore?.(ctx)
        if (mode.notBefore && (notBefore === undefined || notBefore > week)) continue
        if (s.remaining === 0) {
          finish(s)
          moved = true
          break
        }
        let available: number
        if (mode.kind === 'block') {
          available = left
        } else {
          if (!workerLeft.has(mode.worker)) workerLeft.set(mode.worker, capacity.worker(mode.worker))
          available = workerLeft.get(mode.worker)!
        }
        if (available <= 0) continue
        const amount = Math.min(available, s.remaining)
        give(s, amount)
        if (mode.kind === 'block') left -= amount
        else workerLeft.set(mode.worker, available - amount)
        moved = true
        if (s.remaining === 0) {
          finish(s)
          break
        }
      }
    }
  }

  let lastWeek = 1
  const result = new Map<string, ScheduledNode>()
  for (const s of ordered) {
    if (s.start === undefined || s.end === undefined) throw new RangeError(`${s.node.id} could not be scheduled`)
    lastWeek = Math.max(lastWeek, s.end)
    result.set(s.node.id, { id: s.node.id, startWeek: s.start, endWeek: s.end, allocations: s.allocations })
  }
  return { nodes: result, lastWeek }
}
