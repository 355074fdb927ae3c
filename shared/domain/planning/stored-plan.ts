import type { AssessmentResult } from '../assessment/engine'
import type { AssessmentContext, Maturity } from '../assessment/dimensions'
import { orderTasks, type TaskId } from '../catalogue'
import type { PlanBasis, PlanEdits, StoredPlan } from '../../schemas/plan.schema'
import { generatePlan } from './plan.generator'
import type { Plan } from './plan.model'

/** The snapshot of an assessment a plan is generated from. */
export function basisFrom(result: AssessmentResult, context: AssessmentContext, maturity: Maturity): PlanBasis {
  return {
    firstHire: result.firstHire,
    hiringSteps: result.hiringSteps.map((s) => ({ role: s.role, step: s.step, why: s.why, afterAudit: s.afterAudit })),
    flags: [...result.flags],
    tasks: [...result.tasks],
    context: { ...context },
    maturity: { ...maturity } as PlanBasis['maturity']
  }
}

export interface PlanEngagement {
  startDate: string | null
  dayRate: number
  currency: string
}

/** The plan as the consultant sees it: the generator's output with their edits applied. */
export function planFromStored(
  stored: Pick<StoredPlan, 'basis' | 'keptStale' | 'library' | 'settings' | 'edits' | 'createdAt'>,
  engagement: PlanEngagement
): Plan {
  const tasks = orderTasks([...new Set<TaskId>([...stored.basis.tasks, ...stored.keptStale])])
  return generatePlan({
    assessment: {
      firstHire: stored.basis.firstHire,
      hiringSteps: stored.basis.hiringSteps,
      flags: stored.basis.flags,
      tasks
    },
    context: stored.basis.context,
    maturity: stored.basis.maturity,
    engagement: {
      startDate: engagement.startDate ?? stored.createdAt.slice(0, 10),
      dayRate: engagement.dayRate,
      currency: engagement.currency
    },
    library: stored.library,
    options: {
      capacityDaysPerWeek: stored.settings.capacityDaysPerWeek,
      customItems: stored.edits.custom,
      overrides: Object.fromEntries(Object.entries(stored.edits.overrides).map(([id, { notes: _notes, ...rest }]) => [id, rest])),
      removed: stored.edits.removed
    }
  })
}

export interface Regeneration {
  basis: PlanBasis
  keptStale: TaskId[]
  edits: PlanEdits
  diff: { added: TaskId[]; noLongerTriggered: TaskId[] }
}

/**
 * A plan regenerated from a newer assessment keeps the consultant's edits (unless they
 * reset): newly triggered tasks join, tasks no longer triggered stay but are flagged, and
 * removed tasks stay removed. The difference lists exactly what was added and what is no
 * longer indicated.
 */
export function regenerate(stored: Pick<StoredPlan, 'basis' | 'keptStale' | 'edits'>, next: PlanBasis, options: { reset: boolean }): Regeneration {
  const before = new Set<TaskId>([...stored.basis.tasks, ...stored.keptStale])
  const removed = new Set(options.reset ? [] : stored.edits.removed)
  const now = new Set<TaskId>(next.tasks)
  const added = next.tasks.filter((t) => !before.has(t) && !removed.has(t))
  const noLongerTriggered = orderTasks([...before].filter((t) => !now.has(t) && !removed.has(t)))
  return {
    basis: next,
    keptStale: options.reset ? [] : noLongerTriggered,
    edits: options.reset ? { overrides: {}, custom: [], removed: [] } : stored.edits,
    diff: { added: orderTasks(added), noLongerTriggered }
  }
}
