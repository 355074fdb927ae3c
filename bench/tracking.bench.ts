/**
 * The portfolio dashboard and search on a seeded database (bench/seed.ts), each beside its
 * floor: the same SQL as raw better-sqlite3 prepared statements on the same file.
 *
 * - dashboard: what opening the dashboard asks main for, through the real dispatcher
 *   (sender check, zod validation of input and output, handler): `dashboard:get` (one page
 *   of 200 rows sorted by RAG, the totals, the consultants) and `dashboard:load` (the first
 *   consultant's twelve weeks). Floor: the page, totals, consultants and load statements.
 * - search: `search:query` for a few realistic words, in turn. Floor: the same search
 *   statements, prepared once.
 *
 * Each figure is a median and p95 over repeated runs after warm-up (bench/stats.ts).
 */
import { randomUUID } from 'node:crypto'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely'
import type { Database } from '../db/schema'
import { startBackend } from '../electron/backend'
import { applyConnectionPragmas } from '../db/connection'
import { dashboardQueries, loadQuery } from '../db/repositories/dashboard.repository'
import { searchQuery } from '../db/repositories/search.repository'
import type { DashboardQuery, LoadQuery } from '../shared/schemas/tracking.schema'
import { SEED_CONSULTANTS, SEED_NOW } from './seed'
import { time, type Timing } from './stats'

export interface BenchOptions {
  runs: number
  warmup: number
}

export interface BenchFigure {
  app: Timing
  floor: Timing
}

const SENDER = { url: 'app://stagecraft/index.html', isMainFrame: true }
const TODAY = SEED_NOW.slice(0, 10)
/** The seed's clock, so "today" matches the seeded work. */
const seedDeps = { now: () => new Date(SEED_NOW), newId: () => randomUUID() }

export const DASHBOARD_QUERY: DashboardQuery = { sort: 'rag', direction: 'desc', limit: 200 }
export const LOAD_QUERY: LoadQuery = { consultant: SEED_CONSULTANTS[0]!, weeks: 12 }
export const SEARCH_TERMS = ['harbour', 'snowflake', 'kubernetes gdpr', 'monitoring drift', 'dana']

/** A raw connection with the app's pragmas, and a Kysely over it used only to compile the app's SQL. */
function rawRunner(path: string, build: (db: Kysely<Database>) => CompiledQuery<unknown>[]) {
  const raw = new Sqlite(path)
  applyConnectionPragmas(raw)
  const statements = build(new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) })).map((q) => ({
    statement: raw.prepare(q.sql),
    parameters: q.parameters as unknown[]
  }))
  return {
    count: statements.length,
    run: (only?: number) => {
      for (const [k, s] of statements.entries()) if (only === undefined || only === k) s.statement.all(...s.parameters)
    },
    close: () => raw.close()
  }
}

async function withBackend<T>(path: string, fn: (dispatch: (channel: string, payload: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const backend = await startBackend({ databasePath: path, deps: seedDeps, appVersion: 'bench', trustedOrigin: 'app://stagecraft' })
  try {
    return await fn(async (channel, payload) => {
      const r = await backend.dispatch(channel, payload, SENDER)
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`)
      return r.value
    })
  } finally {
    await backend.close()
  }
}

export async function benchDashboard(path: string, opts: BenchOptions): Promise<BenchFigure> {
  const app = await withBackend(path, (dispatch) =>
    time(async () => {
      await dispatch('dashboard:get', DASHBOARD_QUERY)
      await dispatch('dashboard:load', LOAD_QUERY)
    }, opts)
  )
  const runner = rawRunner(path, (db) => {
    const q = dashboardQueries(db, DASHBOARD_QUERY, TODAY)
    return [q.page, q.totals, q.consultants, loadQuery(db, LOAD_QUERY, TODAY)]
  })
  try {
    return { app, floor: await time(() => runner.run(), opts) }
  } finally {
    runner.close()
  }
}

export async function benchSearch(path: string, opts: BenchOptions, terms: readonly string[] = SEARCH_TERMS): Promise<BenchFigure> {
  let n = 0
  const app = await withBackend(path, (dispatch) => time(() => dispatch('search:query', { query: terms[n++ % terms.length]! }), opts))
  const runner = rawRunner(path, (db) => terms.flatMap((t) => searchQuery(db, t).query ?? []))
  let k = 0
  try {
    return { app, floor: await time(() => runner.run(k++ % runner.count), opts) }
  } finally {
    runner.close()
  }
}
