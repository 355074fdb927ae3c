import { randomBytes } from 'node:crypto'
import pg from 'pg'

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
