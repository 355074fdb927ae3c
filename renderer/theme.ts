import { createTheme, darken, DEFAULT_THEME, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core'

// A deep teal accent: reads on white and on a dark canvas, and survives washed-out projectors.
// Filled buttons and links use shade 9 in both themes: white text on it is 5:1 (WCAG AA).
const stage: MantineColorsTuple = ['#e6fbf8', '#d4f2ee', '#abe3dc', '#7ed3c9', '#59c6b9', '#41bdaf', '#31b9aa', '#1fa295', '#0d9084', '#007d72']

export const theme = createTheme({
  primaryColor: 'stage',
  primaryShade: { light: 9, dark: 9 },
  colors: { stage },
  fontFamily: '"Inter Variable", Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm', variant: 'light' } },
    // A loader with a name is a status message to assistive technology (a span cannot carry a label alone).
    Loader: { defaultProps: { role: 'status' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close the message' } } },
    // Icon-only close buttons are named, for screen readers and voice control.
    Modal: {
      defaultProps: { centered: true, overlayProps: { blur: 2 }, closeButtonProps: { 'aria-label': 'Close the dialog' } },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }
    }
  }
})

export const PRESENTATION_FONT_SIZE = { normal: '100%', large: '125%', xlarge: '150%' } as const

const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The colour, darkened in steps of 5% until it reads at `ratio` on `background`. */
function readableOn(colour: string, background: string, ratio = 4.6): string {
  for (let amount = 0; amount <= 0.8; amount += 0.05) {
    const c = darken(colour, amount)
    if (contrast(c, background) >= ratio) return c
  }
  return darken(colour, 0.8)
}

/**
 * WCAG AA for coloured text in the light theme: Mantine's "light" variant (badges, light
 * buttons, alerts) writes shade 9 on shade 1, which is 2.7:1 for yellow and 4.2:1 for teal;
 * coloured text (`c="orange"`) is shade 9 on white. Each is darkened just enough to reach 4.6:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {}
  for (const [name, shades] of Object.entries({ ...DEFAULT_THEME.colors, ...t.colors })) {
    if (!shades || shades.length < 10) continue
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9]!, shades[1]!)
    light[`--mantine-color-${name}-text`] = readableOn(shades[9]!, '#ffffff')
  }
  return { variables: {}, light, dark: {} }
}
