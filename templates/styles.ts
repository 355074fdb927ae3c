/**
 * The document's look as real Word styles, so a client can restyle the whole document from
 * Word's Styles pane: Title, Subtitle, Heading 1–3, Normal, Table text, Caption, Callout,
 * Note, the table-of-contents levels, list numbering; plus headers and footers with
 * "Page X of Y" and the consultancy's footer line.
 *
 * A theme comes from branding: accent colour, font, consultancy name, footer text, locale
 * (which also picks A4 or US Letter) and an optional logo.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Paragraph,
  PageNumber,
  TabStopType,
  TextRun,
  type FileChild,
  type INumberingOptions,
  type IPropertiesOptions,
  type ISectionOptions,
  type IStylesOptions
} from 'docx'
import { prepareLogo, type Branding, type PreparedLogo } from './branding'
import { BUNDLED_FONT_FAMILY, bundledFontData } from './fonts'
import { singleLine, textRuns } from './text'

// ---------------------------------------------------------------------------------------
// Colours

type Rgb = [number, number, number]
const toRgb = (hex: string): Rgb => {
  const h = hex.replace('#', '')
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb
}
const toHex = (rgb: Rgb): string =>
  rgb
    .map((c) =>
      Math.round(Math.max(0, Math.min(255, c)))
        .toString(16)
        .padStart(2, '0')
    )
    .join('')
    .toUpperCase()
/** Mixes `hex` towards `other` by `t` (0 = hex, 1 = other). */
export const mix = (hex: string, other: string, t: number): string => {
  const a = toRgb(hex)
  const b = toRgb(other)
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb)
}
const luminance = (hex: string): number => {
  const lin = toRgb(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!
}
export const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05)

export interface ThemeColours {
  /** The brand accent, as given. */
  accent: string
  /** The accent darkened until text in it reads on white (WCAG 4.5:1). */
  accentText: string
  /** A pale tint of the accent for callout backgrounds. */
  accentTint: string
  /** Headings and strong text. */
  ink: string
  /** Body text. */
  body: string
  /** Secondary text: captions, labels, headers and footers. */
  muted: string
  /** Hairlines and table borders. */
  rule: string
  /** Alternate table rows. */
  zebra: string
  /** The header row of tables. */
  tableHead: string
}

function coloursFor(accentHex: string): ThemeColours {
  const accent = accentHex.replace('#', '').toUpperCase()
  let accentText = accent
  for (let i = 0; i < 20 && contrastWithWhite(accentText) < 4.5; i++) accentText = mix(accentText, '000000', 0.08)
  return {
    accent,
    accentText,
    accentTint: mix(accent, 'FFFFFF', 0.9),
    ink: '17222B',
    body: '2B3640',
    muted: '5F6B76',
    rule: 'D5DBE1',
    zebra: 'F5F7F9',
    tableHead: 'EDF1F4'
  }
}

// ---------------------------------------------------------------------------------------
// Theme

export interface PageGeometry {
  /** Twentieths of a point (twips). */
  width: number
  height: number
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number }
  /** The width between the margins, in twips. */
  textWidth: number
  /** The same in pixels at 96 dpi (for images). */
  textWidthPx: number
  paper: 'A4' | 'Letter'
}

export interface DocumentTheme {
  consultancyName: string
  footerText: string
  locale: string
  /** The font every style asks for. */
  font: string
  /** The font for right-to-left and other complex scripts (Inter has no Hebrew or Arabic). */
  complexScriptFont: string
  /** Whether the bundled font files are embedded in the document (when the font is the bundled one). */
  embedFont: boolean
  colours: ThemeColours
  page: PageGeometry
  logo: PreparedLogo | null
}

/** Regions that print on US Letter; everyone else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR', 'SV', 'NI', 'BZ'])

export function paperFor(locale: string): 'A4' | 'Letter' {
  try {
    const region = new Intl.Locale(locale).maximize().region
    return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4'
  } catch {
    return 'A4'
  }
}

function geometry(paper: 'A4' | 'Letter'): PageGeometry {
  const [width, height] = paper === 'A4' ? [11906, 16838] : [12240, 15840]
  const side = 1247 // 2.2 cm
  const margin = { top: 1304, right: side, bottom: 1247, left: side, header: 567, footer: 567 }
  const textWidth = width - margin.left - margin.right
  return { width, height, margin, textWidth, textWidthPx: Math.floor((textWidth / 1440) * 96), paper }
}

/**
 * The theme a document is styled with. Prepares the logo (unless given one already prepared),
 * so a broken one throws BrandingLogoError here, before anything is written.
 */
