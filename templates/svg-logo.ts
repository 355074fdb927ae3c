/**
 * An SVG logo, parsed and cleaned before it is drawn: parsed by an XML parser (not matched
 * with patterns), with everything removed that could make the drawing reach outside the file
 * (a local picture embedded into a document the client receives), run code, or take the app
 * down while it is drawn.
 *
 * Kept: the drawing itself. Removed: scripts, foreign objects, `feImage`, event handlers,
 * style sheets that import or point outside the file, and every link that is not to a part of
 * the same file (`#id`) or, on a picture, an embedded PNG, JPEG or GIF (`data:`). Refused
 * outright: a document type declaration (entities can smuggle markup past any cleaning),
 * markup that does not parse, more elements or filter steps than any logo needs, and blurs
 * wide enough to freeze the drawing.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom'

/** The parts of xmldom's DOM used here (its types lean on the browser's DOM library). */
interface Node {
  nodeType: number
  nodeName: string
  localName?: string | null
  firstChild: Node | null
  nextSibling: Node | null
  parentNode: Node | null
  textContent: string | null
  removeChild(child: Node): void
}
interface Attr {
  name: string
  localName?: string | null
  prefix?: string | null
  value: string
}
interface Element extends Node {
  attributes: { length: number; item(index: number): Attr | null }
  getAttribute(name: string): string | null
  removeAttributeNode(attr: Attr): void
}

export class SvgLogoProblem extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SvgLogoProblem'
  }
}

/** More elements than any logo needs (a detailed one has a few hundred). */
export const MAX_SVG_ELEMENTS = 20_000
/** Filter steps (fe… elements) in the whole drawing. */
export const MAX_FILTER_STEPS = 40
/** The widest blur, in the drawing's own units. */
export const MAX_BLUR = 200

const DROPPED_ELEMENTS = new Set(['script', 'foreignobject', 'feimage', 'iframe', 'embed', 'object', 'audio', 'video', 'canvas', 'handler', 'listener'])
const IMAGE_DATA = /^\s*data:image\/(png|jpeg|jpg|gif);/i
const EXTERNAL_URL = /url\(\s*(['"]?)\s*(?!#)[^)]*\)|@import/i

const localName = (node: Node): string => ((node as Element).localName ?? node.nodeName ?? '').toLowerCase()

/** The cleaned SVG text, or a SvgLogoProblem naming what is wrong. */
export function sanitiseSvgLogo(text: string): string {
  if (/<!DOCTYPE/i.test(text)) throw new SvgLogoProblem('it declares a document type, which a logo does not need; save it again without one')
  const errors: string[] = []
  const doc = new DOMParser({
    // Warnings too: xmldom reads past unquoted attributes and unclosed tags, which no real SVG editor writes.
    errorHandler: (_level: string, message: unknown) => {
      errors.push(String(message).replace(/^\[xmldom \w+\]\s*/, ''))
    }
  }).parseFromString(text, 'image/svg+xml')
  if (errors.length > 0) throw new SvgLogoProblem(`it is not well-formed XML (${errors[0]!.split('\n')[0]!.slice(0, 120)})`)
  const root = doc.documentElement as unknown as Element | null
  if (!root || localName(root) !== 'svg') throw new SvgLogoProblem('its outermost element is not <svg>')

  let elements = 0
  let filterSteps = 0
  const stack: Element[] = [root]
  while (stack.length > 0) {
    const el = stack.pop()!
    elements += 1
    if (elements > MAX_SVG_ELEMENTS) throw new SvgLogoProblem(`it has more than ${MAX_SVG_ELEMENTS.toLocaleString('en')} elements`)
    const name = localName(el)
    if (name.startsWith('fe')) {
      filterSteps += 1
      if (filterSteps > MAX_FILTER_STEPS) throw new SvgLogoProblem(`it has more than ${MAX_FILTER_STEPS} filter steps`)
    }
    if (name === 'fegaussianblur') {
      const deviation = (el.getAttribute('stdDeviation') ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((d: string) => Number(d))
      if (deviation.some((d) => !Number.isFinite(d) || d > MAX_BLUR)) throw new SvgLogoProblem('it has a blur too wide to draw')
    }
    if (name === 'style' && EXTERNAL_URL.test(el.textContent ?? '')) {
      el.parentNode?.removeChild(el)
      continue
    }
    // Attributes: no event handlers, no links outside the file, no styles pointing outside it.
    for (const attr of Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i)!)) {
      const attrName = (attr.localName ?? attr.name).toLowerCase()
      const value = attr.value ?? ''
      const link = attrName === 'href' || attrName === 'src'
      const keepLink = value.trim().startsWith('#') || (name === 'image' && IMAGE_DATA.test(value))
      if (
        attrName.startsWith('on') ||
        (link && !keepLink) ||
        (attrName === 'style' && EXTERNAL_URL.test(value)) ||
        (attrName === 'base' && attr.prefix === 'xml')
      ) {
        el.removeAttributeNode(attr)
      }
    }
    const children: Node[] = []
    for (let child = el.firstChild; child; child = child.nextSibling) children.push(child)
    for (const child of children) {
      if (child.nodeType === 7 /* a processing instruction */) el.removeChild(child)
      else if (child.nodeType === 1) {
        if (DROPPED_ELEMENTS.has(localName(child))) el.removeChild(child)
        else stack.push(child as Element)
      }
    }
  }
  return new XMLSerializer().serializeToString(root as never)
}
