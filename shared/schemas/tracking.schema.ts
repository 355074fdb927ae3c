import { z } from 'zod'
import { PHASE_IDS } from '../domain/catalogue'
import { RAG_LEVELS } from '../domain/tracking/rag'
import { IdSchema, IsoDateSchema, TimestampSchema, optionalText, requiredText, SortDirectionSchema } from './common'
import { EngagementStatusSchema } from './engagement.schema'

export const ITEM_STATUSES = ['planned', 'in_progress', 'blocked', 'done'] as const
export const ItemStatusSchema = z.enum(ITEM_STATUSES, { message: `Status must be one of ${ITEM_STATUSES.join(', ')}` })
export type ItemStatus = z.infer<typeof ItemStatusSchema>

/** A plan item id (catalogue tasks, activities, custom items, hires, milestones). */
export const PlanItemIdSchema = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, { message: 'is not a plan item id' })
export const PhaseIdSchema = z.enum(PHASE_IDS)
const Money = z.number().finite()
const Days = z.number().finite().min(0)

// ---------------------------------------------------------------------------------------
// The baseline: the plan as signed, frozen (stored as JSON in plan_baseline.plan).

export const BaselineItemSchema = z.strictObject({
  id: z.string().max(64),
  title: z.string().max(200),
  kind: z.string().max(20),
  phase: PhaseIdSchema,
  startWeek: z.number().int(),
  endWeek: z.number().int(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  effortDays: Days,
  cost: Money
})
export type BaselineItem = z.infer<typeof BaselineItemSchema>

export const BaselinePlanSchema = z.strictObject({
  startDate: IsoDateSchema,
  dayRate: z.number().positive(),
  currency: z.string().max(3),
  weeks: z.number().int().min(0),
  items: z.array(BaselineItemSchema).max(1000),
  totals: z.strictObject({ effortDays: Days, cost: Money, currency: z.string().max(3) })
})
export type BaselinePlan = z.infer<typeof BaselinePlanSchema>

// ---------------------------------------------------------------------------------------
// Engagement status

export const StatusChangeSchema = z.strictObject({
  id: z.number().int(),
  from: EngagementStatusSchema.nullable(),
  to: EngagementStatusSchema,
  at: TimestampSchema,
  note: z.string().nullable()
})
export type StatusChange = z.infer<typeof StatusChangeSchema>

export const SetStatusInputSchema = z.strictObject({
  id: IdSchema,
  status: EngagementStatusSchema,
  note: optionalText(2000)
})

// ---------------------------------------------------------------------------------------
// RAG

export const RagSchema = z.strictObject({
  level: z.enum(RAG_LEVELS),
  word: z.string(),
  icon: z.string(),
  reasons: z.array(z.string()).max(10),
  reason: z.string()
})

// ---------------------------------------------------------------------------------------
// The tracking view of one engagement

export const TrackedItemSchema = z.strictObject({
  itemId: z.string().max(64),
  kind: z.string(),
  title: z.string(),
  phase: PhaseIdSchema,
  owner: z.string().nullable(),
  status: ItemStatusSchema,
  blockedReason: z.string().nullable(),
  blockedSince: IsoDateSchema.nullable(),
  plannedStart: IsoDateSchema.nullable(),
  plannedEnd: IsoDateSchema.nullable(),
  baselineStart: IsoDateSchema.nullable(),
  baselineEnd: IsoDateSchema.nullable(),
  actualStart: IsoDateSchema.nullable(),
  actualEnd: IsoDateSchema.nullable(),
  /** The current plan's estimate (the consultant's days). */
  effortDays: Days,
  baselineEffortDays: Days.nullable(),
  cost: Money,
  baselineCost: Money.nullable(),
  loggedDays: Days,
  notes: z.string().nullable(),
  /** False for an item taken out of the plan after work was recorded against it. */
  inPlan: z.boolean(),
  /** Days past its planned end while not done (0 when not overdue). */
  overdueDays: z.number().int().min(0),
  /** Planned end against baseline end, in days (positive: later; null without a baseline). */
  slipDays: z.number().int().nullable(),
  /** Null while the item has no tracking row yet (the engagement is not tracked). */
  updatedAt: TimestampSchema.nullable()
})
export type TrackedItem = z.infer<typeof TrackedItemSchema>

export const GateSchema = z.strictObject({
  id: IdSchema,
  phaseId: PhaseIdSchema,
  criterion: z.string(),
  doneAt: TimestampSchema.nullable(),
  position: z.number().int()
})
export type Gate = z.infer<typeof GateSchema>

export const TimeEntrySchema = z.strictObject({
  id: IdSchema,
  itemId: z.string().max(64).nullable(),
  date: IsoDateSchema,
  days: z.number().positive().max(1),
  note: z.string().nullable(),
  createdAt: TimestampSchema
})
export type TimeEntry = z.infer<typeof TimeEntrySchema>

const Figures = {
  estimateDays: Days,
  baselineDays: Days.nullable(),
  loggedDays: Days,
  doneDays: Days,
  progressPercent: z.number().min(0).max(100)
}

export const TrackedPhaseSchema = z.strictObject({
  id: PhaseIdSchema,
  name: z.string(),
  ...Figures,
  plannedStart: IsoDateSchema.nullable(),
  plannedEnd: IsoDateSchema.nullable(),
  baselineStart: IsoDateSchema.nullable(),
  baselineEnd: IsoDateSchema.nullable(),
  items: z.array(TrackedItemSchema).max(1000),
  gates: z.array(GateSchema).max(200),
  gatesDone: z.number().int()
})
export type TrackedPhase = z.infer<typeof TrackedPhaseSchema>

const PlanFigures = z.strictObject({
  startDate: IsoDateSchema,
  weeks: z.number().int().min(0),
  endDate: IsoDateSchema.nullable(),
  effortDays: Days,
  cost: Money,
  currency: z.string()
})

export const TrackingViewSchema = z.strictObject({
  engagementId: IdSchema,
  status: EngagementStatusSchema,
  signedAt: TimestampSchema.nullable(),
  today: IsoDateSchema,
  /** Whether the engagement's work is tracked (it was signed or an item was updated). */
  tracked: z.boolean(),
  /** The current plan (null without a plan). */
  plan: PlanFigures.nullable(),
  /** The plan as signed (null before signing). */
  baseline: PlanFigures.extend({ signedAt: TimestampSchema, exportSnapshotId: IdSchema.nullable() }).nullable(),
  phases: z.array(TrackedPhaseSchema).max(10),
  totals: z.strictObject({
    ...Figures,
    /** Days logged without an item. */
    unassignedLoggedDays: Days,
    plannedCost: Money,
    baselineCost: Money.nullable(),
    overdueItems: z.number().int(),
    blockedItems: z.number().int(),
    dueSoonItems: z.number().int()
  }),
  rag: RagSchema,
  /** The most recent entries first (up to 500; `timeEntryCount` says how many there are). */
  timeEntries: z.array(TimeEntrySchema).max(500),
  timeEntryCount: z.number().int()
})
export type TrackingView = z.infer<typeof TrackingViewSchema>

// ---------------------------------------------------------------------------------------
// Tracking inputs

export const UpdateItemInputSchema = z.strictObject({
  engagementId: IdSchema,
  itemId: PlanItemIdSchema,
  patch: z
    .strictObject({
      status: ItemStatusSchema.optional(),
      /** Required when the status becomes blocked. */
      blockedReason: optionalText(2000),
      actualStart: IsoDateSchema.nullable().optional(),
      actualEnd: IsoDateSchema.nullable().optional(),
      owner: optionalText(200),
      notes: optionalText(20_000)
    })
    .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change' })
})
export type UpdateItemInput = z.infer<typeof UpdateItemInputSchema>

export const LogTimeInputSchema = z.strictObject({
  engagementId: IdSchema,
  itemId: PlanItemIdSchema.nullable().optional(),
  date: IsoDateSchema,
  days: z
    .number({ message: 'Days must be a number' })
    .positive({ message: 'Days must be more than zero' })
    .max(1, { message: 'One entry holds at most one day: log further days as further entries' })
    .refine((d) => Math.abs(Math.round(d * 100) - d * 100) < 1e-6, { message: 'Days are logged to two decimals at most' }),
  note: optionalText(2000)
})
export type LogTimeInput = z.infer<typeof LogTimeInputSchema>

export const SetGateInputSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('tick'), engagementId: IdSchema, id: IdSchema, done: z.boolean() }),
  z.strictObject({ action: z.literal('add'), engagementId: IdSchema, phaseId: PhaseIdSchema, criterion: requiredText('Criterion', 500) }),
  z.strictObject({ action: z.literal('edit'), engagementId: IdSchema, id: IdSchema, criterion: requiredText('Criterion', 500) }),
  z.strictObject({ action: z.literal('remove'), engagementId: IdSchema, id: IdSchema })
])
export type SetGateInput = z.infer<typeof SetGateInputSchema>

