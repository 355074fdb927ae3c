/**
 * The hiring material both the proposal and the hiring pack print: the plan's hiring
 * sequence with its timing, a job description per role (the library's words with this
 * client's context and the role's part in the plan) and an interview kit per role (questions
 * that probe each criterion of the role's scorecard, never repeated across the pack; see
 * shared/content/interview-kits.ts). Also the hiring pack's own model.
 *
 * Pure: no Node, no file system.
 */
import { sectionIdsOf, type DocumentSectionId } from '../shared/domain/documents'
import { packKits, type RoleKit } from '../shared/content/interview-kits'
import { ROLE_BY_ID, type RoleId } from '../shared/domain/catalogue'
import { workItems } from '../shared/domain/planning/plan.model'
import type { InterviewQuestion, QuestionGroup, RoleProfile } from '../shared/schemas/library.schema'
import type { CoverMeta, DocumentModelBase } from './branding'
import { lowerFirst, plural, resolveEngagementBasis, type EngagementBasis, type EngagementDocumentInput } from './engagement-basis'
import { formatList, formatPercent } from './format'
import { singleLine } from './text'
import { typeset } from './words'

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
  /** This client, the reporting line and the role's part in the plan, in one paragraph. */
  context: string
  /** What the role does (blank lines separate paragraphs). */
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
  /** "For senior candidates" on the harder questions; null on the rest. */
  level: string | null
}

export interface ScorecardRow {
  criterion: string
  strong: string
  /** e.g. "25%": the kit's only weighting. */
  weight: string
  /** The questions that probe it. */
  questions: KitQuestion[]
}

