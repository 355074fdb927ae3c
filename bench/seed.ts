/**
 * A large, deterministic database for the dashboard and search tests and benchmarks:
 * `seedLargeDatabase(path, { clients: 2000, engagements: 10000, seed })`.
 *
 * The schema comes from the real migrations (openDatabase); the rows go in through prepared
 * statements on the raw better-sqlite3 handle in one transaction, so the triggers keep the
 * derived figures and the search index exactly as the app would. The same seed and sizes
 * always give the same rows (a seeded PRNG, a fixed clock, ids drawn from the PRNG).
 *
 * What is in it: clients with contacts and notes; engagements at every status with plans
 * (a handful of real generated plans, dated from each engagement's start); for signed
 * engagements the baseline, tracked items (done, in progress, blocked with reasons, some
 * overdue, some slipped against the baseline), notes, phase gates and time entries (at most
 * one day each); an assessment per engagement past lead with shared and private notes; and
 * the status history.
 */
import { DEFAULT_LIBRARY } from '../shared/content/library.content'
import { assess } from '../shared/domain/assessment/engine'
import type { AssessmentContext, Maturity } from '../shared/domain/assessment/dimensions'
import { MATURITY_QUESTIONS } from '../shared/domain/assessment/question-bank'
import { planLibraryFrom } from '../shared/domain/planning/plan-library'
import { defaultPricingTerms } from '../shared/domain/planning/pricing'
import { basisFrom, planFromStored } from '../shared/domain/planning/stored-plan'
import { DEFAULT_GATES } from '../shared/domain/tracking/gates'
import { trackableItems, type TrackableItem } from '../shared/domain/tracking/plan-items'
import { EMPTY_EDITS, PlanLibrarySnapshotSchema, type PlanEdits, type StoredPlan } from '../shared/schemas/plan.schema'
import { PHASE_IDS } from '../shared/domain/catalogue'
import { openDatabase } from '../db/connection'
import { SEARCH_BACKFILL } from '../db/migrations/0006-tracking.migration'
import { seedLibraryOnce } from '../db/repositories/library.repository'
import { SAMPLE } from '../app/sample.service'

export interface SeedOptions {
  clients?: number
  engagements?: number
  seed?: number
}

export interface SeedResult {
  path: string
  /** The seed's clock: the tests' "today". */
  now: string
  today: string
  counts: {
    clients: number
    engagements: number
    plans: number
    trackedEngagements: number
    trackingItems: number
    timeEntries: number
    assessmentNotes: number
    searchDocs: number
  }
  ms: number
}

/** The seed's fixed clock (a Monday). */
export const SEED_NOW = '2026-03-02T09:00:00.000Z'
const TODAY = SEED_NOW.slice(0, 10)

// ---------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32 seeded through splitmix32: fast, small and the same everywhere. */
export function prng(seed: number): () => number {
  let s = seed >>> 0
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t / 4294967296
  }
}

