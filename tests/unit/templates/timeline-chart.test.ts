import { describe, expect, it } from 'vitest'
import { planIntake } from '../../../cli/commands/plan.command'
import { PRINT_PALETTE } from '../../../shared/charts/svg'
import { monthTicks, renderTimelineSvg, splitTimeline, timelineChart, timelineHeight, timelineRowCount } from '../../../shared/charts/timeline.chart'
import { planItems } from '../../../shared/domain/planning/plan.model'
import { pngSize } from '../../../templates/branding'
import { renderTimelinePng } from '../../../templates/charts'
import { intakeFixture } from '../../helpers/proposal-input.helper'

const plan = planIntake(intakeFixture('api-startup'))

describe('the plan timeline', () => {
  it('has a lane per phase with work, a row per item and the milestones in week order', () => {
    const spec = timelineChart(plan)
    expect(spec.lanes.map((l) => l.id)).toEqual(plan.phases.filter((p) => p.items.some((i) => i.kind !== 'milestone')).map((p) => p.id))
    expect(spec.lanes.flatMap((l) => l.rows.map((r) => r.id))).toEqual(
      planItems(plan)
        .filter((i) => i.kind !== 'milestone')
        .map((i) => i.id)
    )
    expect(spec.milestones.map((m) => m.week)).toEqual([...plan.milestones.map((m) => m.week)].sort((a, b) => a - b))
    expect(spec.weeks).toBeGreaterThanOrEqual(plan.weeks)
  })

  it('draws a hire as recruiting then the onboarding week, and the interim lead as a weekly bar', () => {
    const spec = timelineChart(plan)
    const rows = spec.lanes.flatMap((l) => l.rows)
    const hire = plan.hires[0]!
    expect(rows.find((r) => r.id === `hire_${hire.role}`)!.segments).toEqual([
      { from: hire.recruitStartWeek, to: hire.startWeek - 1, style: 'recruiting' },
      { from: hire.startWeek, to: hire.startWeek, style: 'onboarding' }
    ])
    expect(rows.find((r) => r.id === 'interim_lead')!.segments[0]!.style).toBe('weekly')
  })

  it('outlines optional work pending the audit', () => {
    const spec = timelineChart(planIntake(intakeFixture('no-data')))
    const styles = spec.lanes.flatMap((l) => l.rows.flatMap((r) => r.segments.map((s) => s.style)))
    expect(styles).toContain('optional')
    expect(spec.key).toContain('outlined: optional work')
  })

  it('labels the months from the start date in the locale', () => {
    // 3 March 2025 is a Monday; week 5 (31 March – 6 April) holds 1 April.
    expect(monthTicks('2025-03-03', 10, 'en-GB').map((t) => [t.week, t.label])).toEqual([
      [1, 'Mar'],
      [5, 'Apr'],
      [9, 'May']
    ])
    expect(monthTicks('2025-03-03', 2, 'de-DE')[0]!.label).toMatch(/^Mär/)
  })

  it('cuts a long timeline into charts of at most the given rows, keeping every row once and the milestones last', () => {
    const spec = timelineChart(plan)
    const parts = splitTimeline(spec, 10)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(timelineRowCount(part)).toBeLessThanOrEqual(10)
    expect(parts.flatMap((p) => p.lanes.flatMap((l) => l.rows.map((r) => r.id)))).toEqual(spec.lanes.flatMap((l) => l.rows.map((r) => r.id)))
    expect(parts.at(-1)!.milestones).toEqual(spec.milestones)
    expect(parts.slice(0, -1).every((p) => p.milestones.length === 0)).toBe(true)
    expect(parts[1]!.title).toBe(`Plan timeline (2 of ${parts.length})`)
    expect(splitTimeline(spec, 500)).toEqual([spec])
  })

  it('renders a standalone SVG with escaped, shortened labels and a crisp PNG', () => {
    const spec = timelineChart(plan)
    const hostile = {
      ...spec,
      lanes: [
        {
          ...spec.lanes[0]!,
          rows: [{ id: 'x', label: `<script>alert(1)</script> ${'very long '.repeat(30)}`, segments: [{ from: 1, to: 2, style: 'work' as const }] }]
        }
      ]
    }
    const svg = renderTimelineSvg(hostile, { width: 640, height: 0, palette: PRINT_PALETTE })
    expect(svg).not.toMatch(/<script|href=|url\(/)
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain('…')
    const image = renderTimelinePng(spec, { width: 600, scale: 2 })
    expect(image.height).toBe(timelineHeight(spec, 600, 10.5))
    expect(pngSize(image.png)).toEqual({ width: 1200, height: Math.round(image.height * 2) })
  })
})
