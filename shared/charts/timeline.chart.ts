import type { Plan, PlanItem } from '../domain/planning/plan.model'
import { weekStartDate } from '../domain/planning/weeks'
import type { RenderOptions } from './radar.chart'
import { fmt, wrapWords, xmlText } from './svg'

/**
 * The plan's timeline (a simple Gantt chart), defined once as data: one lane per phase, one
 * row per item, bars on a scale of plan weeks with month labels above and the milestones as
 * diamonds below. Hires show the recruiting weeks light and the onboarding weeks solid; the
 * part-time interim lead is a thin bar across the weeks it runs; optional work (pending the
 * audit or left out) is outlined, not filled. The plan screen and the Word export can draw
 * the same SVG.
 *
 * Long plans are cut into several charts of at most `maxRows` rows each (`splitTimeline`),
 * so a 60-task plan still prints at a readable size.
 *
 * Pure module: no Node, DOM or Electron imports (Intl is part of the language).
 */

export type TimelineBarStyle = 'work' | 'optional' | 'weekly' | 'recruiting' | 'onboarding'

export interface TimelineSegment {
  /** First and last week, inclusive (week 1 is the engagement's first). */
  from: number
  to: number
  style: TimelineBarStyle
}

export interface TimelineRow {
  id: string
  label: string
  segments: readonly TimelineSegment[]
}

export interface TimelineLane {
  id: string
  label: string
  /** Palette series index (the phase's position). */
  series: number
  rows: readonly TimelineRow[]
}

export interface TimelineMilestone {
  id: string
  label: string
  /** The week by whose end it is reached. */
  week: number
}

export interface TimelineTick {
  /** The week the label sits at the start of. */
  week: number
  label: string
}

export interface TimelineChartSpec {
  kind: 'timeline'
  title: string
  /** The last week on the axis. */
  weeks: number
  /** Week numbers drawn under the axis, every `tickStep` weeks from week 1. */
  tickStep: number
  /** Labels above the grid (month starts), optional. */
  periods: readonly TimelineTick[]
  lanes: readonly TimelineLane[]
  milestones: readonly TimelineMilestone[]
  /** How to read the bars, drawn at the foot. */
  key: string
}

export interface TimelineOptions {
  title?: string
  /** BCP 47 tag for the month labels (default en-GB). */
  locale?: string
  /** Leave out milestones (e.g. for a continuation chart). */
  milestones?: boolean
  /** A row's label (default: the item's title); documents give short names so no label is cut. */
  labelOf?: (item: PlanItem) => string
}

const MONTH_CACHE = new Map<string, Intl.DateTimeFormat>()
function monthFormat(locale: string): Intl.DateTimeFormat {
  let f = MONTH_CACHE.get(locale)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' })
    }
    MONTH_CACHE.set(locale, f)
  }
  return f
}

/** The week in which each calendar month after the start begins, labelled with the month's short name. */
export function monthTicks(startDate: string, weeks: number, locale = 'en-GB'): TimelineTick[] {
  const format = monthFormat(locale)
  const ticks: TimelineTick[] = []
  let previousMonth = -1
  for (let week = 1; week <= weeks; week++) {
    const start = new Date(`${weekStartDate(startDate, week)}T00:00:00Z`)
    const end = new Date(start.getTime() + 6 * 86_400_000)
    // The week that holds the first day of a month opens it (week 1 opens the start month).
    const month = week === 1 ? start.getUTCMonth() : end.getUTCDate() <= 7 ? end.getUTCMonth() : start.getUTCMonth()
    if (month !== previousMonth) {
      const labelDate = week === 1 ? start : end.getUTCDate() <= 7 ? end : start
      ticks.push({ week, label: format.format(labelDate) })
      previousMonth = month
    }
  }
  return ticks
}

function itemSegments(item: PlanItem): TimelineSegment[] {
  if (item.daysPerWeek !== undefined) return [{ from: item.startWeek, to: item.endWeek, style: 'weekly' }]
  return [{ from: item.startWeek, to: item.endWeek, style: item.optional ? 'optional' : 'work' }]
}

