/**
 * The hiring material both the proposal and the hiring pack print: the plan's hiring
 * sequence with its timing, a job description per role (from the content library) and an
 * interview kit per role (the loop `interviewLoop` picks from the question bank, with the
 * role's weights, and the role's scorecard). Also the hiring pack's own model.
 *
 * Pure: no Node, no file system.
 */
import { interviewLoop } from '../shared/content/library.content'
import { ROLE_BY_ID, type RoleId } from '../shared/domain/catalogue'
import type { QuestionGroup, RoleProfile } from '../shared/schemas/library.schema'
import type { CoverMeta, DocumentModelBase } from './branding'
import { lowerFirst, plural, resolveEngagementBasis, type EngagementBasis, type EngagementDocumentInput } from './engagement-basis'
import { formatPercent } from './format'
import { singleLine } from './text'

// ---------------------------------------------------------------------------------------
// Role material

export const SKILL_GROUP_LABELS: Readonly<Record<QuestionGroup, string>> = {
  ml_practice: 'ML practice',
  software_engineering: 'Software engineering',
  ml_theory: 'ML theory and maths',
  ml_systems: 'ML systems architecture',
  culture: 'Culture and collaboration',
  ai_domain: 'Working with foundation models'
}

export interface JobDescription {
  role: RoleId
  title: string
  oneLine: string
  /** What the role does in this client's situation (blank lines separate paragraphs). */
  situation: string
  mustHaves: string[]
  niceToHaves: string[]
  deliberatelyAbsent: string[]
  /** e.g. "about 10 weeks from opening the role to a first day". */
  timeToHire: string
  onboarding: string
}

export interface KitQuestion {
  id: string
  text: string
  lookFor: string
  /** "Core" or "Senior". */
  level: string
}

export interface KitSection {
  group: QuestionGroup
  name: string
  /** e.g. "35%", or "Added for foundation-model work" for the AI-domain group. */
  weight: string
  weightValue: number
  questions: KitQuestion[]
}

export interface ScorecardRow {
  criterion: string
  strong: string
  /** e.g. "25%". */
  weight: string
}

export interface InterviewKit {
  role: RoleId
  title: string
  sections: KitSection[]
  questionCount: number
  scorecard: ScorecardRow[]
  /** Whether the AI-domain questions are part of the loop. */
  aiDomain: boolean
}

export interface RolePack {
  role: RoleId
  title: string
  job: JobDescription
  kit: InterviewKit
}

export interface HiringStepView {
  position: number
  role: RoleId
  title: string
  /** Why the role is in the sequence, in plain words. */
  why: string
  recruitingWeek: number
  /** "week 2 (10 March 2025)". */
  recruitingOpens: string
  startWeek: number
  starts: string
  readyWeek: number
  /** The first week the person owns work, with its date. */
  ready: string
  leadTimeWeeks: number
  onboardingWeeks: number
  /** Recruiting waits for the objectives & data audit. */
  afterAudit: boolean
}

const percent = (value: number, locale: string): string => formatPercent(value, locale)

/** The job description and interview kit for one role profile. */
export function rolePack(
  profile: RoleProfile,
  questions: EngagementBasis['library']['questions'],
  aiDomain: boolean,
  locale: string,
  timing: { leadTimeWeeks: number; onboardingWeeks: number } = { leadTimeWeeks: profile.timeToHireWeeks, onboardingWeeks: profile.onboardingWeeks }
): RolePack {
  const role = profile.id as RoleId
  const title = singleLine(profile.title)
  const weeks = (n: number) => `${n} ${plural(n, 'week', 'weeks')}`
  const loop = interviewLoop(profile, questions, { aiDomain })
  const sections: KitSection[] = loop
    .filter((s) => s.questions.length > 0)
    .map((s) => ({
      group: s.group,
      name: SKILL_GROUP_LABELS[s.group],
      weight: s.group === 'ai_domain' ? 'Add-on' : percent(s.weight, locale),
      weightValue: s.weight,
      questions: s.questions.map((q) => ({ id: q.id, text: q.text, lookFor: q.lookFor, level: q.seniority === 'core' ? 'Core' : 'Senior' }))
    }))
  return {
    role,
    title,
    job: {
      role,
      title,
      oneLine: profile.oneLine,
      situation: profile.situation,
      mustHaves: [...profile.mustHaves],
      niceToHaves: [...profile.niceToHaves],
      deliberatelyAbsent: [...profile.deliberatelyAbsent],
      timeToHire: `About ${weeks(timing.leadTimeWeeks)} from opening the role to a first day`,
      onboarding: timing.onboardingWeeks > 0 ? `${weeks(timing.onboardingWeeks)} of onboarding before owning work` : 'Owns work from the first week'
    },
    kit: {
      role,
      title,
      sections,
      questionCount: sections.reduce((n, s) => n + s.questions.length, 0),
      scorecard: profile.scorecard.map((s) => ({ criterion: s.criterion, strong: s.strong, weight: percent(s.weight, locale) })),
      aiDomain
    }
  }
}

