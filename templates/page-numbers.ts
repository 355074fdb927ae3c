/**
 * The page numbers a document's contents show, worked out while it is packed, laying out only
 * as much of the document as they depend on.
 *
 * docx's `estimatePageNumbers` lays out every page, twice (once to place the headings, once more
 * with the numbers written to check they don't change how the contents wrap), to write the page
 * references and the footers' page count with the document. The contents only refer to headings,
 * and nothing after a hard page break can move anything before it, so the pages are laid out up
 * to the heading of the contents' last entry (to the next page break when that heading doesn't
 * start a page itself). For a proposal that leaves out the interview-kit appendix, a third of
 * its pages.
 *
 * What it then cannot know is how many pages the whole document has, so the footers' "of N"
 * (NUMPAGES) is written without a cached number: Word, LibreOffice, Pages and Google Docs number
 * headers and footers themselves as they lay the pages out, and a field written clean never makes
 * Word ask to update it. When the cut would not save anything (no page break after the last
 * entry), the whole document is laid out and the count written as before.
 */
import type { EstimatedPageNumbers, IContext, IXmlableObject, PageNumberEstimator } from 'docx'
import { estimatePageNumbers } from 'docx/layout'

type Xml = IXmlableObject | readonly unknown[] | string | number | boolean | null | undefined

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

const OFF = new Set([false, 0, '0', 'false', 'off'])

/** Whether a body child is a paragraph set to start on a new page. */
function breaksPageBefore(element: Xml): boolean {
  if (element === null || typeof element !== 'object' || Array.isArray(element)) return false
  const paragraph = (element as Record<string, unknown>)['w:p']
  if (!Array.isArray(paragraph)) return false
  for (const part of paragraph as Xml[]) {
    const properties = part !== null && typeof part === 'object' && !Array.isArray(part) ? (part as Record<string, unknown>)['w:pPr'] : undefined
    if (!Array.isArray(properties)) continue
    for (const property of properties as Xml[]) {
      if (property === null || typeof property !== 'object' || Array.isArray(property) || !('w:pageBreakBefore' in property)) continue
      const value = (property as Record<string, { _attr?: Record<string, unknown> } | undefined>)['w:pageBreakBefore']?._attr?.['w:val']
      return !OFF.has(value as never)
    }
  }
  return false
}

/**
 * The body cut after the heading with `bookmark`: right after it when it starts a new page,
 * otherwise at the next paragraph that does; the section properties at its end are kept.
 * Undefined when the cut would keep it all.
 */
export function bodyUpTo(body: IXmlableObject, bookmark: string): IXmlableObject | undefined {
  const children = (body as Record<string, unknown>)['w:body']
  if (!Array.isArray(children) || children.length === 0) return undefined
  const last = children[children.length - 1] as Xml
  const sectionProperties = last !== null && typeof last === 'object' && !Array.isArray(last) && 'w:sectPr' in last ? [last] : []
  const end = children.length - sectionProperties.length
  const at = children.findIndex((child) => startsBookmark(child as Xml, bookmark))
  if (at < 0) return undefined
  // A heading that starts a page of its own stays there whatever follows it; otherwise what
  // follows (keep-with-next, widow control) can move it, up to the next page break.
  let cut = at + 1
  if (!breaksPageBefore(children[at] as Xml)) while (cut < end && !breaksPageBefore(children[cut] as Xml)) cut++
  if (cut >= end) return undefined
  return { ...body, 'w:body': [...children.slice(0, cut), ...sectionProperties] }
}

/**
 * A page-number estimator for a document whose only page references are its contents' entries:
 * `lastBookmark` is the bookmark of the contents' last entry (undefined when the document has
 * no contents, in which case nothing is laid out and the page count is left to the reader).
 */
export function contentsPageNumbers(lastBookmark: string | undefined, estimate: PageNumberEstimator = estimatePageNumbers): PageNumberEstimator {
  const estimator = (body: IXmlableObject, context: IContext): EstimatedPageNumbers => {
    if (lastBookmark === undefined) return { bookmarks: new Map() }
    const cut = bodyUpTo(body, lastBookmark)
    if (cut === undefined) return estimate(body, context)
    const { pageCount: _pageCount, sectionPageCounts: _sectionPageCounts, ...numbers } = estimate(cut, context)
    return numbers
  }
  return Object.assign(estimator, estimate.listNumbers ? { listNumbers: estimate.listNumbers } : {})
}
