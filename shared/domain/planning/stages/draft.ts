/**
 * Stage 1, draft items: what the plan holds on a route, before the consultant's edits and
 * before any week is known. Each draft says who does the work, how much, what it waits for,
 * whether it is pending, and where it ranks (DOMAIN.md, Plan: "Order inside Foundations").
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { AUDIT_TASK_ID, ROLE_BY_ID, TASK_BY_ID, TASK_IDS, type FlagId, type PhaseId, type RoleId, type TaskId } from '../../catalogue'
import type { PendingReason, PlanItemKind, PlanOwner } from '../plan.model'
import type { PlanLibraryLookup } from '../plan-library'
import { PAIRING_SHARE, PLATFORM_CORE_TASK_IDS, PLATFORM_OWNER_ROLES, pendingHire, recruitsAfterAudit, taskOwner, type Route } from '../route'

/**
 * - `block`: the consultant's own work, within their weekly capacity, one item after another.
 * - `owned`: a hire builds it at their pace; the consultant pairs for a share (on top of capacity).
 * - `weekly`: a number of days every week of its span (the interim lead), on top of capacity.
 * - `hire`: recruiting one role; the consultant's hiring support is spread over the recruiting weeks.
 */
export type DraftWork = 'block' | 'owned' | 'weekly' | 'hire'

/** Priority classes for the consultant's block work, in order. */
export const PRIORITY = {
  discovery: 0,
  dedicatedTeam: 1,
  urgent: 2,
  gpuFirst: 3,
  rest: 4
} as const

export interface Draft {
  id: string
  kind: Exclude<PlanItemKind, 'milestone'>
  phase: PhaseId
  title: string
  owner: PlanOwner
  work: DraftWork
  /** block: the consultant's days; owned: their pairing days; weekly: days a week; hire: hiring-support days. */
  effort: number
  /** owned: the owner's days of work; block: the same as effort; weekly and hire: 0. */
  fullEffort: number
  deps: string[]
  pending: PendingReason | null
  /** Left out of the committed total by the consultant. */
  leftOut: boolean
  urgent: boolean
  /** See PRIORITY. */
  priority: number
  /** Ties within a class: catalogue row, then the plan's own items, then custom items. */
  rank: number
  /** The consultant moved it later on the timeline. */
  notBeforeWeek?: number
  /** Hires: the role, its place in the sequence, and whether recruiting waits for the audit. */
  hire?: { role: RoleId; position: number; afterAudit: boolean }
}

export interface DraftInput {
  route: Route
  /** Triggered catalogue tasks, in dependency order. */
  tasks: readonly TaskId[]
  flags: readonly FlagId[]
  /** What waits for the audit or the feasibility answer (worked out on the recommended route). */
  pendingTasks: ReadonlyMap<TaskId, PendingReason>
  library: PlanLibraryLookup
}

export const hireItemId = (role: RoleId): string => `hire_${role}`
export const KICKOFF_ID = 'kickoff'
export const HANDOVER_ID = 'handover'
export const DEDICATED_TEAM_ID = 'dedicated_ai_team'
export const HIRING_SUPPORT_ID = 'hiring_support'

/** Rounds days to the nearest half day. */
export const roundHalfDay = (days: number): number => Math.round(days * 2) / 2
export const positiveHalfDays = (days: number): number => Math.max(0.5, roundHalfDay(days))
/** The consultant's pairing share of a task a hire owns: a third, to the nearest half day (at least half a day). */
export const pairingShare = (fullEffortDays: number): number => positiveHalfDays(fullEffortDays * PAIRING_SHARE)

/** Ranks of the plan's own items among the catalogue's rows. */
const RANK = {
  kickoff: -1,
  dedicatedTeam: -1,
  handover: TASK_IDS.indexOf('distillation') - 0.5,
  hire: -1
}
const catalogueRank = (id: TaskId): number => TASK_IDS.indexOf(id)