/** The plan's hires in order, with why each is there and when recruiting opens, the person starts and owns work. */
export function hiringSteps(basis: EngagementBasis): HiringStepView[] {
  const r = basis.assessment.result
  return basis.plan.hires.map((h, i) => {
    const step = r.hiringSteps.find((s) => s.role === h.role)
    const why =
      i === 0
        ? h.role === r.firstHire
          ? r.reason
          : `Chosen as the ${r.isNextHire ? 'next' : 'first'} AI hire for this plan.`
        : (step?.why ?? ROLE_BY_ID[h.role].summary)
    return {
      position: i + 1,
      role: h.role,
      title: singleLine(basis.library.role(h.role).title),
      why,
      recruitingWeek: h.recruitStartWeek,
      recruitingOpens: basis.weekStart(h.recruitStartWeek),
      startWeek: h.startWeek,
      starts: basis.weekStart(h.startWeek),
      readyWeek: h.workStartWeek,
      ready: basis.weekStart(h.workStartWeek),
      leadTimeWeeks: h.leadTimeWeeks,
      onboardingWeeks: h.workStartWeek - h.startWeek,
      afterAudit: h.afterAudit
    }
  })
}

/** Role packs for the plan's hiring sequence, in its order. */
export function rolePacks(basis: EngagementBasis): RolePack[] {
  const aiDomain = basis.assessment.context.ai_approach !== 'custom'
  // Time to hire and onboarding as the plan schedules them, so the pages agree with each other.
  return basis.plan.hires.map((h) =>
    rolePack(basis.library.role(h.role), basis.library.questions, aiDomain, basis.locale, { leadTimeWeeks: h.leadTimeWeeks, onboardingWeeks: h.workStartWeek - h.startWeek })
  )
}

/** The paragraph that opens the hiring order (shared by the proposal and the hiring pack). */
export function hiringIntro(steps: readonly HiringStepView[]): string {
  if (steps.length === 0) return 'The plan includes no hires.'
  const first = steps[0]!
  const audit = steps.some((s) => s.afterAudit)
  return [
    `People join one at a time, in the order below, so that each newcomer finds the groundwork they depend on already laid and a colleague to learn from. Recruiting for the ${lowerFirst(first.title)} opens in week ${first.recruitingWeek}, right after Discovery.`,
    `The dates assume each role takes the lead time shown to fill; when a hire starts later, the work that waits for them moves with them.`,
    ...(audit ? ['Recruiting for ML roles waits until the objectives and data audit has confirmed there is a model worth building.'] : [])
  ].join(' ')
}

// ---------------------------------------------------------------------------------------
// The hiring pack

export const HIRING_PACK_SECTIONS = ['cover', 'contents', 'overview', 'jobDescriptions', 'interviewKits'] as const
export type HiringPackSectionId = (typeof HIRING_PACK_SECTIONS)[number]

export interface HiringPackInput extends EngagementDocumentInput {
  /** Parts to leave out (`false`); every part is in by default. */
  sections?: Partial<Record<HiringPackSectionId, boolean>>
}

export interface HiringPackModel extends DocumentModelBase<HiringPackSectionId> {
  meta: CoverMeta & {
    version: string
  }
  intro: string
  howToUse: string[]
  steps: HiringStepView[]
  roles: RolePack[]
}

/** Works out the hiring pack. Throws ZodError for invalid branding and BrandingLogoError for a broken logo. */
export function buildHiringPackModel(input: HiringPackInput): HiringPackModel {
  const basis = resolveEngagementBasis(input)
  const sections = Object.fromEntries(HIRING_PACK_SECTIONS.map((id) => [id, input.sections?.[id] ?? true])) as Record<HiringPackSectionId, boolean>
  const steps = hiringSteps(basis)
  return {
    sections,
    branding: basis.branding,
    logo: basis.logo,
    locale: basis.locale,
    meta: {
      clientName: basis.clientName,
      industry: basis.industry,
      engagementTitle: basis.engagementTitle,
      consultant: basis.consultant,
      consultancyName: basis.consultancyName,
      date: basis.coverDate,
      version: basis.version
    },
    intro: hiringIntro(steps),
    howToUse: [
      'Share the job description with recruiters and candidates as it is, or adapt the wording to your own voice; keep the must-haves short so that strong candidates are not put off.',
      'Agree the loop before the first interview: who asks which group of questions, and who owns the scorecard.',
      'Interviewers score each criterion from 1 (no evidence) to 4 (strong evidence) on their own, before the debrief, and write down what they heard rather than an impression.',
      'Decide at the debrief against the scorecard weights, not on the most memorable answer.'
    ],
    steps,
    roles: rolePacks(basis)
  }
}
