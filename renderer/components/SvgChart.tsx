import { useComputedColorScheme } from '@mantine/core'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { DARK_PALETTE, LIGHT_PALETTE, type ChartPalette } from '../../shared/charts/svg'

function useChartPalette(): ChartPalette {
  const scheme = useComputedColorScheme('light')
  return scheme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE
}

const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

/**
 * Shows a chart rendered by shared/charts as an image: the same SVG the Word export
 * rasterises, in the palette of the current theme.
 */
export function SvgChart({ render, alt, width, height }: { render: (palette: ChartPalette) => string; alt: string; width: number; height: number }) {
  const palette = useChartPalette()
  const src = useMemo(() => svgSource(render(palette)), [render, palette])
  return <img src={src} alt={alt} width={width} height={height} style={{ maxWidth: '100%', height: 'auto', display: 'block' }} />
}

export interface ChartBox {
  width: number
  height: number
  /** The label size in px: the body type's size, so labels grow with large type. */
  fontSize: number
}

const rootFontPx = () => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16

/**
 * A chart drawn at the size it is shown, never scaled down: as wide as its container and no
 * taller than what is left of the window below it (less `reserveRem` for what follows it in
 * its card), so it sits above the fold; its labels are the body type's size, so they grow with
 * large type instead of shrinking with the picture.
 */
export function FitSvgChart({
  render,
  alt,
  aspect = 0.75,
  minHeight = 240,
  reserveRem = 1.5,
  aboveTheFold = true
}: {
  render: (palette: ChartPalette, box: ChartBox) => string
  alt: string
  /** Height over width, at most. */
  aspect?: number
  minHeight?: number
  reserveRem?: number
  /** Keep the chart above the fold (false: as tall as its aspect asks, wherever it sits). */
  aboveTheFold?: boolean
}) {
  const palette = useChartPalette()
  const ref = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState<ChartBox | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => {
      const root = rootFontPx()
      const rect = el.getBoundingClientRect()
      const width = Math.floor(rect.width)
      if (width <= 0) return
      const top = rect.top + window.scrollY
      const budget = aboveTheFold ? window.innerHeight - top - reserveRem * root : Number.POSITIVE_INFINITY
      const height = Math.floor(Math.max(minHeight, Math.min(width * aspect, budget)))
      const fontSize = Math.max(14, Math.round(root * 0.95))
      setBox((b) => (b && b.width === width && b.height === height && b.fontSize === fontSize ? b : { width, height, fontSize }))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [aspect, minHeight, reserveRem, aboveTheFold])
  // Shown at the size the SVG says it is: a chart may use less height than it was offered.
  const drawn = useMemo(() => {
    if (!box) return null
    const svg = render(palette, box)
    const size = /^<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg)
    return { src: svgSource(svg), width: size ? Number(size[1]) : box.width, height: size ? Number(size[2]) : box.height }
  }, [box, render, palette])
  return (
    <div ref={ref} style={{ width: '100%' }}>
      {drawn ? (
        <img src={drawn.src} alt={alt} width={drawn.width} height={drawn.height} style={{ display: 'block', margin: '0 auto' }} />
      ) : (
        <div style={{ height: minHeight }} aria-hidden />
      )}
    </div>
  )
}
