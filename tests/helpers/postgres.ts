import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import pg from 'pg'
import type { ServerDatabase } from '../../server/schema'

/**
 * A fresh, empty PostgreSQL database for one test file, dropped afterwards. The cluster
 * is the run's throwaway one (tests/helpers/postgres.global.ts).
 */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.STAGECRAFT_TEST_DATABASE_URL
  if (!admin) throw new Error('STAGECRAFT_TEST_DATABASE_URL is not set; the global setup starts a cluster (is PostgreSQL installed?).')
  const name = `stagecraft_test_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
}

/**
 * Points STAGECRAFT_TEST_DATABASE_URL at a PostgreSQL: the one already set, or a throwaway
 * cluster started now (scripts/pg-throwaway.sh, a free loopback port). `stop` stops only
 * what this call started.
 */
export function ensurePostgres(): { stop: () => void } {
  if (process.env.STAGECRAFT_TEST_DATABASE_URL) return { stop: () => undefined }
  const script = join(import.meta.dirname, '..', '..', 'scripts', 'pg-throwaway.sh')
  const [dir, url] = execFileSync('bash', [script], { encoding: 'utf8' }).trim().split('\n')
  process.env.STAGECRAFT_TEST_DATABASE_URL = url
  return {
    stop: () => {
      execFileSync('bash', [script, 'stop', dir!])
      delete process.env.STAGECRAFT_TEST_DATABASE_URL
    }
  }
}

/** How many live rows of a table the server holds (for one engagement, when given). */
export async function serverRowCount(db: Kysely<ServerDatabase>, tbl: string, engagementId?: string): Promise<number> {
  let q = db
    .selectFrom('sync_row')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tbl', '=', tbl)
  if (engagementId) q = q.where('engagement_id', '=', engagementId)
  return Number((await q.executeTakeFirstOrThrow()).n)
}
