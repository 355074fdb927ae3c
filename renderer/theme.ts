import { createTheme, type MantineColorsTuple } from '@mantine/core'

// A deep teal accent: reads on white and on a dark canvas, and survives washed-out projectors.
const stage: MantineColorsTuple = [
  '#e6fbf8',
  '#d4f2ee',
  '#abe3dc',
  '#7ed3c9',
  '#59c6b9',
  '#41bdaf',
  '#31b9aa',
  '#1fa295',
  '#0d9084',
  '#007d72'
]

export const theme = createTheme({
  primaryColor: 'stage',
  primaryShade: { light: 8, dark: 6 },
  colors: { stage },
  fontFamily:
    '"Inter Variable", Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm', variant: 'light' } },
    Modal: {
      defaultProps: { centered: true, overlayProps: { blur: 2 } },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }
    }
  }
})

export const PRESENTATION_FONT_SIZE = { normal: '100%', large: '125%', xlarge: '150%' } as const