export const MarkSignedInputSchema = z.strictObject({
  engagementId: IdSchema,
  /** The export that was signed (it must belong to this engagement). */
  exportSnapshotId: IdSchema.optional()
})

// ---------------------------------------------------------------------------------------
// Portfolio dashboard

export const DASHBOARD_SORTS = ['client', 'title', 'status', 'rag', 'nextDue', 'progress'] as const
export const DashboardSortSchema = z.enum(DASHBOARD_SORTS)
export type DashboardSort = z.infer<typeof DashboardSortSchema>
export const DASHBOARD_PAGE_MAX = 200

export const DashboardQuerySchema = z.strictObject({
  status: z.array(EngagementStatusSchema).min(1).max(5).optional(),
  consultant: requiredText('Consultant', 200).optional(),
  clientId: IdSchema.optional(),
  includeArchived: z.boolean().optional(),
  sort: DashboardSortSchema.optional(),
  direction: SortDirectionSchema.optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(DASHBOARD_PAGE_MAX).optional()
})
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>

export const DashboardRowSchema = z.strictObject({
  id: IdSchema,
  clientId: IdSchema,
  clientName: z.string(),
  title: z.string(),
  status: EngagementStatusSchema,
  consultant: z.string(),
  currency: z.string(),
  dayRate: z.number(),
  signedAt: TimestampSchema.nullable(),
  archived: z.boolean(),
  currentPhase: PhaseIdSchema.nullable(),
  progressPercent: z.number().min(0).max(100),
  rag: RagSchema,
  overdueItems: z.number().int(),
  dueSoonItems: z.number().int(),
  nextDue: IsoDateSchema.nullable(),
  /** The current plan's estimate (null without a plan). */
  plannedDays: Days.nullable(),
  loggedDays: Days,
  /** Day rate × planned days (null without a plan). */
  pipelineValue: Money.nullable()
})
export type DashboardRow = z.infer<typeof DashboardRowSchema>

