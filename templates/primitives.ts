/**
 * Building blocks every Stagecraft document is made of: headings with bookmarks, tables with
 * a repeated header row, callouts, lists, key-value blocks, a cover page and figures. All text
 * goes through templates/text.ts, so anything a user typed is safe here.
 */
import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ParagraphChild
} from 'docx'
import { LIST, STYLE, logoRun, type DocumentTheme } from './styles'
import { isRtlText, normaliseText, safeParagraph, safeParagraphs, textRuns, type RunStyle } from './text'

// ---------------------------------------------------------------------------------------
// Headings

/**
 * A bookmark name Word accepts (letters, digits and underscores, at most 40 characters,
 * starting with an underscore so Word keeps it out of its bookmark list) made from a key.
 */
export function bookmarkName(key: string): string {
  const clean = key
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return `_Sc_${clean || 'section'}`.slice(0, 40)
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const

export interface HeadingOptions {
  /** Bookmark name (from bookmarkName) the table of contents links to. */
  bookmark?: string
  pageBreakBefore?: boolean
}

/**
 * A Heading 1–3 paragraph, its text wrapped in a bookmark when one is given. A heading that
 * starts a page drops its space above: LibreOffice keeps that space at the top of a page and
 * Word does not, and without it both put the heading, and all that follows, in the same place,
 * so the contents' page numbers hold in both.
 */
export function heading(text: string, level: 1 | 2 | 3, options: HeadingOptions = {}): Paragraph {
  const runs = textRuns(text)
  const children: ParagraphChild[] = options.bookmark ? [new Bookmark({ id: options.bookmark, children: runs })] : runs
  return new Paragraph({
    heading: HEADING[level],
    ...(isRtlText(normaliseText(text)) ? { bidirectional: true } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true, spacing: { before: 0 } } : {}),
    children
  })
}

// ---------------------------------------------------------------------------------------
// Text blocks

/** Body text: a blank line in the text starts a new paragraph. */
export function body(text: string | null | undefined, style?: string): Paragraph[] {
  return safeParagraphs(text, style ? { style } : {})
}

/** A lead paragraph (slightly larger, for the opening of a section). */
export function lead(text: string): Paragraph[] {
  return safeParagraphs(text, { style: STYLE.lead })
}

/** A small uppercase label above a block. */
export function label(text: string): Paragraph {
  return safeParagraph(text, { style: STYLE.label })
}

/** Runs for a label and value on one line: "Label: value". */
export function labelled(labelText: string, value: string, style: RunStyle = {}): ParagraphChild[] {
  return [...textRuns(`${labelText}: `, { ...style, bold: true }), ...textRuns(value, style)]
}

export interface CalloutOptions {
  title?: string
  /** Text (blank lines start new paragraphs). */
  body?: string
  /** Ready-made paragraph children, one entry per paragraph. */
  lines?: ParagraphChild[][]
}

/**
 * A shaded box with an accent bar on its left, for the one thing a reader must not miss.
 * Drawn as a one-cell table so the padding and bar look the same in Word, LibreOffice and
 * Google Docs; its paragraphs use the Callout style.
 */
export function callout(theme: DocumentTheme, options: CalloutOptions): Table {
  const c = theme.colours
  const paragraphs: Paragraph[] = []
  if (options.title) paragraphs.push(safeParagraph(options.title, { style: STYLE.callout, run: { bold: true, size: 24 }, keepNext: true }))
  paragraphs.push(...safeParagraphs(options.body ?? '', { style: STYLE.callout }))
  for (const children of options.lines ?? []) paragraphs.push(new Paragraph({ style: STYLE.callout, children }))
  if (paragraphs.length === 0) paragraphs.push(new Paragraph({ style: STYLE.callout, children: [] }))
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  return new Table({
    width: { size: theme.page.textWidth, type: WidthType.DXA },
    columnWidths: [theme.page.textWidth],
    layout: TableLayoutType.FIXED,
    borders: {
      top: none,
      bottom: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
      left: { style: BorderStyle.SINGLE, size: 24, color: c.accent }
    },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: theme.page.textWidth, type: WidthType.DXA },
            margins: { top: 170, bottom: 110, left: 240, right: 240 },
            shading: { type: 'clear', color: 'auto', fill: c.accentTint },
            borders: { left: { style: BorderStyle.SINGLE, size: 24, color: c.accent } },
            children: paragraphs
          })
        ]
      })
    ]
  })
}

export type ListItem = string | { runs: ParagraphChild[] }

const listParagraph = (item: ListItem, numbering: { reference: string; level: number; instance?: number }, keepNext: boolean): Paragraph => {
  const keep = keepNext ? { keepNext: true } : {}
  if (typeof item === 'string') {
    return safeParagraph(item, { style: STYLE.listParagraph, numbering, ...keep })
  }
  return new Paragraph({ style: STYLE.listParagraph, numbering, ...keep, children: item.runs })
}

