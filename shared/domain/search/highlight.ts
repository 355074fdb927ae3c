/**
 * Highlighted search text comes with these markers around each match; the UI renders them,
 * never as HTML. Kept apart from the schemas so the window can use them without loading the
 * validation library at start-up.
 */
export const HIGHLIGHT_START = '\u0002'
export const HIGHLIGHT_END = '\u0003'
