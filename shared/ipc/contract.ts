import { z } from 'zod'
import { DOCUMENT_NAMES } from '../domain/documents'
import { ClientInputSchema, ClientListQuerySchema, ClientListSchema, ClientSchema } from '../schemas/client.schema'
import { EngagementInputSchema, EngagementListQuerySchema, EngagementListSchema, EngagementSchema } from '../schemas/engagement.schema'
import { IdSchema } from '../schemas/common'
import { PreferencesPatchSchema, PreferencesSchema } from '../schemas/settings.schema'
import {
  AssessmentCreateSchema,
  AssessmentSchema,
  AssessmentSummarySchema,
  AssessmentUpdateSchema,
  SetAnswerSchema,
  SetNoteSchema
} from '../schemas/assessment.schema'
import { PlanEditsSchema, PlanSettingsSchema, StoredPlanSchema } from '../schemas/plan.schema'
import { PricingTermsSchema } from '../schemas/pricing.schema'
import { InterviewQuestionSchema, LibrarySchema, RoleProfileSchema, TaskTemplateSchema } from '../schemas/library.schema'
import { BrandingSettingsSchema } from '../schemas/branding.schema'
import { ImportModeSchema, PassphraseSchema, PortableSummarySchema } from '../schemas/portable.schema'
import {
  DashboardQuerySchema,
  DashboardSchema,
  LoadQuerySchema,
  LoadSchema,
  LogTimeInputSchema,
  MarkSignedInputSchema,
  SearchInputSchema,
  SearchResultsSchema,
  SetGateInputSchema,
  SetStatusInputSchema,
  StatusChangeSchema,
  TimeCsvInputSchema,
  TimeCsvOutputSchema,
  TrackingViewSchema,
  UpdateItemInputSchema
} from '../schemas/tracking.schema'
import { TeamConflictSchema, TeamDismissSchema, TeamResolveSchema, TeamSignInSchema, TeamStatusSchema } from '../schemas/team.schema'
import type { Channel } from './channels'

const Empty = z.strictObject({})
const ById = z.strictObject({ id: IdSchema })
const Saved = z.strictObject({ updatedAt: z.string() })

const BackupItem = z.strictObject({
  fileName: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  counts: z.strictObject({ clients: z.number().int(), engagements: z.number().int(), assessments: z.number().int() }).nullable()
})
const BackupFileName = z
  .string()
  .max(200)
  .regex(/^stagecraft-[0-9TZ-]+-[a-z-]+\.db$/, { message: 'is not a backup file name' })
const CopyFileName = z
  .string()
  .max(220)
  .regex(/^stagecraft-[0-9TZ-]+-[a-z-]+\.db(\.sealed)?$/, { message: 'is not a backup copy name' })
const CopyItem = z.strictObject({ fileName: z.string(), reason: z.string(), createdAt: z.string(), sizeBytes: z.number().int(), sealed: z.boolean() })
const BackupCopies = z.strictObject({
  /** The folder the consultant chose, or null when copies are off. */
  folder: z.string().nullable(),
  sealed: z.boolean(),
  available: z.boolean(),
  lastCopy: z.strictObject({ at: z.string(), ok: z.boolean(), message: z.string().nullable() }).nullable(),
  items: z.array(CopyItem).max(100)
})
const Normal = z.strictObject({ mode: z.literal('normal') })
const RecoveryStatus = z.discriminatedUnion('mode', [
  Normal.extend({
    /**
     * Set right at start, with nothing lost: damage only to what can be rebuilt (the search
     * index) was rebuilt, or a leftover journal that was not this file's was set aside.
     */
    repaired: z.strictObject({ title: z.string(), detail: z.string(), quarantineFolder: z.string().nullable() }).optional()
  }),
  z.strictObject({
    mode: z.literal('recovery'),
    problem: z.string(),
    message: z.string(),
    detail: z.string(),
    quarantineFolder: z.string().nullable(),
    /** The file cannot be used right now but is not damaged (locked, read-only, no permission): try again, nothing to restore. */
    retry: z.boolean(),
    newestBackup: BackupItem.nullable(),
    /** The newest copy in the folder the consultant chose (an external drive), when there is one. */
    newestCopy: CopyItem.extend({ folder: z.string() }).nullable(),
    /** What could be read from the damaged file, copied into a new one, when anything could. */
    salvage: z
      .strictObject({
        rows: z.number().int().min(0),
        /** The tables the damage cost rows (their other rows were kept). */
        incomplete: z.array(z.string()).max(200),
        /** Rows left out because what they belong to could not be read. */
        orphansRemoved: z.number().int().min(0)
      })
      .nullable()
  })
])
/** An opaque handle on a file main has read for import; the renderer never sends a path. */
const PortableToken = z.uuid({ message: 'is not a valid file token' })
const PortableReady = z.strictObject({ status: z.literal('ready'), token: PortableToken, summary: PortableSummarySchema })
const PortableInspected = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({ status: z.literal('needs-passphrase'), token: PortableToken }),
  PortableReady
])

