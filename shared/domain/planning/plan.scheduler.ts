/**
 * The week-by-week scheduler behind the plan. It knows nothing about tasks or hires: it
 * places nodes of three kinds on a timeline of weeks (week 1 is the engagement's first).
 *
 * - `block` nodes carry consultant effort. Every week the consultant has a fixed capacity;
 *   the scheduler goes through the ready block nodes in priority order and gives each
 *   min(capacity left, effort left). A node is ready when every node it depends on has
 *   finished — possibly earlier in the same week, so a dependent may start in the week its
 *   prerequisite ends — and its own `notBefore` week (if any) has come. Whenever a node
 *   finishes, the pass starts again from the top of the priority order, so a node that
 *   becomes ready in the middle of a week gets what capacity is left in its turn. A node with no effort starts and ends in the week it becomes
 *   ready.
 * - `weekly` nodes take a fixed number of days every week from their start to the last
 *   week of the plan (the interim lead). They start in the first week they are ready with
 *   their full weekly days still free (ahead of block nodes), and from then on take their
 *   days before any block node in each week. So no week ever exceeds the capacity.
 * - `timed` nodes carry no effort; once their dependencies have finished (and the nodes they
 *   wait for have been placed) a callback places them (hires).
 *
 * Effort is counted in hundredths of a day (integers), so sums never drift.
 *
 * Pure module: no Node, DOM or Electron imports.
 */

export interface ScheduleContext {
  /** The end week of a node that has been placed (finished or resolved). */
  endWeek: (id: string) => number | undefined
  /** The week the scheduler is in. */
  week: number
}

export type ScheduleNodeMode =
  | {
      kind: 'block'
      /** Hundredths of a consultant day. */
      effort: number
      /** The first week the node may start, asked once its dependencies have finished. */
      notBefore?: (ctx: ScheduleContext) => number
    }
  | { kind: 'weekly'; /** Hundredths of a day, every week. */ perWeek: number }
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
  /** Hundredths of a day given to the node in total. */
  allocated: number
}

export interface ScheduleResult {
  nodes: Map<string, ScheduledNode>
  /** The last week any block or timed node ends (at least 1). */
  lastWeek: number
  /** Hundredths of a day used in each week; index 0 is week 1, length = lastWeek. */
  load: number[]
}

/** Gives up rather than loop forever on an impossible schedule (twenty years). */
export const MAX_SCHEDULE_WEEKS = 1040

interface NodeState {
  node: ScheduleNode
  start?: number
  end?: number
  remaining: number
  allocated: number
  done: boolean
}

/**
 * Schedules `nodes`, given in priority order (a dependency-respecting order; earlier nodes
 * get capacity first), with `capacity` hundredths of a day per week.
 */
