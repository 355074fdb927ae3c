/**
 * Small pieces of English the documents share, so every document writes them the same way:
 * counts in words, "a" or "an", and typographic apostrophes and quotes.
 *
 * Pure: no Node, no file system.
 */

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']

/** A whole number as a word up to twelve ("two"), digits beyond. */
export function countWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n]! : String(n)
}

/** "one finding", "two findings", "no findings". */
export function countOf(n: number, one: string, many: string): string {
  return `${countWord(n)} ${n === 1 ? one : many}`
}

/** "a" or "an" by how the phrase sounds: an ML engineer, an MLOps engineer, an infrastructure engineer, a full-stack engineer. */
export function indefinite(phrase: string): string {
  const an = /^(?:[aeio]|u(?!ni|se|sa|su)|ML\b|MLOps|SQL|LLM|API|FTE|X-ray|hour|honest)/i.test(phrase.trim()) && !/^(?:one|eu)/i.test(phrase.trim())
  return `${an ? 'an' : 'a'} ${phrase}`
}

/** Capitalises the first letter. */
export const upperFirst = (text: string): string => (text ? text.charAt(0).toUpperCase() + text.slice(1) : text)

/**
 * Typographic apostrophes and quotes, as a typesetter would set them: an apostrophe inside
 * or at the end of a word becomes ’, an opening single quote ‘, double quotes “ and ”.
 */
export function typographic(text: string): string {
  if (!/['"]/.test(text)) return text
  return text
    .replace(/(^|[\s([{\u2014\u2013/-])'(?=\S)/gu, '$1\u2018')
    .replace(/'/g, '\u2019')
    .replace(/(^|[\s([{\u2014\u2013/-])"(?=\S)/gu, '$1\u201C')
    .replace(/"/g, '\u201D')
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/**
 * The same object with every string typeset (typographic apostrophes and quotes). Only plain
 * objects and arrays are walked; bytes, dates and class instances are left as they are, and
 * so are the keys listed in `keep` (identifiers). What the consultant or the client typed
 * (`verbatim`: names, notes, their own terms) keeps its own characters wherever it appears.
 */
export function typeset<T>(value: T, options: { verbatim?: readonly (string | null | undefined)[]; keep?: ReadonlySet<string> } = {}): T {
  const keep = options.keep ?? KEEP_AS_IS
  const verbatim = [...new Set((options.verbatim ?? []).filter((v): v is string => typeof v === 'string' && /['"]/.test(v)))].sort(
    (a, b) => b.length - a.length
  )
  const set = (text: string): string => {
    if (!/['"]/.test(text)) return text
    if (verbatim.length === 0 || !verbatim.some((v) => text.includes(v))) return typographic(text)
    // Typeset the stretches between the verbatim strings only.
    let out = ''
    let rest = text
    while (rest.length > 0) {
      let at = -1
      let found = ''
      for (const v of verbatim) {
        const i = rest.indexOf(v)
        if (i >= 0 && (at < 0 || i < at)) {
          at = i
          found = v
        }
      }
      if (at < 0) {
        out += typographic(rest)
        break
      }
      out += typographic(rest.slice(0, at)) + found
      rest = rest.slice(at + found.length)
    }
    return out
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return set(v)
    if (Array.isArray(v)) return v.map(walk)
    if (!isPlain(v)) return v
    const out: Record<string, unknown> = {}
    for (const [key, x] of Object.entries(v)) out[key] = keep.has(key) ? x : walk(x)
    return out
  }
  return walk(value) as T
}

/** Keys whose values are identifiers, colours, fonts or file data, never prose. */
export const KEEP_AS_IS: ReadonlySet<string> = new Set(['id', 'role', 'kind', 'group', 'itemId', 'locale'])
