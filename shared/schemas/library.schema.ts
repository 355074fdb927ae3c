import { z } from 'zod'

/**
 * The consultant's content library: task templates, role profiles and the interview
 * question bank. Seeded from shared/content/ on first run, editable in the app, exported
 * and imported as one JSON file. Plans copy what they use, so editing the library never
 * changes a plan already made.
 */

export const SKILL_AXES = ['ml_practice', 'software_engineering', 'ml_theory', 'ml_systems', 'culture'] as const
export type SkillAxis = (typeof SKILL_AXES)[number]
export const QUESTION_GROUPS = [...SKILL_AXES, 'ai_domain'] as const
export type QuestionGroup = (typeof QUESTION_GROUPS)[number]

const Id = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, { message: 'must be lower_snake_case' })
const Text = (max: number) => z.string().trim().min(1).max(max)
const List = (max: number, itemMax = 600) => z.array(Text(itemMax)).max(max)

export const PhaseIdSchema = z.enum(['discovery', 'foundations', 'first_hire', 'build_out', 'scale'])

export const TaskTemplateSchema = z.strictObject({
  id: Id,
  title: Text(160),
  summary: Text(400),
  description: Text(4000),
  deliverables: List(20),
  acceptanceCriteria: List(20),
  /** Consultant days (for `weekly` tasks: days per week). */
  effort: z
    .strictObject({
      unit: z.enum(['days', 'days_per_week']),
      default: z.number().positive().max(1000),
      min: z.number().positive().max(1000),
      max: z.number().positive().max(1000)
    })
    .refine((e) => e.min <= e.default && e.default <= e.max, { message: 'effort must satisfy min ≤ default ≤ max' }),
  phase: PhaseIdSchema,
  /** True for the consultant's own additions (not in the built-in catalogue). */
  custom: z.boolean(),
  retired: z.boolean()
})
export type TaskTemplate = z.infer<typeof TaskTemplateSchema>

export const ScorecardItemSchema = z.strictObject({
  criterion: Text(160),
  /** What a strong hire shows for this criterion. */
  strong: Text(600),
  weight: z.number().min(0).max(1)
})

export const RoleProfileSchema = z.strictObject({
  id: Id,
  title: Text(160),
  oneLine: Text(400),
  /** What the role does in the client's situation, in a paragraph or two. */
  situation: Text(4000),
  mustHaves: List(20),
  niceToHaves: List(20),
  /** What is deliberately not asked for, and why. */
  deliberatelyAbsent: List(20),
  /** Interview loop weights over the five axes; they sum to 1. */
  axisWeights: z
    .strictObject(Object.fromEntries(SKILL_AXES.map((a) => [a, z.number().min(0).max(1)])) as Record<SkillAxis, z.ZodNumber>)
    .refine((w) => Math.abs(Object.values(w).reduce((s, v) => s + v, 0) - 1) < 1e-6, { message: 'axis weights must sum to 1' }),
  scorecard: z.array(ScorecardItemSchema).min(1).max(20),
  /** Typical weeks from opening the role to the person's first day. */
  timeToHireWeeks: z.number().int().min(1).max(52),
  onboardingWeeks: z.number().int().min(0).max(26),
  custom: z.boolean(),
  retired: z.boolean()
})
export type RoleProfile = z.infer<typeof RoleProfileSchema>

export const InterviewQuestionSchema = z.strictObject({
  id: Id,
  group: z.enum(QUESTION_GROUPS),
  text: Text(1000),
  /** What a good answer covers, for the interviewer. */
  lookFor: Text(1000),
  seniority: z.enum(['core', 'senior']),
  custom: z.boolean(),
  retired: z.boolean()
})
export type InterviewQuestion = z.infer<typeof InterviewQuestionSchema>

export const LibrarySchema = z
  .strictObject({
    format: z.literal('stagecraft-library'),
    version: z.literal(1),
    tasks: z.array(TaskTemplateSchema).max(500),
    roles: z.array(RoleProfileSchema).max(100),
    questions: z.array(InterviewQuestionSchema).max(5000)
  })
  .superRefine((lib, ctx) => {
    for (const [kind, items] of [
      ['tasks', lib.tasks],
      ['roles', lib.roles],
      ['questions', lib.questions]
    ] as const) {
      const seen = new Set<string>()
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [kind, i, 'id'], message: `duplicate id ${item.id}` })
        seen.add(item.id)
      })
    }
  })
export type Library = z.infer<typeof LibrarySchema>
