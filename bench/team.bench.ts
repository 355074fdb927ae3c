/**
 * Team sync, against a real PostgreSQL (a throwaway cluster unless
 * STAGECRAFT_TEST_DATABASE_URL is set):
 * - joining: a laptop with the large portfolio uploads it (reported, once);
 * - a first pull of that portfolio onto an empty laptop, beside its floor: the same rows
 *   read by one plain SELECT and written into the app's tables by plain INSERTs;
 * - a one-change sync (push one edit, pull it back), beside its floor: one UPDATE and one
 *   SELECT of that row.
 */
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { createSyncEngine } from '../app/sync/engine'
import { httpTransport } from '../app/sync/http-transport'
import { installAndQueueExisting } from '../app/sync/local-schema'
import { openDatabase } from '../db/connection'
import { SYNC_TABLES, syncTable, type SyncTableName } from '../shared/domain/sync/catalogue'
import { ensurePostgres } from '../tests/helpers/postgres'
import { startTeam } from '../tests/helpers/team'
import { time, type Timing } from './stats'

export interface TeamBench {
  rows: number
  uploadMs: number
  firstPull: Timing
  firstPullFloor: Timing
  oneChange: Timing
  oneChangeFloor: Timing
}

export async function benchTeam(largePath: string, dir: string, options: { pullRuns: number; runs: number; warmup: number }): Promise<TeamBench> {
  const postgres = ensurePostgres()
  const team = await startTeam()
  try {
    const partner = await team.person('bench-partner@example.com', 'Bench Partner', 'partner')

    // Joining with the large portfolio.
    const upPath = join(dir, 'uploader.db')
    copyFileSync(largePath, upPath)
    if (existsSync(`${largePath}-wal`)) copyFileSync(`${largePath}-wal`, `${upPath}-wal`)
    const up = await openDatabase(upPath, { now: () => new Date() })
    installAndQueueExisting(up.sqlite, partner.deviceId)
    const upEngine = createSyncEngine({ sqlite: up.sqlite, transport: httpTransport({ serverUrl: team.url, token: partner.token, timeoutMs: 600_000 }) })
    const started = performance.now()
    await upEngine.syncOnce()
    const uploadMs = performance.now() - started
    const rows = Number(
      (
        await team.db
          .selectFrom('sync_row')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    )

    const firstPull = await time(async (laptop) => laptop.engine.syncOnce(), { runs: options.pullRuns, warmup: 0, setup: () => team.laptop(partner) })

    let floorCount = 0
    const firstPullFloor = await time(
      async (handle) => {
        const all = await sql<{ tbl: string; row_key: string; fields: Record<string, string | number | null> }>`
          SELECT tbl, row_key, fields FROM sync_row WHERE tbl <> 'conflict' AND NOT deleted`.execute(team.db)
        const order = new Map(SYNC_TABLES.map((t, i) => [t.name as string, i]))
        const sorted = all.rows.sort((a, b) => order.get(a.tbl)! - order.get(b.tbl)!)
        handle.sqlite.transaction(() => {
          handle.sqlite.pragma('defer_foreign_keys = ON')
          const statements = new Map<string, ReturnType<typeof handle.sqlite.prepare<unknown[]>>>()
          for (const r of sorted) {
            const t = syncTable(r.tbl as SyncTableName)
            const fields = t.fields.filter((f) => f in r.fields)
            const text = `INSERT OR REPLACE INTO ${t.name} (${[...t.key, ...fields].join(', ')}) VALUES (${[...t.key, ...fields].map(() => '?').join(', ')})`
            let statement = statements.get(text)
            if (!statement) statements.set(text, (statement = handle.sqlite.prepare(text)))
            const values = fields.map((f) => (t.bytes.includes(f) && typeof r.fields[f] === 'string' ? Buffer.from(r.fields[f], 'hex') : r.fields[f]))
            statement.run(...[...(JSON.parse(r.row_key) as (string | number)[]), ...values])
          }
        })()
        floorCount = sorted.length
        await handle.close()
      },
      { runs: options.pullRuns, warmup: 0, setup: () => openDatabase(join(dir, `floor-${Math.random().toString(36).slice(2)}.db`), { now: () => new Date() }) }
    )
    if (floorCount === 0) throw new Error('the floor copied nothing')

    // One change: a title edited on the uploading laptop, pushed and pulled back.
    const engagementId = (up.sqlite.prepare('SELECT id FROM engagement ORDER BY id LIMIT 1').get() as { id: string }).id
    let n = 0
    const oneChange = await time(async () => upEngine.syncOnce(), {
      ...options,
      setup: () => void up.sqlite.prepare('UPDATE engagement SET title = ? WHERE id = ?').run(`Edited ${n++}`, engagementId)
    })
    const key = JSON.stringify([engagementId])
    const oneChangeFloor = await time(
      async () => {
        await sql`UPDATE sync_row SET fields = jsonb_set(fields, '{title}', to_jsonb(${`Floor ${n++}`}::text)), change_no = nextval('change_no_seq')
          WHERE tbl = 'engagement' AND row_key = ${key}`.execute(team.db)
        await sql`SELECT fields FROM sync_row WHERE tbl = 'engagement' AND row_key = ${key}`.execute(team.db)
      },
      { ...options }
    )
    await up.close()
    return { rows, uploadMs, firstPull, firstPullFloor, oneChange, oneChangeFloor }
  } finally {
    await team.close()
    postgres.stop()
  }
}
