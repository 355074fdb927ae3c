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
  /** Break a long axis label over two lines, for a narrow chart in large type. */
  wrapLabels?: boolean
  /** The smallest size of the scale numbers (three quarters of the label size otherwise), in px. */
  minScaleSize?: number
  /** Drop the height the rings cannot use when the width limits them (the SVG says its height). */
  trimHeight?: boolean
}

/** An axis label's lines: one, or two broken at the space nearest its middle when wrapping. */
function labelLines(name: string, wrap: boolean): string[] {
  if (!wrap || !name.includes(' ')) return [name]
  const spaces = [...name.matchAll(/ /g)].map((m) => m.index!)
  const at = spaces.reduce((best, i) => (Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2) ? i : best))
  return [name.slice(0, at), name.slice(at + 1)]
}

const point = (cx: number, cy: number, r: number, angle: number): [number, number] => [cx + r * Math.cos(angle), cy + r * Math.sin(angle)]

/**
 * How wide a label may be drawn, estimated on the generous side: the axis names in semibold
 * average about half the font size a letter in Inter and Liberation Sans, and 0.58 in DejaVu
 * Sans Bold, the widest fallback the app meets on Linux (tests draw them in both).
 */
export function labelTextWidth(text: string, size: number): number {
  return text.length * size * 0.6
}

/** Renders the spec to a standalone SVG string (no scripts, no external references). */
interface RadarGeometry {
  size: number
  legendHeight: number
  cx: number
  cy: number
  radius: number
  angle: (i: number) => number
  labelOf: (i: number) => { name: string; value: string }
  /** Each axis label's lines (the value follows the last). */
  linesOf: (i: number) => string[]
  lineHeight: number
  legend: LegendLayout
  /** The height the rings, labels and legend use. */
  neededHeight: number
}

interface LegendLayout {
  height: number
  /** Each series' item width; one row when they fit across, else one item per row. */
  widths: number[]
  oneRow: boolean
}

/** The legend's items, each as wide as its own label, in one row or, when they do not fit, stacked. */
function legendLayout(spec: RadarChartSpec, width: number, size: number): LegendLayout {
  const widths = spec.series.map((s) => size * 2.6 + labelTextWidth(s.label, size * 0.9) + size * 1.2)
  const oneRow = widths.reduce((a, b) => a + b, 0) <= width - size
  return { widths, oneRow, height: oneRow ? size * 2.4 : size * (0.8 + 1.6 * spec.series.length) }
}

function radarGeometry(spec: RadarChartSpec, options: Pick<RenderOptions, 'width' | 'height' | 'fontSize' | 'legend' | 'wrapLabels'>): RadarGeometry {
  const { width, height } = options
  const size = options.fontSize ?? 14
  const n = spec.axes.length
  const showLegend = (options.legend ?? true) && spec.series.length > 1
  const legend = legendLayout(spec, width, size)
  const legendHeight = showLegend ? legend.height : 0
  const cx = width / 2
  const cy = (height - legendHeight) / 2 + size * 0.3
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n
  const current = spec.series.find((s) => s.emphasis === 'current') ?? spec.series[0]
  const labelOf = (i: number) => ({ name: spec.axes[i]!.label, value: current ? ` ${fmt(current.values[i] ?? 0)}` : '' })
  const linesOf = (i: number) => labelLines(spec.axes[i]!.label, options.wrapLabels ?? false)
  const lineHeight = size * 1.15
  // The rings shrink until every axis label fits across the width, its text estimated generously.
  const fitsLabels = spec.axes.map((_, i) => {
    const cos = Math.abs(Math.cos(angle(i)))
    const { value } = labelOf(i)
    const lines = linesOf(i)
    const text = Math.max(...lines.map((line, k) => labelTextWidth(k === lines.length - 1 ? line + value : line, size)))
    return cos < 0.2 ? Infinity : (width / 2 - size * 0.5 - text) / cos - size * 1.1
  })
  // Labels at the top and bottom take their extra lines from the height.
  const extraLines = Math.max(0, ...spec.axes.map((_, i) => (Math.abs(Math.cos(angle(i))) < 0.2 ? linesOf(i).length - 1 : 0)))
  const radius = Math.max(10, Math.min(...fitsLabels, (height - legendHeight) / 2 - size * 2.6 - extraLines * lineHeight))
  const neededHeight = Math.ceil(legendHeight + 2 * (radius + size * 2.6 + extraLines * lineHeight))
  return {
    neededHeight,
    size,
    legendHeight,
    cx,
    cy,
    radius,
    angle,
    labelOf,
    linesOf,
    lineHeight,
    legend
  }
}

/**
 * The largest label size, from `largest` down to `smallest` px, and whether the labels break
 * over two lines, at which the rings keep a radius of at least `minRadiusShare` of the chart's
 * smaller side: on a narrow chart in large type the labels give way rather than squeezing the
 * rings to a dot.
 */
