import type { ScenarioComparison } from '../domain/planning/scenarios'
import { monthsToWeeks } from '../domain/planning/weeks'
import type { RenderOptions } from './radar.chart'
import { fmt, wrapWords, xmlText } from './svg'

/**
 * The first-hire scenario chart, defined once as data: horizontal bars on a scale of weeks
 * from the engagement's start. For each scenario, one bar for this client's plan (the wait
 * for the first hire drawn light, then the weeks from the hire's start to the first AI
 * feature) and one for the seed observation, laid from the same hire start (a range, plus
 * the stabilisation the seed authors saw afterwards). The results page and the Word export
 * draw the same SVG.
 */
export type RangeSegmentStyle = 'lead' | 'plan' | 'seed' | 'stabilisation'

export interface RangeSegment {
  from: number
  to: number
  style: RangeSegmentStyle
}

export interface RangeRow {
  id: string
  label: string
  segments: readonly RangeSegment[]
  /** A short note drawn after the bar. */
  valueLabel: string
  /** Vertical ticks on the bar, e.g. where the first hire starts. */
  markers?: readonly { at: number; label: string }[]
}

export interface RangeGroup {
  label: string
  /** Palette series index. */
  series: number
  /** Drawn bold with a "recommended" tag. */
  highlighted: boolean
  rows: readonly RangeRow[]
}

export interface ScenarioChartSpec {
  kind: 'range-bars'
  title: string
  axisLabel: string
  max: number
  tickStep: number
  groups: readonly RangeGroup[]
  /** How to read the bars, drawn above the footnote. */
  key: string
  footnote: string
}

const round1 = (x: number): string => String(Math.round(x * 10) / 10)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The chart spec for a scenario comparison. */
export function scenarioChart(comparison: ScenarioComparison, title = 'Time to the first AI feature by first hire'): ScenarioChartSpec {
  let max = 0
  const groups: RangeGroup[] = comparison.scenarios.map((s, i) => {
    const hireStart = s.firstHireStartWeek - 1
    const feature = s.timeToFirstFeatureWeeks
    const plan: RangeSegment[] =
      feature > hireStart
        ? [
            { from: 0, to: hireStart, style: 'lead' },
            { from: hireStart, to: feature, style: 'plan' }
          ]
        : [{ from: 0, to: feature, style: 'plan' }]
    const seedFrom = hireStart + s.seed.minWeeks
    const seedTo = hireStart + s.seed.maxWeeks
    const stabilisationTo = seedTo + monthsToWeeks(s.seed.stabilisationMonths)
    const seed: RangeSegment[] = [
      { from: seedFrom, to: seedTo, style: 'seed' },
      ...(s.seed.stabilisationMonths > 0 ? [{ from: seedTo, to: stabilisationTo, style: 'stabilisation' as const }] : [])
    ]
    max = Math.max(max, feature, stabilisationTo, seedTo)
    const fromHire =
      s.weeksFromFirstHireStart > 0
        ? `${plural(s.weeksFromFirstHireStart, 'week')} after the hire starts`
        : 'before the hire starts'
    return {
      label: s.label,
      series: i,
      highlighted: s.recommended,
      rows: [
        {
          id: `${s.id}_plan`,
          label: 'This plan',
          segments: plan,
          valueLabel: `week ${feature} (${fromHire})`,
          markers: [{ at: hireStart, label: 'hire starts' }]
        },
        {
          id: `${s.id}_seed`,
          label: 'Seed observation',
          segments: seed,
          valueLabel:
            `${s.seed.minMonths}–${s.seed.maxMonths} months after the hire` +
            (s.seed.stabilisationMonths > 0 ? `, then about ${s.seed.stabilisationMonths} stabilising` : '')
        }
      ]
    }
  })
  const tickStep = max <= 40 ? 4 : max <= 80 ? 8 : 13
  return {
    kind: 'range-bars',
    title,
    axisLabel: 'Weeks from the start of the engagement',
    max: Math.max(tickStep, Math.ceil((max * 1.02) / tickStep) * tickStep),
    tickStep,
    groups,
    key: 'Light: weeks before the first hire starts. Solid: this plan to the first AI feature. Outlined: the seed range, laid from the same hire start. Dashed: stabilisation seen afterwards.',
    footnote: comparison.seedNote
  }
}

