/**
 * The client list with a search, as the Clients screen asks for it, through the dispatcher;
 * the floor runs the very SQL Kysely compiled for it as raw prepared statements.
 */
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely'
import { startBackend } from '../electron/backend'
import { applyConnectionPragmas } from '../db/connection'
import { listClients } from '../db/repositories/client.repository'
import type { Database } from '../db/schema'
import { systemDeps } from '../db/deps'
import { time, type Timing } from './stats'

const QUERY = { search: 'ar', sort: 'name' as const, direction: 'asc' as const, limit: 200 }
const SENDER = { url: 'app://stagecraft/index.html', isMainFrame: true }

export async function benchClientList(path: string, opts: { runs: number; warmup: number }): Promise<{ app: Timing; floor: Timing }> {
  const backend = await startBackend({ databasePath: path, deps: systemDeps, appVersion: 'bench', trustedOrigin: 'app://stagecraft' })
  const app = await time(async () => {
    const r = await backend.dispatch('clients:list', QUERY, SENDER)
    if (!r.ok) throw new Error('clients:list failed')
  }, opts)
  await backend.close()

  // Capture the SQL the repository runs, then time it raw.
  const raw = new Sqlite(path)
  applyConnectionPragmas(raw)
  const captured: CompiledQuery[] = []
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }), log: (e) => void captured.push(e.query) })
  await listClients(db, QUERY)
  const statements = captured.map((q) => ({ s: raw.prepare(q.sql), p: q.parameters as unknown[] }))
  const floor = await time(() => {
    for (const { s, p } of statements) s.all(...p)
  }, opts)
  raw.close()
  return { app, floor }
}
