import type { z } from 'zod'

const label = (path: readonly PropertyKey[]): string => path.map((p) => (typeof p === 'number' ? `#${p + 1}` : String(p))).join(' › ')

/** Turns validation issues into one sentence a person can act on. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0]
  if (!first) return 'The request was not valid.'
  const where = first.path.length ? `${label(first.path)}: ` : ''
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
  return `${where}${first.message}${more}`
}