export function radarFontSize(
  spec: RadarChartSpec,
  box: { width: number; height: number },
  largest: number,
  smallest: number,
  minRadiusShare = 0.22
): { fontSize: number; wrapLabels: boolean } {
  // The largest size that fits, on one line if it can, else broken over two lines: on a
  // projector, a large label over two lines reads better than a small one on one.
  for (let size = Math.round(largest); size >= smallest; size--) {
    for (const wrapLabels of [false, true]) {
      if (radarGeometry(spec, { ...box, fontSize: size, wrapLabels }).radius >= minRadiusShare * Math.min(box.width, box.height))
        return { fontSize: size, wrapLabels }
    }
  }
  return { fontSize: smallest, wrapLabels: true }
}

export function renderRadarSvg(spec: RadarChartSpec, options: RenderOptions): string {
  if (options.trimHeight) {
    const needed = radarGeometry(spec, options).neededHeight
    if (needed < options.height) return renderRadarSvg(spec, { ...options, height: needed, trimHeight: false })
  }
  const { width, height, palette } = options
  const font = options.fontFamily ?? 'Inter, "Segoe UI", system-ui, sans-serif'
  const showLegend = (options.legend ?? true) && spec.series.length > 1
  const { size, legendHeight, cx, cy, radius, angle, labelOf, linesOf, lineHeight, legend } = radarGeometry(spec, options)
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
      `<text x="${fmt(lx + size * 0.35)}" y="${fmt(ly + size * 0.35)}" font-size="${fmt(Math.max(size * 0.75, options.minScaleSize ?? 0))}" fill="${palette.muted}">${level}</text>`
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
      parts.push(
        `<polygon points="${poly}" fill="${colour}" fill-opacity="0.22" stroke="${colour}" stroke-width="${fmt(size * 0.22)}" stroke-linejoin="round"/>`
      )
      for (const [x, y] of pts) parts.push(`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(size * 0.3)}" fill="${colour}"/>`)
    }
  })

  // Axis labels outside the rings, anchored away from the centre.
  spec.axes.forEach((axis, i) => {
    const a = angle(i)
    const [x, y] = point(cx, cy, radius + size * 1.1, a)
    const cos = Math.cos(a)
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end'
    const lines = linesOf(i)
    const extra = (lines.length - 1) * lineHeight
    // The block of lines sits above a top label's point, below a bottom one's, centred beside the others.
    const dy = Math.sin(a) > 0.5 ? size * 0.9 : Math.sin(a) < -0.5 ? -size * 0.2 - extra : size * 0.35 - extra / 2
    const { value } = labelOf(i)
    const spans = lines
      .map(
        (line, k) =>
          `<tspan x="${fmt(x)}"${k > 0 ? ` dy="${fmt(lineHeight)}"` : ''}>${xmlText(line)}${k === lines.length - 1 ? `<tspan fill="${palette.muted}" font-weight="400">${xmlText(value)}</tspan>` : ''}</tspan>`
      )
      .join('')
    parts.push(
      lines.length === 1
        ? `<text x="${fmt(x)}" y="${fmt(y + dy)}" text-anchor="${anchor}" font-size="${fmt(size)}" font-weight="600" fill="${palette.text}">${xmlText(axis.label)}<tspan fill="${palette.muted}" font-weight="400">${xmlText(value)}</tspan></text>`
        : `<text x="${fmt(x)}" y="${fmt(y + dy)}" text-anchor="${anchor}" font-size="${fmt(size)}" font-weight="600" fill="${palette.text}">${spans}</text>`
    )
  })

  if (showLegend) {
    const items = spec.series.map((s, k) => ({ s, colour: colourOf(s), w: legend.widths[k]! }))
    const rowY = (k: number) => (legend.oneRow ? height - legendHeight / 2 : height - legendHeight + size * (0.4 + 1.6 * k + 0.8))
    const total = legend.oneRow ? items.reduce((sum, it) => sum + it.w, 0) : Math.max(...items.map((it) => it.w))
    let x = cx - total / 2
    items.forEach(({ s, colour, w }, k) => {
      const y = rowY(k)
      const left = legend.oneRow ? x : cx - total / 2
      const dash = s.emphasis === 'previous' ? ` stroke-dasharray="${fmt(size * 0.5)} ${fmt(size * 0.35)}"` : ''
      parts.push(
        `<line x1="${fmt(left)}" y1="${fmt(y)}" x2="${fmt(left + size * 2)}" y2="${fmt(y)}" stroke="${colour}" stroke-width="${fmt(size * 0.22)}"${dash}/>`
      )
      parts.push(
        `<text x="${fmt(left + size * 2.6)}" y="${fmt(y + size * 0.35)}" font-size="${fmt(size * 0.9)}" fill="${palette.text}">${xmlText(s.label)}</text>`
      )
      x += w
    })
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${xmlText(font)}" role="img" aria-label="${xmlText(spec.title)}">` +
    `<title>${xmlText(spec.title)}</title>${parts.join('')}</svg>`
  )
}