/**
 * Whether item `i` of `n` is kept on the page with the next: a short list (up to four items)
 * stays whole, and a longer one keeps its first two items and its last two together, so no
 * page starts or ends with a lone item of a list.
 */
export function listItemKeptWithNext(i: number, n: number): boolean {
  if (i >= n - 1) return false
  return n <= 4 || i === 0 || i === n - 2
}

const list = (items: readonly ListItem[], numbering: { reference: string; level: number; instance?: number }): Paragraph[] =>
  items.map((item, i) => listParagraph(item, numbering, listItemKeptWithNext(i, items.length)))

/** A bulleted list. */
export function bulletList(items: readonly ListItem[], level = 0): Paragraph[] {
  return list(items, { reference: LIST.bullets, level })
}

/**
 * A numbered list starting at 1. Each list in a document needs its own `instance` number,
 * or Word continues the numbering of the previous list.
 */
export function numberedList(items: readonly ListItem[], instance: number): Paragraph[] {
  return list(items, { reference: LIST.numbers, level: 0, instance })
}

/** Vertical space of the given number of points. */
export function spacer(points: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: Math.round(points * 20), line: 240 }, children: [] })
}

// ---------------------------------------------------------------------------------------
// Tables

/** A cell: plain text, text with run formatting, or ready-made paragraphs. */
export type CellContent = string | { text: string; run?: RunStyle; shade?: string } | { paragraphs: Paragraph[]; shade?: string }

export interface TableColumn {
  header: string
  /** Share of the text width (the shares are scaled to add up to the full width). */
  width: number
  align?: 'left' | 'center' | 'right'
}

export interface TableSpec {
  columns: readonly TableColumn[]
  rows: readonly (readonly CellContent[])[]
  /** Alternate row shading. */
  zebra?: boolean
  /** Let rows break across pages (for long cells); otherwise each row stays on one page. */
  allowRowBreaks?: boolean
  /** Keep the whole table on one page (for short tables). */
  keepTogether?: boolean
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const

function cellParagraphs(content: CellContent, align: TableColumn['align'], header: boolean): Paragraph[] {
  const style = header ? STYLE.tableHeading : STYLE.tableText
  const alignment = align ? ALIGN[align] : undefined
  if (typeof content === 'string' || 'text' in content) {
    const text = typeof content === 'string' ? content : content.text
    const run = typeof content === 'string' ? undefined : content.run
    const paragraphs = safeParagraphs(text, { style, ...(run ? { run } : {}), ...(alignment ? { alignment } : {}) })
    return paragraphs.length ? paragraphs : [new Paragraph({ style, children: [] })]
  }
  return content.paragraphs.length ? content.paragraphs : [new Paragraph({ style, children: [] })]
}

/**
 * A full-width table: a header row that repeats on every page, light horizontal rules only,
 * optional zebra rows, column widths as shares of the text width.
 */
export function table(theme: DocumentTheme, spec: TableSpec): Table {
  const c = theme.colours
  const total = spec.columns.reduce((sum, col) => sum + col.width, 0) || 1
  const widths = spec.columns.map((col) => Math.floor((theme.page.textWidth * col.width) / total))
  const rule = { style: BorderStyle.SINGLE, size: 4, color: c.rule }
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  const margins = { top: 70, bottom: 70, left: 100, right: 100 }
  const cell = (content: CellContent, i: number, header: boolean, shade?: string) => {
    const own = typeof content === 'object' && 'shade' in content ? content.shade : undefined
    const fill = own ?? shade
    return new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins,
      verticalAlign: header ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP,
      ...(fill ? { shading: { type: 'clear', color: 'auto', fill } } : {}),
      ...(header ? { borders: { bottom: { style: BorderStyle.SINGLE, size: 12, color: c.accent } } } : {}),
      children: cellParagraphs(content, spec.columns[i]!.align, header)
    })
  }
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...(spec.keepTogether ? { keepNext: true } : {}),
    children: spec.columns.map((col, i) => cell(col.header, i, true, c.tableHead))
  })
  const rows = spec.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: !spec.allowRowBreaks,
        ...(spec.keepTogether && r < spec.rows.length - 1 ? { keepNext: true } : {}),
        children: spec.columns.map((_, i) => cell(row[i] ?? '', i, false, spec.zebra && r % 2 === 1 ? c.zebra : undefined))
      })
  )
  return new Table({
    width: { size: theme.page.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: rule, bottom: rule, left: none, right: none, insideHorizontal: rule, insideVertical: none },
    rows: [headerRow, ...rows]
  })
}