/** The timeline spec for a plan: its phases as lanes (empty phases left out), hires as recruiting then onboarding. */
export function timelineChart(plan: Plan, options: TimelineOptions = {}): TimelineChartSpec {
  const hireByItem = new Map(plan.hires.map((h) => [`hire_${h.role}`, h]))
  const lanes: TimelineLane[] = []
  plan.phases.forEach((phase, index) => {
    const rows: TimelineRow[] = []
    for (const item of phase.items) {
      if (item.kind === 'milestone') continue
      const hire = item.kind === 'hire' ? hireByItem.get(item.id) : undefined
      const segments: TimelineSegment[] = hire
        ? [
            ...(hire.startWeek > hire.recruitStartWeek
              ? [{ from: hire.recruitStartWeek, to: hire.startWeek - 1, style: item.optional ? ('optional' as const) : ('recruiting' as const) }]
              : []),
            { from: hire.startWeek, to: hire.startWeek, style: 'onboarding' as const }
          ]
        : itemSegments(item)
      rows.push({ id: item.id, label: options.labelOf ? options.labelOf(item) : item.title, segments })
    }
    if (rows.length > 0) lanes.push({ id: phase.id, label: phase.name, series: index, rows })
  })
  const lastWeek = Math.max(
    plan.weeks,
    1,
    ...lanes.flatMap((l) => l.rows.flatMap((r) => r.segments.map((s) => s.to))),
    ...(options.milestones === false ? [] : plan.milestones.map((m) => m.week))
  )
  const tickStep = lastWeek <= 16 ? 1 : lastWeek <= 32 ? 2 : lastWeek <= 64 ? 4 : 8
  const hasOptional = lanes.some((l) => l.rows.some((r) => r.segments.some((s) => s.style === 'optional')))
  const hasHires = plan.hires.length > 0
  const hasWeekly = lanes.some((l) => l.rows.some((r) => r.segments.some((s) => s.style === 'weekly')))
  const keyParts = [
    'Solid bars: consultant work, by phase',
    ...(hasWeekly ? ['thin bars: part-time work every week'] : []),
    ...(hasHires ? ['hires: recruiting light, onboarding solid'] : []),
    ...(hasOptional ? ['outlined: optional work, outside the committed total'] : []),
    ...(options.milestones === false || plan.milestones.length === 0 ? [] : ['diamonds: milestones'])
  ]
  return {
    kind: 'timeline',
    title: options.title ?? 'Plan timeline',
    weeks: lastWeek,
    tickStep,
    periods: monthTicks(plan.engagement.startDate, lastWeek, options.locale ?? 'en-GB'),
    lanes,
    milestones:
      options.milestones === false ? [] : [...plan.milestones].sort((a, b) => a.week - b.week).map((m) => ({ id: m.id, label: m.title, week: m.week })),
    key: `${keyParts.join('; ')}.`
  }
}

/** Rows the chart draws: a header per lane, its items, and a header and one row per milestone. */
export function timelineRowCount(spec: TimelineChartSpec): number {
  return spec.lanes.reduce((n, l) => n + 1 + l.rows.length, 0) + (spec.milestones.length > 0 ? 1 + spec.milestones.length : 0)
}

/**
 * Cuts a long timeline into charts of at most `maxRows` rows (a lane cut in two is
 * continued, its header repeated); the milestones go with the last chart. Each chunk keeps
 * the whole axis, so the charts line up when read one after another.
 */
export function splitTimeline(spec: TimelineChartSpec, maxRows: number): TimelineChartSpec[] {
  const limit = Math.max(4, Math.floor(maxRows))
  if (timelineRowCount(spec) <= limit) return [spec]
  const chunks: TimelineLane[][] = [[]]
  let used = 0
  for (const lane of spec.lanes) {
    let rows = [...lane.rows]
    let continued = false
    while (rows.length > 0) {
      // Start a new chart when not even the header and two rows fit.
      if (used > 0 && used + 1 + Math.min(2, rows.length) > limit) {
        chunks.push([])
        used = 0
      }
      const room = Math.max(1, limit - used - 1)
      const take = rows.slice(0, room)
      rows = rows.slice(room)
      chunks[chunks.length - 1]!.push({ ...lane, label: continued ? `${lane.label} (continued)` : lane.label, rows: take })
      used += 1 + take.length
      continued = true
    }
  }
  // Milestones need their own room at the end.
  if (spec.milestones.length > 0 && used + 1 + spec.milestones.length > limit) chunks.push([])
  const count = chunks.length
  return chunks.map((lanes, i) => ({
    ...spec,
    title: count > 1 ? `${spec.title} (${i + 1} of ${count})` : spec.title,
    lanes,
    milestones: i === count - 1 ? spec.milestones : []
  }))
}

/** The layout every size follows from: rows of `fontSize × 1.75`. */
function layout(spec: TimelineChartSpec, width: number, size: number) {
  const rowHeight = size * 1.75
  const labelWidth = Math.min(width * 0.4, size * 24)
  const left = labelWidth + size * 0.8
  const right = width - size * 0.8
  const top = size * 3.4 // month labels and week numbers
  const rows = timelineRowCount(spec)
  const gridBottom = top + rows * rowHeight
  const keyTop = gridBottom + size * 1.4
  return { rowHeight, labelWidth, left, right, top, gridBottom, keyTop }
}

