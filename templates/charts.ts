/**
 * Charts for Word documents (Node only): the SVG the app draws, rasterised to PNG with
 * resvg using only the bundled Inter font files, so the CLI, the main process and any
 * machine produce the same picture whatever fonts are installed.
 */
import { createRequire } from 'node:module'
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js'
import { renderRadarSvg, type RadarChartSpec } from '../shared/charts/radar.chart'
import { renderScenarioSvg, type ScenarioChartSpec } from '../shared/charts/scenario.chart'
import { renderTimelineSvg, timelineHeight, type TimelineChartSpec } from '../shared/charts/timeline.chart'
import { PRINT_PALETTE, type ChartPalette } from '../shared/charts/svg'
import { BUNDLED_FONT_FAMILY, bundledFontPath } from './fonts'

const nodeRequire = createRequire(import.meta.url)

/** The family chart text is drawn in: the bundled font. */
export const CHART_FONT_FAMILY = BUNDLED_FONT_FAMILY

let resvg: typeof ResvgClass | null = null
function Resvg(): typeof ResvgClass {
  resvg ??= (nodeRequire('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg
  return resvg
}

/** Removes references an SVG could use to pull in other files (only embedded data: images stay). */
function withoutExternalReferences(svg: string): string {
  return svg.replace(/(\b(?:xlink:)?href\s*=\s*)(["'])(?!data:|#)[^"']*\2/gi, '$1$2$2')
}

export interface SvgToPngOptions {
  /** Output width in pixels (height follows the SVG's aspect ratio). */
  width: number
  /** The family unstyled text falls back to; defaults to the bundled font. */
  fontFamily?: string
  /** A CSS colour to paint behind the drawing; transparent when left out. */
  background?: string
}

/**
 * Pictures already drawn, by SVG and size: the export screen's preview and the export that
 * follows draw the same charts, and rasterising is most of a document's build time. Bounded
 * by bytes; entries are evicted oldest first. Callers get their own copy of the bytes.
 */
const PNG_CACHE = new Map<string, Uint8Array>()
const PNG_CACHE_MAX_BYTES = 24 * 1024 * 1024
let pngCacheBytes = 0

/** Forgets every cached chart picture (benchmarks use it to time the first export). */
export function clearChartCache(): void {
  PNG_CACHE.clear()
  pngCacheBytes = 0
}

function remember(key: string, png: Uint8Array): void {
  if (png.length > PNG_CACHE_MAX_BYTES / 4) return
  PNG_CACHE.set(key, png)
  pngCacheBytes += png.length
  for (const [oldest, bytes] of PNG_CACHE) {
    if (pngCacheBytes <= PNG_CACHE_MAX_BYTES) break
    PNG_CACHE.delete(oldest)
    pngCacheBytes -= bytes.length
  }
}

/** Rasterises an SVG string to PNG bytes with only the bundled fonts. Throws on invalid SVG. */
export function svgToPng(svg: string, options: SvgToPngOptions): Uint8Array {
  const key = `${Math.round(options.width)}|${options.fontFamily ?? ''}|${options.background ?? ''}|${svg}`
  const known = PNG_CACHE.get(key)
  if (known) {
    PNG_CACHE.delete(key)
    PNG_CACHE.set(key, known)
    return known.slice()
  }
  const png = rasterise(svg, options)
  remember(key, png)
  return png.slice()
}

function rasterise(svg: string, options: SvgToPngOptions): Uint8Array {
  const family = options.fontFamily ?? CHART_FONT_FAMILY
  const renderOptions: ResvgRenderOptions = {
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
  const Renderer = Resvg()
  const rendered = new Renderer(withoutExternalReferences(svg), renderOptions).render()
  return new Uint8Array(rendered.asPng())
}

/** A chart picture for a document: PNG bytes and the size to show it at (pixels at 96 dpi). */
export interface ChartImage {
  png: Uint8Array
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

/** The readiness radar as a crisp PNG for Word, drawn from the same spec the app shows. */
export function renderRadarPng(spec: RadarChartSpec, options: RadarImageOptions = {}): ChartImage {
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
  return { png: svgToPng(preserved, { width: width * scale }), width, height, title: spec.title }
}

export interface ChartImageOptions {
  /** Display width in pixels at 96 dpi. */
  width?: number
  /** How many times sharper than the display size the PNG is (3 prints crisply). */
  scale?: number
  palette?: ChartPalette
  fontSize?: number
}

/** The plan's timeline (Gantt) as a crisp PNG; the height follows from its rows. */
export function renderTimelinePng(spec: TimelineChartSpec, options: ChartImageOptions = {}): ChartImage {
  const width = options.width ?? 640
  const fontSize = options.fontSize ?? 10.5
  const scale = options.scale ?? 3
  const height = timelineHeight(spec, width, fontSize)
  const svg = renderTimelineSvg(spec, { width, height, palette: options.palette ?? PRINT_PALETTE, fontFamily: CHART_FONT_FAMILY, fontSize })
  return { png: svgToPng(svg, { width: width * scale }), width, height, title: spec.title }
}

/** The first-hire scenario chart as a crisp PNG, drawn from the same spec the plan screen shows. */
export function renderScenarioPng(spec: ScenarioChartSpec, options: ChartImageOptions & { height?: number } = {}): ChartImage {
  const width = options.width ?? 640
  const height = options.height ?? 300
  const scale = options.scale ?? 3
  const svg = renderScenarioSvg(spec, { width, height, palette: options.palette ?? PRINT_PALETTE, fontFamily: CHART_FONT_FAMILY, fontSize: options.fontSize ?? 14 })
  return { png: svgToPng(svg, { width: width * scale }), width, height, title: spec.title }
}
