import { readinessRadar } from '../../../shared/charts/readiness-radar'
import { DIMENSIONS, type DimensionId } from '../../../shared/domain/assessment/dimensions'
import { mapMaturityScales } from '../../../shared/domain/assessment/maturity-scales'
import type { Answers } from '../../../shared/domain/assessment/question-bank'
import { assessWithUnknowns } from '../../../shared/domain/assessment/unknowns'
import type { Assessment } from '../../../shared/schemas/assessment.schema'

export const answersOf = (a: Assessment): Answers => Object.fromEntries(Object.entries(a.answers).map(([id, x]) => [id, x.value ?? undefined]))

/** Everything the results page shows, computed from the stored answers by the shared engine. */
export function buildResults(current: Assessment, previous: Assessment | undefined, clientName: string) {
  const now = assessWithUnknowns(answersOf(current), { clientName })
  const before = previous ? assessWithUnknowns(answersOf(previous)) : undefined
  const deltas = DIMENSIONS.map((d) => ({
    id: d.id as DimensionId,
    name: d.name,
    level: now.maturity[d.id],
    levelText: d.levels[now.maturity[d.id]],
    previous: before?.maturity[d.id],
    delta: before ? now.maturity[d.id] - before.maturity[d.id] : undefined
  }))
  const radar = readinessRadar(
    { title: current.title, maturity: now.maturity },
    before && previous ? { title: previous.title, maturity: before.maturity } : undefined
  )
  return { ...now, deltas, radar, scales: mapMaturityScales(now.maturity), previousTitle: previous?.title }
}
export type Results = ReturnType<typeof buildResults>