export function schedule(nodes: readonly ScheduleNode[], capacity: number): ScheduleResult {
  if (!Number.isSafeInteger(capacity) || capacity <= 0) throw new RangeError('capacity must be a positive whole number of hundredths')
  const states = new Map<string, NodeState>()
  for (const node of nodes) {
    if (states.has(node.id)) throw new RangeError(`duplicate schedule node ${node.id}`)
    const remaining = node.mode.kind === 'block' ? node.mode.effort : 0
    if (!Number.isSafeInteger(remaining) || remaining < 0) throw new RangeError(`effort of ${node.id} must be a whole number of hundredths ≥ 0`)
    states.set(node.id, { node, remaining, allocated: 0, done: false })
  }
  for (const node of nodes) {
    for (const dep of [...node.dependsOn, ...(node.mode.kind === 'timed' ? (node.mode.waitFor ?? []) : [])]) {
      if (!states.has(dep)) throw new RangeError(`${node.id} depends on unknown node ${dep}`)
    }
  }
  const weeklyTotal = nodes.reduce((s, n) => s + (n.mode.kind === 'weekly' ? n.mode.perWeek : 0), 0)
  const hasBlockWork = nodes.some((n) => n.mode.kind === 'block' && n.mode.effort > 0)
  if (weeklyTotal > capacity || (hasBlockWork && weeklyTotal >= capacity)) {
    throw new RangeError('the weekly commitments leave no consultant capacity for the other work')
  }

  const ordered = nodes.map((n) => states.get(n.id)!)
  const weekly = ordered.filter((s) => s.node.mode.kind === 'weekly')
  const load: number[] = []
  const ctxFor = (week: number): ScheduleContext => ({
    week,
    endWeek: (id) => {
      const s = states.get(id)
      return s?.done ? s.end : undefined
    }
  })
  const finishedBy = (id: string, week: number): boolean => {
    const s = states.get(id)!
    return s.done && s.end! <= week
  }
  const depsDone = (s: NodeState, week: number): boolean => s.node.dependsOn.every((d) => finishedBy(d, week))
  const unfinished = (): boolean => ordered.some((s) => !s.done && (s.node.mode.kind !== 'weekly' || s.start === undefined))

  let week = 0
  while (unfinished()) {
    week += 1
    if (week > MAX_SCHEDULE_WEEKS) throw new RangeError('the plan cannot be scheduled (dependencies never finish)')
    const ctx = ctxFor(week)
    let left = capacity
    let used = 0
    const take = (s: NodeState, amount: number): void => {
      s.allocated += amount
      left -= amount
      used += amount
    }
    // Weekly nodes already running take their days first.
    for (const s of weekly) {
      if (s.start !== undefined && s.node.mode.kind === 'weekly') take(s, s.node.mode.perWeek)
    }
    let moved = true
    while (moved) {
      moved = false
      // A weekly node joins as soon as it is ready and its days are free, ahead of block work.
      for (const s of weekly) {
        if (s.node.mode.kind === 'weekly' && s.start === undefined && depsDone(s, week) && left >= s.node.mode.perWeek) {
          s.start = week
          take(s, s.node.mode.perWeek)
        }
      }
      for (const s of ordered) {
        const mode = s.node.mode
        if (mode.kind === 'weekly' || s.done) continue
        if (mode.kind === 'timed') {
          const waited = (mode.waitFor ?? []).every((id) => states.get(id)!.done)
          if (waited && depsDone(s, week)) {
            const placed = mode.place(ctx)
            if (!Number.isSafeInteger(placed.startWeek) || placed.startWeek < 1 || placed.endWeek < placed.startWeek) {
              throw new RangeError(`${s.node.id} was placed at impossible weeks`)
            }
            s.start = placed.startWeek
            s.end = placed.endWeek
            s.done = true
            moved = true
            break
          }
          continue
        }
        if (!depsDone(s, week)) continue
        if (mode.notBefore && mode.notBefore(ctx) > week) continue
        if (s.remaining === 0) {
          s.start ??= week
          s.end = week
          s.done = true
          moved = true
          break
        }
        if (left <= 0) continue
        const amount = Math.min(left, s.remaining)
        s.start ??= week
        s.remaining -= amount
        take(s, amount)
        moved = true
        if (s.remaining === 0) {
          s.end = week
          s.done = true
          break
        }
      }
    }
    load.push(used)
  }

  // The plan's last week: where the last block or timed node ends.
  let lastWeek = 1
  for (const s of ordered) if (s.node.mode.kind !== 'weekly' && s.end !== undefined) lastWeek = Math.max(lastWeek, s.end)
  lastWeek = Math.max(lastWeek, week, ...weekly.map((s) => s.start ?? 1))
  // Weekly nodes run on to the last week, with the whole capacity free after the loop.
  for (let w = week + 1; w <= lastWeek; w++) {
    let used = 0
    for (const s of weekly) {
      if (s.node.mode.kind !== 'weekly') continue
      if (s.start === undefined && depsDone(s, w)) s.start = w
      if (s.start !== undefined) {
        s.allocated += s.node.mode.perWeek
        used += s.node.mode.perWeek
      }
    }
    load.push(used)
  }
  for (const s of weekly) {
    if (s.start !== undefined) {
      s.end = lastWeek
      s.done = true
    }
  }
  for (let i = 0; i < lastWeek; i++) load[i] ??= 0

  const result = new Map<string, ScheduledNode>()
  for (const s of ordered) {
    if (s.start === undefined || s.end === undefined) throw new RangeError(`${s.node.id} could not be scheduled`)
    result.set(s.node.id, { id: s.node.id, startWeek: s.start, endWeek: s.end, allocated: s.allocated })
  }
  return { nodes: result, lastWeek, load }
}
