/**
 * Charts for Word documents (Node only): the SVG the app draws, rasterised to PNG with
 * resvg using only the bundled Inter font files, so the CLI, the main process and any
 * machine produce the same picture whatever fonts are installed.
 */
import { createRequire } from 'node:module'
import type { ResvgRenderOptions } from '@resvg/resvg-js'
import { renderRadarSvg, type RadarChartSpec } from '../shared/charts/radar.chart'
import { renderScenarioSvg, type ScenarioChartSpec } from '../shared/charts/scenario.chart'
import { renderTimelineSvg, timelineHeight, type TimelineChartSpec } from '../shared/charts/timeline.chart'
import { PRINT_PALETTE, type ChartPalette } from '../shared/charts/svg'
import { BUNDLED_FONT_FAMILY, bundledFontPath } from './fonts'

const nodeRequire = createRequire(import.meta.url)

/** The family chart text is drawn in: the bundled font. */
export const CHART_FONT_FAMILY = BUNDLED_FONT_FAMILY

let resvg: typeof import('@resvg/resvg-js') | null = null
function resvgModule(): typeof import('@resvg/resvg-js') {
  resvg ??= nodeRequire('@resvg/resvg-js') as typeof import('@resvg/resvg-js')
  return resvg
}

/** Removes references an SVG could use to pull in other files (only embedded data: images stay). */
function withoutExternalReferences(svg: string): string {
  return svg.replace(/(\b(?:xlink:)?href\s*=\s*)(["'])(?!data:|#)[^"']*\2/gi, '$1$2$2')
}

/** The size an SVG declares (its own units), read without drawing it. */
export function svgSize(svg: string): { width: number; height: number } {
  const Renderer = resvgModule().Resvg
  const parsed = new Renderer(withoutExternalReferences(svg), { logLevel: 'off' })
  return { width: parsed.width, height: parsed.height }
}

export interface SvgToPngOptions {
  /** Output width in pixels (height follows the SVG's aspect ratio). */
  width: number
  /** The family unstyled text falls back to; defaults to the bundled font. */
  fontFamily?: string
  /** A CSS colour to paint behind the drawing; transparent when left out. */
  background?: string
}

/** Bytes kept by key, bounded by their total size and evicted oldest-used first. */
class ByteCache {
  private readonly entries = new Map<string, Uint8Array>()
  private total = 0
  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size
  }

  get bytes(): number {
    return this.total
  }

  has(key: string): boolean {
    return this.entries.has(key)
  }

  /** The bytes kept for `key`, now the most recently used. */
  get(key: string): Uint8Array | undefined {
    const known = this.entries.get(key)
    if (known) {
      this.entries.delete(key)
      this.entries.set(key, known)
    }
    return known
  }

  /** Keeps `value` (not when it alone would take a quarter of the budget), evicting the oldest. */
  set(key: string, value: Uint8Array): void {
    if (value.length > this.maxBytes / 4) return
    const earlier = this.entries.get(key)
    if (earlier) {
      this.entries.delete(key)
      this.total -= earlier.length
    }
    this.entries.set(key, value)
    this.total += value.length
    for (const [oldest, bytes] of this.entries) {
      if (this.total <= this.maxBytes) break
      this.entries.delete(oldest)
      this.total -= bytes.length
    }
  }

  clear(): void {
    this.entries.clear()
    this.total = 0
  }
}

/**
 * Pictures already drawn, by SVG and size: the export screen's preview and the export that
 * follows draw the same charts, and rasterising is most of a document's build time. Callers
 * get their own copy of the bytes.
 */
const PNG_CACHE = new ByteCache(24 * 1024 * 1024)
/** Vector versions of the charts, by SVG, kept apart so the picture counts stay what they say. */
const VECTOR_CACHE = new ByteCache(24 * 1024 * 1024)

/** Pictures being drawn ahead right now, by key, so two requests for one picture draw it once. */
const DRAWING = new Map<string, Promise<void>>()
/** How many pictures have been rasterised, ahead or in a build (tests read it). */
let drawnCount = 0

/** Forgets every cached chart picture (benchmarks use it to time the first export). */
export function clearChartCache(): void {
  PNG_CACHE.clear()
  VECTOR_CACHE.clear()
}

/** How many pictures are kept drawn, and how many have been rasterised since the process began. */
export function chartCacheStats(): { kept: number; bytes: number; drawn: number } {
  return { kept: PNG_CACHE.size, bytes: PNG_CACHE.bytes, drawn: drawnCount }
}

function cacheKey(svg: string, options: SvgToPngOptions): string {
  return `${Math.round(options.width)}|${options.fontFamily ?? ''}|${options.background ?? ''}|${svg}`
}

/** Rasterises an SVG string to PNG bytes with only the bundled fonts. Throws on invalid SVG. */
export function svgToPng(svg: string, options: SvgToPngOptions): Uint8Array {
  const key = cacheKey(svg, options)
  const known = PNG_CACHE.get(key)
  if (known) return known.slice()
  const png = rasterise(svg, options)
  PNG_CACHE.set(key, png)
  return png.slice()
}

function renderOptions(options: SvgToPngOptions): ResvgRenderOptions {
  const family = options.fontFamily ?? CHART_FONT_FAMILY
  return {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(options.width)) },
    font: {
      loadSystemFonts: false,
      fontFiles: [bundledFontPath('regular'), bundledFontPath('semibold'), bundledFontPath('bold')],
      defaultFontFamily: family,
      sansSerifFamily: family,
      serifFamily: family,
      monospaceFamily: family
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
    ...(options.background ? { background: options.background } : {})
  }
}

/**
 * The chart as a vector SVG for print, its text turned into outlines drawn with the bundled
 * font, so Word shows and prints it exactly as the PNG looks, crisp at any size, whatever
 * fonts the reader's machine has.
 */
export function svgToVector(svg: string): Uint8Array {
  const known = VECTOR_CACHE.get(svg)
  if (known) return known.slice()
  const Renderer = resvgModule().Resvg
  const { fitTo: _fit, ...options } = renderOptions({ width: 1 })
  // Coordinates to a tenth of a pixel (a fortieth of a millimetre on the page), without the
  // indentation: the outlined text is most of the file, and this halves it.
  const outlined = new Renderer(withoutExternalReferences(svg), options)
    .toString()
    .replace(/(\d\.\d)\d+/g, '$1')
    .replace(/\n\s*/g, '')
  const vector = new TextEncoder().encode(outlined)
  VECTOR_CACHE.set(svg, vector)
  return vector.slice()
}

function rasterise(svg: string, options: SvgToPngOptions): Uint8Array {
  drawnCount++
  const Renderer = resvgModule().Resvg
  const rendered = new Renderer(withoutExternalReferences(svg), renderOptions(options)).render()
  return new Uint8Array(rendered.asPng())
}

/**
 * Draws pictures ahead of a document build, several at once on the native thread pool (text
 * to outlines and painting; only the PNG encoding comes back to this thread), so the build's
 * own calls find them drawn. A picture that fails here is left for the build, which then
 * reports the error itself.
 */
export async function prerenderSvgs(jobs: readonly { svg: string; options: SvgToPngOptions }[]): Promise<void> {
  const { renderAsync } = resvgModule()
  const waits: Promise<void>[] = []
  for (const { svg, options } of jobs) {
    const key = cacheKey(svg, options)
    if (PNG_CACHE.has(key)) continue
    let drawing = DRAWING.get(key)
    if (!drawing) {
      drawnCount++
      drawing = renderAsync(withoutExternalReferences(svg), renderOptions(options))
        .then((rendered) => PNG_CACHE.set(key, new Uint8Array(rendered.asPng())))
        .catch(() => {
          // The build draws it again and says what is wrong.
        })
        .finally(() => DRAWING.delete(key))
      DRAWING.set(key, drawing)
    }
    waits.push(drawing)
  }
  await Promise.all(waits)
}

/** A chart picture for a document: PNG bytes and the size to show it at (pixels at 96 dpi). */
export interface ChartImage {
  png: Uint8Array
  /** The same chart as vector SVG (text as outlines), which Word prints crisply; the PNG is its fallback. */
  svg: Uint8Array
  /** Display width and height in pixels at 96 to the inch (the PNG itself is `scale` times larger). */
  width: number
  height: number
  /** Alternative text: the chart's title. */
  title: string
}

export interface RadarImageOptions {
  /** Display size in pixels at 96 dpi. */
  width?: number
  height?: number
  /** How many times sharper than the display size the PNG is (3 prints crisply). */
  scale?: number
  palette?: ChartPalette
  fontSize?: number
}

/**
 * A chart ready to draw: its SVG and the PNG's width, with the size a document shows it at.
 * Making one is cheap; `chartImage` draws it (cached), `prerenderCharts` draws several at once.
 */
export interface ChartDrawing {
  svg: string
  /** The PNG's width in pixels (the display width times the scale). */
  pngWidth: number
  /** Display width and height in pixels at 96 to the inch. */
  width: number
  height: number
  title: string
}

/** Draws a chart (or takes it from the cache) as a picture for a document. */
export function chartImage(drawing: ChartDrawing): ChartImage {
  return {
    png: svgToPng(drawing.svg, { width: drawing.pngWidth }),
    svg: svgToVector(drawing.svg),
    width: drawing.width,
    height: drawing.height,
    title: drawing.title
  }
}

/** Draws charts ahead of the build that shows them, in parallel and off this thread where it can. */
export async function prerenderCharts(drawings: readonly ChartDrawing[]): Promise<void> {
  const pictures = prerenderSvgs(drawings.map((d) => ({ svg: d.svg, options: { width: d.pngWidth } })))
  // The vector versions are made on this thread while the pictures are painted on others.
  for (const d of drawings) {
    try {
      svgToVector(d.svg)
    } catch {
      // The build makes it again and says what is wrong.
    }
  }
  await pictures
}

/** The readiness radar, drawn from the same spec the app shows. */
export function radarDrawing(spec: RadarChartSpec, options: RadarImageOptions = {}): ChartDrawing {
  const width = options.width ?? 560
  const height = options.height ?? 440
  const scale = options.scale ?? 3
  const svg = renderRadarSvg(spec, {
    width,
    height,
    palette: options.palette ?? PRINT_PALETTE,
    fontFamily: CHART_FONT_FAMILY,
    fontSize: options.fontSize ?? 13
  })
  // resvg collapses the space before a <tspan> (the level after each axis label) that browsers
  // keep; the chart's markup has no stray whitespace, so preserving it is safe.
  const preserved = svg.replace(/^<svg /, '<svg xml:space="preserve" ')
  return { svg: preserved, pngWidth: width * scale, width, height, title: spec.title }
}

/** The readiness radar as a crisp PNG for Word. */
export function renderRadarPng(spec: RadarChartSpec, options: RadarImageOptions = {}): ChartImage {
  return chartImage(radarDrawing(spec, options))
}

export interface ChartImageOptions {
  /** Display width in pixels at 96 dpi. */
  width?: number
  /** How many times sharper than the display size the PNG is (3 prints crisply). */
  scale?: number
  palette?: ChartPalette
  fontSize?: number
}

/** The plan's timeline (Gantt); the height follows from its rows. */
export function timelineDrawing(spec: TimelineChartSpec, options: ChartImageOptions = {}): ChartDrawing {
  const width = options.width ?? 640
  const fontSize = options.fontSize ?? 10.5
  const scale = options.scale ?? 3
  const height = timelineHeight(spec, width, fontSize)
  const svg = renderTimelineSvg(spec, { width, height, palette: options.palette ?? PRINT_PALETTE, fontFamily: CHART_FONT_FAMILY, fontSize })
  return { svg, pngWidth: width * scale, width, height, title: spec.title }
}

/** The plan's timeline (Gantt) as a crisp PNG. */
export function renderTimelinePng(spec: TimelineChartSpec, options: ChartImageOptions = {}): ChartImage {
  return chartImage(timelineDrawing(spec, options))
}

/** The first-hire scenario chart, drawn from the same spec the plan screen shows. */
export function scenarioDrawing(spec: ScenarioChartSpec, options: ChartImageOptions & { height?: number } = {}): ChartDrawing {
  const width = options.width ?? 640
  const height = options.height ?? 300
  const scale = options.scale ?? 3
  const svg = renderScenarioSvg(spec, {
    width,
    height,
    palette: options.palette ?? PRINT_PALETTE,
    fontFamily: CHART_FONT_FAMILY,
    fontSize: options.fontSize ?? 14
  })
  return { svg, pngWidth: width * scale, width, height, title: spec.title }
}