/** The height (px) the chart needs at a width and base font size. */
export function timelineHeight(spec: TimelineChartSpec, width: number, fontSize = 11): number {
  const l = layout(spec, width, fontSize)
  const small = fontSize * 0.85
  const keyLines = wrapWords(spec.key, Math.max(20, Math.floor((width - fontSize * 2) / (small * 0.55)))).length
  return Math.ceil(l.keyTop + keyLines * small * 1.35 + fontSize * 0.4)
}

/** Text cut to about `maxWidth` px at `size` (an ellipsis marks the cut); line breaks become spaces. */
export function fitLabel(text: string, maxWidth: number, size: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  const max = Math.max(4, Math.floor(maxWidth / (size * 0.5)))
  const chars = [...clean]
  return chars.length <= max
    ? clean
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

/** Renders the spec to a standalone SVG string (no scripts, no external references). */
export function renderTimelineSvg(spec: TimelineChartSpec, options: RenderOptions): string {
  const { width, palette } = options
  const size = options.fontSize ?? 11
  const height = options.height > 0 ? options.height : timelineHeight(spec, width, size)
  const font = options.fontFamily ?? 'Inter, "Segoe UI", system-ui, sans-serif'
  const small = size * 0.85
  const l = layout(spec, width, size)
  const weeks = Math.max(1, spec.weeks)
  const colWidth = (l.right - l.left) / weeks
  const x = (week: number): number => l.left + (Math.max(1, Math.min(weeks + 1, week)) - 1) * colWidth
  const barHeight = l.rowHeight * 0.56
  const parts: string[] = []

  if (palette.background !== 'transparent') parts.push(`<rect width="${width}" height="${height}" fill="${palette.background}"/>`)

  // Alternate month bands, month labels and week numbers above the grid.
  spec.periods.forEach((p, i) => {
    const next = spec.periods[i + 1]?.week ?? weeks + 1
    if (i % 2 === 1) {
      parts.push(
        `<rect x="${fmt(x(p.week))}" y="${fmt(l.top - size * 0.2)}" width="${fmt(x(next) - x(p.week))}" height="${fmt(l.gridBottom - l.top + size * 0.2)}" fill="${palette.grid}" fill-opacity="0.28"/>`
      )
    }
    // A month too narrow for its name (the last, cut short by the axis) goes unlabelled.
    const span = (i === spec.periods.length - 1 ? l.right : x(next)) - x(p.week)
    if (p.label.length * small * 0.62 + size * 0.4 <= span) {
      parts.push(
        `<text x="${fmt(x(p.week) + size * 0.25)}" y="${fmt(size * 1.2)}" font-size="${fmt(small)}" font-weight="600" fill="${palette.text}">${xmlText(p.label)}</text>`
      )
    }
  })
  for (let w = 1; w <= weeks; w += spec.tickStep) {
    parts.push(
      `<text x="${fmt(x(w) + colWidth / 2)}" y="${fmt(size * 2.6)}" text-anchor="middle" font-size="${fmt(small * 0.9)}" fill="${palette.muted}">${w}</text>`
    )
  }
  parts.push(`<text x="${fmt(l.labelWidth)}" y="${fmt(size * 2.6)}" text-anchor="end" font-size="${fmt(small * 0.9)}" fill="${palette.muted}">Week</text>`)
  // Grid lines at every tick.
  for (let w = 1; w <= weeks + 1; w += spec.tickStep) {
    parts.push(`<line x1="${fmt(x(w))}" y1="${fmt(l.top)}" x2="${fmt(x(w))}" y2="${fmt(l.gridBottom)}" stroke="${palette.grid}" stroke-width="0.6"/>`)
  }
  parts.push(`<line x1="${fmt(l.left)}" y1="${fmt(l.top)}" x2="${fmt(l.right)}" y2="${fmt(l.top)}" stroke="${palette.muted}" stroke-width="0.8"/>`)

  let y = l.top
  const labelRoom = l.labelWidth - size * 1.1
  for (const lane of spec.lanes) {
    const colour = palette.series[lane.series % palette.series.length]!
    // Lane header: a colour chip and the phase name, a hairline under it.
    parts.push(`<rect x="0" y="${fmt(y + l.rowHeight * 0.3)}" width="${fmt(size * 0.35)}" height="${fmt(l.rowHeight * 0.5)}" fill="${colour}"/>`)
    parts.push(
      `<text x="${fmt(size * 0.75)}" y="${fmt(y + l.rowHeight * 0.68)}" font-size="${fmt(size)}" font-weight="700" fill="${palette.text}">${xmlText(fitLabel(lane.label, l.labelWidth, size))}</text>`
    )
    y += l.rowHeight
    for (const row of lane.rows) {
      parts.push(
        `<text x="${fmt(size * 0.75)}" y="${fmt(y + l.rowHeight * 0.66)}" font-size="${fmt(small)}" fill="${palette.text}">${xmlText(fitLabel(row.label, labelRoom, small))}</text>`
      )
      const barY = y + (l.rowHeight - barHeight) / 2
      for (const seg of row.segments) {
        const x1 = x(seg.from)
        const w = Math.max(colWidth * 0.5, x(seg.to + 1) - x1)
        const r = fmt(Math.min(barHeight * 0.22, w / 2))
        switch (seg.style) {
          case 'work':
          case 'onboarding':
            parts.push(`<rect x="${fmt(x1)}" y="${fmt(barY)}" width="${fmt(w)}" height="${fmt(barHeight)}" rx="${r}" fill="${colour}"/>`)
            break
          case 'recruiting':
            parts.push(`<rect x="${fmt(x1)}" y="${fmt(barY)}" width="${fmt(w)}" height="${fmt(barHeight)}" rx="${r}" fill="${colour}" fill-opacity="0.22"/>`)
            break
          case 'optional':
            parts.push(
              `<rect x="${fmt(x1 + 0.6)}" y="${fmt(barY + 0.6)}" width="${fmt(Math.max(1, w - 1.2))}" height="${fmt(barHeight - 1.2)}" rx="${r}" fill="${colour}" fill-opacity="0.08" stroke="${colour}" stroke-width="1.2" stroke-dasharray="${fmt(size * 0.35)} ${fmt(size * 0.25)}"/>`
            )
            break
          case 'weekly': {
            const h = barHeight * 0.36
            parts.push(
              `<rect x="${fmt(x1)}" y="${fmt(barY + (barHeight - h) / 2)}" width="${fmt(w)}" height="${fmt(h)}" rx="${fmt(h / 2)}" fill="${colour}" fill-opacity="0.7"/>`
            )
            break
          }
        }
      }
      y += l.rowHeight
    }
  }

  // Milestones: a diamond at the end of the week, a dotted guide up the grid, the name beside.
  if (spec.milestones.length > 0) {
    parts.push(
      `<text x="${fmt(size * 0.75)}" y="${fmt(y + l.rowHeight * 0.68)}" font-size="${fmt(size)}" font-weight="700" fill="${palette.text}">Milestones</text>`
    )
    y += l.rowHeight
  }
  for (const m of spec.milestones) {
    const cx = x(m.week + 1) - colWidth * 0.05
    const cy = y + l.rowHeight / 2
    const d = barHeight * 0.5
    parts.push(
      `<line x1="${fmt(cx)}" y1="${fmt(l.top)}" x2="${fmt(cx)}" y2="${fmt(cy)}" stroke="${palette.text}" stroke-opacity="0.35" stroke-width="0.8" stroke-dasharray="1.5 2.5"/>`
    )
    parts.push(
      `<path d="M${fmt(cx)} ${fmt(cy - d)} L${fmt(cx + d)} ${fmt(cy)} L${fmt(cx)} ${fmt(cy + d)} L${fmt(cx - d)} ${fmt(cy)} Z" fill="${palette.text}"/>`
    )
    parts.push(
      `<text x="${fmt(size * 0.75)}" y="${fmt(y + l.rowHeight * 0.66)}" font-size="${fmt(small)}" font-style="italic" fill="${palette.text}">${xmlText(fitLabel(m.label, labelRoom, small))}</text>`
    )
    const note = `week ${m.week}`
    const noteWidth = note.length * small * 0.55
    const after = cx + d + size * 0.4
    const [tx, anchor] = after + noteWidth <= width ? [after, 'start'] : [cx - d - size * 0.4, 'end']
    parts.push(
      `<text x="${fmt(tx)}" y="${fmt(y + l.rowHeight * 0.66)}" text-anchor="${anchor}" font-size="${fmt(small * 0.9)}" fill="${palette.muted}">${note}</text>`
    )
    y += l.rowHeight
  }
  parts.push(`<line x1="0" y1="${fmt(l.gridBottom)}" x2="${fmt(width)}" y2="${fmt(l.gridBottom)}" stroke="${palette.grid}" stroke-width="0.8"/>`)

  const keyLines = wrapWords(spec.key, Math.max(20, Math.floor((width - size * 2) / (small * 0.55))))
  keyLines.forEach((line, i) => {
    parts.push(`<text x="0" y="${fmt(l.keyTop + i * small * 1.35)}" font-size="${fmt(small)}" fill="${palette.muted}">${xmlText(line)}</text>`)
  })

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${xmlText(font)}" role="img" aria-label="${xmlText(spec.title)}">` +
    `<title>${xmlText(spec.title)}</title>${parts.join('')}</svg>`
  )
}
