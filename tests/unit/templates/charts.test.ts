import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { readinessRadar } from '../../../shared/charts/readiness-radar'
import { renderRadarSvg } from '../../../shared/charts/radar.chart'
import { LIGHT_PALETTE } from '../../../shared/charts/svg'
import { pngSize } from '../../../templates/branding'
import {
  chartCacheStats,
  chartImage,
  clearChartCache,
  prerenderCharts,
  prerenderSvgs,
  radarDrawing,
  renderRadarPng,
  svgToPng,
  timelineDrawing
} from '../../../templates/charts'
import { buildProposal, prepareProposal } from '../../../templates/proposal.docx'
import { buildProposalModel } from '../../../templates/proposal.model'
import { syntheticProposalInput } from '../../../bench/proposal.bench'
import { proposalInputFrom } from '../../helpers/proposal-input.helper'
import { BUNDLED_FONT_FAMILY, bundledFontData, bundledFontPath, nativeReadablePath } from '../../../templates/fonts'
import { tempDir } from '../../helpers/temp'

const m = { deploy: 1, monitor: 2, experiment: 0, logging: 1, data: 3, cicd: 1, infra: 4, tracking: 2 }
const text = (s: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="10" y="28" font-size="20" font-family="${BUNDLED_FONT_FAMILY}">${s}</text></svg>`

describe('charts for Word', () => {
  it('renders the radar to a crisp PNG at three times its display size', () => {
    const image = renderRadarPng(readinessRadar({ title: 'Now', maturity: m }), { width: 500, height: 400 })
    expect(pngSize(image.png)).toEqual({ width: 1500, height: 1200 })
    expect(image).toMatchObject({ width: 500, height: 400, title: 'Readiness by dimension: Now' })
  })

  it('draws text with the bundled font only, the same bytes every time', () => {
    // System fonts are never loaded: text renders only because the bundled Inter files are given.
    clearChartCache()
    const a = svgToPng(text('Deployment'), { width: 200 })
    clearChartCache()
    const b = svgToPng(text('Deployment'), { width: 200 })
    const blank = svgToPng(text(''), { width: 200 })
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    expect(Buffer.from(a).equals(Buffer.from(blank))).toBe(false)
  })

  it('draws a picture once and hands out copies, so a caller cannot spoil the next document', () => {
    clearChartCache()
    const first = svgToPng(text('Cached'), { width: 200 })
    const original = Buffer.from(first)
    first.fill(0)
    const second = svgToPng(text('Cached'), { width: 200 })
    expect(Buffer.from(second).equals(original)).toBe(true)
    // Another size is another picture.
    expect(pngSize(svgToPng(text('Cached'), { width: 100 }))).toEqual({ width: 100, height: 20 })
  })

  it('makes a vector version of each chart, its text as outlines in the bundled font, the same every time', async () => {
    clearChartCache()
    const drawing = timelineDrawing(buildProposalModel(syntheticProposalInput(12, 2).input).plan.timeline, { width: 600, scale: 2 })
    await prerenderCharts([drawing])
    const { drawn } = chartCacheStats()
    const image = chartImage(drawing)
    expect(chartCacheStats().drawn).toBe(drawn)
    const vector = new TextDecoder().decode(image.svg)
    expect(vector).toMatch(/^<svg [^>]*viewBox="0 0 600 \d+"/)
    // No text left for the reader's fonts to change, nothing fetched, coordinates rounded.
    expect(vector).not.toMatch(/<text|font-family|href=|\d\.\d\d/)
    expect(vector.length).toBeGreaterThan(10_000)
    expect(Buffer.from(image.svg).equals(Buffer.from(chartImage(drawing).svg))).toBe(true)
    clearChartCache()
    expect(Buffer.from(chartImage(drawing).svg).equals(Buffer.from(image.svg))).toBe(true)
    // A caller spoiling its copy does not spoil the next document's.
    image.svg.fill(0)
    expect(new TextDecoder().decode(chartImage(drawing).svg)).toBe(vector)
  })

  it('draws charts ahead of a build, in parallel, to the same bytes the build would draw', async () => {
    const { input } = syntheticProposalInput(30, 3)
    const model = buildProposalModel(input)
    const drawings = [
      radarDrawing(readinessRadar({ title: 'Now', maturity: m }), { width: 500, height: 400 }),
      timelineDrawing(model.plan.timeline, { width: 600, scale: 2 })
    ]
    clearChartCache()
    const alone = drawings.map((d) => Buffer.from(chartImage(d).png))
    clearChartCache()
    const before = chartCacheStats().drawn
    await prerenderCharts(drawings)
    expect(chartCacheStats()).toMatchObject({ kept: 2, drawn: before + 2 })
    drawings.forEach((d, i) => expect(Buffer.from(chartImage(d).png).equals(alone[i]!)).toBe(true))
    expect(chartCacheStats()).toMatchObject({ kept: 2, drawn: before + 2, bytes: alone.reduce((n, b) => n + b.length, 0) })
  })

  it('draws a picture asked for twice at once only once, and counts its bytes once', async () => {
    clearChartCache()
    const job = { svg: text('Twice'), options: { width: 300 } }
    const before = chartCacheStats().drawn
    await Promise.all([prerenderSvgs([job, job]), prerenderSvgs([job]), prerenderSvgs([job])])
    const png = svgToPng(job.svg, job.options)
    expect(chartCacheStats()).toEqual({ kept: 1, bytes: png.length, drawn: before + 1 })
    // A build drawing it while it is being drawn ahead (a preview racing an export): the
    // later picture replaces the earlier, and its bytes are counted once.
    clearChartCache()
    const ahead = prerenderSvgs([job])
    svgToPng(job.svg, job.options)
    await ahead
    expect(chartCacheStats()).toMatchObject({ kept: 1, bytes: png.length })
  })

  it('leaves a picture that cannot be drawn ahead to the build, which reports it', async () => {
    clearChartCache()
    await expect(prerenderSvgs([{ svg: '<svg', options: { width: 10 } }])).resolves.toBeUndefined()
    expect(chartCacheStats().kept).toBe(0)
    expect(() => svgToPng('<svg', { width: 10 })).toThrow()
  })

  it('prepares every chart of a proposal, so building it draws nothing more', async () => {
    for (const input of [syntheticProposalInput(60, 7).input, proposalInputFrom('no-data'), proposalInputFrom('api-startup', { sections: { plan: false } })]) {
      const model = buildProposalModel(input)
      clearChartCache()
      await prepareProposal(model)
      const { drawn } = chartCacheStats()
      buildProposal(model)
      expect(chartCacheStats().drawn).toBe(drawn)
    }
  })

  const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf']
  const radarFonts: [string, string[]][] = [
    [BUNDLED_FONT_FAMILY, [bundledFontPath('regular'), bundledFontPath('semibold'), bundledFontPath('bold')]],
    // The widest fallback the app's screens meet on Linux (no Inter there), when installed.
    ...(DEJAVU.every((f) => existsSync(f)) ? [['DejaVu Sans', DEJAVU] as [string, string[]]] : [])
  ]
  it.each(
    radarFonts.flatMap(([family, files]) =>
      (
        [
          ['the results screen', 640, 480, 15],
          ['the results screen, presenting', 640, 480, 17],
          ['the proposal', 560, 340, 12],
          ['the workshop and progress reports', 600, 370, 12.5],
          ['a narrow window', 420, 380, 15]
        ] as [string, number, number, number][]
      ).map(([where, width, height, size]) => [where, family, width, height, size, files] as const)
    )
  )('draws every radar label inside the chart on %s in %s (%ix%i, %spx)', (_where, family, width, height, fontSize, files) => {
    const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')
    const spec = readinessRadar({ title: 'Now', maturity: { ...m, experiment: 4, infra: 4 } }, { title: 'Before', maturity: m })
    const svg = renderRadarSvg(spec, { width, height, palette: LIGHT_PALETTE, fontSize, fontFamily: family })
    const box = new Resvg(svg.replace(/^<svg /, '<svg xml:space="preserve" '), {
      font: { loadSystemFonts: false, fontFiles: [...files], defaultFontFamily: family }
    }).getBBox()!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(width)
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(height)
  })

  it('resolves the bundled TTF faces through the package system', () => {
    for (const face of ['regular', 'semibold', 'bold', 'italic', 'boldItalic'] as const) {
      expect(existsSync(bundledFontPath(face))).toBe(true)
      // A TrueType file starts with version 1.0 (0x00010000).
      expect(bundledFontData(face).readUInt32BE(0)).toBe(0x00010000)
    }
  })

  it('gives native code a readable path for a font inside an Electron .asar archive', () => {
    const { dir, cleanup } = tempDir()
    try {
      const inside = join(dir, 'app.asar', 'fonts', 'Inter.ttf')
      mkdirSync(join(dir, 'app.asar', 'fonts'), { recursive: true })
      writeFileSync(inside, 'font bytes')
      const copied = nativeReadablePath(inside)
      expect(copied).not.toContain('.asar')
      expect(readFileSync(copied, 'utf8')).toBe('font bytes')

      const unpacked = join(dir, 'app.asar.unpacked', 'fonts', 'Inter.ttf')
      mkdirSync(join(dir, 'app.asar.unpacked', 'fonts'), { recursive: true })
      writeFileSync(unpacked, 'unpacked')
      expect(nativeReadablePath(inside)).toBe(unpacked)
      expect(nativeReadablePath('/plain/path.ttf')).toBe('/plain/path.ttf')
    } finally {
      cleanup()
    }
  })

  it('ignores references an SVG makes to other files', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image href="/etc/passwd" width="10" height="10"/><image xlink:href="file:///etc/hosts" width="10" height="10"/></svg>`
    expect(() => svgToPng(svg, { width: 10 })).not.toThrow()
  })
})
