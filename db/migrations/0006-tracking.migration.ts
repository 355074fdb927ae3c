import { sql, type Kysely } from 'kysely'

/**
 * Tracking: status history, the signed baseline, tracked items, time, phase gates, the
 * per-engagement figures the portfolio dashboard sorts and filters on, and full-text search.
 *
 * Derived figures are kept by triggers, so every writer (repositories, imports, the seed)
 * leaves them right:
 * - engagement.progress / next_due / blocked_since / slip_days / current_phase /
 *   tracked_items from its in-plan tracking items;
 * - engagement.logged_days from its time entries;
 * - engagement.plan_dirty = 1 whenever its plan (or start date) changes: the plan-derived
 *   figures (planned_days, the items' planned dates) need the plan generator, which SQL
 *   cannot run, so the app refreshes dirty engagements before it reads them;
 * - search_index (FTS5, external content: the view search_content) over clients, engagements,
 *   tracking item notes and assessment notes, shared and private. Anything that changes those
 *   columns without the triggers leaves the index wrong; SEARCH_BACKFILL rebuilds it.
 */

const STATUSES = `('lead','proposal','active','complete','lost')`

/** Control characters 2 and 3 mark highlights in search results, so stored text never carries them. */
const clean = (expr: string) => `replace(replace(coalesce(${expr}, ''), char(2), ''), char(3), '')`

/** Recomputes an engagement's tracking figures from its in-plan items. */
const summarise = (id: string) => `
  UPDATE engagement SET (tracked_items, progress, next_due, blocked_since, slip_days, current_phase) = (
    SELECT
      count(*),
      CASE
        WHEN total(effort_days) > 0 THEN round(100.0 * total(CASE WHEN status = 'done' THEN effort_days END) / total(effort_days), 1)
        WHEN count(*) > 0 THEN round(100.0 * total(status = 'done') / count(*), 1)
        ELSE 0
      END,
      min(CASE WHEN status <> 'done' THEN planned_end END),
      min(CASE WHEN status = 'blocked' THEN blocked_since END),
      CAST(max(0, coalesce(max(CASE WHEN status <> 'done' AND baseline_end IS NOT NULL
        THEN julianday(planned_end) - julianday(baseline_end) END), 0)) AS INTEGER),
      (SELECT t2.phase FROM tracking_item t2
        WHERE t2.engagement_id = ${id} AND t2.in_plan = 1 AND t2.status <> 'done'
        ORDER BY t2.planned_start, t2.position LIMIT 1)
    FROM tracking_item WHERE engagement_id = ${id} AND in_plan = 1
  ) WHERE id = ${id};`

// --- Search. Each document has a row in search_doc (a stable rowid, and the ids the UI
// navigates to); its text lives in the source row itself and reaches the external-content
// FTS5 table through the view search_content. Triggers add a document's words with the new
// row's text and take them out with the old row's text (FTS5's 'delete' command), so the
// index always matches what the view shows.

type Kind = 'client' | 'engagement' | 'task_note' | 'assessment_note' | 'private_note'

interface Source {
  table: string
  /** How search_doc d meets the source row x. */
  join: string
  ref: (r: string) => string
  sub: (r: string) => string
  title: (r: string) => string
  body: (r: string) => string
  /** Whether the row has a document at all (notes only when there is text). */
  has: (r: string) => string
  /** The other search_doc columns (the ids to navigate to), and the tables they come from with how those meet row r. */
  ids: { columns: string; values: (r: string) => string; tables?: string; link?: (r: string) => string }
}

const hasText = (expr: string) => `(${expr} IS NOT NULL AND trim(${expr}) <> '')`

const answerSource = (column: 'note' | 'private_note'): Source => ({
  table: 'assessment_answer',
  join: 'x.assessment_id = d.ref AND x.question_id = d.sub',
  ref: (r) => `${r}.assessment_id`,
  sub: (r) => `${r}.question_id`,
  title: () => "''",
  body: (r) => `${r}.${column}`,
  has: (r) => hasText(`${r}.${column}`),
  ids: {
    columns: 'client_id, engagement_id, assessment_id, question_id',
    values: (r) => `e.client_id, e.id, a.id, ${r}.question_id`,
    tables: 'assessment a JOIN engagement e ON e.id = a.engagement_id',
    link: (r) => `a.id = ${r}.assessment_id`
  }
})

