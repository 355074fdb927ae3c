import { describe, expect, it } from 'vitest'
import { readinessRadar } from '../../shared/charts/readiness-radar'
import { renderRadarSvg } from '../../shared/charts/radar.chart'
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

  it('drops characters XML cannot carry', () => {
    expect(xmlText('a\u0000b\u000bc\uFFFEd\uD800e')).toBe('abcd\uFFFDe')
  })
})