class Random {
  readonly next: () => number
  constructor(seed: number) {
    this.next = prng(seed)
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0)
    let r = this.next() * total
    for (const [v, w] of pairs) {
      r -= w
      if (r < 0) return v
    }
    return pairs[pairs.length - 1]![0]
  }
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0')
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[this.int(0, 3)]}${hex(3)}-${hex(6)}${hex(6)}`
  }
}

// ---------------------------------------------------------------------------------------
// Words

const ADJECTIVES = [
  'Northwind',
  'Bluefin',
  'Harbour',
  'Granite',
  'Silver',
  'Copper',
  'Meridian',
  'Aurora',
  'Pine',
  'Summit',
  'Cobalt',
  'Evergreen',
  'Lumen',
  'Quarry',
  'Tidal',
  'Orchid',
  'Falcon',
  'Juniper',
  'Atlas',
  'Beacon',
  'Cedar',
  'Delta',
  'Ember',
  'Fjord',
  'Golden',
  'Helix',
  'Iris',
  'Kestrel',
  'Linden',
  'Maple',
  'Nimbus',
  'Onyx',
  'Prism',
  'Quartz',
  'Raven',
  'Sable',
  'Tessel',
  'Umber',
  'Vantage',
  'Willow'
]
const NOUNS = [
  'Freight',
  'Health',
  'Payments',
  'Logistics',
  'Energy',
  'Foods',
  'Insurance',
  'Retail',
  'Analytics',
  'Robotics',
  'Telecom',
  'Mobility',
  'Pharma',
  'Media',
  'Lending',
  'Farms',
  'Aviation',
  'Games',
  'Security',
  'Textiles',
  'Marine',
  'Labs',
  'Capital',
  'Housing',
  'Learning',
  'Travel',
  'Water',
  'Metals',
  'Print',
  'Sports'
]
const SUFFIXES = ['', 'GmbH', 'Ltd', 'AG', 'BV', 'Inc', 'SAS', 'Group', 'AB', 'Oy', 'SpA', 'plc']
const INDUSTRIES = [
  'Logistics',
  'Healthcare',
  'Fintech',
  'Retail',
  'Energy',
  'Insurance',
  'Manufacturing',
  'Media',
  'Telecom',
  'Travel',
  'Public sector',
  'Education'
]
const FIRST = [
  'Marta',
  'Jonas',
  'Aiko',
  'Lee',
  'Priya',
  'Tomás',
  'Ines',
  'Kofi',
  'Sofia',
  'Mateo',
  'Elin',
  'Noah',
  'Amara',
  'Lukas',
  'Chloé',
  'Ravi',
  'Hana',
  'Oskar',
  'Zeynep',
  'Felix'
]
const LAST = [
  'Lindqvist',
  'Berg',
  'Tanaka',
  'Park',
  'Sharma',
  'García',
  'Moreau',
  'Mensah',
  'Rossi',
  'Novak',
  'Kowalski',
  'Haddad',
  'Okafor',
  'Jensen',
  'Dubois',
  'Müller',
  'Silva',
  'Nakamura',
  'Yilmaz',
  'Fischer'
]
export const SEED_CONSULTANTS = [
  'You',
  'Dana Whitfield',
  'Sam Okoro',
  'Alex Romero',
  'Kim Andersen',
  'Jo Brennan',
  'Ravi Menon',
  'Lena Vogel',
  'Chris Adeyemi',
  'Mia Laurent',
  'Tom Hughes',
  'Eva Lind'
]
const CURRENCIES = [
  ['EUR', 6],
  ['GBP', 2],
  ['USD', 2],
  ['CHF', 1]
] as const
const TITLES = [
  'AI platform and first hires',
  'MLOps foundations',
  'Grow the AI team',
  'LLM features in production',
  'Data platform and first ML engineer',
  'Model monitoring and retraining',
  'AI readiness and roadmap',
  'From demo to production',
  'Search relevance with ML',
  'Forecasting platform'
]
const CLIENT_NOTES = [
  'Board wants a first AI feature before the summer release.',
  'Procurement needs three quotes; legal reviews every contract with GDPR in mind.',
  'Runs everything on Kubernetes in eu-west-1, Terraform for most of it.',
  'Data lives in Snowflake, dbt models maintained by two analysts.',
  'CTO is sceptical of vendor lock-in; prefers open-source tooling.',
  'Introduced by a former colleague; warm lead, budget approved for Q3.',
  'They tried SageMaker last year and abandoned it after the pilot.',
  'Security team insists on on-premise inference for customer data.',
  'Strong product culture, weak data engineering; pipelines break weekly.',
  'Parent company mandates Azure; subsidiaries may use Vertex AI.'
]
const ENGAGEMENT_NOTES = [
  'Sponsor is the VP Engineering; weekly check-in on Thursdays.',
  'Scope excludes the recommendation engine until the audit is done.',
  'Invoice monthly in arrears; purchase order number on every invoice.',
  'Latency budget for inference is 150 ms at p95.',
  'Hiring is slow: the first ML engineer offer was declined twice.',
  'Client asked for a fixed price for the foundations phase.'
]
const TASK_NOTES = [
  'Waiting for cloud credentials from their platform team.',
  'GPU quota increase requested; AWS support ticket open.',
  'Agreed with the data team to version datasets with DVC.',
  'Dashboards in Grafana; alerts go to the on-call rota in PagerDuty.',
  'Runbook drafted, needs a walkthrough with the new hire.',
  'Canary releases at 5% then 25%; rollback tested twice.',
  'Feature store postponed; Feast evaluated and parked.',
  'Cost alerts configured at 80% of the monthly budget.',
  'Interview loop calibrated with the hiring manager.',
  'Shadow deployment compared against the rules engine for two weeks.'
]
const BLOCK_REASONS = [
  'Security review of the VPC peering is pending.',
  'No access to production logs yet (GDPR approval).',
  'Hiring freeze until the board meeting.',
  'Vendor contract for the labelling service not signed.',
  'Waiting on the client to provision GPU nodes.'
]
const ANSWER_NOTES = [
  'Deployments are manual: an engineer runs a script from their laptop.',
  'No experiment tracking; results live in spreadsheets and Slack threads.',
  'Monitoring covers uptime only, nothing on model quality or drift.',
  'Training data is a nightly export, not versioned.',
  'They have one ML engineer doing infrastructure most of the week.',
  'CI runs unit tests but nothing for models or data.',
  'Logs are sampled at 1% and kept for seven days.',
  'Terraform covers networking; the rest was clicked together in the console.'
]
const PRIVATE_NOTES = [
  'CTO and Head of Data do not get along; keep them in separate sessions.',
  'Budget is tighter than they say; propose the foundations-only tier first.',
  'Their ML engineer is likely to leave; hire a replacement early.',
  'Sponsor is leaving in June; find a second champion.'
]

// ---------------------------------------------------------------------------------------
// Plans: a few real generated plans, reused with each engagement's own dates and rate.

// The sample client's workshop, and variations on it.
const BASE_CONTEXT: AssessmentContext = SAMPLE.context
const LOW: Maturity = SAMPLE.maturity
const VARIANTS: { context: AssessmentContext; maturity: Maturity }[] = [
  { context: BASE_CONTEXT, maturity: LOW },
  {
    context: { ...BASE_CONTEXT, ai_approach: 'api', gpu_workloads: false, stage: 'production', models_in_production: 3 },
    maturity: { ...LOW, deploy: 2, cicd: 2 }
  },
  {
    context: {
      ...BASE_CONTEXT,
      ai_approach: 'custom',
      stage: 'production',
      models_in_production: 6,
      retrain_frequency: 'weekly',
      deploy_is_bottleneck: true,
      degradation_incidents: true
    },
    maturity: { ...LOW, deploy: 0, monitor: 0, infra: 0 }
  },
  {
    context: { ...BASE_CONTEXT, ml_staff: 3, infra_staff: 1, ml_staff_doing_infra: false, cloud: 'gcp' },
    maturity: { ...LOW, data: 2, infra: 2, tracking: 2 }
  },
  { context: { ...BASE_CONTEXT, has_data: 'none', has_objectives: false, demo_traction: false }, maturity: LOW },
  {
    context: { ...BASE_CONTEXT, research_vision: true, ml_leadership: true, headcount: 900, engineers: 200, cloud: 'azure' },
    maturity: { ...LOW, experiment: 2, logging: 2 }
  }
]

interface Variant {
  stored: Omit<StoredPlan, 'id' | 'engagementId' | 'assessmentId' | 'createdAt' | 'updatedAt' | 'lastDiff'>
  json: { basis: string; library: string; settings: string; pricing: string }
  /** The plan as generated (the baseline) and with 0, 1 and 3 weeks of slip edits. */
  plans: { edits: string; items: TrackableItem[]; effortDays: number; weeks: number }[]
}

const REF_START = '2026-01-05'

function buildVariants(): Variant[] {
  const library = PlanLibrarySnapshotSchema.parse(
    planLibraryFrom({ tasks: DEFAULT_LIBRARY.tasks.filter((t) => !t.retired), roles: DEFAULT_LIBRARY.roles.filter((r) => !r.retired) })
  )
  return VARIANTS.map(({ context, maturity }) => {
    const basis = basisFrom(assess({ context, maturity }), context, maturity)
    const stored = {
      basis,
      keptStale: [],
      library,
      settings: { capacityDaysPerWeek: 3 },
      edits: EMPTY_EDITS,
      pricing: defaultPricingTerms('2026-06-30')
    }
    const at = (edits: PlanEdits) => planFromStored({ ...stored, edits, createdAt: SEED_NOW }, { startDate: REF_START, dayRate: 1, currency: 'EUR' })
    const base = at(EMPTY_EDITS)
    // Slip: push the first foundations item later; its dependents follow.
    const pivot = trackableItems(base).find((i) => i.phase === 'foundations' && i.kind === 'task') ?? trackableItems(base)[1]!
    const plans = [0, 1, 3].map((weeks) => {
      const edits: PlanEdits =
        weeks === 0 ? EMPTY_EDITS : { overrides: { [pivot.itemId]: { notBeforeWeek: pivot.startWeek + weeks } }, custom: [], removed: [] }
      const plan = at(edits)
      return { edits: JSON.stringify(edits), items: trackableItems(plan), effortDays: plan.totals.effortDays, weeks: plan.weeks }
    })
    return {
      stored,
      json: {
        basis: JSON.stringify(basis),
        library: JSON.stringify(library),
        settings: JSON.stringify(stored.settings),
        pricing: JSON.stringify(stored.pricing)
      },
      plans
    }
  })
}

// ---------------------------------------------------------------------------------------
// Dates as day numbers (fast), written as ISO text through a cache.

const DAY = 86_400_000
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY)
const isoCache = new Map<number, string>()
function iso(day: number): string {
  let s = isoCache.get(day)
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10)
    isoCache.set(day, s)
  }
  return s
}
const stamp = (day: number, minutes = 540) =>
  `${iso(day)}T${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`
const REF_DAY = dayOf(REF_START)

/** Time is logged against an item for at most this many days (keeps the seed quick; entries stay ≤ 1 day). */
const MAX_DAYS_LOGGED_PER_ITEM = 3

type Raw = Awaited<ReturnType<typeof openDatabase>>['sqlite']

/** Drops the matching triggers and gives back a way to recreate them from their exact SQL. */
function suspendTriggers(db: Raw, names: RegExp) {
  const saved = (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string; sql: string }[]).filter((t) =>
    names.test(t.name)
  )
  for (const t of saved) db.exec(`DROP TRIGGER "${t.name}"`)
  return {
    sql: (name: string) => {
      const t = saved.find((s) => s.name === name)
      if (!t) throw new Error(`the schema has no trigger ${name}`)
      return t.sql
    },
    restore: () => {
      for (const t of saved) db.exec(t.sql)
    }
  }
}

/** A trigger's statements with its row reference (NEW.x) turned into the named parameter :id. */
function triggerBody(sql: string, rowRef: string): string {
  const body = sql.slice(sql.indexOf(' BEGIN') + 6, sql.lastIndexOf('END')).trim()
  if (!body.includes(rowRef)) throw new Error(`the trigger no longer refers to ${rowRef}`)
  return body.replaceAll(rowRef, ':id')
}

// ---------------------------------------------------------------------------------------

export async function seedLargeDatabase(path: string, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now()
  const clientCount = options.clients ?? 2000
  const engagementCount = options.engagements ?? 10_000
  const rnd = new Random(options.seed ?? 1)
  const now = () => new Date(SEED_NOW)
  const handle = await openDatabase(path, { now, dailyBackup: false })
  try {
    await seedLibraryOnce(handle.db, { now, newId: () => rnd.uuid() })
    const variants = buildVariants()
    const db = handle.sqlite
    // One big transaction: a cache large enough that SQLite need not spill pages mid-way.
    db.pragma('cache_size = -262144')
    const today = dayOf(TODAY)

    const insertClient = db.prepare(
      `INSERT INTO client (id, name, industry, headcount, contact_name, contact_email, notes, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`
    )
    const insertEngagement = db.prepare(
      `INSERT INTO engagement (id, client_id, title, status, consultant, currency, day_rate, start_date, notes, archived_at, created_at, updated_at, signed_at, planned_days)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const insertHistory = db.prepare(`INSERT INTO engagement_status_change (engagement_id, from_status, to_status, at, note) VALUES (?, ?, ?, ?, ?)`)
    const insertPlan = db.prepare(
      `INSERT INTO plan (id, engagement_id, assessment_id, basis, kept_stale, library, settings, edits, pricing, last_diff, created_at, updated_at)
       VALUES (?, ?, ?, ?, '[]', ?, ?, ?, ?, NULL, ?, ?)`
    )
    const insertBaseline = db.prepare(
      `INSERT INTO plan_baseline (engagement_id, plan, effort_days, cost, currency, signed_at, export_snapshot_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`
    )
    const insertItem = db.prepare(
      `INSERT INTO tracking_item (engagement_id, item_id, kind, title, phase, position, effort_days, in_plan, status, blocked_reason,
         blocked_since, planned_start, planned_end, baseline_start, baseline_end, actual_start, actual_end, owner, notes, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const insertTime = db.prepare(`INSERT INTO time_entry (id, engagement_id, item_id, date, days, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    const insertGate = db.prepare(`INSERT INTO phase_gate (id, engagement_id, phase_id, criterion, done_at, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    const insertAssessment = db.prepare(
      `INSERT INTO assessment (id, engagement_id, title, status, present, cursor, created_at, updated_at, completed_at)
       VALUES (?, ?, 'Initial assessment', 'complete', '[]', NULL, ?, ?, ?)`
    )
    const insertAnswer = db.prepare(
      `INSERT INTO assessment_answer (assessment_id, question_id, value, note, private_note, updated_at) VALUES (?, ?, NULL, ?, ?, ?)`
    )
    const questionIds = MATURITY_QUESTIONS.map((q) => q.id)
    const counts = { clients: 0, engagements: 0, plans: 0, trackedEngagements: 0, trackingItems: 0, timeEntries: 0, assessmentNotes: 0, searchDocs: 0 }

    db.transaction(() => {
      // Figures the triggers keep row by row are worked out once at the end instead, with
      // the triggers' own SQL where it can be reused as it is; the triggers are restored
      // exactly as the migrations made them before the transaction commits.
      const suspended = suspendTriggers(db, /^(tracking_item_summary_|time_entry_logged_|plan_dirty_)|_search_/)

      // Clients
      const clientIds: string[] = []
      const names = new Set<string>()
      for (let i = 0; i < clientCount; i++) {
        let name: string
        do {
          const suffix = rnd.pick(SUFFIXES)
          name = `${rnd.pick(ADJECTIVES)} ${rnd.pick(NOUNS)}${suffix ? ` ${suffix}` : ''}`
          if (names.has(name)) name = `${name} ${rnd.int(2, 99)}`
        } while (names.has(name))
        names.add(name)
        const first = rnd.pick(FIRST)
        const last = rnd.pick(LAST)
        const created = stamp(today - rnd.int(30, 900))
        const id = rnd.uuid()
        insertClient.run(
          id,
          name,
          rnd.pick(INDUSTRIES),
          rnd.int(20, 5000),
          `${first} ${last}`,
          `${first}.${last}@${name.split(' ')[0]!.toLowerCase()}.example`
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase(),
          rnd.chance(0.6) ? `${rnd.pick(CLIENT_NOTES)} ${rnd.chance(0.4) ? rnd.pick(CLIENT_NOTES) : ''}`.trim() : null,
          created,
          created
        )
        clientIds.push(id)
      }
      counts.clients = clientCount

      // Engagements
      for (let i = 0; i < engagementCount; i++) {
        const id = rnd.uuid()
        const clientId = rnd.pick(clientIds)
        const status = rnd.weighted([
          ['lead', 18],
          ['proposal', 17],
          ['active', 35],
          ['complete', 20],
          ['lost', 10]
        ] as const)
        // A few consultants carry most of the work, as in a small practice.
        const consultant = SEED_CONSULTANTS[Math.min(SEED_CONSULTANTS.length - 1, Math.floor(rnd.next() ** 1.6 * SEED_CONSULTANTS.length))]!
        const currency = rnd.weighted(CURRENCIES)
        const dayRate = rnd.int(18, 36) * 50
        const variant = rnd.pick(variants)
        const slip =
          status === 'active'
            ? rnd.weighted([
                [0, 70],
                [1, 20],
                [2, 10]
              ] as const)
            : 0
        const current = variant.plans[slip]!
        const baselinePlan = variant.plans[0]!
        const start =
          status === 'lead'
            ? today + rnd.int(14, 120)
            : status === 'proposal'
              ? today + rnd.int(0, 60)
              : status === 'active'
                ? today - rnd.int(7, 230)
                : status === 'complete'
                  ? today - 7 * current.weeks - rnd.int(20, 400)
                  : today - rnd.int(0, 400)
        const createdDay = Math.min(start, today) - rnd.int(20, 90)
        const hasPlan = status === 'proposal' || status === 'active' || status === 'complete' || (status === 'lost' && rnd.chance(0.5))
        const signed = status === 'active' || status === 'complete'
        const signedDay = start - rnd.int(3, 20)
        const archived = (status === 'complete' || status === 'lost') && rnd.chance(0.05) ? stamp(today - rnd.int(1, 60)) : null
        insertEngagement.run(
          id,
          clientId,
          `${rnd.pick(TITLES)}${rnd.chance(0.3) ? ` (${2024 + rnd.int(0, 2)})` : ''}`,
          status,
          consultant,
          currency,
          dayRate,
          status === 'lead' && rnd.chance(0.3) ? null : iso(start),
          rnd.chance(0.35) ? rnd.pick(ENGAGEMENT_NOTES) : null,
          archived,
          stamp(createdDay),
          stamp(Math.max(createdDay, Math.min(today, signed ? signedDay : createdDay + 5))),
          signed ? stamp(signedDay, 600) : null,
          hasPlan ? current.effortDays : null
        )
        counts.engagements += 1

        // History
        const steps: [string | null, string, number][] = []
        if (status !== 'lead') steps.push(['lead', status === 'lost' ? 'lost' : 'proposal', createdDay + rnd.int(3, 15)])
        if (signed) steps.push(['proposal', 'active', signedDay])
        if (status === 'complete') steps.push(['active', 'complete', Math.min(today, start + 7 * current.weeks + rnd.int(0, 20))])
        for (const [from, to, day] of steps) insertHistory.run(id, from, to, stamp(day, 610), to === 'active' ? 'Marked as signed' : null)

        let assessmentId: string | null = null
        if (status !== 'lead') {
          assessmentId = rnd.uuid()
          const at = stamp(createdDay + 2, 600)
          insertAssessment.run(assessmentId, id, at, at, at)
          const n = rnd.int(1, 4)
          const start = rnd.int(0, questionIds.length - n)
          for (let q = 0; q < n; q++) {
            insertAnswer.run(assessmentId, questionIds[start + q]!, rnd.pick(ANSWER_NOTES), rnd.chance(0.2) ? rnd.pick(PRIVATE_NOTES) : null, at)
            counts.assessmentNotes += 1
          }
        }

        if (!hasPlan) continue
        const planAt = stamp(createdDay + 3, 620)
        insertPlan.run(
          rnd.uuid(),
          id,
          assessmentId,
          variant.json.basis,
          variant.json.library,
          variant.json.settings,
          current.edits,
          variant.json.pricing,
          planAt,
          planAt
        )
        counts.plans += 1
        if (!signed) continue

        // Signed: the baseline and tracked items.
        const shift = start - REF_DAY
        const baselineItems = baselinePlan.items.map((b) => ({
          id: b.itemId,
          title: b.title,
          kind: b.kind,
          phase: b.phase,
          startWeek: b.startWeek,
          endWeek: b.endWeek,
          startDate: iso(dayOf(b.plannedStart) + shift),
          endDate: iso(dayOf(b.plannedEnd) + shift),
          effortDays: b.effortDays,
          cost: b.effortDays * dayRate
        }))
        const baselineById = new Map(baselineItems.map((b) => [b.id, b]))
        const cost = baselineItems.reduce((s, b) => s + b.cost, 0)
        insertBaseline.run(
          id,
          JSON.stringify({
            startDate: iso(start),
            dayRate,
            currency,
            weeks: baselinePlan.weeks,
            items: baselineItems,
            totals: { effortDays: baselinePlan.effortDays, cost, currency }
          }),
          baselinePlan.effortDays,
          cost,
          currency,
          stamp(signedDay, 600),
          stamp(signedDay, 600)
        )
        counts.trackedEngagements += 1
        // How far behind this engagement runs: most keep up, some lag by weeks.
        const lag = rnd.weighted([
          [0, 55],
          [5, 25],
          [12, 12],
          [25, 8]
        ] as const)
        // Fixed-price work often goes unlogged.
        const logsTime = rnd.chance(0.7)
        const donePhases = new Set<string>(PHASE_IDS)
        for (const item of current.items) {
          const ps = dayOf(item.plannedStart) + shift
          const pe = dayOf(item.plannedEnd) + shift
          let itemStatus: 'planned' | 'in_progress' | 'blocked' | 'done'
          if (status === 'complete') itemStatus = 'done'
          else if (pe < today - lag) itemStatus = rnd.chance(0.94) ? 'done' : rnd.chance(0.5) ? 'in_progress' : 'blocked'
          else if (ps <= today)
            itemStatus = rnd.weighted([
              ['in_progress', 60],
              ['planned', 25],
              ['blocked', 6],
              ['done', 9]
            ] as const)
          else itemStatus = rnd.chance(0.03) ? 'in_progress' : 'planned'
          if (itemStatus !== 'done') donePhases.delete(item.phase)
          const actualStart = itemStatus === 'planned' ? null : iso(Math.min(today, ps + rnd.int(0, 3)))
          const actualEnd = itemStatus === 'done' ? iso(Math.min(today, Math.max(dayOf(actualStart!), pe + rnd.int(-3, 5)))) : null
          const blocked = itemStatus === 'blocked'
          const b = baselineById.get(item.itemId)
          insertItem.run(
            id,
            item.itemId,
            item.kind,
            item.title,
            item.phase,
            item.position,
            item.effortDays,
            itemStatus,
            blocked ? rnd.pick(BLOCK_REASONS) : null,
            blocked ? iso(today - rnd.int(0, 20)) : null,
            iso(ps),
            iso(pe),
            b?.startDate ?? null,
            b?.endDate ?? null,
            actualStart,
            actualEnd,
            item.owner,
            rnd.chance(0.15) ? rnd.pick(TASK_NOTES) : null,
            stamp(Math.min(today, actualEnd ? dayOf(actualEnd) : actualStart ? dayOf(actualStart) : signedDay), 700)
          )
          counts.trackingItems += 1

          // Time: whole days from the actual start (at most one day an entry), the last one partial.
          if (logsTime && actualStart && item.effortDays > 0) {
            const share = itemStatus === 'done' ? 0.8 + rnd.next() * 0.4 : rnd.next() * 0.7
            let left = Math.min(MAX_DAYS_LOGGED_PER_ITEM, Math.round(item.effortDays * share * 4) / 4)
            let day = dayOf(actualStart)
            while (left > 0 && day <= today) {
              const days = Math.min(1, left)
              insertTime.run(rnd.uuid(), id, item.itemId, iso(day), days, rnd.chance(0.05) ? rnd.pick(TASK_NOTES) : null, stamp(day, 1020))
              counts.timeEntries += 1
              left = Math.round((left - days) * 100) / 100
              day += rnd.int(1, 3)
            }
          }
        }
        // Gates: the phases the plan has, ticked where all their work is done.
        for (const phase of PHASE_IDS) {
          if (!current.items.some((i) => i.phase === phase)) continue
          DEFAULT_GATES[phase].forEach((criterion, position) => {
            insertGate.run(rnd.uuid(), id, phase, criterion, donePhases.has(phase) ? stamp(today - rnd.int(1, 30)) : null, position, stamp(signedDay, 600))
          })
        }
      }
      // Tracking figures: the summary trigger's own statement, once per tracked engagement.
      const summary = db.prepare(triggerBody(suspended.sql('tracking_item_summary_insert'), 'NEW.engagement_id'))
      for (const { engagement_id } of db.prepare('SELECT DISTINCT engagement_id FROM tracking_item').all() as { engagement_id: string }[]) {
        summary.run({ id: engagement_id })
      }
      // Logged days (the trigger adds entry by entry; this is the same sum at once).
      db.prepare(
        `UPDATE engagement SET logged_days = (SELECT round(total(days), 2) FROM time_entry WHERE engagement_id = engagement.id)
         WHERE id IN (SELECT engagement_id FROM time_entry)`
      ).run()
      // The search index, with the statements the migration indexes existing rows with.
      for (const statement of SEARCH_BACKFILL) db.exec(statement)
      // The plan-derived figures (planned_days, the items' dates) were worked out above the way the app does.
      suspended.restore()
    })()
    counts.searchDocs = (db.prepare('SELECT count(*) AS n FROM search_doc').get() as { n: number }).n
    db.pragma('wal_checkpoint(TRUNCATE)')
    return { path, now: SEED_NOW, today: TODAY, counts, ms: performance.now() - started }
  } finally {
    await handle.close()
  }
}
