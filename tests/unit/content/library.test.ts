import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { LibrarySchema, QUESTION_GROUPS, SKILL_AXES, type InterviewQuestion, type RoleProfile, type SkillAxis } from '../../../shared/schemas/library.schema'
import { ROLE_IDS, TASK_BY_ID, TASK_IDS } from '../../../shared/domain/catalogue'
import { AI_DOMAIN_LOOP_COUNT, apportionQuestions, DEFAULT_LIBRARY, DEFAULT_LOOP_TOTAL, interviewLoop } from '../../../shared/content/library.content'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const SEEDS_DIR = resolve(REPO_ROOT, '../shared/seeds')

const { tasks, roles, questions } = DEFAULT_LIBRARY
const roleById = (id: string): RoleProfile => roles.find((r) => r.id === id)!

/** Every piece of prose in the library, labelled for error messages. */
function allTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const t of tasks) {
    out.push([`task ${t.id} title`, t.title], [`task ${t.id} summary`, t.summary], [`task ${t.id} description`, t.description])
    t.deliverables.forEach((d, i) => out.push([`task ${t.id} deliverable ${i}`, d]))
    t.acceptanceCriteria.forEach((d, i) => out.push([`task ${t.id} criterion ${i}`, d]))
  }
  for (const r of roles) {
    out.push([`role ${r.id} title`, r.title], [`role ${r.id} oneLine`, r.oneLine], [`role ${r.id} situation`, r.situation])
    for (const key of ['mustHaves', 'niceToHaves', 'deliberatelyAbsent'] as const) {
      r[key].forEach((d, i) => out.push([`role ${r.id} ${key} ${i}`, d]))
    }
    r.scorecard.forEach((s, i) => out.push([`role ${r.id} scorecard ${i}`, `${s.criterion}. ${s.strong}`]))
  }
  for (const q of questions) out.push([`question ${q.id} text`, q.text], [`question ${q.id} lookFor`, q.lookFor])
  return out
}

const sumOf = (xs: number[]): number => xs.reduce((s, x) => s + x, 0)

