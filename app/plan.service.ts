/**
 * Plans: making one from an assessment (with its own copy of the library), saving edits and
 * settings only while the plan still generates, regenerating from a newer assessment with
 * the consultant's edits kept, and deleting. Run the writes in a transaction.
 */
import { AppError } from '../shared/ipc/result'
import { assessWithUnknowns } from '../shared/domain/assessment/unknowns'
import { basisFrom, planFromStored, regenerate } from '../shared/domain/planning/stored-plan'
import { planLibraryFrom } from '../shared/domain/planning/plan-library'
import { defaultPricingTerms } from '../shared/domain/planning/pricing'
import { addDays } from '../shared/domain/planning/weeks'
import { EMPTY_EDITS, PlanLibrarySnapshotSchema, type StoredPlan } from '../shared/schemas/plan.schema'
import { findAssessment } from '../db/repositories/assessment.repository'
import { readLibrary } from '../db/repositories/library.repository'
import { findEngagement } from '../db/repositories/engagement.repository'
import { deletePlan, findPlan, findPlanByEngagement, insertPlan, updatePlan } from '../db/repositories/plan.repository'
import type { Db } from '../db/repositories/client.repository'
import type { Deps } from '../db/deps'
import type { ChannelOutput, ChannelParsedInput } from '../shared/ipc/contract'

const notFound = () => new AppError('NOT_FOUND', 'That plan no longer exists.')

async function existingPlan(db: Db, planId: string): Promise<StoredPlan> {
  return (await findPlan(db, planId)) ?? Promise.reject(notFound())
}

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

export async function createPlan(
  db: Db,
  deps: Deps,
  { engagementId, assessmentId }: ChannelParsedInput<'plans:create'>
): Promise<ChannelOutput<'plans:create'>> {
  if (await findPlanByEngagement(db, engagementId)) {
    throw new AppError('CONFLICT', 'This engagement already has a plan. Regenerate it from the assessment instead.')
  }
  const basis = await basisOf(db, assessmentId, engagementId)
  // The plan keeps its own copy of the library, so later library edits never change it.
  return insertPlan(db, deps, {
    engagementId,
    assessmentId,
    basis,
    keptStale: [],
    library: PlanLibrarySnapshotSchema.parse(planLibraryFrom(activeLibrary(await readLibrary(db)))),
    settings: { capacityDaysPerWeek: 3 },
    edits: EMPTY_EDITS,
    pricing: defaultPricingTerms(addDays(deps.now().toISOString().slice(0, 10), 30)),
    lastDiff: null
  })
}

export async function savePlanEdits(db: Db, deps: Deps, { planId, edits }: ChannelParsedInput<'plans:save-edits'>): Promise<ChannelOutput<'plans:save-edits'>> {
  const plan = await existingPlan(db, planId)
  await checkGenerates(db, { ...plan, edits })
  return (await updatePlan(db, deps, planId, { edits }))!
}

export async function savePlanSettings(
  db: Db,
  deps: Deps,
  { planId, settings, pricing }: ChannelParsedInput<'plans:save-settings'>
): Promise<ChannelOutput<'plans:save-settings'>> {
  const plan = await existingPlan(db, planId)
  if (settings) await checkGenerates(db, { ...plan, settings })
  return (await updatePlan(db, deps, planId, { ...(settings && { settings }), ...(pricing && { pricing }) }))!
}

export async function regeneratePlan(
  db: Db,
  deps: Deps,
  { planId, assessmentId, reset }: ChannelParsedInput<'plans:regenerate'>
): Promise<ChannelOutput<'plans:regenerate'>> {
  const plan = await existingPlan(db, planId)
  const next = regenerate(plan, await basisOf(db, assessmentId, plan.engagementId), { reset })
  await checkGenerates(db, { ...plan, ...next, basis: next.basis })
  return (await updatePlan(db, deps, planId, {
    assessmentId,
    basis: next.basis,
    keptStale: next.keptStale,
    edits: next.edits,
    lastDiff: { ...next.diff, at: deps.now().toISOString() }
  }))!
}

export async function removePlan(db: Db, planId: string): Promise<{ deleted: true }> {
  if (!(await deletePlan(db, planId))) throw notFound()
  return { deleted: true }
}