export const DashboardSchema = z.strictObject({
  today: IsoDateSchema,
  /** "Due soon" means a planned end from today up to this date (today + 14 days). */
  dueSoonUntil: IsoDateSchema,
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  rows: z.array(DashboardRowSchema).max(DASHBOARD_PAGE_MAX),
  totals: z.strictObject({
    /** Per status and currency (pipeline value is never summed across currencies). */
    byStatus: z
      .array(
        z.strictObject({
          status: EngagementStatusSchema,
          currency: z.string(),
          engagements: z.number().int(),
          pipelineValue: Money,
          plannedDays: Days,
          loggedDays: Days
        })
      )
      .max(1000),
    rag: z.strictObject({ red: z.number().int(), amber: z.number().int(), green: z.number().int(), none: z.number().int() })
  }),
  /** Every consultant named on an engagement, for the filter. */
  consultants: z.array(z.string()).max(1000)
})
export type Dashboard = z.infer<typeof DashboardSchema>

export const LoadQuerySchema = z.strictObject({
  /** Whose load (all engagements when left out). */
  consultant: requiredText('Consultant', 200).optional(),
  /** Any date in the first week shown (default: today); weeks are ISO weeks, Monday to Sunday. */
  from: IsoDateSchema.optional(),
  weeks: z.number().int().min(1).max(52).optional(),
  /** Days a week the consultant can give (default 5); more than this, or than 5, is overbooked. */
  capacityDaysPerWeek: z.number().min(0.5).max(7).optional()
})
export type LoadQuery = z.infer<typeof LoadQuerySchema>