/** The tasks pulled to the front by gpu_ci_gap: cicd_gpu and its prerequisites in the plan. */
function gpuFirstTasks(flags: readonly FlagId[], tasks: readonly TaskId[]): Set<TaskId> {
  const pulled = new Set<TaskId>()
  if (!flags.includes('gpu_ci_gap') || !tasks.includes('cicd_gpu')) return pulled
  const pull = (id: TaskId): void => {
    if (pulled.has(id) || !tasks.includes(id)) return
    pulled.add(id)
    for (const p of TASK_BY_ID[id].after) pull(p)
  }
  pull('cicd_gpu')
  return pulled
}

/** Who the handover goes to on a route: the hire who owns the platform (never an ML engineer or scientist). */
export function handoverRecipient(route: Route): RoleId | null {
  if (route.platformOwner && PLATFORM_OWNER_ROLES.includes(route.platformOwner)) return route.platformOwner
  return route.sequence.find((r) => PLATFORM_OWNER_ROLES.includes(r)) ?? null
}

export function draftItems(input: DraftInput): Draft[] {
  const { route, tasks, flags, pendingTasks: pending, library: lib } = input
  const drafts: Draft[] = []
  const blockEffort = (id: string, fallback: number): number => {
    const t = lib.task(id)
    return t && t.effort.unit === 'days' ? positiveHalfDays(t.effort.default) : fallback
  }
  const titleOf = (id: string, fallback: string): string => lib.task(id)?.title ?? fallback
  const base = {
    pending: null,
    leftOut: false,
    urgent: false
  } satisfies Partial<Draft>

  // Discovery: the kick-off, then the audit when it is raised.
  drafts.push({
    ...base,
    id: KICKOFF_ID,
    kind: 'activity',
    phase: 'discovery',
    title: titleOf(KICKOFF_ID, 'Kick-off and assessment read-out'),
    owner: 'consultant',
    work: 'block',
    effort: blockEffort(KICKOFF_ID, 1),
    fullEffort: 0,
    deps: [],
    priority: PRIORITY.discovery,
    rank: RANK.kickoff
  })
  const audit = tasks.includes(AUDIT_TASK_ID)
  const discovery = audit ? [KICKOFF_ID, AUDIT_TASK_ID] : [KICKOFF_ID]
  if (audit) {
    const t = TASK_BY_ID.objectives_audit
    drafts.push({
      ...base,
      id: t.id,
      kind: 'task',
      phase: 'discovery',
      title: titleOf(t.id, t.title),
      owner: 'consultant',
      work: 'block',
      effort: blockEffort(t.id, t.effort.kind === 'block' ? t.effort.days : 1),
      fullEffort: 0,
      deps: [KICKOFF_ID],
      priority: PRIORITY.discovery,
      rank: catalogueRank(t.id)
    })
  }

  // The dedicated AI team: an organisational step in the second week.
  if (flags.includes('protect_ai_team')) {
    drafts.push({
      ...base,
      id: DEDICATED_TEAM_ID,
      kind: 'activity',
      phase: 'foundations',
      title: titleOf(DEDICATED_TEAM_ID, 'Form a small dedicated AI team, shielded from maintenance'),
      owner: 'consultant',
      work: 'block',
      effort: blockEffort(DEDICATED_TEAM_ID, 2),
      fullEffort: 0,
      deps: [KICKOFF_ID],
      priority: PRIORITY.dedicatedTeam,
      rank: RANK.dedicatedTeam
    })
  }

  // Catalogue tasks.
  const gpuFirst = gpuFirstTasks(flags, tasks)
  const present = new Set(tasks)
  for (const id of tasks) {
    if (id === AUDIT_TASK_ID) continue
    const t = TASK_BY_ID[id]
    const deps = [...discovery, ...t.after.filter((p) => present.has(p))]
    const waits = pending.get(id) ?? null
    if (t.effort.kind === 'weekly') {
      const lt = lib.task(id)
      const perWeek = lt && lt.effort.unit === 'days_per_week' ? positiveHalfDays(lt.effort.default) : t.effort.daysPerWeek
      drafts.push({
        ...base,
        id,
        kind: 'task',
        phase: t.phase,
        title: titleOf(id, t.title),
        owner: 'consultant',
        work: 'weekly',
        effort: perWeek,
        fullEffort: 0,
        deps: audit ? [AUDIT_TASK_ID] : [],
        pending: waits,
        priority: PRIORITY.rest,
        rank: catalogueRank(id)
      })
      continue
    }
    const full = blockEffort(id, t.effort.days)
    const owner = taskOwner(route, id)
    const urgent = route.urgent.includes(id)
    const owned = owner !== 'consultant'
    const phase: PhaseId = waits === 'feasibility' ? 'build_out' : owned ? (owner === route.firstHire ? 'first_hire' : 'build_out') : t.phase
    drafts.push({
      ...base,
      id,
      kind: 'task',
      phase,
      title: titleOf(id, t.title),
      owner,
      work: owned ? 'owned' : 'block',
      effort: owned ? pairingShare(full) : full,
      fullEffort: full,
      deps,
      pending: waits,
      urgent,
      priority: urgent
        ? PRIORITY.urgent
        : gpuFirst.has(id)
          ? PRIORITY.gpuFirst
          : owned && PLATFORM_CORE_TASK_IDS.includes(id)
            ? PRIORITY.urgent
            : PRIORITY.rest,
      rank: catalogueRank(id)
    })
  }

  // Hires, in sequence order, each with the consultant's hiring support.
  route.sequence.forEach((role, position) => {
    drafts.push({
      ...base,
      id: hireItemId(role),
      kind: 'hire',
      phase: position === 0 ? 'first_hire' : 'build_out',
      title: `Recruit the ${lowerFirst(lib.role(role).title ?? ROLE_BY_ID[role].name)}`,
      owner: role,
      work: 'hire',
      effort: blockEffort(HIRING_SUPPORT_ID, 2),
      fullEffort: 0,
      deps: [],
      pending: pendingHire(route, role, position, flags),
      priority: -1,
      rank: RANK.hire + position / 100,
      hire: { role, position, afterAudit: recruitsAfterAudit(role, flags) }
    })
  })

  // The handover: what the consultant built goes to the hire who owns the platform.
  const recipient = handoverRecipient(route)
  if (recipient) {
    const handed = drafts.filter((d) => d.work === 'block' && d.phase === 'foundations' && d.id !== DEDICATED_TEAM_ID)
    const committed = handed.filter((d) => d.pending === null)
    const recipientWaits = drafts.find((d) => d.hire?.role === recipient)?.pending ?? null
    const over = recipientWaits === null && committed.length > 0 ? committed : handed
    if (over.length > 0) {
      drafts.push({
        ...base,
        id: HANDOVER_ID,
        kind: 'activity',
        phase: recipient === route.firstHire ? 'first_hire' : 'build_out',
        title: titleOf(HANDOVER_ID, 'Handover of the platform: runbooks, walkthroughs and ownership'),
        owner: recipient,
        work: 'block',
        effort: blockEffort(HANDOVER_ID, 2),
        fullEffort: 0,
        deps: [...discovery, ...over.map((d) => d.id)],
        pending: recipientWaits ?? (committed.length > 0 ? null : (over[0]!.pending ?? null)),
        priority: PRIORITY.rest,
        rank: RANK.handover
      })
    }
  }
  for (const d of drafts) if (d.work === 'block' && d.fullEffort === 0) d.fullEffort = d.effort
  return drafts
}

function lowerFirst(name: string): string {
  // "ML engineer" keeps its capitals; "Senior infrastructure engineer" reads "senior …" mid-sentence.
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name
}