const SOURCES: Record<Kind, Source> = {
  client: {
    table: 'client',
    join: 'x.id = d.ref',
    ref: (r) => `${r}.id`,
    sub: () => "''",
    title: (r) => `${r}.name`,
    body: (r) => `concat_ws(' ', ${r}.industry, ${r}.contact_name, ${r}.contact_email, ${r}.notes)`,
    has: () => '1',
    ids: { columns: 'client_id', values: (r) => `${r}.id` }
  },
  engagement: {
    table: 'engagement',
    join: 'x.id = d.ref',
    ref: (r) => `${r}.id`,
    sub: () => "''",
    title: (r) => `${r}.title`,
    body: (r) => `concat_ws(' ', ${r}.consultant, ${r}.notes)`,
    has: () => '1',
    ids: { columns: 'client_id, engagement_id', values: (r) => `${r}.client_id, ${r}.id` }
  },
  task_note: {
    table: 'tracking_item',
    join: 'x.engagement_id = d.ref AND x.item_id = d.sub',
    ref: (r) => `${r}.engagement_id`,
    sub: (r) => `${r}.item_id`,
    title: (r) => `${r}.title`,
    body: (r) => `concat_ws(' ', ${r}.notes, ${r}.blocked_reason)`,
    has: (r) => `(${hasText(`${r}.notes`)} OR ${hasText(`${r}.blocked_reason`)})`,
    ids: {
      columns: 'client_id, engagement_id, item_id',
      values: (r) => `e.client_id, e.id, ${r}.item_id`,
      tables: 'engagement e',
      link: (r) => `e.id = ${r}.engagement_id`
    }
  },
  assessment_note: answerSource('note'),
  private_note: answerSource('private_note')
}

const KINDS = Object.keys(SOURCES) as Kind[]

const docWhere = (kind: Kind, r: string) => `kind = '${kind}' AND ref = ${SOURCES[kind].ref(r)} AND sub = ${SOURCES[kind].sub(r)}`

/** Adds the document of row r (NEW), if it has one. */
function indexDoc(kind: Kind, r: string): string {
  const { ids, ...src } = SOURCES[kind]
  const from = ids.tables ? `FROM ${ids.tables} WHERE ${ids.link!(r)} AND ${src.has(r)}` : `WHERE ${src.has(r)}`
  return `
    INSERT INTO search_doc (kind, ref, sub, ${ids.columns})
      SELECT '${kind}', ${src.ref(r)}, ${src.sub(r)}, ${ids.values(r)} ${from};
    INSERT INTO search_index (rowid, kind, title, body)
      SELECT id, kind, ${clean(src.title(r))}, ${clean(src.body(r))} FROM search_doc WHERE ${docWhere(kind, r)};`
}

/** Takes out the document of row r (OLD) with the text it was indexed with. */
function unindexDoc(kind: Kind, r: string): string {
  const src = SOURCES[kind]
  return `
    INSERT INTO search_index (search_index, rowid, kind, title, body)
      SELECT 'delete', id, kind, ${clean(src.title(r))}, ${clean(src.body(r))} FROM search_doc WHERE ${docWhere(kind, r)};
    DELETE FROM search_doc WHERE ${docWhere(kind, r)};`
}

/** The text of every document, as FTS5 reads it (content='search_content'). */
const CONTENT_VIEW = `
  CREATE VIEW search_content AS
  ${KINDS.map(
    (kind) =>
      `SELECT d.id AS id, d.kind AS kind, ${clean(SOURCES[kind].title('x'))} AS title, ${clean(SOURCES[kind].body('x'))} AS body
       FROM search_doc d JOIN ${SOURCES[kind].table} x ON ${SOURCES[kind].join} WHERE d.kind = '${kind}'`
  ).join('\n  UNION ALL\n  ')}`

/**
 * Indexes every existing row for search (the triggers take over from there): the documents,
 * then FTS5's own 'rebuild' from the content view. Run by this migration on the rows already
 * there; bench/seed.ts runs it after its bulk inserts, far quicker than row by row in
 * triggers. Expects no documents yet. Documents are numbered in (kind, ref, sub) order, the
 * order the view gives them back in, because FTS5 flushes whenever a rowid goes backwards.
 */
