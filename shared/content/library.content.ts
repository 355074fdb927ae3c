/**
 * The default content library (seeded into the database on first run) and the interview-loop
 * picker that turns a role's axis weights into a concrete list of questions.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { SKILL_AXES, type InterviewQuestion, type Library, type QuestionGroup, type RoleProfile, type SkillAxis } from '../schemas/library.schema'
import { DEFAULT_QUESTIONS } from './questions.content'
import { DEFAULT_ROLE_PROFILES } from './roles.content'
import { DEFAULT_TASK_TEMPLATES } from './tasks.content'

export const DEFAULT_LIBRARY: Library = {
  format: 'stagecraft-library',
  version: 1,
  tasks: DEFAULT_TASK_TEMPLATES,
  roles: DEFAULT_ROLE_PROFILES,
  questions: DEFAULT_QUESTIONS
}

/** Questions asked per loop when `total` is not given (the AI-domain add-on comes on top). */
export const DEFAULT_LOOP_TOTAL = 12
/** Questions in the AI-domain add-on for API and fine-tuning clients. */
export const AI_DOMAIN_LOOP_COUNT = 3

export interface InterviewLoopOptions {
  /** Add the AI-domain group (for clients using hosted models or fine-tuning). */
  aiDomain: boolean
  /** Questions spread over the weighted axes; default 12. The AI-domain group is extra. */
  total?: number
}

export interface InterviewLoopSection {
  group: QuestionGroup
  /** The role's weight for this axis; 0 for the AI-domain add-on, which sits outside the weights. */
  weight: number
  questions: InterviewQuestion[]
}

/**
 * How many questions each axis gets: largest-remainder apportionment of `total` over the
 * positive weights (ties go to the earlier axis), then every positive axis is raised to at least
 * one question, taking the question from the axis furthest above its exact share. Axes with a
 * larger weight never get fewer questions than axes with a smaller one.
 */
export function apportionQuestions(weights: Record<SkillAxis, number>, total: number): Record<SkillAxis, number> {
  const counts = Object.fromEntries(SKILL_AXES.map((a) => [a, 0])) as Record<SkillAxis, number>
  const axes = SKILL_AXES.filter((a) => weights[a] > 0)
  const sum = axes.reduce((s, a) => s + weights[a], 0)
  if (axes.length === 0) return counts
  const n = Math.max(0, Math.floor(total))
  const quota = Object.fromEntries(axes.map((a) => [a, (weights[a] / sum) * n])) as Record<SkillAxis, number>

  for (const a of axes) counts[a] = Math.floor(quota[a])
  let left = n - axes.reduce((s, a) => s + counts[a], 0)
  const byRemainder = [...axes].sort((x, y) => quota[y] - counts[y] - (quota[x] - counts[x]) || SKILL_AXES.indexOf(x) - SKILL_AXES.indexOf(y))
  for (const a of byRemainder) {
    if (left <= 0) break
    counts[a] += 1
    left -= 1
  }

  for (const a of axes) {
    if (counts[a] > 0) continue
    counts[a] = 1
    const donors = axes.filter((d) => counts[d] > 1)
    if (donors.length === 0) continue
    const donor = donors.reduce((best, d) => (counts[d] - quota[d] > counts[best] - quota[best] ? d : best))
    counts[donor] -= 1
  }
  return counts
}

/** Active questions of a group in pick order: core before senior, then by id. */
function eligible(questions: readonly InterviewQuestion[], group: QuestionGroup): InterviewQuestion[] {
  const rank = (q: InterviewQuestion): number => (q.seniority === 'core' ? 0 : 1)
  return questions.filter((q) => q.group === group && !q.retired).sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * An interview loop for a role: questions per skill axis in proportion to the role's weights
 * (at least one for every axis with a positive weight; axes with weight 0 are left out), plus
 * three AI-domain questions when `aiDomain` is set. Deterministic: within a group, core
 * questions come before senior ones and ties go by id; retired questions are never picked. An
 * axis with fewer active questions than its share gets all it has.
 */
export function interviewLoop(role: RoleProfile, questions: readonly InterviewQuestion[], opts: InterviewLoopOptions): InterviewLoopSection[] {
  const counts = apportionQuestions(role.axisWeights, opts.total ?? DEFAULT_LOOP_TOTAL)
  const sections: InterviewLoopSection[] = SKILL_AXES.filter((a) => role.axisWeights[a] > 0).map((axis) => ({
    group: axis,
    weight: role.axisWeights[axis],
    questions: eligible(questions, axis).slice(0, counts[axis])
  }))
  if (opts.aiDomain) {
    sections.push({ group: 'ai_domain', weight: 0, questions: eligible(questions, 'ai_domain').slice(0, AI_DOMAIN_LOOP_COUNT) })
  }
  return sections
}
