import { AppError } from '../../shared/ipc/result'
import { assessWithUnknowns } from '../../shared/domain/assessment/unknowns'
import { basisFrom, planFromStored, regenerate } from '../../shared/domain/planning/stored-plan'
import { planLibraryFrom } from '../../shared/domain/planning/plan-library'
import { defaultPricingTerms } from '../../shared/domain/planning/pricing'
import { EMPTY_EDITS, PlanLibrarySnapshotSchema, type StoredPlan } from '../../shared/schemas/plan.schema'
import type { Handlers } from '../dispatcher'
import { findAssessment } from '../../db/repositories/assessment.repository'
import { readLibrary } from '../../db/repositories/library.repository'
import { findEngagement } from '../../db/repositories/engagement.repository'
import { deletePlan, findPlan, findPlanByEngagement, insertPlan, updatePlan } from '../../db/repositories/plan.repository'
import type { Db } from '../../db/repositories/client.repository'
import type { HandlerContext } from './context'

const notFound = () => new AppError('NOT_FOUND', 'That plan no longer exists.')

async function basisOf(db: Db, assessmentId: string, engagementId: string) {
  const assessment = await findAssessment(db, assessmentId)
  if (!assessment || assessment.engagementId !== engagementId) {
    throw new AppError('NOT_FOUND', 'That assessment is not part of this engagement.')
  }
  const answers = Object.fromEntries(Object.entries(assessment.answers).map(([id, a]) => [id, a.value ?? undefined]))
  const { result, context, maturity } = assessWithUnknowns(answers)
  return basisFrom(result, context, maturity)
}

/** Edits and settings are saved only if the plan still generates: an impossible edit is refused. */
async function checkGenerates(db: Db, plan: Pick<StoredPlan, 'basis' | 'keptStale' | 'library' | 'settings' | 'edits' | 'createdAt' | 'engagementId'>) {
  const engagement = await findEngagement(db, plan.engagementId)
  if (!engagement) throw new AppError('NOT_FOUND', 'That engagement no longer exists.')
  try {
    planFromStored(plan, engagement)
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('INVALID_INPUT', `That change cannot be made: ${error.message}.`)
    throw error
  }
}

/** Retired items are not used for new plans. */
const activeLibrary = (lib: Awaited<ReturnType<typeof readLibrary>>) => ({
  tasks: lib.tasks.filter((t) => !t.retired),
  roles: lib.roles.filter((r) => !r.retired)
})

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10)

export function planHandlers(
  ctx: HandlerContext
): Pick<Handlers, 'plans:get' | 'plans:create' | 'plans:save-edits' | 'plans:save-settings' | 'plans:regenerate' | 'plans:delete'> {
  const { db, deps } = ctx
  return {
    'plans:get': async ({ engagementId }) => (await findPlanByEngagement(db, engagementId)) ?? null,
    'plans:create': async ({ engagementId, assessmentId }) =>
      db.transaction().execute(async (trx) => {
        if (await findPlanByEngagement(trx, engagementId)) {
          throw new AppError('CONFLICT', 'This engagement already has a plan. Regenerate it from the assessment instead.')
        }
        const basis = await basisOf(trx, assessmentId, engagementId)
        // The plan keeps its own copy of the library, so later library edits never change it.
        return insertPlan(trx, deps, {
          engagementId,
          assessmentId,
          basis,
          keptStale: [],
          library: PlanLibrarySnapshotSchema.parse(planLibraryFrom(activeLibrary(await readLibrary(trx)))),
          settings: { capacityDaysPerWeek: 3 },
          edits: EMPTY_EDITS,
          pricing: defaultPricingTerms(addDays(deps.now().toISOString(), 30)),
          lastDiff: null
        })
      }),
    'plans:save-edits': async ({ planId, edits }) => {
      const plan = await findPlan(db, planId)
      if (!plan) throw notFound()
      await checkGenerates(db, { ...plan, edits })
      return (await updatePlan(db, deps, planId, { edits }))!
    },
    'plans:save-settings': async ({ planId, settings, pricing }) => {
      const plan = await findPlan(db, planId)
      if (!plan) throw notFound()
      if (settings) await checkGenerates(db, { ...plan, settings })
      return (await updatePlan(db, deps, planId, { ...(settings && { settings }), ...(pricing && { pricing }) }))!
    },
    'plans:regenerate': async ({ planId, assessmentId, reset }) =>
      db.transaction().execute(async (trx) => {
        const plan = await findPlan(trx, planId)
        if (!plan) throw notFound()
        const next = regenerate(plan, await basisOf(trx, assessmentId, plan.engagementId), { reset })
        await checkGenerates(trx, { ...plan, ...next, basis: next.basis })
        return (await updatePlan(trx, deps, planId, {
          assessmentId,
          basis: next.basis,
          keptStale: next.keptStale,
          edits: next.edits,
          lastDiff: { ...next.diff, at: deps.now().toISOString() }
        }))!
      }),
    'plans:delete': async ({ planId }) => {
      if (!(await deletePlan(db, planId))) throw notFound()
      return { deleted: true as const }
    }
  }
}
