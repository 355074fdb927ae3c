import { useComputedColorScheme } from '@mantine/core'
import { useMemo } from 'react'
import { DARK_PALETTE, LIGHT_PALETTE, type ChartPalette } from '../../shared/charts/svg'

/**
 * Shows a chart rendered by shared/charts as an image: the same SVG the Word export
 * rasterises, in the palette of the current theme.
 */
export function SvgChart({
  render,
  alt,
  width,
  height
}: {
  render: (palette: ChartPalette) => string
  alt: string
  width: number
  height: number
}) {
  const scheme = useComputedColorScheme('light')
  const src = useMemo(() => {
    const svg = render(scheme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE)
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  }, [render, scheme])
  return <img src={src} alt={alt} width={width} height={height} style={{ maxWidth: '100%', height: 'auto', display: 'block' }} />
}
