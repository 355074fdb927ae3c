/**
 * Turns what the user typed into a safe SQLite FTS5 query. The text is split into words the
 * way the index's tokenizer (unicode61: letters, numbers and private-use characters) splits
 * it, and each word becomes a quoted prefix phrase, `"word"*`, joined with AND. Nothing the
 * user types is ever FTS5 syntax, so `"`, `*`, `-`, `NEAR(`, `AND`, unbalanced quotes,
 * emoji or punctuation alone can never raise a syntax error: words made only of such
 * characters simply vanish, and no words means no query.
 *
 * Pure: no Node, DOM or Electron imports.
 */

/** At most this many words are used (the rest are ignored). */
export const MAX_QUERY_WORDS = 12
/** A longer word is cut to this many characters (as a prefix it still matches). */
export const MAX_WORD_LENGTH = 48

const WORD = /[\p{L}\p{N}\p{Co}]+/gu

export function searchWords(text: string): string[] {
  const words = text.normalize('NFC').match(WORD) ?? []
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of words) {
    const word = [...raw].slice(0, MAX_WORD_LENGTH).join('')
    const key = word.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(word)
    if (out.length === MAX_QUERY_WORDS) break
  }
  return out
}

/** `"word"*` for each word, AND-ed; null when there is nothing to search for. */
export function ftsMatchExpression(words: readonly string[]): string | null {
  if (words.length === 0) return null
  // Words hold only letters, numbers and private-use characters, so no quote can appear;
  // doubling quotes anyway keeps the expression safe if the word rule ever changes.
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' AND ')
}