/** Renders the spec to a standalone SVG string (no scripts, no external references). */
export function renderScenarioSvg(spec: ScenarioChartSpec, options: RenderOptions): string {
  const { width, height, palette } = options
  const font = options.fontFamily ?? 'Inter, "Segoe UI", system-ui, sans-serif'
  const size = options.fontSize ?? 14
  const small = size * 0.8
  const labelWidth = Math.min(width * 0.34, size * 15)
  const left = labelWidth + size
  const right = width - size * 1.2
  const top = size * 2.8
  // Small text averages a little over half its size a character.
  const charWidth = small * 0.55
  const lineChars = Math.max(20, Math.floor((width - size * 2) / charWidth))
  const footLines = [...wrapWords(spec.key, lineChars), ...wrapWords(spec.footnote, lineChars)]
  // Room under the bars for the tick numbers, the axis label and the footnote.
  const bottom = height - size * 0.8 - (footLines.length - 1) * small * 1.3 - small * 4.4
  const rowCount = spec.groups.reduce((n, g) => n + g.rows.length + 1, 0)
  const rowHeight = Math.max(size * 1.2, (bottom - top) / Math.max(1, rowCount))
  const barHeight = rowHeight * 0.6
  const x = (weeks: number): number => left + ((right - left) * Math.max(0, Math.min(spec.max, weeks))) / spec.max
  const parts: string[] = []

  if (palette.background !== 'transparent') {
    parts.push(`<rect width="${width}" height="${height}" fill="${palette.background}"/>`)
  }
  parts.push(
    `<text x="${fmt(size)}" y="${fmt(size * 1.5)}" font-size="${fmt(size * 1.1)}" font-weight="600" fill="${palette.text}">${xmlText(spec.title)}</text>`
  )

  // Grid and axis.
  for (let t = 0; t <= spec.max; t += spec.tickStep) {
    parts.push(`<line x1="${fmt(x(t))}" y1="${fmt(top)}" x2="${fmt(x(t))}" y2="${fmt(bottom)}" stroke="${palette.grid}" stroke-width="1"/>`)
    parts.push(
      `<text x="${fmt(x(t))}" y="${fmt(bottom + small * 1.3)}" text-anchor="middle" font-size="${fmt(small)}" fill="${palette.muted}">${t}</text>`
    )
  }
  parts.push(
    `<text x="${fmt((left + right) / 2)}" y="${fmt(bottom + small * 2.7)}" text-anchor="middle" font-size="${fmt(small)}" fill="${palette.muted}">${xmlText(spec.axisLabel)}</text>`
  )

  let y = top
  for (const group of spec.groups) {
    const colour = palette.series[group.series % palette.series.length]!
    const tag = group.highlighted ? ' (recommended)' : ''
    parts.push(
      `<text x="${fmt(size)}" y="${fmt(y + rowHeight * 0.7)}" font-size="${fmt(size)}" font-weight="${group.highlighted ? 700 : 600}" fill="${palette.text}">${xmlText(group.label + tag)}</text>`
    )
    y += rowHeight
    for (const row of group.rows) {
      const barY = y + (rowHeight - barHeight) / 2
      parts.push(
        `<text x="${fmt(size * 1.8)}" y="${fmt(y + rowHeight * 0.65)}" font-size="${fmt(small)}" fill="${palette.muted}">${xmlText(row.label)}</text>`
      )
      let end = left
      const begin = row.segments.length > 0 ? x(Math.min(...row.segments.map((seg) => seg.from))) : left
      for (const seg of row.segments) {
        const x1 = x(seg.from)
        const w = Math.max(1, x(seg.to) - x1)
        end = Math.max(end, x1 + w)
        const common = `x="${fmt(x1)}" y="${fmt(barY)}" width="${fmt(w)}" height="${fmt(barHeight)}" rx="${fmt(barHeight * 0.15)}"`
        switch (seg.style) {
          case 'plan':
            parts.push(`<rect ${common} fill="${colour}"/>`)
            break
          case 'lead':
            parts.push(`<rect ${common} fill="${colour}" fill-opacity="0.22"/>`)
            break
          case 'seed':
            parts.push(`<rect ${common} fill="${colour}" fill-opacity="0.12" stroke="${colour}" stroke-width="${fmt(size * 0.12)}"/>`)
            break
          case 'stabilisation':
            parts.push(
              `<rect ${common} fill="${palette.muted}" fill-opacity="0.15" stroke="${palette.muted}" stroke-width="${fmt(size * 0.1)}" stroke-dasharray="${fmt(size * 0.4)} ${fmt(size * 0.3)}"/>`
            )
            break
        }
      }
      for (const marker of row.markers ?? []) {
        const mx = x(marker.at)
        parts.push(
          `<line x1="${fmt(mx)}" y1="${fmt(barY - size * 0.25)}" x2="${fmt(mx)}" y2="${fmt(barY + barHeight + size * 0.25)}" stroke="${palette.text}" stroke-width="${fmt(size * 0.12)}"><title>${xmlText(marker.label)}</title></line>`
        )
      }
      // The note goes after the bar, else before it (as far left as the row's own label allows),
      // else over the right edge of the chart.
      const textWidth = row.valueLabel.length * charWidth
      const gap = size * 0.4
      const rowLabelEnd = size * 1.8 + row.label.length * charWidth + gap * 2
      const [tx, anchor] =
        end + gap + textWidth <= width
          ? [end + gap, 'start']
          : begin - gap - textWidth >= rowLabelEnd
            ? [begin - gap, 'end']
            : [width - size * 0.5, 'end']
      parts.push(
        `<text x="${fmt(tx)}" y="${fmt(y + rowHeight * 0.65)}" text-anchor="${anchor}" font-size="${fmt(small)}" fill="${palette.text}">${xmlText(row.valueLabel)}</text>`
      )
      y += rowHeight
    }
  }

  footLines.forEach((line, i) => {
    parts.push(
      `<text x="${fmt(size)}" y="${fmt(height - size * 0.8 - (footLines.length - 1 - i) * small * 1.3)}" font-size="${fmt(small)}" fill="${palette.muted}">${xmlText(line)}</text>`
    )
  })

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${xmlText(font)}" role="img" aria-label="${xmlText(spec.title)}">` +
    `<title>${xmlText(spec.title)}</title>${parts.join('')}</svg>`
  )
}

/** A one-line text summary of a scenario, for the CLI and alt text. */
export function scenarioSentence(s: ScenarioComparison['scenarios'][number]): string {
  const fromHire = s.weeksFromFirstHireStart > 0 ? `${round1(s.monthsFromFirstHireStart)} after the hire starts` : 'before the hire starts'
  return `${s.label}: first AI feature by week ${s.timeToFirstFeatureWeeks} (${round1(s.monthsFromStart)} months from the start, ${fromHire}), ${s.totals.effortDays} consultant days over ${s.planWeeks} weeks; seed observation ${s.seed.minMonths}–${
    s.seed.maxMonths
  } months${s.seed.stabilisationMonths > 0 ? ` plus about ${s.seed.stabilisationMonths} of stabilisation` : ''}`
}
