/**
 * What the plan generator needs from the content library: task titles and default efforts,
 * and each role's time to hire and onboarding. A subset of the library's own types
 * (shared/schemas/library.schema.ts), so the full library can be passed as it is (see
 * `planLibraryFrom`) and a partial one falls back to the built-in defaults entry by entry.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { Library, RoleProfile, TaskTemplate } from '../../schemas/library.schema'
import { ROLE_BY_ID, ROLE_IDS, TASKS, type RoleId } from '../catalogue'

export type PlanTaskDefaults = Pick<TaskTemplate, 'id' | 'title'> & {
  effort: Pick<TaskTemplate['effort'], 'unit' | 'default'>
  phase?: TaskTemplate['phase']
}

export type PlanRoleDefaults = Pick<RoleProfile, 'id' | 'timeToHireWeeks' | 'onboardingWeeks'> & {
  title?: string
}

/** Tasks and roles by id; either map may leave entries out. */
export interface PlanLibrary {
  tasks: Readonly<Record<string, PlanTaskDefaults>>
  roles: Readonly<Record<string, PlanRoleDefaults>>
}

export type PartialPlanLibrary = Partial<PlanLibrary>

/** The default lead time from opening a role to the person's first day, in weeks. */
export const DEFAULT_TIME_TO_HIRE_WEEKS = 10
/**
 * The onboarding recorded with a role in the library. The plan itself gives every hire one
 * week of onboarding: they work on what they own from the week after their start.
 */
export const DEFAULT_ONBOARDING_WEEKS = 1

/**
 * The plan's own consultant items (not in the catalogue): modest, clearly named, with ids of
 * their own. Their efforts are ours to choose and a library may override them by id.
 */
export const PLAN_ACTIVITY_IDS = ['kickoff', 'handover', 'dedicated_ai_team', 'hiring_support'] as const
export type PlanActivityId = (typeof PLAN_ACTIVITY_IDS)[number]

const ACTIVITY_DEFAULTS: Readonly<Record<PlanActivityId, PlanTaskDefaults>> = {
  kickoff: {
    id: 'kickoff',
    title: 'Kick-off and assessment read-out',
    effort: { unit: 'days', default: 1 },
    phase: 'discovery'
  },
  handover: {
    id: 'handover',
    title: 'Handover of the platform: runbooks, walkthroughs and ownership',
    effort: { unit: 'days', default: 2 },
    phase: 'first_hire'
  },
  dedicated_ai_team: {
    id: 'dedicated_ai_team',
    title: 'Form a small dedicated AI team, shielded from maintenance',
    effort: { unit: 'days', default: 2 },
    phase: 'foundations'
  },
  hiring_support: {
    id: 'hiring_support',
    title: 'Hiring support: job description, screening, technical interviews and debrief',
    effort: { unit: 'days', default: 2 },
    phase: 'first_hire'
  }
}

function builtInTasks(): Record<string, PlanTaskDefaults> {
  const tasks: Record<string, PlanTaskDefaults> = {}
  for (const t of TASKS) {
    tasks[t.id] = {
      id: t.id,
      title: t.title,
      effort: t.effort.kind === 'weekly' ? { unit: 'days_per_week', default: t.effort.daysPerWeek } : { unit: 'days', default: t.effort.days },
      phase: t.phase
    }
  }
  for (const id of PLAN_ACTIVITY_IDS) tasks[id] = ACTIVITY_DEFAULTS[id]
  return tasks
}

function builtInRoles(): Record<string, PlanRoleDefaults> {
  return Object.fromEntries(
    ROLE_IDS.map((id) => [
      id,
      {
        id,
        title: ROLE_BY_ID[id].name,
        timeToHireWeeks: DEFAULT_TIME_TO_HIRE_WEEKS,
        onboardingWeeks: DEFAULT_ONBOARDING_WEEKS
      }
    ])
  )
}

/**
 * The built-in defaults, from the catalogue: DOMAIN's default efforts (interim_lead one day a
 * week), the plan's own activities, and every role at 10 weeks to hire.
 * The CLI uses these when there is no database.
 */
export const builtInPlanDefaults: PlanLibrary = Object.freeze({
  tasks: Object.freeze(builtInTasks()),
  roles: Object.freeze(builtInRoles())
})

/** The full content library (or its tasks and roles) as the generator's input. */
export function planLibraryFrom(library: Pick<Library, 'tasks' | 'roles'>): PlanLibrary {
  return {
    tasks: Object.fromEntries(library.tasks.map((t) => [t.id, t])),
    roles: Object.fromEntries(library.roles.map((r) => [r.id, r]))
  }
}

/** Looks entries up in the given library first, then in the built-in defaults. */
export interface PlanLibraryLookup {
  task: (id: string) => PlanTaskDefaults | undefined
  role: (id: RoleId) => PlanRoleDefaults
}

const own = <T>(record: Readonly<Record<string, T>> | undefined, id: string): T | undefined =>
  record && Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined

export function libraryLookup(library: PartialPlanLibrary | undefined): PlanLibraryLookup {
  return {
    task: (id) => own(library?.tasks, id) ?? own(builtInPlanDefaults.tasks, id),
    role: (id) => own(library?.roles, id) ?? own(builtInPlanDefaults.roles, id)!
  }
}
