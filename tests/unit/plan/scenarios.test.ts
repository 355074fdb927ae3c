import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assess } from '../../../shared/domain/assessment/engine'
import { generatePlan, type GeneratePlanInput } from '../../../shared/domain/planning/plan.generator'
import { compareRoutes, OBSERVED_FIGURES, OBSERVED_NOTE } from '../../../shared/domain/planning/scenarios'
import { renderScenarioSvg, scenarioChart, scenarioSentence } from '../../../shared/charts/scenario.chart'
import { LIGHT_PALETTE, PRINT_PALETTE, xmlText } from '../../../shared/charts/svg'
import { BUNDLED_FONT_FAMILY, bundledFontPath } from '../../../templates/fonts'
import { IntakeFileSchema } from '../../../shared/schemas/intake.schema'

function fixtureInput(name: string): GeneratePlanInput {
  const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../fixtures/intake', name), 'utf8')))
  return {
    assessment: assess({ maturity: intake.maturity, context: intake.context }),
    context: intake.context,
    maturity: intake.maturity,
    engagement: { startDate: intake.engagement.start_date, dayRate: intake.engagement.day_rate, currency: intake.engagement.currency }
  }
}
const planOf = (name: string) => generatePlan(fixtureInput(name))

describe('the two routes, read from the plan', () => {
  it('sets the recommended route beside the other one, with what the authors saw for a first AI feature', () => {
    const plan = planOf('api-startup.json')
    const c = compareRoutes(plan)
    // The client already runs a model in production: this is its next AI feature.
    expect(c.milestone).toEqual({ kind: 'first_ai_feature', title: 'Next AI feature in use', phrase: 'the next AI feature', next: true })
    expect(c.routes.map((r) => [r.id, r.firstHire, r.recommended, r.label])).toEqual([
      ['recommended', 'infra_engineer', true, 'Infrastructure engineer first'],
      ['other', 'ml_engineer', false, 'ML engineer first']
    ])
    const [infra, ml] = c.routes
    expect(infra).toMatchObject({
      firstHireStartWeek: 12,
      milestoneWeek: plan.milestone.week,
      weeksAfterFirstHireStart: plan.milestone.week - 12,
      stabilisationWeeks: 0
    })
    expect(ml).toMatchObject({ firstHireStartWeek: 12, milestoneWeek: plan.otherRoute.milestoneWeek, platformOwner: 'ml_engineer', stabilisationWeeks: 13 })
    expect(ml!.milestoneWeek).toBeGreaterThan(infra!.milestoneWeek)
    expect(infra!.observed).toBe(OBSERVED_FIGURES.infra_first)
    expect(ml!.observed).toBe(OBSERVED_FIGURES.ml_first)
    expect(OBSERVED_FIGURES.infra_first.minWeeks).toBeCloseTo(8.667, 3)
    expect(infra!.monthsAfterFirstHireStart).toBeCloseTo((plan.milestone.week - 12) / (52 / 12), 6)
    expect(c.sameWeek).toBe(false)
    expect(c.note).toBe(OBSERVED_NOTE)
    expect(OBSERVED_NOTE).toMatch(/a dozen or so companies of 50 to 500 people/)
    expect(OBSERVED_NOTE).toMatch(/not a promise/)
    expect(OBSERVED_NOTE).not.toMatch(/seed/i)
  })

  it('names other milestones by their kind, without the first-feature figures', () => {
    const feasibility = compareRoutes(planOf('custom-exploration.json'))
    expect(feasibility.milestone.kind).toBe('feasibility_answer')
    expect([feasibility.milestone.title, feasibility.milestone.phrase]).toEqual(['Answer on feasibility', 'an answer on feasibility'])
    expect(feasibility.routes.every((r) => r.observed === null)).toBe(true)
    const pain = compareRoutes(planOf('mlops-pain.json'))
    expect([pain.milestone.title, pain.milestone.phrase]).toEqual(['Production pain relieved', 'relief from the production pain'])
    // The consultant builds the urgent core on either route: the same week, said in words.
    expect(pain.sameWeek).toBe(true)
    expect(pain.routes[0].milestoneWeek).toBe(pain.routes[1].milestoneWeek)
  })

  it('is the first AI feature while none runs in production', () => {
    const plan = planOf('no-data.json')
    expect(plan.milestone).toMatchObject({ kind: 'first_ai_feature', next: false })
    expect(compareRoutes(plan).milestone.title).toBe('First AI feature in use')
  })

  it('reads the edited plan: a slower platform moves both the header and the comparison', () => {
    const input = fixtureInput('api-startup.json')
    const edited = generatePlan({ ...input, options: { overrides: { model_monitoring: { notBeforeWeek: 30 } } } })
    expect(compareRoutes(edited).routes[0].milestoneWeek).toBe(edited.milestone.week)
    expect(edited.milestone.week).toBeGreaterThan(generatePlan(input).milestone.week)
    expect(edited.milestone.week).toBeLessThanOrEqual(edited.weeks)
  })

  it('says each route in one line', () => {
    const c = compareRoutes(planOf('api-startup.json'))
    expect(scenarioSentence(c.routes[0], c)).toMatch(/^Infrastructure engineer first: next AI feature in use by week \d+ .*the authors saw 2–3 months$/)
    expect(scenarioSentence(c.routes[1], c)).toMatch(/then about 3 months of stabilising; the authors saw 6–9 months plus about 3 of stabilising$/)
  })
})