/** Label–value pairs as a two-column table with hairlines between rows, kept on one page. */
export function keyValues(theme: DocumentTheme, pairs: readonly (readonly [string, string])[], labelShare = 0.3): Table {
  const c = theme.colours
  const width = theme.page.textWidth
  const widths = [Math.floor(width * labelShare), width - Math.floor(width * labelShare)]
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  const hair = { style: BorderStyle.SINGLE, size: 4, color: c.rule }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: hair, bottom: hair, left: none, right: none, insideHorizontal: hair, insideVertical: none },
    rows: pairs.map(
      ([key, value], i) =>
        new TableRow({
          cantSplit: true,
          ...(i < pairs.length - 1 && pairs.length <= 12 ? { keepNext: true } : {}),
          children: [
            new TableCell({
              width: { size: widths[0]!, type: WidthType.DXA },
              margins: { top: 60, bottom: 60, left: 0, right: 120 },
              children: safeParagraphs(key, { style: STYLE.tableText, run: { color: c.muted } })
            }),
            new TableCell({
              width: { size: widths[1]!, type: WidthType.DXA },
              margins: { top: 60, bottom: 60, left: 0, right: 0 },
              children: safeParagraphs(value, { style: STYLE.tableText, run: { color: c.ink }, placeholder: '—' })
            })
          ]
        })
    )
  })
}

// ---------------------------------------------------------------------------------------
// Figures

export interface FigureSpec {
  png: Uint8Array
  /** A vector version for readers that show SVG (Word 2016 on, LibreOffice); the PNG stays as the fallback. */
  svg?: Uint8Array
  /** Display size in pixels at 96 dpi; scaled down to the text width when wider. */
  width: number
  height: number
  caption?: string
  /** Alternative text for screen readers. */
  altText: string
  /** Keep the caption on the same page as what follows (e.g. a table about the figure). */
  keepWithNext?: boolean
}

/** An image from PNG bytes, centred, with a caption below it. */
export function figure(theme: DocumentTheme, spec: FigureSpec): Paragraph[] {
  const scale = Math.min(1, theme.page.textWidthPx / spec.width)
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 0 },
      children: [
        new ImageRun({
          ...(spec.svg
            ? { type: 'svg' as const, data: spec.svg, fallback: { type: 'png' as const, data: spec.png } }
            : { type: 'png' as const, data: spec.png }),
          transformation: { width: Math.round(spec.width * scale), height: Math.round(spec.height * scale) },
          altText: { name: 'Figure', title: normaliseText(spec.altText).slice(0, 200), description: normaliseText(spec.altText) }
        })
      ]
    })
  ]
  if (spec.caption) {
    out.push(safeParagraph(spec.caption, { style: STYLE.caption, alignment: AlignmentType.CENTER, ...(spec.keepWithNext ? { keepNext: true } : {}) }))
  }
  return out
}

// ---------------------------------------------------------------------------------------
// Cover page

export interface CoverSpec {
  /** Small label above the title, e.g. "AI readiness assessment". */
  kicker: string
  title: string
  subtitle?: string
  /** Details listed at the foot of the cover: prepared for, by, date, version… */
  details: readonly (readonly [string, string])[]
}

/** A cover page: logo, kicker, title, subtitle, details. What follows should start a new page. */
export function coverPage(theme: DocumentTheme, spec: CoverSpec): FileChild[] {
  const c = theme.colours
  const out: FileChild[] = []
  if (theme.logo) {
    out.push(new Paragraph({ spacing: { after: 0 }, children: [logoRun(theme.logo, 200, 56, theme.consultancyName)] }))
  } else {
    out.push(safeParagraph(theme.consultancyName, { run: { bold: true, color: c.ink, size: 22 }, spacing: { after: 0 } }))
  }
  out.push(spacer(170))
  out.push(
    new Paragraph({
      style: STYLE.label,
      spacing: { before: 0, after: 120 },
      border: { top: { style: BorderStyle.SINGLE, size: 36, color: c.accent, space: 14 } },
      children: textRuns(spec.kicker, { color: c.accentText, size: 19 })
    })
  )
  out.push(safeParagraph(spec.title, { style: STYLE.title }))
  if (spec.subtitle) out.push(safeParagraph(spec.subtitle, { style: STYLE.subtitle }))
  out.push(spacer(150))
  out.push(keyValues(theme, spec.details, 0.28))
  return out
}

/** A paragraph that starts a new page. */
export function pageBreak(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0 }, children: [] })
}

// ---------------------------------------------------------------------------------------
// Key figures and signatures

export interface KeyFigureSpec {
  label: string
  value: string
  note?: string
}

/**
 * A row of headline figures (label, large value, short note), each in a tinted panel with
 * white gutters between them. Drawn as a one-row table so it reads the same everywhere.
 */
