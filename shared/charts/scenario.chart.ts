import type { RouteComparison, RouteView } from '../domain/planning/scenarios'
import type { RenderOptions } from './radar.chart'
import { fmt, wrapWords, xmlText } from './svg'

/**
 * The route chart, defined once as data: horizontal bars on a scale of weeks from the
 * engagement's start. For each route, one bar for this client's plan (the wait for the first
 * hire drawn light, then the weeks from the hire's start to the plan's milestone, and the
 * stabilising an ML engineer who built the platform would still face, dashed) and, where the
 * essays' figures apply, one for what their authors saw, laid from the same hire start. The
 * plan screen and the Word export draw the same SVG. When both routes reach the milestone in
 * the same week there is no chart: the comparison is made in words.
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
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

function afterHire(route: RouteView): string {
  return route.weeksAfterFirstHireStart > 0 ? `${plural(route.weeksAfterFirstHireStart, 'week')} after the hire starts` : 'before the hire starts'
}

/** The chart spec for a route comparison. */
export function scenarioChart(comparison: RouteComparison, title = `Weeks to ${comparison.milestone.phrase}, by first hire`): ScenarioChartSpec {
  let max = 0
  const groups: RangeGroup[] = comparison.routes.map((route, i) => {
    const hireStart = route.firstHireStartWeek - 1
    const reached = route.milestoneWeek
    const plan: RangeSegment[] =
      reached > hireStart
        ? [
            { from: 0, to: hireStart, style: 'lead' },
            { from: hireStart, to: reached, style: 'plan' }
          ]
        : [{ from: 0, to: reached, style: 'plan' }]
    if (route.stabilisationWeeks > 0) plan.push({ from: reached, to: reached + route.stabilisationWeeks, style: 'stabilisation' })
    max = Math.max(max, reached + route.stabilisationWeeks)
    const rows: RangeRow[] = [
      {
        id: `${route.id}_plan`,
        label: 'This plan',
        segments: plan,
        valueLabel:
          route.weeksAfterFirstHireStart > 0
            ? `week ${reached}, ${route.weeksAfterFirstHireStart} after the hire starts`
            : `week ${reached}, before the hire starts`,
        markers: [{ at: hireStart, label: 'hire starts' }]
      }
    ]
    const seen = route.observed
    if (seen) {
      const from = hireStart + seen.minWeeks
      const to = hireStart + seen.maxWeeks
      const stabilisationTo = to + (seen.stabilisationMonths * 52) / 12
      max = Math.max(max, to, stabilisationTo)
      rows.push({
        id: `${route.id}_observed`,
        label: 'What the authors saw',
        segments: [{ from, to, style: 'seed' }, ...(seen.stabilisationMonths > 0 ? [{ from: to, to: stabilisationTo, style: 'stabilisation' as const }] : [])],
        valueLabel:
          `${seen.minMonths}–${seen.maxMonths} months` +
          (seen.stabilisationMonths > 0 ? `, then about ${seen.stabilisationMonths} stabilising` : ' after the hire')
      })
    }
    return { label: route.label, series: i, highlighted: route.recommended, rows }
  })
  // Room to the right of the longest bar for its note.
  max *= 1.4
  const tickStep = max <= 40 ? 4 : max <= 80 ? 8 : 13
  const observed = comparison.routes.some((r) => r.observed)
  const stabilising = comparison.routes.some((r) => r.stabilisationWeeks > 0 || (r.observed?.stabilisationMonths ?? 0) > 0)
  return {
    kind: 'range-bars',
    title,
    axisLabel: 'Weeks from the start of the engagement',
    max: Math.max(tickStep, Math.ceil(max / tickStep) * tickStep),
    tickStep,
    groups,
    key: [
      'Light: weeks before the first hire starts.',
      `Solid: this plan to ${comparison.milestone.phrase}.`,
      ...(observed ? ['Outlined: the range the authors saw, laid from the same hire start.'] : []),
      ...(stabilising ? ['Dashed: stabilising afterwards.'] : [])
    ].join(' '),
    footnote: observed ? comparison.note : ''
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
    parts.push(`<text x="${fmt(x(t))}" y="${fmt(bottom + small * 1.3)}" text-anchor="middle" font-size="${fmt(small)}" fill="${palette.muted}">${t}</text>`)
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
      parts.push(`<text x="${fmt(size * 1.8)}" y="${fmt(y + rowHeight * 0.65)}" font-size="${fmt(small)}" fill="${palette.muted}">${xmlText(row.label)}</text>`)
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
        end + gap + textWidth <= width ? [end + gap, 'start'] : begin - gap - textWidth >= rowLabelEnd ? [begin - gap, 'end'] : [width - size * 0.5, 'end']
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

/** A one-line text summary of a route, for the CLI and alt text. */
export function scenarioSentence(route: RouteView, comparison: Pick<RouteComparison, 'milestone'>): string {
  const seen = route.observed
  return (
    `${route.label}: ${lowerFirst(comparison.milestone.title)} by week ${route.milestoneWeek} (${round1(route.monthsFromStart)} months from the start, ${afterHire(route)})` +
    (route.stabilisationWeeks > 0 ? `, then about ${round1(route.stabilisationWeeks / (52 / 12))} months of stabilising` : '') +
    (seen
      ? `; the authors saw ${seen.minMonths}–${seen.maxMonths} months${seen.stabilisationMonths > 0 ? ` plus about ${seen.stabilisationMonths} of stabilising` : ''}`
      : '')
  )
}