export const LoadSchema = z.strictObject({
  consultant: z.string().nullable(),
  capacityDaysPerWeek: z.number(),
  /** A week above this many days is overbooked: the lower of the capacity and 5. */
  limitDaysPerWeek: z.number(),
  weeks: z
    .array(
      z.strictObject({
        weekStart: IsoDateSchema,
        isoWeek: z.string(),
        days: Days,
        engagements: z.number().int(),
        overbooked: z.boolean()
      })
    )
    .max(52)
})
export type Load = z.infer<typeof LoadSchema>

// ---------------------------------------------------------------------------------------
// Search

export const SEARCH_KINDS = ['client', 'engagement', 'task_note', 'assessment_note', 'private_note'] as const
export const SearchKindSchema = z.enum(SEARCH_KINDS)
export type SearchKind = z.infer<typeof SearchKindSchema>

export const SEARCH_KIND_LABEL: Readonly<Record<SearchKind, string>> = {
  client: 'Clients',
  engagement: 'Engagements',
  task_note: 'Task notes',
  assessment_note: 'Assessment notes',
  private_note: 'Private notes (yours only)'
}

export { HIGHLIGHT_END, HIGHLIGHT_START } from '../domain/search/highlight'

export const SearchInputSchema = z.strictObject({
  query: z.string().max(2000, { message: 'The search is too long' }),
  /** Results per kind (default 8). */
  limit: z.number().int().min(1).max(50).optional()
})

export const SearchResultSchema = z.strictObject({
  kind: SearchKindSchema,
  /** The title with matches marked (client or engagement name, task title; empty for assessment notes). */
  title: z.string(),
  /** A passage of the text with matches marked (may be empty when only the title matched). */
  snippet: z.string(),
  clientId: IdSchema,
  clientName: z.string(),
  engagementId: IdSchema.nullable(),
  engagementTitle: z.string().nullable(),
  assessmentId: IdSchema.nullable(),
  assessmentTitle: z.string().nullable(),
  questionId: z.string().nullable(),
  itemId: z.string().nullable(),
  archived: z.boolean()
})
export type SearchResult = z.infer<typeof SearchResultSchema>

export const SearchResultsSchema = z.strictObject({
  /** The words searched for (each as a prefix). */
  words: z.array(z.string()).max(20),
  groups: z.array(z.strictObject({ kind: SearchKindSchema, label: z.string(), results: z.array(SearchResultSchema).max(50) })).max(SEARCH_KINDS.length)
})
export type SearchResults = z.infer<typeof SearchResultsSchema>

// ---------------------------------------------------------------------------------------
// Time export

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month written YYYY-MM' })

export const TimeCsvInputSchema = z.strictObject({
  /** One engagement, or every engagement when left out. */
  engagementId: IdSchema.optional(),
  /** First and last month included (inclusive). */
  from: Month.optional(),
  to: Month.optional(),
  /** One line per entry instead of one per engagement and month. */
  detail: z.boolean().optional()
})
export type TimeCsvInput = z.infer<typeof TimeCsvInputSchema>

export const TimeCsvOutputSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('exported'), fileName: z.string(), rows: z.number().int() })
])
