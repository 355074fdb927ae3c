import { execFileSync } from 'node:child_process'

/**
 * Vitest global setup: the team server's tests need a real PostgreSQL. Unless
 * STAGECRAFT_TEST_DATABASE_URL points at one, a throwaway cluster is started on a
 * loopback port for this run (scripts/pg-throwaway.sh) and stopped at the end.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.STAGECRAFT_TEST_DATABASE_URL) return undefined
  const out = execFileSync('bash', ['scripts/pg-throwaway.sh'], { encoding: 'utf8' })
  const [dir, url] = out.trim().split('\n')
  process.env.STAGECRAFT_TEST_DATABASE_URL = url
  return () => {
    execFileSync('bash', ['scripts/pg-throwaway.sh', 'stop', dir!])
  }
}
