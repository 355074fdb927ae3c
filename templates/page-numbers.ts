/**
 * The page numbers a document's contents show, worked out while it is packed, laying out only
 * as much of the document as they depend on.
 *
 * docx's `estimatePageNumbers` lays out every page, twice (once to place the headings, once more
 * with the numbers written to check they don't change how the contents wrap), to write the page
 * references and the footers' page count with the document. The contents only refer to headings,
 * so the pages are laid out up to the heading of the contents' last entry and what its placing
 * can depend on: the paragraphs kept with the next one from the heading on (a heading is kept
 * with its first paragraph, and Word counts the first lines of the block a chain is kept with,
 * even across a page break), the block that ends that chain, and the block after it (whose
 * spacing the last one is measured beside). For a proposal that leaves out the interview-kit
 * appendix, a third of its pages.
 *
 * What it then cannot know is how many pages the whole document has, so the footers' "of N"
 * (NUMPAGES) is written without a cached number: Word, LibreOffice, Pages and Google Docs number
 * headers and footers themselves as they lay the pages out, and a field written clean never makes
 * Word ask to update it. When the cut would not save anything, when the document has no contents,
 * or when the cut would fall in a section other than the last (whose page setup would then apply
 * to it), the whole document is laid out and the count written as before.
 */
import type { EstimatedPageNumbers, IContext, IXmlableObject, PageNumberEstimator } from 'docx'
import { estimatePageNumbers } from 'docx/layout'

type Xml = IXmlableObject | readonly unknown[] | string | number | boolean | null | undefined
type XmlObject = Record<string, unknown>

const isObject = (value: unknown): value is XmlObject => value !== null && typeof value === 'object' && !Array.isArray(value)

/** Whether an element (a body child, formatted for XML) starts a bookmark with this name. */
function startsBookmark(element: Xml, name: string): boolean {
  if (element === null || typeof element !== 'object') return false
  if (Array.isArray(element)) return element.some((child) => startsBookmark(child as Xml, name))
  for (const [key, value] of Object.entries(element)) {
    if (key === 'w:bookmarkStart') {
      const attrs = (value as { _attr?: Record<string, unknown> } | undefined)?._attr
      if (attrs?.['w:name'] === name) return true
    } else if (key !== '_attr' && startsBookmark(value as Xml, name)) return true
  }
  return false
}

const OFF = new Set<unknown>([false, 0, '0', 'false', 'off'])

/** A body child's paragraph properties, when it is a paragraph (undefined for tables and the rest). */
function paragraphProperties(element: Xml): XmlObject[] | undefined {
  if (!isObject(element)) return undefined
  const paragraph = element['w:p']
  if (!Array.isArray(paragraph)) return undefined
  for (const part of paragraph as unknown[]) {
    if (isObject(part) && Array.isArray(part['w:pPr'])) return (part['w:pPr'] as unknown[]).filter(isObject)
  }
  return []
}

const onOff = (value: unknown): boolean => !OFF.has((value as { _attr?: Record<string, unknown> } | undefined)?._attr?.['w:val'])

/**
 * Whether a body child is a paragraph kept with the next block: `w:keepNext` of its own, or a
 * style that keeps with the next (`keptStyles`) not switched off on the paragraph.
 */
export function keptWithNext(element: Xml, keptStyles: ReadonlySet<string>): boolean {
  const properties = paragraphProperties(element)
  if (properties === undefined) return false
  const own = properties.find((p) => 'w:keepNext' in p)
  if (own) return onOff(own['w:keepNext'])
  const style = properties.find((p) => 'w:pStyle' in p)?.['w:pStyle'] as { _attr?: Record<string, unknown> } | undefined
  return keptStyles.has(String(style?._attr?.['w:val'] ?? 'Normal'))
}

/** Whether a body child ends a section (a paragraph holding section properties). */
function endsSection(element: Xml): boolean {
  return paragraphProperties(element)?.some((p) => 'w:sectPr' in p) ?? false
}

/**
 * The body cut after the heading with `bookmark` and what its place depends on (see the module
 * comment); the section properties at its end are kept. Undefined when the whole body must be
 * laid out: the cut would keep it all, the bookmark isn't there, or the cut would fall in a
 * section other than the last.
 */
export function bodyUpTo(body: IXmlableObject, bookmark: string, keptStyles: ReadonlySet<string> = new Set()): IXmlableObject | undefined {
  const children = (body as XmlObject)['w:body']
  if (!Array.isArray(children) || children.length === 0) return undefined
  const last = children[children.length - 1] as Xml
  const sectionProperties = isObject(last) && 'w:sectPr' in last ? [last] : []
  const end = children.length - sectionProperties.length
  const at = children.findIndex((child) => startsBookmark(child as Xml, bookmark))
  if (at < 0) return undefined
  let cut = at + 1
  while (cut < end && keptWithNext(children[cut - 1] as Xml, keptStyles)) cut++
  cut++ // the block after the chain's end, beside which the end is measured
  if (cut >= end) return undefined
  for (let i = cut; i < end; i++) if (endsSection(children[i] as Xml)) return undefined
  return { ...body, 'w:body': [...children.slice(0, cut), ...sectionProperties] }
}

export interface ContentsPageNumbersOptions {
  /** The paragraph styles that keep with the next paragraph (headings, table headings…). */
  keptStyles?: ReadonlySet<string>
  /** The layout to run (docx's own by default). */
  estimate?: PageNumberEstimator
}

/**
 * A page-number estimator for a document whose only page references are its contents' entries:
 * `lastBookmark` is the bookmark of the contents' last entry (undefined when the document has
 * no contents: then everything is laid out, for the footers' page count).
 */
export function contentsPageNumbers(lastBookmark: string | undefined, options: ContentsPageNumbersOptions = {}): PageNumberEstimator {
  const estimate = options.estimate ?? estimatePageNumbers
  const keptStyles = options.keptStyles ?? new Set<string>()
  const estimator = (body: IXmlableObject, context: IContext): EstimatedPageNumbers => {
    const cut = lastBookmark === undefined ? undefined : bodyUpTo(body, lastBookmark, keptStyles)
    if (cut === undefined) return estimate(body, context)
    const { pageCount: _pageCount, sectionPageCounts: _sectionPageCounts, ...numbers } = estimate(cut, context)
    return numbers
  }
  return Object.assign(estimator, estimate.listNumbers ? { listNumbers: estimate.listNumbers } : {})
}
