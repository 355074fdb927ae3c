import { ensurePostgres } from './postgres'

/**
 * Vitest global setup: the team server's tests need a real PostgreSQL. Unless
 * STAGECRAFT_TEST_DATABASE_URL points at one, a throwaway cluster is started on a
 * loopback port for this run and stopped at the end.
 */
export default function setup(): () => void {
  return ensurePostgres().stop
}