const ExportRequest = z.strictObject({
  engagementId: IdSchema,
  template: z.enum(DOCUMENT_NAMES),
  sections: z.record(z.string().max(40), z.boolean()),
  assessmentId: IdSchema.optional()
})
const Snapshot = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  template: z.string(),
  sections: z.record(z.string(), z.boolean()),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string()
})

/**
 * The one IPC contract: every channel's input and output schema. Inputs are strict
 * (unknown keys are refused) and bounded; outputs are checked before they leave main.
 */
export const contract = {
  'app:info': {
    input: Empty,
    output: z.strictObject({
      version: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number().int()
    })
  },
  'preferences:get': { input: Empty, output: PreferencesSchema },
  'preferences:update': { input: PreferencesPatchSchema, output: PreferencesSchema },

  'clients:list': { input: ClientListQuerySchema, output: ClientListSchema },
  'clients:get': { input: ById, output: ClientSchema },
  'clients:create': { input: ClientInputSchema, output: ClientSchema },
  'clients:update': {
    input: z.strictObject({ id: IdSchema, patch: ClientInputSchema.partial() }),
    output: ClientSchema
  },
  'clients:set-archived': {
    input: z.strictObject({ id: IdSchema, archived: z.boolean() }),
    output: ClientSchema
  },
  'clients:delete-preview': {
    input: ById,
    output: z.strictObject({
      client: ClientSchema,
      engagements: z.array(z.strictObject({ id: IdSchema, title: z.string() })).max(10_000)
    })
  },
  'clients:delete': {
    input: ById,
    output: z.strictObject({ deletedEngagements: z.number().int() })
  },

  'engagements:list': { input: EngagementListQuerySchema, output: EngagementListSchema },
  'engagements:get': { input: ById, output: EngagementSchema },
  'engagements:create': { input: EngagementInputSchema, output: EngagementSchema },
  'engagements:update': {
    input: z.strictObject({
      id: IdSchema,
      patch: EngagementInputSchema.omit({ clientId: true }).partial()
    }),
    output: EngagementSchema
  },
  'engagements:set-archived': {
    input: z.strictObject({ id: IdSchema, archived: z.boolean() }),
    output: EngagementSchema
  },
  'engagements:delete': { input: ById, output: z.strictObject({ deleted: z.literal(true) }) },

  'assessments:list': {
    input: z.strictObject({ engagementId: IdSchema }),
    output: z.array(AssessmentSummarySchema).max(1000)
  },
  'assessments:get': { input: ById, output: AssessmentSchema },
  'assessments:create': { input: AssessmentCreateSchema, output: AssessmentSchema },
  'assessments:update': { input: AssessmentUpdateSchema, output: AssessmentSchema },
  'assessments:set-answer': { input: SetAnswerSchema, output: Saved },
  'assessments:set-note': { input: SetNoteSchema, output: Saved },
  'assessments:delete': { input: ById, output: z.strictObject({ deleted: z.literal(true) }) },

  'samples:create': {
    input: Empty,
    output: z.strictObject({ clientId: IdSchema, engagementId: IdSchema, assessmentId: IdSchema })
  },
  /**
   * Without a token: asks for a file and reads it; when it would change records already here,
   * nothing is written and the changes come back to confirm (`confirm`). With the token and a
   * mode: imports that file, updating the records already here or keeping them as they are.
   */
  'intake:import': {
    input: z.strictObject({
      token: z.uuid({ message: 'is not a valid file token' }).optional(),
      mode: z.enum(['update', 'keep']).optional()
    }),
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({
        status: z.literal('confirm'),
        token: z.uuid(),
        clientName: z.string(),
        engagementTitle: z.string(),
        engagementExists: z.boolean(),
        signed: z.boolean(),
        changes: z
          .array(
            z.strictObject({
              record: z.enum(['client', 'engagement']),
              field: z.string(),
              label: z.string(),
              from: z.string(),
              to: z.string(),
              commercial: z.boolean()
            })
          )
          .max(20)
      }),
      z.strictObject({
        status: z.literal('imported'),
        clientId: IdSchema,
        engagementId: IdSchema,
        assessmentId: IdSchema,
        clientCreated: z.boolean(),
        engagementCreated: z.boolean()
      })
    ])
  },
  'intake:export': {
    input: z.strictObject({ assessmentId: IdSchema }),
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('exported'), fileName: z.string(), assumedAnswers: z.number().int() })
    ])
  },

  'plans:get': { input: z.strictObject({ engagementId: IdSchema }), output: StoredPlanSchema.nullable() },
  'plans:create': { input: z.strictObject({ engagementId: IdSchema, assessmentId: IdSchema }), output: StoredPlanSchema },
  'plans:save-edits': { input: z.strictObject({ planId: IdSchema, edits: PlanEditsSchema }), output: StoredPlanSchema },
  'plans:save-settings': {
    input: z.strictObject({ planId: IdSchema, settings: PlanSettingsSchema.optional(), pricing: PricingTermsSchema.optional() }),
    output: StoredPlanSchema
  },
  'plans:regenerate': {
    input: z.strictObject({ planId: IdSchema, assessmentId: IdSchema, reset: z.boolean() }),
    output: StoredPlanSchema
  },
  'plans:delete': { input: z.strictObject({ planId: IdSchema }), output: z.strictObject({ deleted: z.literal(true) }) },

  'library:get': { input: Empty, output: LibrarySchema },
  'library:save-task': { input: z.strictObject({ item: TaskTemplateSchema }), output: TaskTemplateSchema },
  'library:save-role': { input: z.strictObject({ item: RoleProfileSchema }), output: RoleProfileSchema },
  'library:save-question': { input: z.strictObject({ item: InterviewQuestionSchema }), output: InterviewQuestionSchema },
  'library:export': {
    input: Empty,
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('exported'), fileName: z.string(), items: z.number().int() })
    ])
  },
  'library:import': {
    input: Empty,
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('imported'), fileName: z.string(), items: z.number().int() })
    ])
  },

  'branding:get': { input: Empty, output: BrandingSettingsSchema },
  'branding:update': { input: BrandingSettingsSchema, output: BrandingSettingsSchema },
  'exports:preview': { input: ExportRequest, output: z.strictObject({ fileName: z.string(), dataBase64: z.string() }) },
  'exports:create': {
    input: ExportRequest,
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('exported'), snapshot: Snapshot })
    ])
  },
  'exports:list': { input: z.strictObject({ engagementId: IdSchema }), output: z.array(Snapshot).max(10_000) },
  'exports:save-copy': {
    input: z.strictObject({ snapshotId: IdSchema }),
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('saved'), fileName: z.string() })
    ])
  },
  'exports:reveal': {
    input: z.strictObject({ snapshotId: IdSchema, action: z.enum(['open', 'show']) }),
    output: z.strictObject({ done: z.literal(true) })
  },

  'recovery:status': { input: Empty, output: RecoveryStatus },
  /** Answers once the start-up content checks (run after the first screen) are done. */
  'recovery:checks-done': { input: Empty, output: RecoveryStatus },
  'recovery:restore-latest': { input: Empty, output: Normal },
  'recovery:start-empty': { input: Empty, output: Normal },
  /** Opens the data again after a problem that was not damage (another program held it, a read-only drive). */
  'recovery:retry': { input: Empty, output: RecoveryStatus },
  /** Moves a journal file found beside cleanly closed data into the quarantine folder, unapplied, and opens the data. */
  'recovery:set-aside-journal': { input: Empty, output: RecoveryStatus },
  /** Opens what was salvaged from the damaged file (kept, with the file, in the quarantine folder). */
  'recovery:use-salvage': { input: Empty, output: Normal },
  'recovery:quit': { input: Empty, output: z.strictObject({}) },
  'backups:list': {
    input: Empty,
    output: z.strictObject({
      folder: z.string(),
      items: z.array(BackupItem).max(1000),
      copies: BackupCopies,
      /** The last backup that could not be made (cleared by the next that succeeds). */
      lastFailure: z.strictObject({ at: z.string(), kind: z.string(), message: z.string() }).nullable()
    })
  },
  'backups:create': { input: Empty, output: BackupItem },
  'backups:restore': {
    input: z.strictObject({ fileName: BackupFileName }),
    output: z.strictObject({ undoFileName: z.string().nullable() })
  },
  /** Main asks for the folder itself; the renderer never sends a path. A passphrase seals the copies. */
  'backups:set-folder': {
    input: z.strictObject({ passphrase: PassphraseSchema.nullable() }),
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('set'), copies: BackupCopies })
    ])
  },
  'backups:stop-copies': { input: Empty, output: z.strictObject({ copies: BackupCopies }) },
  'backups:restore-copy': {
    input: z.strictObject({ fileName: CopyFileName, passphrase: z.string().min(1).max(1024).nullable() }),
    output: z.strictObject({ undoFileName: z.string().nullable() })
  },

  'portable:export': {
    input: z.strictObject({ engagementId: IdSchema, passphrase: PassphraseSchema.optional() }),
    output: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('exported'), fileName: z.string(), encrypted: z.boolean(), notice: z.string() })
    ])
  },
  'portable:inspect': { input: Empty, output: PortableInspected },
  'portable:unlock': {
    input: z.strictObject({ token: PortableToken, passphrase: PassphraseSchema }),
    output: PortableReady
  },
  'portable:import': {
    input: z.strictObject({ token: PortableToken, mode: ImportModeSchema }),
    output: z.strictObject({ engagementId: IdSchema, clientId: IdSchema })
  },

  // Tracking, the portfolio dashboard, search and the time export (shared/schemas/tracking.schema.ts).
  'engagements:set-status': { input: SetStatusInputSchema, output: EngagementSchema },
  'engagements:history': { input: ById, output: z.array(StatusChangeSchema).max(10_000) },
  'tracking:get': { input: z.strictObject({ engagementId: IdSchema }), output: TrackingViewSchema },
  'tracking:update-item': { input: UpdateItemInputSchema, output: TrackingViewSchema },
  'tracking:log-time': { input: LogTimeInputSchema, output: TrackingViewSchema },
  'tracking:delete-time': { input: z.strictObject({ engagementId: IdSchema, id: IdSchema }), output: TrackingViewSchema },
  'tracking:set-gate': { input: SetGateInputSchema, output: TrackingViewSchema },
  'tracking:mark-signed': { input: MarkSignedInputSchema, output: TrackingViewSchema },
  'dashboard:get': { input: DashboardQuerySchema, output: DashboardSchema },
  'dashboard:load': { input: LoadQuerySchema, output: LoadSchema },
  'search:query': { input: SearchInputSchema, output: SearchResultsSchema },
  'time:export-csv': { input: TimeCsvInputSchema, output: TimeCsvOutputSchema },

  'team:status': { input: Empty, output: TeamStatusSchema },
  'team:sign-in': { input: TeamSignInSchema, output: TeamStatusSchema },
  'team:sign-out': { input: Empty, output: TeamStatusSchema },
  'team:sync': { input: Empty, output: TeamStatusSchema },
  'team:conflicts': { input: Empty, output: z.array(TeamConflictSchema) },
  'team:resolve': { input: TeamResolveSchema, output: TeamStatusSchema },
  'team:dismiss': { input: TeamDismissSchema, output: TeamStatusSchema }
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>