describe('the scenario chart', () => {
  const plan = planOf('api-startup.json')
  const c = compareRoutes(plan)
  const spec = scenarioChart(c)

  it('is data: a plan row and an observed row per route, on a scale of weeks', () => {
    expect(spec.kind).toBe('range-bars')
    expect(spec.title).toBe('Weeks to the next AI feature, by first hire')
    expect(spec.groups.map((g) => [g.label, g.highlighted, g.rows.map((r) => r.id)])).toEqual([
      ['Infrastructure engineer first', true, ['recommended_plan', 'recommended_observed']],
      ['ML engineer first', false, ['other_plan', 'other_observed']]
    ])
    expect(spec.groups[0]!.rows[0]!.segments).toEqual([
      { from: 0, to: 11, style: 'lead' },
      { from: 11, to: plan.milestone.week, style: 'plan' }
    ])
    // The ML engineer who built the platform still stabilises it afterwards: shown, not counted.
    const other = spec.groups[1]!.rows[0]!
    expect(other.segments.map((s) => s.style)).toEqual(['lead', 'plan', 'stabilisation'])
    expect(other.segments[1]!.to).toBe(plan.otherRoute.milestoneWeek)
    const observed = spec.groups[1]!.rows[1]!
    expect(observed.segments.map((s) => s.style)).toEqual(['seed', 'stabilisation'])
    expect(observed.segments[0]!.from).toBeCloseTo(11 + 26, 6)
    expect(spec.max % spec.tickStep).toBe(0)
    for (const g of spec.groups) for (const r of g.rows) for (const s of r.segments) expect(s.to).toBeLessThanOrEqual(spec.max)
    expect(spec.footnote).toBe(OBSERVED_NOTE)
    expect(JSON.stringify(spec)).not.toMatch(/seed observation|seed range/i)
  })

  // Text measured as drawn: the bundled Inter, and DejaVu Sans (the widest Linux fallback the
  // app's chart images meet) when it is installed.
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')
  const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf']
  const fonts: [string, string[]][] = [
    [BUNDLED_FONT_FAMILY, [bundledFontPath('regular'), bundledFontPath('semibold'), bundledFontPath('bold')]],
    ...(DEJAVU.every((f) => existsSync(f)) ? [['DejaVu Sans', DEJAVU] as [string, string[]]] : [])
  ]
  const measured = (text: string, size: number, [family, files]: [string, string[]]): number => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="100"><text x="10" y="60" font-size="${size}" font-family="${family}">${xmlText(text)}</text></svg>`
    return new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family } }).getBBox()?.width ?? 0
  }

  it.each(fonts.map((f) => [f[0], f] as const))(
    "writes each row's note clear of its bars and of the row's label, in %s, at the app's and the proposal's sizes",
    (_name, font) => {
      for (const [width, height, fontSize] of [
        [900, 340, 15],
        [900, 360, 14.5]
      ] as const) {
        const svg = renderScenarioSvg(spec, { width, height, palette: LIGHT_PALETTE, fontSize })
        for (const group of spec.groups) {
          for (const row of group.rows) {
            const note = svg.match(
              new RegExp(
                `<text x="([\\d.]+)" y="[\\d.]+" text-anchor="(start|end)"[^>]*>${xmlText(row.valueLabel).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</text>`
              )
            )
            expect(note, row.valueLabel).not.toBeNull()
            const [, at, anchor] = note!
            const x = Number(at)
            const small = fontSize * 0.8
            const left = Math.min(width * 0.34, fontSize * 15) + fontSize
            const weeksAt = (weeks: number) => left + ((width - fontSize * 1.2 - left) * weeks) / spec.max
            const begin = Math.min(...row.segments.map((s) => weeksAt(s.from)))
            const end = Math.max(...row.segments.map((s) => weeksAt(s.to)))
            const noteWidth = measured(row.valueLabel, small, font)
            const labelEnd = fontSize * 1.8 + measured(row.label, small, font)
            expect(noteWidth, 'the note was measured').toBeGreaterThan(row.valueLabel.length * small * 0.3)
            if (anchor === 'start') {
              expect(x).toBeGreaterThanOrEqual(end)
              expect(x + noteWidth, row.valueLabel).toBeLessThanOrEqual(width)
            } else {
              expect(x, row.valueLabel).toBeLessThanOrEqual(begin)
              expect(x - noteWidth, `${row.valueLabel} clears "${row.label}"`).toBeGreaterThan(labelEnd)
            }
          }
        }
      }
    }
  )

  it('renders a standalone SVG with escaped text, paper only for print', () => {
    const svg = renderScenarioSvg({ ...spec, title: '<b>Plans</b> & seeds' }, { width: 800, height: 420, palette: PRINT_PALETTE })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).not.toMatch(/<script|href=|url\(/)
    expect(svg).toContain('&lt;b&gt;Plans&lt;/b&gt; &amp; seeds')
    expect(svg).toContain(`<rect width="800" height="420" fill="#ffffff"/>`)
    expect(svg).toContain(PRINT_PALETTE.series[0]!)
    expect(svg).toContain('What the authors saw')
    const light = renderScenarioSvg(spec, { width: 800, height: 420, palette: LIGHT_PALETTE })
    expect(light).not.toContain('<rect width="800"')
    expect(light.match(/<rect /g)!.length).toBeGreaterThanOrEqual(6)
  })
})
