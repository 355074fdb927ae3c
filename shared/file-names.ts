/**
 * File names the app suggests in save dialogs (documents, engagement files, intake files),
 * safe on Windows, macOS and Linux alike.
 */
const encoder = new TextEncoder()
const utf8Bytes = (text: string): number => encoder.encode(text).length

/** The most a suggested file name takes, in UTF-8 bytes, extension included: under every platform's 255-byte limit, with room for " (2)" and the like. */
export const MAX_FILE_NAME_BYTES = 200

/** Directional controls: invisible, they can make a name read differently from what it is ("gpj.exe"). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** The longest start of `text` that fits in `bytes` UTF-8 bytes, cut between whole characters as a reader sees them. */
function cutToBytes(text: string, bytes: number): string {
  if (utf8Bytes(text) <= bytes) return text
  let out = ''
  let used = 0
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = utf8Bytes(segment)
    if (used + size > bytes) break
    out += segment
    used += size
  }
  return out
}

/**
 * Safe file names on Windows, macOS and Linux alike: no reserved characters or names, no
 * directional controls, no trailing dots, and at most MAX_FILE_NAME_BYTES bytes (not
 * characters: a long Japanese or Arabic client name takes three or two bytes a character).
 */
export function safeFileName(name: string, extension = '.docx'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    // eslint-disable-next-line no-control-regex -- control characters cannot be in file names
    .replace(/[\u0000-\u001F\u007F<>:"/\\|?*\uFFFE\uFFFF]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  const cut = cutToBytes(cleaned, MAX_FILE_NAME_BYTES - utf8Bytes(extension))
    .trim()
    .replace(/[. ]+$/, '')
  const base = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cut) || cut === '' ? `Document ${cut}`.trim() : cut
  return `${base}${extension}`
}
