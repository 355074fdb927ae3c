import { describe, expect, it } from 'vitest'
import { readinessRadar } from '../../shared/charts/readiness-radar'
import { labelTextWidth, radarFontSize, renderRadarSvg } from '../../shared/charts/radar.chart'
import { DARK_PALETTE, LIGHT_PALETTE, PRINT_PALETTE, xmlText } from '../../shared/charts/svg'

const m = (v: number) => ({ deploy: v, monitor: v, experiment: v, logging: v, data: v, cicd: v, infra: v, tracking: v })

describe('the readiness radar', () => {
  it('has the eight dimensions as axes and one series per assessment', () => {
    const spec = readinessRadar({ title: 'Now', maturity: m(2) }, { title: 'Before', maturity: m(1) })
    expect(spec.axes).toHaveLength(8)
    expect(spec.series.map((s) => [s.label, s.emphasis])).toEqual([
      ['Before', 'previous'],
      ['Now', 'current']
    ])
  })

  it('renders a standalone SVG: no scripts, no external references, escaped text', () => {
    const spec = readinessRadar({ title: '<script>alert(1)</script> & co', maturity: m(3) })
    const svg = renderRadarSvg(spec, { width: 600, height: 500, palette: PRINT_PALETTE })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).not.toMatch(/<script|href=|url\(/)
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain('<rect') // paper background for Word
  })

  it('draws the current assessment in the first colour whatever the order, and the earlier one dashed', () => {
    const spec = readinessRadar({ title: 'Now', maturity: m(3) }, { title: 'Before', maturity: m(1) })
    const svg = renderRadarSvg(spec, { width: 600, height: 500, palette: DARK_PALETTE })
    expect(svg).toContain(`fill="${DARK_PALETTE.series[0]}" fill-opacity`)
    expect(svg).toMatch(new RegExp(`stroke="${DARK_PALETTE.series[1]}"[^>]*stroke-dasharray`))
    expect(svg).not.toContain('<rect') // transparent on screen
  })

  it('places a level-4 point on the outer ring and clamps values outside 0–4', () => {
    const spec = readinessRadar({ title: 'Now', maturity: { ...m(4), deploy: 9 } })
    const svg = renderRadarSvg(spec, { width: 600, height: 600, palette: LIGHT_PALETTE })
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((c) => [Number(c[1]), Number(c[2])])
    const outer = [...svg.matchAll(/<polygon points="([^"]+)" fill="none" stroke="#d5dbe1"/g)].at(-1)![1]!
    const first = outer.split(' ')[0]!.split(',').map(Number)
    expect(circles[0]![0]).toBeCloseTo(first[0]!, 1)
    expect(circles[0]![1]).toBeCloseTo(first[1]!, 1)
  })

  it('on a narrow chart in large type, breaks labels over two lines rather than squeezing the rings, never below the smallest size', () => {
    const spec = readinessRadar({ title: 'Three-month re-assessment', maturity: m(2) }, { title: 'Initial assessment', maturity: m(1) })
    const outerRadius = (svg: string) => {
      const ring = [...svg.matchAll(/<polygon points="([^"]+)" fill="none" stroke="#d5dbe1"/g)].at(-1)![1]!
      const [x, y] = ring.split(' ')[0]!.split(',').map(Number)
      const cy = Number(/<line x1="[\d.]+" y1="([\d.]+)"/.exec(svg)![1])
      return Math.hypot(x! - x!, y! - cy)
    }
    // Wide: the full size, one line each.
    expect(radarFontSize(spec, { width: 900, height: 700 }, 19, 14)).toEqual({ fontSize: 19, wrapLabels: false })
    // A 490 px column at extra-large type (24 px): one-line labels would leave rings of a few px.
    const box = { width: 490, height: 420 }
    expect(outerRadius(renderRadarSvg(spec, { ...box, palette: LIGHT_PALETTE, fontSize: 23 }))).toBeLessThan(40)
    const fit = radarFontSize(spec, box, 23, 15)
    expect(fit.fontSize).toBeGreaterThanOrEqual(15)
    expect(fit.fontSize).toBeLessThan(23)
    expect(fit.wrapLabels).toBe(true)
    const svg = renderRadarSvg(spec, { ...box, palette: LIGHT_PALETTE, ...fit, minScaleSize: 14 })
    expect(outerRadius(svg)).toBeGreaterThanOrEqual(0.22 * 420)
    // "Training data" is drawn on two lines, and its value follows the last.
    expect(svg).toMatch(/<tspan x="[\d.]+">Training<\/tspan><tspan x="[\d.]+" dy="[\d.]+">data<tspan fill="#[0-9a-f]+" font-weight="400"> 2<\/tspan><\/tspan>/)
    // The scale numbers stay at 14 px or more.
    const numbers = [...svg.matchAll(/font-size="([\d.]+)" fill="[^"]+">[1-4]</g)].map((x) => Number(x[1]))
    expect(numbers).toHaveLength(4)
    for (const n of numbers) expect(n).toBeGreaterThanOrEqual(14)
  })

  it('sizes the legend to its labels, and stacks them when they do not fit across', () => {
    const spec = readinessRadar({ title: 'Three-month re-assessment', maturity: m(2) }, { title: 'Initial assessment', maturity: m(1) })
    for (const width of [900, 420]) {
      const svg = renderRadarSvg(spec, { width, height: 420, palette: LIGHT_PALETTE, fontSize: 19 })
      const items = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="17.1" fill="[^"]+">([^<]+)<\/text>/g)].map((x) => ({
        x: Number(x[1]),
        y: Number(x[2]),
        text: x[3]!
      }))
      expect(items.map((i) => i.text)).toEqual(['Initial assessment', 'Three-month re-assessment'])
      for (const i of items) expect(i.x + labelTextWidth(i.text, 17.1), `${width}: ${i.text} ends inside the chart`).toBeLessThanOrEqual(width)
      expect(items[0]!.y === items[1]!.y, `${width}: one row only when both fit`).toBe(width === 900)
    }
  })

  it('drops characters XML cannot carry', () => {
    expect(xmlText('a\u0000b\u000bc\uFFFEd\uD800e')).toBe('abcd\uFFFDe')
  })
})