export function createTheme(branding: Branding, preparedLogo?: PreparedLogo | null): DocumentTheme {
  const font = branding.fontFamily.trim() || BUNDLED_FONT_FAMILY
  return {
    consultancyName: singleLine(branding.consultancyName),
    footerText: singleLine(branding.footerText),
    locale: branding.locale,
    font,
    complexScriptFont: 'Arial',
    embedFont: font === BUNDLED_FONT_FAMILY,
    colours: coloursFor(branding.accentColour),
    page: geometry(paperFor(branding.locale)),
    logo: preparedLogo !== undefined ? preparedLogo : branding.logo ? prepareLogo(branding.logo) : null
  }
}

// ---------------------------------------------------------------------------------------
// Styles

/** Style ids (what paragraphs refer to); the names Word shows are set in `documentStyles`. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  normal: 'Normal',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  caption: 'Caption',
  callout: 'Callout',
  note: 'Note',
  label: 'Label',
  coverMeta: 'CoverMeta',
  lead: 'Lead',
  toc1: 'TOC1',
  toc2: 'TOC2',
  tocHeading: 'TOCHeading',
  header: 'Header',
  footer: 'Footer',
  listParagraph: 'ListParagraph'
} as const

/** Numbering references for lists. */
export const LIST = { bullets: 'stagecraft-bullets', numbers: 'stagecraft-numbers' } as const

const pt = (points: number): number => Math.round(points * 2) // half-points
const twips = (points: number): number => Math.round(points * 20)

export function fontOf(theme: DocumentTheme): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: theme.font, hAnsi: theme.font, eastAsia: theme.font, cs: theme.complexScriptFont }
}

