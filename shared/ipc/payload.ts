/**
 * What any payload or parsed file must be before a schema looks at it: bounded, well-formed
 * text, no `__proto__` keys. Used by the IPC dispatcher and by the strict JSON reader.
 */

/** No contract payload nests deeper than a handful of levels. */
export const MAX_PAYLOAD_DEPTH = 64
/** Values (strings, numbers, array items, object entries) in one payload, at most. */
export const MAX_PAYLOAD_NODES = 1_000_000

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export type PayloadProblem = 'too-deep' | 'too-large' | 'malformed-text' | 'prototype-key'

/**
 * A cheap walk before any schema runs, without recursion: refuses absurd nesting and
 * size, and text that is not well-formed Unicode (a lone surrogate would be stored as
 * U+FFFD, so what was sent would not be what was kept). Keys are checked as well as values,
 * and an own `__proto__` key is refused outright: zod's records skip it silently, so it
 * would otherwise be accepted and dropped instead of refused.
 */
export function payloadProblem(payload: unknown): PayloadProblem | null {
  const stack: [unknown, number][] = [[payload, 0]]
  // Counted as they are found, before they are collected: a flat array of millions of
  // elements is refused at its length, not after millions of entries pile up on the stack.
  let nodes = 1
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'malformed-text'
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_PAYLOAD_DEPTH) return 'too-deep'
      if (Array.isArray(value)) {
        nodes += value.length
        if (nodes > MAX_PAYLOAD_NODES) return 'too-large'
        for (const item of value) stack.push([item, depth + 1])
      } else {
        const keys = Object.keys(value)
        nodes += keys.length
        if (nodes > MAX_PAYLOAD_NODES) return 'too-large'
        for (const key of keys) {
          if (key === '__proto__') return 'prototype-key'
          if (LONE_SURROGATE.test(key)) return 'malformed-text'
          stack.push([(value as Record<string, unknown>)[key], depth + 1])
        }
      }
    }
  }
  return null
}
