/**
 * Stage 2, apply the consultant's edits to the drafts: items removed, items added, and
 * overrides of a generated item's title, effort, days a week, owner, phase, optionality and
 * earliest week. Edits are kept apart from what the generator makes, so they survive
 * regeneration; an edit to an item the plan no longer holds is ignored.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { ROLE_BY_ID, TASK_IDS, type PhaseId } from '../../catalogue'
import { MILESTONE_IDS, type PlanOwner } from '../plan.model'
import { PLAN_ACTIVITY_IDS, type PlanLibraryLookup } from '../plan-library'
import { platformProductivity } from '../route'
import { KICKOFF_ID, PRIORITY, pairingShare, positiveHalfDays, roundHalfDay, type Draft } from './draft'

/** An item the consultant adds to the plan. */
export interface CustomItemInput {
  /** lower_snake_case, unique in the plan. */
  id: string
  /** Defaults to the library's title for this id. */
  title?: string
  /** Defaults to the library's phase for this id, else Foundations. */
  phase?: PhaseId
  /** The consultant's days; defaults to the library's effort for this id. */
  effortDays?: number
  owner?: PlanOwner
  /** Ids of plan items that must finish first. */
  dependsOn?: readonly string[]
  optional?: boolean
}

/** The consultant's edits to a generated item, applied on regeneration. */
export interface ItemOverride {
  title?: string
  /** The consultant's days (block items, pairing on a hire's task, hiring support). */
  effortDays?: number
  /** Days a week (weekly items such as interim_lead). */
  daysPerWeek?: number
  /** True leaves the item out of the committed total. */
  optional?: boolean
  /** Who does the work: the consultant, or a role in the hiring sequence. */
  owner?: PlanOwner
  /** Move the item to another phase (groups it and prices it with that phase). */
  phase?: PhaseId
  /** The earliest week the item may start (set by dragging it later on the timeline). */
  notBeforeWeek?: number
}

export interface PlanEditsInput {
  customItems?: readonly CustomItemInput[]
  /** By item id; ids not in the plan are ignored (the item may no longer be triggered). */
  overrides?: Readonly<Record<string, ItemOverride>>
  /** Items the consultant removed (tasks, activities and custom items; not hires or the kick-off). */
  removed?: readonly string[]
}

export const MAX_DAYS_PER_WEEK = 7
const CUSTOM_ID = /^[a-z][a-z0-9_]{1,63}$/
const CUSTOM_RANK = 100

function checkDays(value: number | undefined, name: string): void {
  if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 1000)) {
    throw new RangeError(`${name} must be a number of days from 0 to 1000`)
  }
}

function checkOwner(owner: PlanOwner, name: string): void {
  if (owner !== 'consultant' && !Object.prototype.hasOwnProperty.call(ROLE_BY_ID, owner)) throw new RangeError(`${name}: unknown owner ${owner}`)
}

/**
 * Applies the edits. `lenient` (the other route) drops a custom item's dependency on an item
 * that route does not hold instead of refusing it.
 */
