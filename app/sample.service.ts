import type { Deps } from '../db/deps'
import type { Db } from '../db/repositories/client.repository'
import { copyAnswerValues, encodeAnswerValue, insertAssessment, updateAssessment, upsertAnswerField } from '../db/repositories/assessment.repository'
import { updateClient } from '../db/repositories/client.repository'
import { updateEngagement } from '../db/repositories/engagement.repository'
import { answersForMaturity } from '../shared/domain/assessment/question-bank'
import type { IntakeFile } from '../shared/schemas/intake.schema'
import { importIntake } from './intake.service'

export const SAMPLE_CLIENT_NAME = 'Harbour Freight (sample)'

/** A logistics scale-up whose ML engineer ended up writing Dockerfiles: the classic case (the benchmark seed starts from it too). */
export const SAMPLE: IntakeFile = {
  version: 1,
  client: { name: SAMPLE_CLIENT_NAME, industry: 'Logistics', headcount: 180 },
  engagement: {
    title: 'AI platform and first hires',
    consultant: 'You',
    currency: 'EUR',
    day_rate: 1200,
    start_date: '2026-01-12'
  },
  context: {
    ai_approach: 'fine_tune',
    stage: 'pilot',
    models_in_production: 1,
    retrain_frequency: 'quarterly',
    deploy_is_bottleneck: false,
    degradation_incidents: false,
    has_data: 'some',
    has_objectives: true,
    headcount: 180,
    engineers: 35,
    ml_staff: 1,
    infra_staff: 0,
    ml_staff_doing_infra: true,
    ml_leadership: false,
    demo_traction: true,
    research_vision: false,
    gpu_workloads: true,
    cloud: 'aws'
  },
  maturity: { deploy: 1, monitor: 1, experiment: 0, logging: 1, data: 1, cicd: 1, infra: 1, tracking: 1 }
}

const LATER = { deploy: 2, monitor: 2, experiment: 1, logging: 2, data: 2, cicd: 2, infra: 2, tracking: 2 } as const

const NOTES: Record<string, string> = {
  ml_staff_doing_infra: 'Their one ML engineer spent most of last quarter on Dockerfiles and the Kubernetes manifests for the ETA model.',
  demo_traction: 'The delivery-window prediction demo went down well with operations; two engineers are now pulled into supporting it.',
  gpu_workloads: 'Fine-tuning runs happen on a single rented GPU box, started by hand.'
}

const DAY = 86_400_000

/**
 * The sample's dates, from today: the first workshop thirteen weeks ago, the engagement
 * starting the Monday after it, and the re-assessment today, so the sample reads as a
 * three-month re-assessment whatever day it is created.
 */
export function sampleDates(now: Date): { firstWorkshop: string; startDate: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 91 * DAY)
  const toMonday = (8 - first.getUTCDay()) % 7 || 7
  const start = new Date(first.getTime() + toMonday * DAY)
  return { firstWorkshop: first.toISOString().slice(0, 10), startDate: start.toISOString().slice(0, 10) }
}

/** Creates the sample client with two assessments three months apart, so every screen has something to show. */
export async function createSample(db: Db, deps: Deps) {
  const dates = sampleDates(deps.now())
  const first = await importIntake(db, deps, { ...SAMPLE, engagement: { ...SAMPLE.engagement, start_date: dates.startDate } }, 'the sample workshop')
  await updateClient(db, deps, first.clientId, {
    contactName: 'Marta Lindqvist',
    contactEmail: 'marta.lindqvist@harbourfreight.example',
    notes: 'Sample client: explore freely, then delete it from the client page.'
  })
  await updateEngagement(db, deps, first.engagementId, { status: 'active' })
  await updateAssessment(db, deps, first.assessmentId, { title: 'Initial assessment', present: ['Marta Lindqvist (CTO)', 'Jonas Berg (ML engineer)'] })
  await db
    .updateTable('assessment')
    .set({ created_at: `${dates.firstWorkshop}T10:00:00.000Z`, completed_at: `${dates.firstWorkshop}T12:00:00.000Z` })
    .where('id', '=', first.assessmentId)
    .execute()
  for (const [questionId, text] of Object.entries(NOTES)) {
    await upsertAnswerField(db, deps, first.assessmentId, questionId, 'note', text)
  }

  const second = await insertAssessment(db, deps, {
    engagementId: first.engagementId,
    title: 'Three-month re-assessment',
    present: ['Marta Lindqvist (CTO)', 'Jonas Berg (ML engineer)', 'Aiko Tanaka (infrastructure engineer)']
  })
  await copyAnswerValues(db, deps, first.assessmentId, second)
  for (const [questionId, value] of Object.entries(answersForMaturity(LATER))) {
    await upsertAnswerField(db, deps, second, questionId, 'value', encodeAnswerValue(value))
  }
  await upsertAnswerField(db, deps, second, 'infra_staff', 'value', encodeAnswerValue(1))
  await upsertAnswerField(db, deps, second, 'ml_staff_doing_infra', 'value', encodeAnswerValue('B'))
  await upsertAnswerField(
    db,
    deps,
    second,
    'infra_staff',
    'private_note',
    'Aiko joined a month after the first workshop; strong hire, watch for burnout on call.'
  )
  await updateAssessment(db, deps, second, { status: 'complete' })
  return { clientId: first.clientId, engagementId: first.engagementId, assessmentId: second }
}