describe('DEFAULT_LIBRARY', () => {
  it('passes the library schema', () => {
    const parsed = LibrarySchema.safeParse(DEFAULT_LIBRARY)
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)).toBe(true)
  })

  it('has every catalogue task exactly once, in catalogue order, and nothing else', () => {
    expect(tasks.map((t) => t.id)).toEqual([...TASK_IDS])
  })

  it('has every catalogue role exactly once, and nothing else', () => {
    expect(roles.map((r) => r.id).sort()).toEqual([...ROLE_IDS].sort())
  })

  it('task effort defaults and units match the catalogue', () => {
    for (const t of tasks) {
      const effort = TASK_BY_ID[t.id as (typeof TASK_IDS)[number]].effort
      if (effort.kind === 'block') {
        expect(t.effort.unit, t.id).toBe('days')
        expect(t.effort.default, t.id).toBe(effort.days)
      } else {
        expect(t.effort.unit, t.id).toBe('days_per_week')
        expect(t.effort.default, t.id).toBe(effort.daysPerWeek)
      }
      expect(t.effort.min).toBeLessThan(t.effort.max)
    }
  })

  it('tasks follow the phase conventions and the content shape asked for', () => {
    for (const t of tasks) {
      const expected = t.id === 'objectives_audit' ? 'discovery' : t.id === 'distillation' ? 'scale' : 'foundations'
      expect(t.phase, t.id).toBe(expected)
      expect(t.custom || t.retired, t.id).toBe(false)
      expect(t.deliverables.length, t.id).toBeGreaterThanOrEqual(3)
      expect(t.deliverables.length, t.id).toBeLessThanOrEqual(6)
      expect(t.acceptanceCriteria.length, t.id).toBeGreaterThanOrEqual(3)
      expect(t.acceptanceCriteria.length, t.id).toBeLessThanOrEqual(5)
      const paragraphs = t.description.split('\n\n')
      expect(paragraphs.length, t.id).toBeGreaterThanOrEqual(2)
      expect(paragraphs.length, t.id).toBeLessThanOrEqual(4)
    }
  })

  it('roles have the expected lists, weights and timings', () => {
    for (const r of roles) {
      expect(r.custom || r.retired, r.id).toBe(false)
      expect(r.mustHaves.length, r.id).toBeGreaterThanOrEqual(5)
      expect(r.mustHaves.length, r.id).toBeLessThanOrEqual(8)
      expect(r.niceToHaves.length, r.id).toBeGreaterThanOrEqual(3)
      expect(r.niceToHaves.length, r.id).toBeLessThanOrEqual(6)
      expect(r.deliberatelyAbsent.length, r.id).toBeGreaterThanOrEqual(2)
      expect(r.deliberatelyAbsent.length, r.id).toBeLessThanOrEqual(4)
      expect(r.scorecard.length, r.id).toBeGreaterThanOrEqual(4)
      expect(r.scorecard.length, r.id).toBeLessThanOrEqual(6)
      expect(Object.keys(r.axisWeights).sort()).toEqual([...SKILL_AXES].sort())
      expect(sumOf(Object.values(r.axisWeights))).toBeCloseTo(1, 9)
      expect(sumOf(r.scorecard.map((s) => s.weight))).toBeCloseTo(1, 9)
      expect(r.onboardingWeeks).toBeGreaterThanOrEqual(2)
      expect(r.onboardingWeeks).toBeLessThanOrEqual(4)
    }
  })

  it('axis weights have the intended shape per role', () => {
    const w = (id: string) => roleById(id).axisWeights
    const top2 = (id: string): SkillAxis[] =>
      [...SKILL_AXES]
        .sort((a, b) => w(id)[b] - w(id)[a])
        .slice(0, 2)
        .sort()
    expect(top2('infra_engineer')).toEqual(['ml_systems', 'software_engineering'])
    expect(top2('mlops_engineer')).toEqual(['ml_systems', 'software_engineering'])
    expect(top2('data_engineer')).toEqual(['ml_systems', 'software_engineering'])
    expect(w('infra_engineer').ml_theory).toBeLessThanOrEqual(0.05)
    const scientist = w('ml_scientist')
    for (const a of SKILL_AXES) if (a !== 'ml_theory') expect(scientist.ml_theory).toBeGreaterThan(scientist[a])
    expect(w('fullstack_ai_engineer').software_engineering).toBeGreaterThan(w('fullstack_ai_engineer').ml_theory)
    expect(w('ml_lead').culture).toBeGreaterThanOrEqual(0.2)
  })

  it('the infrastructure engineer profile follows the contract', () => {
    const infra = roleById('infra_engineer')
    const must = infra.mustHaves.join(' ')
    for (const word of ['Ray', 'TorchServe', 'Triton', 'FastAPI', 'pager', 'monitoring', 'ML lifecycle', 'scale']) {
      expect(must).toContain(word)
    }
    const absent = infra.deliberatelyAbsent.join(' ').toLowerCase()
    for (const word of ['papers', 'research', 'model architectures']) expect(absent).toContain(word)
  })

  it('has at least 10 questions in every group, with unique lower_snake_case ids', () => {
    for (const g of QUESTION_GROUPS) {
      expect(questions.filter((q) => q.group === g).length, g).toBeGreaterThanOrEqual(10)
      expect(questions.filter((q) => q.group === g && q.seniority === 'core').length, g).toBeGreaterThanOrEqual(3)
    }
    const ids = questions.map((q) => q.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]+$/)
  })

  it('covers the seed interview topics', () => {
    const corpus = questions
      .map((q) => `${q.text} ${q.lookFor}`)
      .join(' ')
      .toLowerCase()
    const topics = [
      'training pipeline',
      'hyper-parameter',
      'multiple machines|several machines',
      'continuous integration',
      'rebase',
      'quadratic',
      'attention',
      'batch norm',
      'distillation',
      'bias',
      'airflow',
      'version',
      'personal data',
      'streaming',
      'feature store',
      'retrain',
      'lora',
      'open-weight'
    ]
    for (const t of topics) expect(corpus, t).toMatch(new RegExp(t))
  })

  it('contains no placeholders, template markers or emoji', () => {
    for (const [where, text] of allTexts()) {
      expect(text, where).not.toMatch(/\bTODO\b|\bTBD\b|\bFIXME\b|lorem|ipsum|XXX|\{[a-zA-Z_]*\}|\[\s*client\s*\]/i)
      expect(text, where).not.toMatch(/\p{Extended_Pictographic}/u)
      expect(text, where).toBe(text.trim())
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Originality against the seed essays

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?:;])\s+|\n+|\s+[-•]\s+/)
    .map(normalise)
    .filter((s) => s.split(' ').length >= 8)

