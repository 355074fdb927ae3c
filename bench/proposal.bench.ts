/**
 * How long exporting the full proposal for a large engagement takes: a synthetic client
 * whose plan holds 60 work items (catalogue tasks topped up with custom items), all seven
 * roles in the hiring sequence and every part switched on, appendices included.
 * `benchmarkProposal()` times the export as the app and the CLI run it (`renderTemplate`: the
 * model, the charts drawn ahead in parallel, the document, packing it into .docx bytes), and,
 * as the floor, the docx library packing an equivalent pre-built Document (the same document,
 * with the same contents page-number estimator, built afresh outside the timing of each run). Beside it: the same
 * export again with its charts already drawn (as after the preview), and the first export with
 * the contents' page numbers left to Word (no page layout while packing). It reports medians
 * and 95th percentiles in milliseconds (bench/stats.ts Timing), ready for bench/run.ts.
 */
import { Packer } from 'docx'
import { ROLE_IDS, type RoleId } from '../shared/domain/catalogue'
import type { HiringStep } from '../shared/domain/assessment/engine'
import { generatePlan, type GeneratePlanInput } from '../shared/domain/planning/plan.generator'
import { planItems, type Plan } from '../shared/domain/planning/plan.model'
import { clearChartCache } from '../templates/charts'
import { renderTemplate } from '../templates/index'
import { buildProposal, prepareProposal } from '../templates/proposal.docx'
import { buildProposalModel, type ProposalInput } from '../templates/proposal.model'
import { syntheticPlanInput } from './plan.bench'
import { time, type Timing } from './stats'

const WORK_KINDS = new Set(['task', 'activity', 'custom'])

/** The plan input with every role in the hiring sequence (the assessment's order, then the rest). */
function withAllRoles(input: GeneratePlanInput, roles: number): GeneratePlanInput {
  const steps: HiringStep[] = [...input.assessment.hiringSteps]
  for (const role of ROLE_IDS) {
    if (steps.length >= roles) break
    if (!steps.some((s) => s.role === role)) steps.push({ role: role as RoleId, step: 6, why: 'Added to exercise every role.', afterAudit: false })
  }
  return { ...input, assessment: { ...input.assessment, hiringSteps: steps.slice(0, Math.max(1, roles)) } }
}

/** A proposal input for a large engagement: `taskCount` work items, `roleCount` roles, every section on. */
export function syntheticProposalInput(taskCount = 60, roleCount = 7): { input: ProposalInput; plan: Plan } {
  const planInput = withAllRoles(syntheticPlanInput(taskCount), roleCount)
  const plan = generatePlan(planInput)
  const input: ProposalInput = {
    client: { name: 'Large Client Holdings', industry: 'Retail banking', headcount: planInput.context.headcount },
    engagement: {
      title: 'AI platform and team build-out',
      consultant: 'Dana Meyer',
      currency: 'EUR',
      dayRate: 1250,
      startDate: planInput.engagement.startDate
    },
    assessment: { maturity: planInput.maturity, context: planInput.context },
    plan,
    branding: { consultancyName: 'Northwind Advisory', accentColour: '#0D9084', fontFamily: 'Inter', footerText: 'Confidential.', locale: 'en-GB' },
    generatedAt: '2025-01-02T09:00:00Z',
    itemNotes: Object.fromEntries(
      planItems(plan)
        .slice(0, 20)
        .map((i) => [i.id, `Agreed with the client's platform lead in the kick-off; revisit after ${i.title.toLowerCase()}.`])
    ),
    extraAssumptions: ['The existing data warehouse stays in place for the first six months.']
  }
  return { input, plan }
}

export interface ProposalBenchResult {
  taskCount: number
  roleCount: number
  runs: number
  warmup: number
  bytes: number
  /** Model, document (charts drawn afresh) and packing, as the first export of an engagement does it. */
  proposal: Timing
  /** The same again with the charts already drawn, as an export right after its preview is. */
  repeat: Timing
  /** The first export with the contents' page numbers left for Word to fill in (no page layout). */
  withoutPageNumbers: Timing
  /** The docx library packing the same document, freshly built before each run: the floor. */
  packOnly: Timing
}

export async function benchmarkProposal(
  options: { runs?: number; warmup?: number; taskCount?: number; roleCount?: number } = {}
): Promise<ProposalBenchResult> {
  const runs = Math.max(1, options.runs ?? 20)
  const warmup = Math.max(0, options.warmup ?? 3)
  const { input, plan } = syntheticProposalInput(options.taskCount ?? 60, options.roleCount ?? 7)
  const taskCount = planItems(plan).filter((i) => WORK_KINDS.has(i.kind)).length

  let bytes = 0
  // What the app and the CLI run: model, charts drawn ahead in parallel, document, packing.
  const proposal = await time(
    async () => {
      clearChartCache()
      bytes = (await renderTemplate('proposal', input)).bytes.length
    },
    { runs, warmup }
  )
  const repeat = await time(
    async () => {
      await renderTemplate('proposal', input)
    },
    { runs, warmup }
  )
  const withoutPageNumbers = await time(
    async () => {
      clearChartCache()
      const model = buildProposalModel(input)
      await prepareProposal(model)
      await Packer.toBuffer(buildProposal(model, { pageNumbers: false }))
    },
    { runs, warmup }
  )
  // A document is packed once in real use, and packing one again reuses work the first pack
  // left in it; so each run packs a freshly built one (built outside the timing).
  const model = buildProposalModel(input)
  await prepareProposal(model)
  const packOnly = await time((prebuilt) => Packer.toBuffer(prebuilt), { runs, warmup, setup: () => buildProposal(model) })
  return { taskCount, roleCount: plan.hires.length, runs, warmup, bytes, proposal, repeat, withoutPageNumbers, packOnly }
}
