/** Escapes text for SVG/XML and drops characters XML 1.0 cannot carry. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  )
}

export const fmt = (n: number): string => (Math.round(n * 100) / 100).toString()

/** Colours a chart is drawn with; one palette per place it is shown. */
export interface ChartPalette {
  background: string
  text: string
  muted: string
  grid: string
  series: readonly string[]
}

export const LIGHT_PALETTE: ChartPalette = {
  background: 'transparent',
  text: '#1f2328',
  muted: '#5f6b76',
  grid: '#d5dbe1',
  series: ['#0d9084', '#8a63d2', '#d9480f']
}

export const DARK_PALETTE: ChartPalette = {
  background: 'transparent',
  text: '#e9ecef',
  muted: '#a6adb5',
  grid: '#4a5058',
  series: ['#41d3c2', '#b197fc', '#ff8c5a']
}

/** For Word: white paper, printer-safe colours. */
export const PRINT_PALETTE: ChartPalette = { ...LIGHT_PALETTE, background: '#ffffff' }

/** Splits text into lines of at most `width` characters at spaces. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}