const seedsPresent = existsSync(SEEDS_DIR)

describe('originality against the seed essays', () => {
  if (!seedsPresent) {
    it.skip(`skipped: seed folder not found at ${SEEDS_DIR}`, () => {})
    return
  }
  const seedTexts = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'))
  const seedCorpus = normalise(seedTexts.join('\n'))
  const content = allTexts()
  const contentCorpus = normalise(content.map(([, t]) => t).join(' \n '))

  it('found the seed essays', () => {
    expect(seedTexts.length).toBeGreaterThan(0)
  })

  it('no sentence of 8 or more words in the library appears verbatim in a seed', () => {
    for (const [where, text] of content) {
      for (const s of sentencesOf(text)) expect(seedCorpus.includes(s), `${where}: "${s}"`).toBe(false)
    }
  })

  it('no sentence of 8 or more words in a seed appears verbatim in the library', () => {
    for (const s of sentencesOf(seedTexts.join('\n'))) expect(contentCorpus.includes(s), s).toBe(false)
  })

  it('no run of 10 consecutive words is shared with a seed', () => {
    const seedWords = seedCorpus.split(' ')
    const grams = new Set<string>()
    for (let i = 0; i + 10 <= seedWords.length; i++) grams.add(seedWords.slice(i, i + 10).join(' '))
    for (const [where, text] of content) {
      const words = normalise(text).split(' ')
      for (let i = 0; i + 10 <= words.length; i++) {
        const gram = words.slice(i, i + 10).join(' ')
        expect(grams.has(gram), `${where}: "${gram}"`).toBe(false)
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// interviewLoop

const axisWeightsArb = fc
  .array(fc.integer({ min: 0, max: 20 }), { minLength: 5, maxLength: 5 })
  .filter((xs) => sumOf(xs) > 0)
  .map((xs) => Object.fromEntries(SKILL_AXES.map((a, i) => [a, xs[i]! / sumOf(xs)])) as Record<SkillAxis, number>)

const withWeights = (w: Record<SkillAxis, number>): RoleProfile => ({ ...roles[0]!, axisWeights: w })

describe('interviewLoop', () => {
  it('picks the default total over the weighted axes, plus three AI-domain questions when asked', () => {
    for (const role of roles) {
      const plain = interviewLoop(role, questions, { aiDomain: false })
      expect(plain.map((s) => s.group)).toEqual(SKILL_AXES.filter((a) => role.axisWeights[a] > 0))
      expect(sumOf(plain.map((s) => s.questions.length)), role.id).toBe(DEFAULT_LOOP_TOTAL)
      for (const s of plain) {
        expect(s.questions.length, `${role.id} ${s.group}`).toBeGreaterThanOrEqual(1)
        expect(s.weight).toBe(role.axisWeights[s.group as SkillAxis])
        for (const q of s.questions) expect(q.group).toBe(s.group)
      }
      const withAi = interviewLoop(role, questions, { aiDomain: true })
      expect(withAi.slice(0, -1)).toEqual(plain)
      const ai = withAi.at(-1)!
      expect(ai.group).toBe('ai_domain')
      expect(ai.questions).toHaveLength(AI_DOMAIN_LOOP_COUNT)
      for (const q of ai.questions) expect(q.group).toBe('ai_domain')
    }
  })

  it('never includes the AI-domain group unless asked', () => {
    fc.assert(
      fc.property(axisWeightsArb, fc.integer({ min: 0, max: 40 }), (w, total) => {
        const loop = interviewLoop(withWeights(w), questions, { aiDomain: false, total })
        expect(loop.some((s) => s.group === 'ai_domain')).toBe(false)
      })
    )
  })

  it('is deterministic and independent of the order of the question bank', () => {
    fc.assert(
      fc.property(axisWeightsArb, fc.boolean(), fc.integer({ min: 1, max: 30 }), fc.integer(), (w, aiDomain, total, seed) => {
        const role = withWeights(w)
        const shuffled = [...questions].sort((a, b) => ((hash(a.id) ^ seed) >>> 0) - ((hash(b.id) ^ seed) >>> 0))
        const a = interviewLoop(role, questions, { aiDomain, total })
        expect(interviewLoop(role, questions, { aiDomain, total })).toEqual(a)
        expect(interviewLoop(role, shuffled, { aiDomain, total })).toEqual(a)
      })
    )
  })

  it('picks core questions before senior ones, then by id', () => {
    const loop = interviewLoop(roleById('ml_scientist'), questions, { aiDomain: true, total: 20 })
    for (const s of loop) {
      const pool = questions
        .filter((q) => q.group === s.group)
        .sort((a, b) => (a.seniority === b.seniority ? (a.id < b.id ? -1 : 1) : a.seniority === 'core' ? -1 : 1))
      expect(s.questions).toEqual(pool.slice(0, s.questions.length))
    }
  })

  it('respects the weights: proportional counts, at least one per weighted axis, none for weight 0', () => {
    fc.assert(
      fc.property(axisWeightsArb, fc.integer({ min: 0, max: 60 }), (w, total) => {
        const counts = apportionQuestions(w, total)
        const weighted = SKILL_AXES.filter((a) => w[a] > 0)
        expect(sumOf(Object.values(counts))).toBe(Math.max(total, weighted.length))
        for (const a of SKILL_AXES) {
          if (w[a] === 0) expect(counts[a]).toBe(0)
          else {
            expect(counts[a]).toBeGreaterThanOrEqual(1)
            if (total >= weighted.length) expect(Math.abs(counts[a] - w[a] * total)).toBeLessThan(weighted.length)
          }
          for (const b of SKILL_AXES) if (w[a] > w[b]) expect(counts[a]).toBeGreaterThanOrEqual(counts[b])
        }
      })
    )
  })

  it('stays within one question of the exact share for the default roles', () => {
    for (const role of roles) {
      const counts = apportionQuestions(role.axisWeights, DEFAULT_LOOP_TOTAL)
      for (const a of SKILL_AXES) expect(Math.abs(counts[a] - role.axisWeights[a] * DEFAULT_LOOP_TOTAL), `${role.id} ${a}`).toBeLessThan(1)
    }
  })

  it('never picks a retired question', () => {
    fc.assert(
      fc.property(axisWeightsArb, fc.boolean(), fc.uniqueArray(fc.constantFrom(...questions.map((q) => q.id))), (w, aiDomain, retiredIds) => {
        const retired = new Set(retiredIds)
        const bank: InterviewQuestion[] = questions.map((q) => (retired.has(q.id) ? { ...q, retired: true } : q))
        const loop = interviewLoop(withWeights(w), bank, { aiDomain, total: 15 })
        for (const s of loop) {
          for (const q of s.questions) expect(q.retired).toBe(false)
          const active = bank.filter((q) => q.group === s.group && !q.retired).length
          const wanted = s.group === 'ai_domain' ? AI_DOMAIN_LOOP_COUNT : apportionQuestions(w, 15)[s.group as SkillAxis]
          expect(s.questions.length).toBe(Math.min(active, wanted))
        }
      })
    )
  })
})

function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}
