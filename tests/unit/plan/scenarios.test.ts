import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assess } from '../../../shared/domain/assessment/engine'
import type { GeneratePlanInput } from '../../../shared/domain/planning/plan.generator'
import {
  compareFirstHireScenarios,
  SEED_FIGURES,
  SEED_FIGURES_NOTE,
  withFirstHire
} from '../../../shared/domain/planning/scenarios'
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

describe('first-hire scenarios', () => {
  it('forces the first hire and keeps the rest of the sequence in order', () => {
    const input = fixtureInput('api-startup.json')
    const a = assess({ maturity: input.maturity, context: input.context })
    const ml = withFirstHire(a, 'ml_engineer')
    expect(ml.firstHire).toBe('ml_engineer')
    expect(ml.hiringSequence).toEqual(['ml_engineer', 'infra_engineer', 'data_engineer'])
    expect(ml.hiringSteps.map((s) => s.role)).toEqual(ml.hiringSequence)
    expect(withFirstHire(a, 'infra_engineer')).toBe(a)
    const noData = withFirstHire(fixtureInput('no-data.json').assessment, 'ml_engineer')
    expect(noData.hiringSteps[0]!.afterAudit).toBe(true)
  })

  it('runs the generator once per first hire and sets each schedule beside the seed figures', () => {
    const c = compareFirstHireScenarios(fixtureInput('api-startup.json'))
    expect(c.recommendedFirstHire).toBe('infra_engineer')
    expect(c.scenarios.map((s) => [s.id, s.firstHire, s.recommended])).toEqual([
      ['infra_first', 'infra_engineer', true],
      ['ml_first', 'ml_engineer', false]
    ])
    const [infra, ml] = c.scenarios
    expect(infra).toMatchObject({ firstHireStartWeek: 12, timeToFirstFeatureWeeks: 21, weeksFromFirstHireStart: 10, planWeeks: 21 })
    expect(infra!.totals.effortDays).toBe(61.5)
    // ML engineer first: the consultant builds the whole platform, so the plan is longer and dearer.
    expect(ml!.totals.effortDays).toBeGreaterThan(infra!.totals.effortDays)
    expect(ml!.planWeeks).toBeGreaterThan(infra!.planWeeks)
    expect(infra!.seed).toMatchObject({ minMonths: 2, maxMonths: 3, stabilisationMonths: 0 })
    expect(ml!.seed).toMatchObject({ minMonths: 6, maxMonths: 9, stabilisationMonths: 3 })
    expect(SEED_FIGURES.ml_first.stabilisationMonths).toBe(3)
    expect(infra!.seed.minWeeks).toBeCloseTo(8.667, 3)
    expect(infra!.monthsFromFirstHireStart).toBeCloseTo(10 / (52 / 12), 6)
    expect(c.seedNote).toBe(SEED_FIGURES_NOTE)
    expect(SEED_FIGURES_NOTE).toMatch(/dozen companies of 50 to 500 people/)
    expect(SEED_FIGURES_NOTE).toMatch(/not a promise/)
  })

  it('is deterministic and leaves the input alone', () => {
    const input = fixtureInput('custom-exploration.json')
    const copy = structuredClone(input)
    expect(compareFirstHireScenarios(input)).toEqual(compareFirstHireScenarios(copy))
    expect(input).toEqual(copy)
  })

  it('says it in one line per scenario', () => {
    const c = compareFirstHireScenarios(fixtureInput('api-startup.json'))
    expect(scenarioSentence(c.scenarios[0]!)).toMatch(/^Infrastructure engineer first: first AI feature by week 21 .*seed observation 2–3 months$/)
    expect(scenarioSentence(c.scenarios[1]!)).toMatch(/seed observation 6–9 months plus about 3 of stabilisation$/)
  })
})

describe('the scenario chart', () => {
  const c = compareFirstHireScenarios(fixtureInput('api-startup.json'))
  const spec = scenarioChart(c)

  it('is data: a plan row and a seed row per scenario, on a scale of weeks', () => {
    expect(spec.kind).toBe('range-bars')
    expect(spec.groups.map((g) => [g.label, g.highlighted, g.rows.map((r) => r.id)])).toEqual([
      ['Infrastructure engineer first', true, ['infra_first_plan', 'infra_first_seed']],
      ['ML engineer first', false, ['ml_first_plan', 'ml_first_seed']]
    ])
    const plan = spec.groups[0]!.rows[0]!
    expect(plan.segments).toEqual([
      { from: 0, to: 11, style: 'lead' },
      { from: 11, to: 21, style: 'plan' }
    ])
    const seed = spec.groups[1]!.rows[1]!
    expect(seed.segments.map((s) => s.style)).toEqual(['seed', 'stabilisation'])
    expect(seed.segments[0]!.from).toBeCloseTo(11 + 26, 6)
    expect(spec.max % spec.tickStep).toBe(0)
    for (const g of spec.groups) for (const r of g.rows) for (const s of r.segments) expect(s.to).toBeLessThanOrEqual(spec.max)
    expect(spec.footnote).toBe(SEED_FIGURES_NOTE)
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

  it.each(fonts.map((f) => [f[0], f] as const))('writes each row\'s note clear of its bars and of the row\'s label, in %s, at the app\'s and the proposal\'s sizes', (_name, font) => {
    for (const [width, height, fontSize] of [[900, 340, 15], [900, 360, 14.5]] as const) {
      const svg = renderScenarioSvg(spec, { width, height, palette: LIGHT_PALETTE, fontSize })
      for (const group of spec.groups) {
        for (const row of group.rows) {
          const note = svg.match(new RegExp(`<text x="([\\d.]+)" y="[\\d.]+" text-anchor="(start|end)"[^>]*>${xmlText(row.valueLabel).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</text>`))
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
  })

  it('renders a standalone SVG with escaped text, paper only for print', () => {
    const svg = renderScenarioSvg({ ...spec, title: '<b>Plans</b> & seeds' }, { width: 800, height: 420, palette: PRINT_PALETTE })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).not.toMatch(/<script|href=|url\(/)
    expect(svg).toContain('&lt;b&gt;Plans&lt;/b&gt; &amp; seeds')
    expect(svg).toContain(`<rect width="800" height="420" fill="#ffffff"/>`)
    expect(svg).toContain(PRINT_PALETTE.series[0]!)
    expect(svg).toContain('Seed observation')
    const light = renderScenarioSvg(spec, { width: 800, height: 420, palette: LIGHT_PALETTE })
    expect(light).not.toContain('<rect width="800"')
    expect(light.match(/<rect /g)!.length).toBeGreaterThanOrEqual(6)
  })
})
