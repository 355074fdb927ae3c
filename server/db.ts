import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { ServerDatabase } from './schema'

// bigint change numbers arrive as strings by default; they stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value))

export function connect(databaseUrl: string, max = 10, onIdleError: (error: Error) => void = () => undefined): Kysely<ServerDatabase> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max })
  // An idle connection the database drops (a restart, a failover) must not bring the
  // server down: the pool replaces it on the next request.
  pool.on('error', onIdleError)
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) })
}