/** The largest size, in half-points and at most 15 pt, at which a bold figure fits one line of the given width (twips). */
export function figureSize(value: string, widthTwips: number): number {
  const points = widthTwips / 20
  // Bold Inter digits and capitals average a little over 0.6 of the size in width.
  const fits = Math.floor((2 * points) / (0.64 * Math.max(1, [...value].length)))
  return Math.max(16, Math.min(30, fits))
}

export function keyFigures(theme: DocumentTheme, figures: readonly KeyFigureSpec[]): Table {
  const c = theme.colours
  const n = Math.max(1, figures.length)
  const width = theme.page.textWidth
  const widths = figures.map((_, i) => (i < n - 1 ? Math.floor(width / n) : width - Math.floor(width / n) * (n - 1)))
  const gutter = { style: BorderStyle.SINGLE, size: 36, color: 'FFFFFF' }
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: gutter },
    // Three rows (labels, values, notes), so every value sits on one line across the panels even
    // when one label wraps to two lines.
    rows: (['label', 'value', 'note'] as const).map(
      (part, row) =>
        new TableRow({
          cantSplit: true,
          children: figures.map(
            (f, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                margins: { top: row === 0 ? 150 : 0, bottom: row === 2 ? 130 : 0, left: 170, right: 120 },
                shading: { type: 'clear', color: 'auto', fill: c.accentTint },
                borders: {
                  top: row === 0 ? { style: BorderStyle.SINGLE, size: 18, color: c.accent } : none,
                  bottom: none,
                  left: i === 0 ? none : gutter,
                  right: i === n - 1 ? none : gutter
                },
                children: [
                  part === 'label'
                    ? safeParagraph(f.label, { style: STYLE.label, keepNext: true, spacing: { before: 0, after: 60 }, run: { color: c.accentText } })
                    : part === 'value'
                      ? // A long figure (a large amount in a long currency symbol) gets smaller rather than breaking mid-number.
                        safeParagraph(f.value, {
                          style: STYLE.tableText,
                          keepNext: true,
                          run: { bold: true, color: c.ink, size: figureSize(f.value, widths[i]! - 290) },
                          spacing: { before: 0, after: 40, line: 276 }
                        })
                      : safeParagraph(f.note ?? '', { style: STYLE.tableText, run: { color: c.muted, size: 16 }, spacing: { before: 0, after: 0 } })
                ]
              })
          )
        })
    )
  })
}

export interface SignatureParty {
  /** "For Parcelwise". */
  heading: string
  /** Values printed above the lines (empty leaves the line blank to write on). */
  fields: readonly { label: string; value?: string }[]
}

/**
 * Signature blocks side by side: for each party a heading, then a line to write on per
 * field with its label under it (values such as a name can be printed on the line).
 */
export function signatureBlock(theme: DocumentTheme, parties: readonly SignatureParty[]): Table {
  const c = theme.colours
  const width = theme.page.textWidth
  const gap = 600
  const col = Math.floor((width - gap * (parties.length - 1)) / Math.max(1, parties.length))
  const widths: number[] = []
  parties.forEach((_, i) => {
    if (i > 0) widths.push(gap)
    widths.push(col)
  })
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  const line = { style: BorderStyle.SINGLE, size: 6, color: c.ink }
  const cell = (children: Paragraph[], w: number, bottom = false) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      borders: { top: none, left: none, right: none, bottom: bottom ? line : none },
      verticalAlign: VerticalAlignTable.BOTTOM,
      children
    })
  const rowOf = (make: (p: SignatureParty) => { children: Paragraph[]; bottom?: boolean }) =>
    new TableRow({
      cantSplit: true,
      children: parties.flatMap((p, i) => {
        const made = make(p)
        const cells = [cell(made.children, col, made.bottom)]
        return i > 0 ? [cell([new Paragraph({ children: [] })], gap), ...cells] : cells
      })
    })
  const fieldCount = Math.max(...parties.map((p) => p.fields.length))
  const rows: TableRow[] = [
    rowOf((p) => ({
      children: [
        safeParagraph(p.heading, {
          style: STYLE.tableText,
          run: { bold: true, color: c.accentText, size: 22 },
          keepNext: true,
          spacing: { before: 0, after: 120 }
        })
      ]
    }))
  ]
  for (let i = 0; i < fieldCount; i++) {
    rows.push(
      rowOf((p) => ({
        bottom: true,
        children: [
          safeParagraph(p.fields[i]?.value ?? '', {
            style: STYLE.tableText,
            run: { color: c.ink, size: 21 },
            keepNext: true,
            spacing: { before: 520, after: 40 }
          })
        ]
      }))
    )
    rows.push(
      rowOf((p) => ({
        children: [
          safeParagraph(p.fields[i]?.label ?? '', {
            style: STYLE.tableText,
            run: { color: c.muted, size: 16 },
            keepNext: i < fieldCount - 1,
            spacing: { before: 40, after: 0 }
          })
        ]
      }))
    )
  }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows
  })
}
