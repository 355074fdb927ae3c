/** Escapes LIKE wildcards so a search for "50%" or "a_b" means those characters. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
