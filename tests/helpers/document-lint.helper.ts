/**
 * What a client must never read in a document we send: internal ids and rule names,
 * formulas, the word "seed", doubled phrases, lists joined "A and B and C and more", wrong
 * articles and number agreement, straight apostrophes, placeholders like "Not recorded.",
 * and a milestone named as a first AI feature when the plan does not aim at one. Each
 * finding quotes the words around it, so a failing test shows the sentence to fix.
 */
import type { MilestoneKind } from '../../shared/domain/planning/plan.model'

export interface DocumentFacts {
  /** The plan's milestone kind, when the document presents a plan. */
  milestoneKind?: MilestoneKind
  /** The client already has ML staff: no hire is "the first AI hire". */
  hasMlStaff?: boolean
  /** Words the client itself wrote (client name, notes) that may break the house rules. */
  allowed?: readonly string[]
}

const around = (text: string, index: number, length: number): string => text.slice(Math.max(0, index - 50), index + length + 50).replace(/\s+/g, ' ')

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'a rule id', pattern: /\brule R[1-6]\b|\bR[1-6]\b(?!\d)/g },
  // The essays behind the method are never "seeds" to a client (random seeds in interview guidance are another thing).
  { name: 'the word seed', pattern: /\bseeds?\s+(?:figures?|observations?|authors?|essays?|ranges?|data)\b|\bthe seeds?\b|\bseed\s+\d{3}\b/gi },
  { name: 'a formula', pattern: /\b(?:deploy|monitor|logging|experiment|cicd|infra|platform)\s*[+<>=]|\bbelow [0-9]\b/gi },
  { name: 'an internal id', pattern: /\b[a-z]+_[a-z_]+\b/g },
  { name: '"and more"', pattern: /\band more\b/gi },
  { name: 'a doubled phrase', pattern: /\b((?:[A-Za-z]+[^\S\n]+){1,4}[A-Za-z]+)[^\S\n]+\1\b/gi },
  {
    name: 'a wrong article',
    pattern: /\ba (?:ML\b|MLOps|infrastructure|interim|objectives|engineer|[aeio]\w+)|\ban (?:full|senior|data|product|platform|ML lead's)\b/g
  },
  { name: 'a bare "N a week"', pattern: /\b\d+(?:\.\d+)? a week\b/g },
  { name: 'a plural after one', pattern: /(?<![\d.,])\b(?:1|one) (?:days|weeks|months|findings|questions|tasks|items|engineers|specialists|hires|people)\b/gi },
  {
    name: 'a singular after a count',
    pattern: /\b(?:[2-9]|two|three|four|five|six|seven|eight|nine|ten) (?:day|week|month|finding|question|task|item|hire)\b(?!-)/gi
  },
  { name: 'a straight apostrophe or quote', pattern: /['"]/g },
  { name: 'a placeholder', pattern: /\bNot recorded\.|\bundefined\b|(?<![\w-])null\b(?! hypothes)|\bNaN\b|\[object Object\]/g }
]

/** Every rule a document's text breaks, with the words around each break. */
export function documentDefects(text: string, facts: DocumentFacts = {}): string[] {
  const out: string[] = []
  const allowed = facts.allowed ?? []
  const clean = allowed.reduce((t, a) => t.split(a).join(' '.repeat(a.length)), text)
  for (const rule of RULES) {
    for (const m of clean.matchAll(rule.pattern)) {
      // Web and e-mail addresses may carry underscores.
      if (rule.name === 'a doubled phrase' && /^side by$/i.test(m[1] ?? '')) continue
      if (rule.name === 'an internal id' && /[@/.]\S*$/.test(clean.slice(Math.max(0, m.index! - 30), m.index!))) continue
      out.push(`${rule.name}: “…${around(clean, m.index!, m[0].length)}…”`)
    }
  }
  if (facts.milestoneKind && facts.milestoneKind !== 'first_ai_feature') {
    for (const m of clean.matchAll(/\b(?:first|next) AI feature\b/gi))
      out.push(`a first AI feature in a ${facts.milestoneKind} plan: “…${around(clean, m.index!, m[0].length)}…”`)
  }
  if (facts.hasMlStaff) {
    for (const m of clean.matchAll(/\bfirst AI hire\b/gi)) out.push(`"first AI hire" with ML staff in place: “…${around(clean, m.index!, m[0].length)}…”`)
  }
  return out
}