export function applyEdits(drafts: readonly Draft[], edits: PlanEditsInput, ctx: { library: PlanLibraryLookup; lenient?: boolean }): Draft[] {
  const out = drafts.map((d) => ({ ...d, deps: [...d.deps] }))
  const lib = ctx.library

  // Custom items (validated before anything refers to them).
  const reserved = new Set<string>([...out.map((d) => d.id), ...TASK_IDS, ...PLAN_ACTIVITY_IDS, ...MILESTONE_IDS])
  const customs: Draft[] = []
  ;(edits.customItems ?? []).forEach((c, index) => {
    if (!CUSTOM_ID.test(c.id)) throw new RangeError(`custom item ${JSON.stringify(c.id)}: id must be lower_snake_case`)
    if (reserved.has(c.id) || c.id.startsWith('hire_')) throw new RangeError(`custom item ${c.id}: the id is already used in the plan`)
    reserved.add(c.id)
    const template = lib.task(c.id)
    const title = c.title?.trim() || template?.title
    if (!title) throw new RangeError(`custom item ${c.id}: needs a title (none in the library either)`)
    checkDays(c.effortDays, `custom item ${c.id}: effortDays`)
    const effort =
      c.effortDays !== undefined
        ? roundHalfDay(c.effortDays)
        : template && template.effort.unit === 'days'
          ? positiveHalfDays(template.effort.default)
          : undefined
    if (effort === undefined) throw new RangeError(`custom item ${c.id}: needs effortDays (none in the library either)`)
    const phase = c.phase ?? template?.phase ?? 'foundations'
    const owner = c.owner ?? 'consultant'
    checkOwner(owner, `custom item ${c.id}`)
    customs.push({
      id: c.id,
      kind: 'custom',
      phase,
      title,
      owner,
      work: 'block',
      effort,
      fullEffort: effort,
      deps: [...(phase === 'discovery' ? [KICKOFF_ID] : []), ...(c.dependsOn ?? [])],
      pending: null,
      leftOut: c.optional === true,
      urgent: false,
      priority: phase === 'discovery' ? PRIORITY.discovery : PRIORITY.rest,
      rank: CUSTOM_RANK + index
    })
  })
  out.push(...customs)

  // A custom item may only wait for items the plan holds (the consultant may have removed them since).
  const known = new Set(out.map((d) => d.id))
  for (const d of customs) {
    for (const dep of d.deps) {
      if (!known.has(dep) && !ctx.lenient) throw new RangeError(`custom item ${d.id}: depends on ${dep}, which is not in the plan`)
    }
    if (d.deps.includes(d.id)) throw new RangeError(`custom item ${d.id}: depends on itself`)
  }

  // Removed items leave the plan; whatever waited for them no longer does.
  const removed = new Set(edits.removed ?? [])
  const kept = out.filter((d) => !(removed.has(d.id) && d.kind !== 'hire' && d.id !== KICKOFF_ID))
  const ids = new Set(kept.map((d) => d.id))
  for (const d of kept) d.deps = d.deps.filter((dep) => ids.has(dep))

  // Overrides.
  const overrides = edits.overrides ?? {}
  for (const d of kept) {
    const o = Object.prototype.hasOwnProperty.call(overrides, d.id) ? overrides[d.id] : undefined
    if (!o) continue
    if (o.title !== undefined && o.title.trim() !== '') d.title = o.title.trim()
    if (o.effortDays !== undefined && d.work !== 'weekly') {
      checkDays(o.effortDays, `overrides.${d.id}.effortDays`)
      d.effort = roundHalfDay(o.effortDays)
      if (d.work === 'block') d.fullEffort = d.effort
    }
    if (d.work === 'weekly' && o.daysPerWeek !== undefined) {
      if (!Number.isFinite(o.daysPerWeek) || o.daysPerWeek <= 0 || o.daysPerWeek > MAX_DAYS_PER_WEEK) {
        throw new RangeError(`overrides.${d.id}.daysPerWeek must be more than 0 and at most ${MAX_DAYS_PER_WEEK}`)
      }
      d.effort = positiveHalfDays(o.daysPerWeek)
    }
    if (o.optional === true) d.leftOut = true
    if (o.phase !== undefined && d.kind !== 'hire') d.phase = o.phase
    if (o.owner !== undefined && o.owner !== d.owner && (d.work === 'block' || d.work === 'owned') && d.kind !== 'custom') {
      checkOwner(o.owner, `overrides.${d.id}.owner`)
      const full = d.fullEffort || d.effort
      if (o.owner === 'consultant') {
        d.work = 'block'
        d.effort = o.effortDays !== undefined ? roundHalfDay(o.effortDays) : full
      } else if (d.kind === 'task' && platformProductivity(o.owner) > 0) {
        // A hire does the work at their pace; the consultant pairs for a share of it.
        d.work = 'owned'
        if (o.effortDays === undefined) d.effort = pairingShare(full)
      }
      d.owner = o.owner
      d.fullEffort = full
    } else if (o.owner !== undefined && d.kind === 'custom') {
      checkOwner(o.owner, `overrides.${d.id}.owner`)
      d.owner = o.owner
    }
    if (o.notBeforeWeek !== undefined) {
      if (!Number.isInteger(o.notBeforeWeek) || o.notBeforeWeek < 1 || o.notBeforeWeek > 520) {
        throw new RangeError(`overrides.${d.id}.notBeforeWeek must be a week from 1 to 520`)
      }
      d.notBeforeWeek = o.notBeforeWeek
    }
  }
  return kept
}
