import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { ServerDatabase } from './schema'

// bigint change numbers arrive as strings by default; they stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value))

export function connect(databaseUrl: string, max = 10): Kysely<ServerDatabase> {
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max }) }) })
}