export const SEARCH_BACKFILL: readonly string[] = [
  ...KINDS.map((kind) => {
    const { ids, ...src } = SOURCES[kind]
    const from = ids.tables ? `${src.table} x, ${ids.tables} WHERE ${ids.link!('x')} AND` : `${src.table} x WHERE`
    return `
      INSERT INTO search_doc (kind, ref, sub, ${ids.columns})
      SELECT '${kind}', ${src.ref('x')}, ${src.sub('x')}, ${ids.values('x')} FROM ${from} ${src.has('x')}
      ORDER BY 2, 3`
  }),
  `INSERT INTO search_index (search_index) VALUES ('rebuild')`
]

// Frozen in time: migrations use Kysely<any> so later schema changes never alter them.
export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)

  // --- Engagement: signing and the figures the dashboard filters and sorts on.
  for (const column of [
    'signed_at TEXT',
    // The current plan's committed effort in days (NULL without a plan); value = day_rate × planned_days.
    'planned_days REAL',
    'logged_days REAL NOT NULL DEFAULT 0',
    'progress REAL NOT NULL DEFAULT 0',
    'next_due TEXT',
    'blocked_since TEXT',
    'slip_days INTEGER NOT NULL DEFAULT 0',
    'current_phase TEXT',
    'tracked_items INTEGER NOT NULL DEFAULT 0',
    'plan_dirty INTEGER NOT NULL DEFAULT 0'
  ]) {
    await run(`ALTER TABLE engagement ADD COLUMN ${column}`)
  }

  await run(`
    CREATE TABLE engagement_status_change (
      id INTEGER PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagement(id) ON DELETE CASCADE,
      from_status TEXT CHECK (from_status IN ${STATUSES}),
      to_status TEXT NOT NULL CHECK (to_status IN ${STATUSES}),
      at TEXT NOT NULL,
      note TEXT
    )`)
  await run(`CREATE INDEX engagement_status_change_idx ON engagement_status_change (engagement_id, at)`)
  // Every status change is recorded, whoever makes it; the repository adds the note.
  await run(`
    CREATE TRIGGER engagement_status_history AFTER UPDATE OF status ON engagement WHEN OLD.status IS NOT NEW.status BEGIN
      INSERT INTO engagement_status_change (engagement_id, from_status, to_status, at, note)
      VALUES (NEW.id, OLD.status, NEW.status, NEW.updated_at, NULL);
    END`)

  await run(`
    CREATE TABLE plan_baseline (
      engagement_id TEXT PRIMARY KEY REFERENCES engagement(id) ON DELETE CASCADE,
      plan TEXT NOT NULL,
      effort_days REAL NOT NULL,
      cost REAL NOT NULL,
      currency TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      export_snapshot_id TEXT REFERENCES export_snapshot(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL
    )`)
  await run(`CREATE INDEX plan_baseline_snapshot_idx ON plan_baseline (export_snapshot_id)`)

  await run(`
    CREATE TABLE tracking_item (
      engagement_id TEXT NOT NULL REFERENCES engagement(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      phase TEXT NOT NULL,
      position INTEGER NOT NULL,
      effort_days REAL NOT NULL DEFAULT 0 CHECK (effort_days >= 0),
      in_plan INTEGER NOT NULL DEFAULT 1 CHECK (in_plan IN (0, 1)),
      status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','blocked','done')),
      blocked_reason TEXT,
      blocked_since TEXT,
      planned_start TEXT,
      planned_end TEXT,
      baseline_start TEXT,
      baseline_end TEXT,
      actual_start TEXT,
      actual_end TEXT,
      owner TEXT,
      notes TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (engagement_id, item_id),
      CHECK ((status = 'blocked') = (blocked_reason IS NOT NULL AND blocked_since IS NOT NULL)),
      CHECK (actual_start IS NULL OR actual_end IS NULL OR actual_end >= actual_start)
    )`)
  // Open work by engagement and planned end: overdue and due-soon counts, next due, weekly load.
  await run(`
    CREATE INDEX tracking_item_open_idx ON tracking_item (engagement_id, planned_end, planned_start, effort_days)
    WHERE in_plan = 1 AND status <> 'done'`)
  for (const [event, ref, columns] of [
    ['INSERT', 'NEW', ''],
    ['UPDATE', 'NEW', ' OF status, in_plan, effort_days, planned_start, planned_end, baseline_end, blocked_since, phase, position'],
    ['DELETE', 'OLD', '']
  ] as const) {
    await run(`
      CREATE TRIGGER tracking_item_summary_${event.toLowerCase()} AFTER ${event}${columns} ON tracking_item BEGIN
        ${summarise(`${ref}.engagement_id`)}
      END`)
  }

  await run(`
    CREATE TABLE time_entry (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagement(id) ON DELETE CASCADE,
      item_id TEXT,
      date TEXT NOT NULL,
      days REAL NOT NULL CHECK (days > 0 AND days <= 1),
      note TEXT,
      created_at TEXT NOT NULL
    )`)
  // By engagement: days per item and per month, the view's list, cascades (covering for the sums).
  await run(`CREATE INDEX time_entry_engagement_idx ON time_entry (engagement_id, item_id, date, days)`)
  // By date: every engagement's days in a range of months.
  await run(`CREATE INDEX time_entry_date_idx ON time_entry (date)`)
  // Kept incrementally (rounded to the hundredth of a day entries are logged in).
  await run(`
    CREATE TRIGGER time_entry_logged_insert AFTER INSERT ON time_entry BEGIN
      UPDATE engagement SET logged_days = round(logged_days + NEW.days, 2) WHERE id = NEW.engagement_id;
    END`)
  await run(`
    CREATE TRIGGER time_entry_logged_update AFTER UPDATE OF days, engagement_id ON time_entry BEGIN
      UPDATE engagement SET logged_days = round(logged_days - OLD.days, 2) WHERE id = OLD.engagement_id;
      UPDATE engagement SET logged_days = round(logged_days + NEW.days, 2) WHERE id = NEW.engagement_id;
    END`)
  await run(`
    CREATE TRIGGER time_entry_logged_delete AFTER DELETE ON time_entry BEGIN
      UPDATE engagement SET logged_days = round(logged_days - OLD.days, 2) WHERE id = OLD.engagement_id;
    END`)

  await run(`
    CREATE TABLE phase_gate (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagement(id) ON DELETE CASCADE,
      phase_id TEXT NOT NULL,
      criterion TEXT NOT NULL CHECK (length(criterion) BETWEEN 1 AND 500),
      done_at TEXT,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL
    )`)
  await run(`CREATE INDEX phase_gate_engagement_idx ON phase_gate (engagement_id, phase_id, position)`)

  // --- Plan-derived figures go stale when the plan or the start date changes.
  await run(`
    CREATE TRIGGER plan_dirty_insert AFTER INSERT ON plan BEGIN
      UPDATE engagement SET plan_dirty = 1 WHERE id = NEW.engagement_id;
    END`)
  await run(`
    CREATE TRIGGER plan_dirty_update AFTER UPDATE OF basis, kept_stale, library, settings, edits, engagement_id ON plan BEGIN
      UPDATE engagement SET plan_dirty = 1 WHERE id IN (OLD.engagement_id, NEW.engagement_id);
    END`)
  await run(`
    CREATE TRIGGER plan_dirty_delete AFTER DELETE ON plan BEGIN
      UPDATE engagement SET plan_dirty = 1 WHERE id = OLD.engagement_id;
    END`)
  await run(`
    CREATE TRIGGER engagement_start_moved AFTER UPDATE OF start_date ON engagement WHEN OLD.start_date IS NOT NEW.start_date BEGIN
      UPDATE engagement SET plan_dirty = 1 WHERE id = NEW.id;
    END`)
  await run(`UPDATE engagement SET plan_dirty = 1 WHERE id IN (SELECT engagement_id FROM plan)`)

  // --- Dashboard indexes. One covering index holds every column the dashboard filters,
  // counts, totals and sorts on (status, RAG inputs, next due, progress, client, title), so
  // choosing a page or working out totals never reads the table; the title sort walks its
  // own index in order. No index starts with archived_at: without statistics the planner
  // would take "archived_at IS NULL" for a selective equality and prefer it to client_id.
  await run(`
    CREATE INDEX engagement_dash_idx ON engagement (
      status, archived_at, consultant, client_id, tracked_items, blocked_since, next_due, slip_days,
      progress, currency, day_rate, planned_days, logged_days, title)`)
  await run(`CREATE INDEX engagement_title_idx ON engagement (title COLLATE NOCASE, archived_at)`)
  await run(`CREATE INDEX engagement_consultant_idx ON engagement (consultant, status, archived_at)`)
  await run(`CREATE INDEX engagement_plan_dirty_idx ON engagement (id) WHERE plan_dirty = 1`)

  // --- Full-text search.
  await run(`
    CREATE TABLE search_doc (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('client','engagement','task_note','assessment_note','private_note')),
      ref TEXT NOT NULL,
      sub TEXT NOT NULL DEFAULT '',
      client_id TEXT NOT NULL,
      engagement_id TEXT,
      assessment_id TEXT,
      question_id TEXT,
      item_id TEXT,
      UNIQUE (kind, ref, sub)
    )`)
  await run(CONTENT_VIEW)
  // External content: the words are indexed, the text stays in the source rows (snippet()
  // and highlight() read it through the view); rowid = search_doc.id.
  await run(`
    CREATE VIRTUAL TABLE search_index USING fts5(
      kind, title, body,
      content = 'search_content', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3'
    )`)
  // The kind column only filters; titles weigh more than text.
  await run(`INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(0.0, 4.0, 1.0)')`)

  await run(`CREATE TRIGGER client_search_insert AFTER INSERT ON client BEGIN ${indexDoc('client', 'NEW')} END`)
  await run(`
    CREATE TRIGGER client_search_update AFTER UPDATE OF name, industry, contact_name, contact_email, notes ON client BEGIN
      ${unindexDoc('client', 'OLD')} ${indexDoc('client', 'NEW')}
    END`)
  await run(`CREATE TRIGGER client_search_delete AFTER DELETE ON client BEGIN ${unindexDoc('client', 'OLD')} END`)

  await run(`CREATE TRIGGER engagement_search_insert AFTER INSERT ON engagement BEGIN ${indexDoc('engagement', 'NEW')} END`)
  await run(`
    CREATE TRIGGER engagement_search_update AFTER UPDATE OF title, consultant, notes, client_id ON engagement BEGIN
      ${unindexDoc('engagement', 'OLD')} ${indexDoc('engagement', 'NEW')}
    END`)
  await run(`CREATE TRIGGER engagement_search_delete AFTER DELETE ON engagement BEGIN ${unindexDoc('engagement', 'OLD')} END`)

  // Most items carry no note: the WHEN keeps their inserts from running the trigger at all.
  await run(`
    CREATE TRIGGER tracking_item_search_insert AFTER INSERT ON tracking_item
    WHEN ${SOURCES.task_note.has('NEW')} BEGIN ${indexDoc('task_note', 'NEW')} END`)
  await run(`
    CREATE TRIGGER tracking_item_search_update AFTER UPDATE OF notes, blocked_reason, title ON tracking_item
    WHEN OLD.notes IS NOT NEW.notes OR OLD.blocked_reason IS NOT NEW.blocked_reason OR OLD.title IS NOT NEW.title BEGIN
      ${unindexDoc('task_note', 'OLD')} ${indexDoc('task_note', 'NEW')}
    END`)
  await run(`CREATE TRIGGER tracking_item_search_delete AFTER DELETE ON tracking_item BEGIN ${unindexDoc('task_note', 'OLD')} END`)

  for (const [kind, column, name] of [
    ['assessment_note', 'note', 'note'],
    ['private_note', 'private_note', 'private']
  ] as const) {
    await run(`
      CREATE TRIGGER answer_${name}_search_insert AFTER INSERT ON assessment_answer WHEN ${hasText(`NEW.${column}`)} BEGIN
        ${indexDoc(kind, 'NEW')}
      END`)
    await run(`
      CREATE TRIGGER answer_${name}_search_update AFTER UPDATE OF ${column} ON assessment_answer WHEN OLD.${column} IS NOT NEW.${column} BEGIN
        ${unindexDoc(kind, 'OLD')} ${indexDoc(kind, 'NEW')}
      END`)
    await run(`CREATE TRIGGER answer_${name}_search_delete AFTER DELETE ON assessment_answer BEGIN ${unindexDoc(kind, 'OLD')} END`)
  }

  // Index what is already there.
  for (const statement of SEARCH_BACKFILL) await run(statement)
}
