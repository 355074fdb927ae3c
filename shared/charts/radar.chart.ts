import { fmt, xmlText, type ChartPalette } from './svg'

/**
 * A radar chart defined once as data: the results page draws it and the Word export
 * rasterises the very same SVG, so what the client saw on the projector is what they read.
 */
export interface RadarAxis {
  id: string
  label: string
}

export interface RadarSeries {
  label: string
  values: readonly number[]
  /** The earlier assessment is drawn dashed and unfilled behind the current one. */
  emphasis: 'current' | 'previous'
}

export interface RadarChartSpec {
  kind: 'radar'
  title: string
  max: number
  axes: readonly RadarAxis[]
  series: readonly RadarSeries[]
}

export interface RenderOptions {
  width: number
  height: number
  palette: ChartPalette
  fontFamily?: string
  /** Base font size in px; labels scale from it. */
  fontSize?: number
  /** Draw the legend (only when there is more than one series). */
  legend?: boolean
}

const point = (cx: number, cy: number, r: number, angle: number): [number, number] => [
  cx + r * Math.cos(angle),
  cy + r * Math.sin(angle)
]

/**
 * How wide a label may be drawn, estimated on the generous side: the axis names in semibold
 * average about half the font size a letter in Inter and Liberation Sans, and 0.58 in DejaVu
 * Sans Bold, the widest fallback the app meets on Linux (tests draw them in both).
 */
export function labelTextWidth(text: string, size: number): number {
  return text.length * size * 0.6
}

/** Renders the spec to a standalone SVG string (no scripts, no external references). */
export function renderRadarSvg(spec: RadarChartSpec, options: RenderOptions): string {
  const { width, height, palette } = options
  const font = options.fontFamily ?? 'Inter, "Segoe UI", system-ui, sans-serif'
  const size = options.fontSize ?? 14
  const n = spec.axes.length
  const showLegend = (options.legend ?? true) && spec.series.length > 1
  const legendHeight = showLegend ? size * 2.4 : 0
  const cx = width / 2
  const cy = (height - legendHeight) / 2 + size * 0.3
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n
  const current = spec.series.find((s) => s.emphasis === 'current') ?? spec.series[0]
  const labelOf = (i: number) => ({ name: spec.axes[i]!.label, value: current ? ` ${fmt(current.values[i] ?? 0)}` : '' })
  // The rings shrink until every axis label fits across the width, its text estimated generously.
  const fitsLabels = spec.axes.map((_, i) => {
    const cos = Math.abs(Math.cos(angle(i)))
    const { name, value } = labelOf(i)
    const text = labelTextWidth(name + value, size)
    return cos < 0.2 ? Infinity : (width / 2 - size * 0.5 - text) / cos - size * 1.1
  })
  const radius = Math.max(10, Math.min(...fitsLabels, (height - legendHeight) / 2 - size * 2.6))
  const parts: string[] = []

  if (palette.background !== 'transparent') {
    parts.push(`<rect width="${width}" height="${height}" fill="${palette.background}"/>`)
  }

  // Grid: one ring per level, axis spokes, level numbers up the first spoke.
  for (let level = 1; level <= spec.max; level++) {
    const r = (radius * level) / spec.max
    const ring = spec.axes.map((_, i) => point(cx, cy, r, angle(i)).map(fmt).join(',')).join(' ')
    parts.push(`<polygon points="${ring}" fill="none" stroke="${palette.grid}" stroke-width="1"/>`)
    const [lx, ly] = point(cx, cy, r, angle(0))
    parts.push(
      `<text x="${fmt(lx + size * 0.35)}" y="${fmt(ly + size * 0.35)}" font-size="${fmt(size * 0.75)}" fill="${palette.muted}">${level}</text>`
    )
  }
  spec.axes.forEach((_, i) => {
    const [x, y] = point(cx, cy, radius, angle(i))
    parts.push(`<line x1="${fmt(cx)}" y1="${fmt(cy)}" x2="${fmt(x)}" y2="${fmt(y)}" stroke="${palette.grid}" stroke-width="1"/>`)
  })

  // Series: previous first so the current one sits on top.
  const ordered = [...spec.series].sort((a, b) => (a.emphasis === b.emphasis ? 0 : a.emphasis === 'previous' ? -1 : 1))
  // Colour follows the role, not the position: the current assessment always has the first colour.
  const colourOf = (series: RadarSeries) => (series.emphasis === 'current' ? palette.series[0]! : palette.series[1]!)
  ordered.forEach((series) => {
    const colour = colourOf(series)
    const pts = series.values.map((v, i) => point(cx, cy, (radius * Math.max(0, Math.min(spec.max, v))) / spec.max, angle(i)))
    const poly = pts.map((p) => p.map(fmt).join(',')).join(' ')
    if (series.emphasis === 'previous') {
      parts.push(
        `<polygon points="${poly}" fill="none" stroke="${colour}" stroke-width="${fmt(size * 0.16)}" stroke-dasharray="${fmt(size * 0.5)} ${fmt(size * 0.35)}"/>`
      )
    } else {
      parts.push(`<polygon points="${poly}" fill="${colour}" fill-opacity="0.22" stroke="${colour}" stroke-width="${fmt(size * 0.22)}" stroke-linejoin="round"/>`)
      for (const [x, y] of pts) parts.push(`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(size * 0.3)}" fill="${colour}"/>`)
    }
  })

  // Axis labels outside the rings, anchored away from the centre.
  spec.axes.forEach((axis, i) => {
    const a = angle(i)
    const [x, y] = point(cx, cy, radius + size * 1.1, a)
    const cos = Math.cos(a)
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end'
    const dy = Math.sin(a) > 0.5 ? size * 0.9 : Math.sin(a) < -0.5 ? -size * 0.2 : size * 0.35
    const { value } = labelOf(i)
    parts.push(
      `<text x="${fmt(x)}" y="${fmt(y + dy)}" text-anchor="${anchor}" font-size="${fmt(size)}" font-weight="600" fill="${palette.text}">${xmlText(axis.label)}<tspan fill="${palette.muted}" font-weight="400">${xmlText(value)}</tspan></text>`
    )
  })

  if (showLegend) {
    const y = height - legendHeight / 2
    const items = spec.series.map((s) => ({ s, colour: colourOf(s) }))
    const itemWidth = size * 12
    let x = cx - (items.length * itemWidth) / 2
    for (const { s, colour } of items) {
      const dash = s.emphasis === 'previous' ? ` stroke-dasharray="${fmt(size * 0.5)} ${fmt(size * 0.35)}"` : ''
      parts.push(`<line x1="${fmt(x)}" y1="${fmt(y)}" x2="${fmt(x + size * 2)}" y2="${fmt(y)}" stroke="${colour}" stroke-width="${fmt(size * 0.22)}"${dash}/>`)
      parts.push(`<text x="${fmt(x + size * 2.6)}" y="${fmt(y + size * 0.35)}" font-size="${fmt(size * 0.9)}" fill="${palette.text}">${xmlText(s.label)}</text>`)
      x += itemWidth
    }
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${xmlText(font)}" role="img" aria-label="${xmlText(spec.title)}">` +
    `<title>${xmlText(spec.title)}</title>${parts.join('')}</svg>`
  )
}
