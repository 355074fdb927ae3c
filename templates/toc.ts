/**
 * The document's outline: one list of sections produces both the headings (each with a
 * bookmark) and a table of contents whose entries are written into the document itself, as
 * internal hyperlinks to those bookmarks with a page reference beside each. So the contents
 * read the same in Word, LibreOffice, Pages, Google Docs and a PDF made from any of them,
 * without anyone having to update a field (docx's TableOfContents is an empty field that
 * only Word fills in).
 */
import { InternalHyperlink, PageReference, Paragraph, TextRun, type FileChild, type PageNumberEstimator } from 'docx'
import { contentsPageNumbers } from './page-numbers'
import { bookmarkName, heading } from './primitives'
import { STYLE, keptWithNextStyles, rightTab, type DocumentTheme } from './styles'
import { isRtlText, normaliseText, textRuns } from './text'

export interface OutlineSection {
  /** Stable key; the heading's bookmark is made from it (unique within the document). */
  key: string
  title: string
  /** What follows the heading, before any subsections. */
  content: FileChild[]
  /** Sections under this one, written as Heading 2. */
  subsections?: OutlineSection[]
  /** Start this section on a new page. */
  newPage?: boolean
}

export interface OutlineEntry {
  level: 1 | 2
  title: string
  bookmark: string
}

export interface ContentsOptions {
  /** The contents' own heading. */
  title?: string
  /** List Heading 2 entries too (default: only Heading 1). */
  includeLevel2?: boolean
  /** Write a page number beside each entry (a PAGEREF field; Word and LibreOffice compute it). */
  pageNumbers?: boolean
  /** Start the contents on a new page (after a cover). */
  newPage?: boolean
}

/** Every heading the sections produce, in document order, with its bookmark. */
export function outlineEntries(sections: readonly OutlineSection[]): OutlineEntry[] {
  const used = new Set<string>()
  const unique = (key: string): string => {
    const base = bookmarkName(key)
    let name = base
    for (let i = 2; used.has(name); i++) name = `${base.slice(0, 36)}_${i}`
    used.add(name)
    return name
  }
  const out: OutlineEntry[] = []
  for (const s of sections) {
    out.push({ level: 1, title: s.title, bookmark: unique(s.key) })
    for (const sub of s.subsections ?? []) out.push({ level: 2, title: sub.title, bookmark: unique(`${s.key}_${sub.key}`) })
  }
  return out
}

/** The entries the contents list (Heading 2 only when asked for). */
export function listedEntries(entries: readonly OutlineEntry[], options: ContentsOptions = {}): OutlineEntry[] {
  return entries.filter((entry) => entry.level === 1 || options.includeLevel2 === true)
}

/** The contents: a heading and one linked entry per section heading. */
export function tableOfContents(theme: DocumentTheme, entries: readonly OutlineEntry[], options: ContentsOptions = {}): FileChild[] {
  const pageNumbers = options.pageNumbers ?? true
  const out: FileChild[] = [
    new Paragraph({
      style: STYLE.tocHeading,
      ...(options.newPage ? { pageBreakBefore: true } : {}),
      children: textRuns(options.title ?? 'Contents')
    })
  ]
  for (const entry of listedEntries(entries, options)) {
    const text = normaliseText(entry.title).replace(/\s*\n\s*/g, ' ')
    out.push(
      new Paragraph({
        style: entry.level === 1 ? STYLE.toc1 : STYLE.toc2,
        ...(isRtlText(text) ? { bidirectional: true } : {}),
        tabStops: [rightTab(theme, 'dot')],
        children: [
          new InternalHyperlink({ anchor: entry.bookmark, children: textRuns(text.replace(/\t/g, ' ')) }),
          ...(pageNumbers ? [new TextRun({ children: ['\t'] }), new PageReference(entry.bookmark)] : [])
        ]
      })
    )
  }
  return out
}

/** The body: each section's heading (bookmarked, as the contents link to it) and content. */
export function outlineBody(sections: readonly OutlineSection[], entries: readonly OutlineEntry[] = outlineEntries(sections)): FileChild[] {
  const out: FileChild[] = []
  let i = 0
  for (const s of sections) {
    out.push(heading(s.title, 1, { bookmark: entries[i++]!.bookmark, pageBreakBefore: s.newPage ?? false }))
    out.push(...s.content)
    for (const sub of s.subsections ?? []) {
      out.push(heading(sub.title, 2, { bookmark: entries[i++]!.bookmark, pageBreakBefore: sub.newPage ?? false }))
      out.push(...sub.content)
    }
  }
  return out
}

/**
 * Contents and body from one list of sections, so every heading is in the contents, and the
 * estimator that writes the contents' page numbers laying out no more pages than they need.
 */
export function renderOutline(
  theme: DocumentTheme,
  sections: readonly OutlineSection[],
  options: ContentsOptions & { contents?: boolean } = {}
): { contents: FileChild[]; body: FileChild[]; entries: OutlineEntry[]; pageNumbers: PageNumberEstimator } {
  const entries = outlineEntries(sections)
  const listed = options.contents === false || options.pageNumbers === false ? [] : listedEntries(entries, options)
  return {
    contents: options.contents === false ? [] : tableOfContents(theme, entries, options),
    body: outlineBody(sections, entries),
    entries,
    pageNumbers: contentsPageNumbers(listed.at(-1)?.bookmark, { keptStyles: keptWithNextStyles(theme) })
  }
}
