/**
 * Safe text for Word: any string in, runs and paragraphs that keep every visible character out.
 *
 * docx writes `\n` and `\t` literally (Word shows neither), silently drops some control
 * characters and lets U+FFFE/U+FFFF into the XML, which LibreOffice then refuses to open.
 * Everything a user typed goes through here before it reaches a document:
 *
 * - `\n`, `\r\n`, `\r`, vertical tab and form feed become line breaks (no text is lost);
 * - `\t` becomes a real tab;
 * - every other C0 control character is removed;
 * - U+FFFE, U+FFFF and lone surrogates become U+FFFD (the replacement character);
 * - right-to-left text (Hebrew, Arabic, …) is written in right-to-left runs, and a paragraph
 *   whose first strong character is right-to-left is laid out right-to-left.
 *
 * Pure: no Node, no file system.
 */
import { Paragraph, Tab, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from 'docx'

/** Run formatting the caller may give (everything but the text itself). */
export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const REMOVED_CONTROLS = /[\u0000-\u0008\u000E-\u001F]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const NON_CHARACTERS = /[\uFFFE\uFFFF]/g
/** Line-breaking controls: CRLF, CR, LF, vertical tab, form feed. */
// eslint-disable-next-line no-control-regex -- vertical tab and form feed are what it matches
const LINE_BREAKS = /\r\n|[\r\n\u000B\u000C]/g

/**
 * The text as it will read in the document: line-breaking controls become `\n`, other C0
 * controls are removed, and characters XML cannot carry become U+FFFD. Tabs stay.
 */
export function normaliseText(value: string): string {
  return value.replace(LINE_BREAKS, '\n').replace(REMOVED_CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD').replace(NON_CHARACTERS, '\uFFFD')
}

// Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic,
// Arabic supplements and presentation forms, and the RTL blocks of the supplementary planes.
const RTL_CHAR =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u200F\u202B\u202E]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/
// Strong left-to-right characters: letters of every other script, and the LTR marks.
const LETTER = /[\p{L}\u200E\u202A\u202D]/u
const isLtrChar = (ch: string): boolean => LETTER.test(ch) && !RTL_CHAR.test(ch)

/** Whether a character (one code point) is strongly right-to-left. */
export function isRtlChar(ch: string): boolean {
  return RTL_CHAR.test(ch)
}

/** True when the text's first strong character is right-to-left (Unicode bidi rule P2). */
export function isRtlText(value: string): boolean {
  for (const ch of value) {
    if (RTL_CHAR.test(ch)) return true
    if (isLtrChar(ch)) return false
  }
  return false
}

/** Whether the text contains any right-to-left character. */
export function hasRtl(value: string): boolean {
  return RTL_CHAR.test(value)
}

/**
 * Splits a line into stretches of one direction: right-to-left characters start an RTL
 * stretch, left-to-right letters an LTR one, and neutral characters (spaces, digits,
 * punctuation, emoji) stay with the stretch they are in.
 */
function directionalChunks(line: string): { text: string; rtl: boolean }[] {
  const chunks: { text: string; rtl: boolean }[] = []
  let current: { text: string; rtl: boolean } | null = null
  for (const ch of line) {
    const dir = RTL_CHAR.test(ch) ? true : isLtrChar(ch) ? false : null
    if (current === null) {
      current = { text: ch, rtl: dir ?? false }
    } else if (dir === null || dir === current.rtl) {
      current.text += ch
    } else {
      chunks.push(current)
      current = { text: ch, rtl: dir }
    }
  }
  if (current) chunks.push(current)
  return chunks
}

/** One run for a stretch of one direction, with its tabs written as real tabs. */
function runFor(text: string, rtl: boolean, style: RunStyle, lineBreak: boolean): TextRun {
  const parts = text.split('\t')
  const children: (string | Tab)[] = []
  parts.forEach((part, i) => {
    if (i > 0) children.push(new Tab())
    if (part !== '') children.push(part)
  })
  return new TextRun({
    ...style,
    ...(rtl ? { rightToLeft: true } : {}),
    ...(lineBreak ? { break: 1 } : {}),
    children
  })
}

/**
 * Any string as runs: line breaks, tabs and right-to-left stretches written the way Word
 * expects, control characters removed, nothing else lost. An empty string gives no runs.
 */
export function textRuns(value: string, style: RunStyle = {}): TextRun[] {
  const lines = normaliseText(value).split('\n')
  const runs: TextRun[] = []
  lines.forEach((line, i) => {
    const breakBefore = i > 0
    if (line === '') {
      if (breakBefore) runs.push(new TextRun({ ...style, break: 1 }))
      return
    }
    directionalChunks(line).forEach((chunk, j) => runs.push(runFor(chunk.text, chunk.rtl, style, breakBefore && j === 0)))
  })
  return runs
}

export interface SafeParagraphOptions extends Omit<IParagraphOptions, 'children' | 'text'> {
  /** Formatting for the text's runs. */
  run?: RunStyle
  /** Runs placed before the text (a label, a bookmark). */
  before?: ParagraphChild[]
}

/** One paragraph holding the text (line breaks inside it stay line breaks). */
export function safeParagraph(value: string, options: SafeParagraphOptions = {}): Paragraph {
  const { run, before, ...paragraph } = options
  const normalised = normaliseText(value)
  const rtl = isRtlText(normalised)
  return new Paragraph({
    ...(rtl ? { bidirectional: true } : {}),
    ...paragraph,
    children: [...(before ?? []), ...textRuns(normalised, run)]
  })
}

/** Splits text into paragraphs at blank lines (a line holding only spaces counts as blank). */
export function splitParagraphs(value: string): string[] {
  return normaliseText(value)
    .split(/\n[ \t\u00A0]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
}

/**
 * Multi-paragraph text (a blank line starts a new paragraph) as paragraphs. Text that is
 * empty or only whitespace gives no paragraphs, unless `placeholder` is given.
 */
export function safeParagraphs(value: string | null | undefined, options: SafeParagraphOptions & { placeholder?: string } = {}): Paragraph[] {
  const { placeholder, ...rest } = options
  const parts = splitParagraphs(value ?? '')
  if (parts.length === 0) return placeholder === undefined ? [] : [safeParagraph(placeholder, rest)]
  return parts.map((p) => safeParagraph(p, rest))
}

/** Text for places that hold a single line (document properties, file names, headers). */
export function singleLine(value: string): string {
  return normaliseText(value)
    .replace(/[\n\t]+/g, ' ')
    .trim()
}