export function documentStyles(theme: DocumentTheme): IStylesOptions {
  const c = theme.colours
  const font = fontOf(theme)
  const line = (multiple: number) => ({ line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO })
  return {
    default: {
      document: {
        run: { font, size: pt(10.5), sizeComplexScript: pt(10.5), color: c.body },
        paragraph: { spacing: { after: twips(7), ...line(1.3) } }
      },
      title: {
        run: { font, size: pt(34), bold: true, color: c.ink, characterSpacing: -12 },
        paragraph: { spacing: { before: 0, after: twips(10), ...line(1.05) } }
      },
      heading1: {
        run: { font, size: pt(18), bold: true, color: c.accentText },
        paragraph: { spacing: { before: twips(26), after: twips(9), ...line(1.1) }, keepNext: true, keepLines: true, outlineLevel: 0 }
      },
      heading2: {
        run: { font, size: pt(13), bold: true, color: c.ink },
        paragraph: { spacing: { before: twips(18), after: twips(6), ...line(1.15) }, keepNext: true, keepLines: true, outlineLevel: 1 }
      },
      heading3: {
        run: { font, size: pt(11), bold: true, color: c.ink },
        paragraph: { spacing: { before: twips(12), after: twips(4), ...line(1.15) }, keepNext: true, keepLines: true, outlineLevel: 2 }
      },
      caption: {
        run: { font, size: pt(9), italics: true, color: c.muted },
        paragraph: { spacing: { before: twips(4), after: twips(14) } }
      },
      listParagraph: {
        paragraph: { spacing: { after: twips(3) } }
      }
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: pt(15), color: c.muted },
        paragraph: { spacing: { before: 0, after: twips(24), ...line(1.2) } }
      },
      {
        id: STYLE.lead,
        name: 'Lead',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: pt(12), color: c.ink },
        paragraph: { spacing: { after: twips(10), ...line(1.35) } }
      },
      {
        id: STYLE.tableText,
        name: 'Table text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: pt(9.5), sizeComplexScript: pt(9.5) },
        paragraph: { spacing: { before: twips(3), after: twips(3), ...line(1.2) } }
      },
      {
        id: STYLE.tableHeading,
        name: 'Table heading',
        basedOn: STYLE.tableText,
        run: { bold: true, color: c.ink, size: pt(9) },
        paragraph: { keepNext: true }
      },
      {
        id: STYLE.callout,
        name: 'Callout',
        basedOn: 'Normal',
        quickFormat: true,
        run: { color: c.ink },
        paragraph: { spacing: { before: 0, after: twips(6), ...line(1.3) }, keepLines: true }
      },
      {
        id: STYLE.note,
        name: 'Note',
        basedOn: 'Normal',
        run: { size: pt(9.5), color: c.body, italics: true },
        paragraph: {
          spacing: { before: twips(2), after: twips(6), ...line(1.25) },
          indent: { left: twips(10) },
          border: { left: { style: BorderStyle.SINGLE, size: 8, color: c.rule, space: 8 } }
        }
      },
      {
        id: STYLE.label,
        name: 'Label',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: pt(8), color: c.muted, bold: true, allCaps: true, characterSpacing: 12 },
        paragraph: { spacing: { before: twips(16), after: twips(4) }, keepNext: true }
      },
      {
        id: STYLE.coverMeta,
        name: 'Cover details',
        basedOn: 'Normal',
        run: { size: pt(10.5), color: c.body },
        paragraph: { spacing: { after: twips(2) } }
      },
      {
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Heading1',
        next: 'Normal',
        paragraph: { outlineLevel: 9 }
      },
      ...[STYLE.toc1, STYLE.toc2].map((id, i) => ({
        id,
        name: `toc ${i + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        run: i === 0 ? { color: c.ink, bold: false, size: pt(10.5) } : { color: c.body, size: pt(10) },
        paragraph: {
          spacing: { before: twips(i === 0 ? 5 : 1), after: twips(i === 0 ? 3 : 1) },
          indent: { left: twips(i * 16) }
        }
      })),
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: pt(8.5), color: c.muted },
        paragraph: { spacing: { after: 0 } }
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: pt(8.5), color: c.muted },
        paragraph: { spacing: { after: 0 } }
      }
    ]
  }
}

export function documentNumbering(theme: DocumentTheme): INumberingOptions {
  const c = theme.colours
  const indent = (level: number) => ({ left: twips(18 + level * 18), hanging: twips(13) })
  return {
    config: [
      {
        reference: LIST.bullets,
        levels: [0, 1, 2].map((level) => ({
          level,
          format: LevelFormat.BULLET,
          text: ['•', '–', '·'][level]!,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) }, run: { color: c.accentText, font: theme.font } }
        }))
      },
      {
        reference: LIST.numbers,
        levels: [0, 1, 2].map((level) => ({
          level,
          format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level]!,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) }, run: { color: c.accentText, bold: true, font: theme.font } }
        }))
      }
    ]
  }
}

/** The built-in styles `documentStyles` sets under `default`, by the ids Word knows them by. */
const DEFAULT_STYLE_IDS = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  heading5: 'Heading5',
  heading6: 'Heading6',
  caption: 'Caption',
  listParagraph: 'ListParagraph'
} as const

/**
 * The paragraph styles that keep a paragraph with the next one (headings, table headings,
 * labels), read from the styles themselves, styles based on them included unless they switch
 * it off: what the contents' page-number layout needs to know where it may stop.
 */
export function keptWithNextStyles(theme: DocumentTheme): Set<string> {
  const styles = documentStyles(theme)
  const own = new Map<string, { keepNext?: boolean; basedOn?: string }>()
  for (const [key, id] of Object.entries(DEFAULT_STYLE_IDS)) {
    const style = (styles.default as Record<string, { paragraph?: { keepNext?: boolean } } | undefined> | undefined)?.[key]
    if (style) own.set(id, { keepNext: style.paragraph?.keepNext })
  }
  for (const style of styles.paragraphStyles ?? []) own.set(style.id, { keepNext: style.paragraph?.keepNext, basedOn: style.basedOn })
  const kept = (id: string, seen = new Set<string>()): boolean => {
    const style = own.get(id)
    if (!style || seen.has(id)) return false
    seen.add(id)
    return style.keepNext ?? (style.basedOn ? kept(style.basedOn, seen) : false)
  }
  return new Set([...own.keys()].filter((id) => kept(id)))
}

/** The bundled font's faces, embedded so the document looks the same where Inter is not installed. */
export function embeddedFonts(theme: DocumentTheme): IPropertiesOptions['fonts'] {
  if (!theme.embedFont) return undefined
  return [
    {
      name: BUNDLED_FONT_FAMILY,
      data: bundledFontData('regular'),
      bold: bundledFontData('bold'),
      italic: bundledFontData('italic'),
      boldItalic: bundledFontData('boldItalic')
    }
  ]
}

// ---------------------------------------------------------------------------------------
// Headers, footers and page setup

/** A logo scaled to fit a box, keeping its proportions (pixels at 96 dpi). */
export function fitLogo(logo: PreparedLogo, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / logo.width, maxHeight / logo.height)
  return { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) }
}

export function logoRun(logo: PreparedLogo, maxWidth: number, maxHeight: number, name: string): ImageRun {
  return new ImageRun({
    type: logo.type,
    data: logo.data,
    transformation: fitLogo(logo, maxWidth, maxHeight),
    altText: { name: 'Logo', title: 'Logo', description: `${name} logo` }
  })
}

/** A right-aligned tab stop at the right margin (header, footer, table of contents). */
export function rightTab(theme: DocumentTheme, leader?: 'dot'): { type: typeof TabStopType.RIGHT; position: number; leader?: 'dot' } {
  return { type: TabStopType.RIGHT, position: theme.page.textWidth, ...(leader ? { leader } : {}) }
}

/** Running header: logo or consultancy name on the left, the document's title on the right. */
export function pageHeader(theme: DocumentTheme, documentTitle: string): Header {
  const left = theme.logo ? [logoRun(theme.logo, 120, 22, theme.consultancyName)] : textRuns(theme.consultancyName, { bold: true, color: theme.colours.ink })
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        tabStops: [rightTab(theme)],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: theme.colours.rule, space: 6 } },
        children: [...left, new TextRun({ children: ['\t'] }), ...textRuns(singleLine(documentTitle))]
      })
    ]
  })
}

/** Running footer: the consultancy's footer line on the left, "Page X of Y" on the right. */
export function pageFooter(theme: DocumentTheme): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops: [rightTab(theme)],
        children: [...textRuns(theme.footerText), new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })]
      })
    ]
  })
}

/** Page size and margins for a section. */
export function pageProperties(theme: DocumentTheme): NonNullable<ISectionOptions['properties']> {
  const { width, height, margin } = theme.page
  return { page: { size: { width, height }, margin } }
}

export interface DocumentFrame {
  theme: DocumentTheme
  /** Shown in the running header and written to the document properties. */
  title: string
  subject?: string
  /** Keywords for the document properties. */
  keywords?: string
  /** The cover page (no header or footer on it). */
  cover?: FileChild[]
  /** The body, after the cover. */
  body: FileChild[]
  /**
   * Works out page numbers while packing (e.g. `estimatePageNumbers` from docx/layout), so
   * page references are written with their numbers and Word does not ask to update fields.
   */
  pageNumbers?: IPropertiesOptions['pageNumbers']
}

/**
 * The options for a branded document: styles, numbering, embedded font, properties, and
 * one section whose first page (the cover) has no header or footer.
 */
export function documentOptions(frame: DocumentFrame): IPropertiesOptions {
  const { theme } = frame
  const cover = frame.cover ?? []
  return {
    creator: theme.consultancyName,
    lastModifiedBy: theme.consultancyName,
    title: singleLine(frame.title),
    ...(frame.subject ? { subject: singleLine(frame.subject) } : {}),
    ...(frame.keywords ? { keywords: singleLine(frame.keywords) } : {}),
    styles: documentStyles(theme),
    numbering: documentNumbering(theme),
    fonts: embeddedFonts(theme),
    ...(frame.pageNumbers ? { pageNumbers: frame.pageNumbers } : {}),
    sections: [
      {
        properties: { ...pageProperties(theme), titlePage: cover.length > 0 },
        headers: { default: pageHeader(theme, frame.title), first: new Header({ children: [new Paragraph({})] }) },
        footers: { default: pageFooter(theme), first: new Footer({ children: [new Paragraph({})] }) },
        children: [...cover, ...frame.body]
      }
    ]
  }
}