export interface InterviewKit {
  role: RoleId
  title: string
  /** The scorecard's criteria, each with its weight and the questions that probe it. */
  scorecard: ScorecardRow[]
  /** Questions on working with foundation models, asked on top and scored under the criteria they touch. */
  addOn: KitQuestion[]
  questionCount: number
  /** The exercise the scorecard refers to, described for the interviewers; null when it names none. */
  exercise: string | null
  /** Whether the foundation-model questions are part of the loop. */
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

const PLATFORM_ROLES: readonly RoleId[] = ['infra_engineer', 'mlops_engineer', 'data_engineer']

/**
 * What to listen for, in this role's kit: a sentence the library addresses to infrastructure
 * candidates ("For infrastructure candidates, …") is left out of the other roles' kits.
 */
export function lookForIn(role: RoleId, lookFor: string): string {
  if (PLATFORM_ROLES.includes(role)) return lookFor
  return lookFor
    .split(/(?<=[.!?])\s+(?=For infrastructure candidates\b)/)
    .filter((sentence) => !/^For infrastructure candidates\b/.test(sentence))
    .join(' ')
}

const kitQuestion =
  (role: RoleId) =>
  (q: InterviewQuestion): KitQuestion => ({
    id: q.id,
    text: q.text,
    lookFor: lookForIn(role, q.lookFor),
    level: q.seniority === 'senior' ? 'For senior candidates' : null
  })

/** How the exercise a scorecard names is run, in the interviewers' words. */
function exerciseText(kit: RoleKit): string | null {
  if (!kit.exercise) return null
  return `${kit.exercise.text} Allow 45 minutes in a shared editor, in the language the candidate prefers; they may look things up. Score what you see: tests written alongside the code, clear names, the edge cases handled, and how they talk through the change of requirements.`
}

/** The job description and interview kit for one role profile, with this client's context and its kit. */
export function rolePack(
  profile: RoleProfile,
  kit: RoleKit,
  locale: string,
  timing: { leadTimeWeeks: number; onboardingWeeks: number },
  context: string
): RolePack {
  const role = profile.id as RoleId
  const title = singleLine(profile.title)
  const weeks = (n: number) => `${n} ${plural(n, 'week', 'weeks')}`
  const scorecard = kit.criteria.map((c) => ({
    criterion: c.criterion,
    strong: c.strong,
    weight: percent(c.weight, locale),
    questions: c.questions.map(kitQuestion(kit.role))
  }))
  const addOn = kit.addOn.map(kitQuestion(kit.role))
  return {
    role,
    title,
    job: {
      role,
      title,
      oneLine: profile.oneLine,
      context,
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
      scorecard,
      addOn,
      questionCount: scorecard.reduce((n, c) => n + c.questions.length, 0) + addOn.length,
      exercise: exerciseText(kit),
      aiDomain: kit.aiDomain
    }
  }
}

/** The groundwork experiments stand on, in a few words, by task. */
const EXPERIMENT_GROUNDWORK: Readonly<Record<string, string>> = {
  training_infra: 'training infrastructure',
  tracking_registry: 'experiment tracking',
  data_versioning: 'versioned data',
  cicd_gpu: 'GPU runners in CI'
}

/** The client, whom the role reports to, and what it does in this plan, for the job description. */
function roleContext(basis: EngagementBasis, role: RoleId): string {
  const { plan, clientName: client } = basis
  const ctx = basis.assessment.context
  const hire = plan.hires.find((h) => h.role === role)!
  const name = (r: RoleId) => lowerFirst(singleLine(basis.library.role(r).title).replace(/\s*\([^)]*\)\s*$/, ''))
  const who = [basis.industry, basis.headcount ? `${basis.headcount} people` : null].filter(Boolean).join(', ')
  const staff = ctx.ml_staff > 0 ? `${ctx.ml_staff} ML ${plural(ctx.ml_staff, 'specialist', 'specialists')}` : 'no ML specialists yet'
  const mlLead = plan.hires.find((h) => h.role === 'ml_lead')
  const interim = workItems(plan).some((i) => i.id === 'interim_lead')
  const reportsTo =
    role === 'ml_lead'
      ? 'the CTO'
      : ctx.ml_leadership
        ? 'the ML lead'
        : mlLead && mlLead.startWeek <= hire.startWeek
          ? 'the ML lead'
          : `the head of engineering${interim ? `, with ${basis.consultancyName}’s interim ML lead as technical guide` : ''}${mlLead ? ` until the ML lead joins in week ${mlLead.startWeek}` : ''}`
  const position =
    hire.position === 0
      ? ctx.ml_staff > 0
        ? `This is the next AI hire, joining the existing ML staff`
        : 'This is the first AI hire'
      : `The role follows the ${name(plan.hires[hire.position - 1]!.role)} in the hiring plan`
  const owned = workItems(plan).filter((i) => i.kind === 'task' && i.owner === role)
  const handover = workItems(plan).find((i) => i.id === 'handover' && i.owner === role)
  const work: string[] = []
  if (hire.pending === 'feasibility')
    work.push(
      `the offer waits for the answer on whether a valuable model can be built, due by week ${plan.milestone.week}; recruiting opens in week ${hire.recruitStartWeek} so that the person can join straight after it`
    )
  if (owned.length)
    work.push(
      `they build and own ${owned.length} platform ${plural(owned.length, 'task', 'tasks')} from week ${hire.workStartWeek}, with ${basis.consultancyName} pairing`
    )
  if (handover) work.push(`they take over what ${basis.consultancyName} built in week ${handover.startWeek}`)
  const mlRole = role === 'ml_engineer' || role === 'ml_scientist'
  if (mlRole && plan.route.platformOwner === plan.hires[0]!.role && hire.position > 0) work.push('they join once the platform core is in place')
  // The production platform that waits for the answer on feasibility: an ML hire joins before it is built.
  const pendingPlatform = workItems(plan).filter((i) => i.kind === 'task' && i.pending === 'feasibility' && i.endWeek >= hire.startWeek)
  if (mlRole && hire.position > 0 && pendingPlatform.length) {
    const from = Math.min(...pendingPlatform.map((i) => i.startWeek))
    const ready = workItems(plan).filter(
      (i) => i.kind === 'task' && !i.optional && i.endWeek < hire.startWeek && EXPERIMENT_GROUNDWORK[i.id as string] !== undefined
    )
    const inPlace = ready.length
      ? `they join with ${formatList(
          ready.map((i) => EXPERIMENT_GROUNDWORK[i.id as string]!),
          basis.locale
        )} in place; `
      : ''
    work.push(
      `${inPlace}the production platform is built ${from > hire.startWeek ? `from week ${from}` : 'in their first weeks'}, once the answer on feasibility has come in`
    )
  }
  // Who will already be there: the earlier hires (beyond the one just named).
  const earlier = plan.hires.filter((h) => h.position < hire.position && h.startWeek < hire.startWeek)
  const joined =
    earlier.length > 1
      ? ` By then, ${formatList(
          earlier.map((h) => `the ${name(h.role)} (from week ${h.startWeek})`),
          basis.locale
        )} will have joined.`
      : ''
  return (
    `${client}${who ? ` (${who})` : ''} has ${ctx.engineers} ${plural(ctx.engineers, 'engineer', 'engineers')}, ${staff}. ` +
    `${position}, starting in week ${hire.startWeek} and reporting to ${reportsTo}.` +
    joined +
    (work.length ? ` In this plan ${work.join('; ')}.` : '')
  )
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
    const when =
      h.pending === 'feasibility'
        ? ` Recruiting opens in week ${h.recruitStartWeek} so the person can start straight after the answer on feasibility; the offer is made only once the experiments show that a valuable model can be built.`
        : h.afterAudit && !/audit/.test(why)
          ? ' Recruiting starts once the objectives and data audit is done.'
          : ''
    return {
      position: i + 1,
      role: h.role,
      title: singleLine(basis.library.role(h.role).title),
      why: `${why}${when}`,
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

/** Role packs for the plan's hiring sequence, in its order: one kit each, no question asked twice in the pack. */
export function rolePacks(basis: EngagementBasis): RolePack[] {
  const aiDomain = basis.assessment.context.ai_approach !== 'custom'
  const profiles = basis.plan.hires.map((h) => basis.library.role(h.role))
  const kits = packKits(profiles, basis.library.questions, { aiDomain })
  // Time to hire and onboarding as the plan schedules them, so the pages agree with each other.
  return basis.plan.hires.map((h, i) =>
    rolePack(
      profiles[i]!,
      kits[i]!,
      basis.locale,
      { leadTimeWeeks: h.leadTimeWeeks, onboardingWeeks: h.workStartWeek - h.startWeek },
      roleContext(basis, h.role)
    )
  )
}

/** The paragraph that opens the hiring order (shared by the proposal and the hiring pack). */
export function hiringIntro(steps: readonly HiringStepView[]): string {
  if (steps.length === 0) return 'The plan includes no hires.'
  const first = steps[0]!
  const audit = steps.some((s) => s.afterAudit)
  return [
    `People join one at a time, in the order below, so that each newcomer finds the groundwork they depend on already laid and a colleague to learn from. Recruiting for the ${lowerFirst(first.title)} opens in week ${first.recruitingWeek}.`,
    `The dates assume each role takes the lead time shown to fill; when a hire starts later, the work that waits for them moves with them.`,
    ...(audit ? ['Recruiting for ML roles waits until the objectives and data audit has confirmed there is a model worth building.'] : [])
  ].join(' ')
}

// ---------------------------------------------------------------------------------------
// The hiring pack

/** The sections in order, from the document catalogue (shared/domain/documents.ts). */
export const HIRING_PACK_SECTIONS = sectionIdsOf('hiring')
export type HiringPackSectionId = DocumentSectionId<'hiring'>

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
  return typeset(
    {
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
    },
    { verbatim: [basis.clientName, basis.engagementTitle, basis.consultant, basis.consultancyName, basis.industry] }
  )
}
