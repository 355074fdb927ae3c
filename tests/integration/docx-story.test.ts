/**
 * One story in every document: for very different clients, the proposal, the workshop
 * report and the hiring pack as python-docx reads them hold none of the defects a client
 * must never see (tests/helpers/document-lint.helper.ts), and after the consultant edits
 * the plan the documents state the edited plan's milestone week, length and fees, and no
 * other week for the milestone.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportJob } from '../../cli/commands/export.command'
import { planInputFor } from '../../cli/commands/plan.command'
import { generatePlan } from '../../shared/domain/planning/plan.generator'
import type { Plan } from '../../shared/domain/planning/plan.model'
import { buildAssessmentReportModel, buildProposalModel, renderTemplate, type TemplateName } from '../../templates/index'
import { formatMoney } from '../../templates/format'
import { timelineDrawing } from '../../templates/charts'
import { documentDefects } from '../helpers/document-lint.helper'
import { intakeFixture, proposalInputFrom, TEST_BRANDING } from '../helpers/proposal-input.helper'
import { pythonDocx, requireReaders } from '../helpers/readers'
import { tempDir } from '../helpers/temp'

const CLIENTS = ['api-startup', 'mlops-pain', 'custom-exploration', 'no-data', 'mature-api', 'custom-scientist'] as const
const NOW = new Date('2025-02-20T10:00:00Z')

let dir: string
let cleanup: () => void
beforeAll(() => {
  requireReaders()
  ;({ dir, cleanup } = tempDir('stagecraft-story-'))
})
afterAll(() => cleanup())

async function docxText(name: string, template: TemplateName, input: unknown): Promise<string> {
  const { bytes } = await renderTemplate(template, input as never)
  const path = join(dir, `${name}.docx`)
  writeFileSync(path, bytes)
  return pythonDocx(path).text
}

const inputFor = (client: string, template: TemplateName): Record<string, unknown> =>
  exportJob(template, intakeFixture(client), { library: null, branding: TEST_BRANDING, terms: null }, NOW).input as unknown as Record<string, unknown>

describe('no document argues in words a client must not read', () => {
  it.each(CLIENTS.flatMap((c) => (['proposal', 'assessment', 'hiring'] as const).map((t) => [c, t] as const)))(
    '%s: the %s',
    async (client, template) => {
      const intake = intakeFixture(client)
      const plan = generatePlan(planInputFor(intake))
      const text = await docxText(`${client}-${template}`, template, inputFor(client, template))
      const defects = documentDefects(text, {
        milestoneKind: template === 'hiring' ? undefined : plan.milestone.kind,
        hasMlStaff: intake.context.ml_staff > 0,
        allowed: [intake.client.name, intake.engagement.title]
      })
      expect(defects).toEqual([])
    },
    60_000
  )
})

describe('the Gantt in the proposal', () => {
  it.each(CLIENTS)('%s: no label is cut (short names; the tables give the full titles)', (client) => {
    const m = buildProposalModel(proposalInputFrom(client))
    const svg = timelineDrawing(m.plan.timeline).svg
    expect(svg).not.toContain('…')
    expect(m.plan.timeline.lanes.flatMap((l) => l.rows.map((r) => r.label))).toContain(
      'Recruiting the ' +
        (client === 'mlops-pain'
          ? 'MLOps engineer'
          : client === 'no-data'
            ? 'full-stack AI engineer'
            : client === 'custom-scientist'
              ? 'ML scientist'
              : client === 'api-startup'
                ? 'senior infrastructure engineer'
                : 'ML engineer')
    )
  })
})

/** Every "week N" written next to the milestone's name. */
function milestoneWeeks(text: string): number[] {
  return [...text.matchAll(/(?:AI feature|feasibility|valuable model|production pain|model improvement)[^.;|\n]{0,60}?\bweek (\d+)/gi)].map((m) => Number(m[1]))
}

describe('after an edit, every document states the edited plan', () => {
  it.each(['api-startup', 'mlops-pain', 'custom-exploration', 'no-data'] as const)(
    '%s: the milestone week, the length and the fees, in the proposal and the workshop report',
    async (client) => {
      const intake = intakeFixture(client)
      const base = planInputFor(intake)
      const unedited = generatePlan(base)
      // The consultant moves the platform core later and makes Terraform bigger.
      const edited: Plan = generatePlan({
        ...base,
        options: { overrides: { model_monitoring: { notBeforeWeek: 20 }, serving_pipeline: { notBeforeWeek: 6 }, terraform: { effortDays: 12 } } }
      })
      expect(edited.totals.effortDays).not.toBe(unedited.totals.effortDays)

      const proposal = await docxText(`${client}-edited-proposal`, 'proposal', { ...proposalInputFrom(client), plan: edited })
      const report = await docxText(`${client}-edited-report`, 'assessment', { ...inputFor(client, 'assessment'), plan: edited })
      const fees = formatMoney(Math.round(edited.totals.cost * 100) / 100, edited.engagement.currency, 'en-GB')
      for (const text of [proposal, report]) {
        const weeks = milestoneWeeks(text)
        expect(weeks.length).toBeGreaterThan(0)
        expect(new Set(weeks)).toEqual(new Set([edited.milestone.week]))
        expect(text).toContain(fees)
      }
      expect(proposal).toContain(`${edited.weeks} weeks`)
      // The models agree with the documents: the report's committed fees are the proposal's.
      const proposalModel = buildProposalModel({ ...proposalInputFrom(client), plan: edited })
      const reportModel = buildAssessmentReportModel({ ...inputFor(client, 'assessment'), plan: edited } as never)
      expect(reportModel.taskTotals!.cost).toBe(proposalModel.plan.totals.cost)
      expect(proposalModel.summary.keyFigures.find((f) => f.value === `Week ${edited.milestone.week}`)).toBeDefined()
    },
    120_000
  )
})

describe('the workshop report’s rows add up to its totals', () => {
  const daysOf = (effort: string) => Number(/^([\d.]+)/.exec(effort.replace(/,/g, ''))?.[1] ?? NaN)
  it.each(CLIENTS)('%s: committed rows to the committed total, pending rows to what waits, and together to the last option', (client) => {
    const m = buildAssessmentReportModel(inputFor(client, 'assessment') as never)
    const plan = generatePlan(planInputFor(intakeFixture(client)))
    const committed = m.tasks.filter((t) => !t.pending).reduce((n, t) => n + daysOf(t.effort), 0)
    const waiting = m.tasks.filter((t) => t.pending).reduce((n, t) => n + daysOf(t.effort), 0)
    expect(committed).toBeCloseTo(plan.totals.effortDays, 6)
    expect(waiting).toBeCloseTo(plan.optionalTotals.effortDays, 6)
    const pending = plan.tiers.find((t) => t.id === 'pending')
    if (pending) expect(committed + waiting).toBeCloseTo(pending.effortDays, 6)
    else expect(waiting).toBe(0)
  })
})
