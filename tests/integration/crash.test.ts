import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp'

const root = join(import.meta.dirname, '..', '..')
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50)

/** Runs the writer until it has reported at least `minimum` commits, then kills it after a random delay. */
function writeThenKill(dbPath: string, seed: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/helpers/crash-writer.ts'), dbPath], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const ids: string[] = []
    let buffer = ''
    let stderr = ''
    let armed = false
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      ids.push(...lines.filter(Boolean))
      if (!armed && ids.length >= 1) {
        armed = true
        // Deterministic pseudo-random moment per round, between 0 and ~120 ms of writing.
        const delay = (seed * 7919) % 120
        setTimeout(() => child.kill('SIGKILL'), delay)
      }
    })
    child.stderr.on('data', (d) => (stderr += String(d)))
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${signal}): ${stderr}`))
      else resolve(ids)
    })
  })
}

describe('crash safety', () => {
  it(`keeps every reported commit and every invariant across ${ROUNDS} SIGKILLs`, async () => {
    const { dir, cleanup } = tempDir('stagecraft-crash-')
    const dbPath = join(dir, 'crash.db')
    const reported: string[] = []
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        reported.push(...(await writeThenKill(dbPath, round)))
        const db = new Sqlite(dbPath, { readonly: true })
        try {
          expect(db.pragma('quick_check', { simple: true }), `round ${round}`).toBe('ok')
          expect(db.pragma('foreign_key_check'), `round ${round}`).toEqual([])
          const present = new Set((db.prepare('SELECT id FROM client').all() as { id: string }[]).map((r) => r.id))
          const lost = reported.filter((id) => !present.has(id))
          expect(lost, `round ${round}: reported commits missing`).toEqual([])
          // Multi-row invariants: every client has exactly one engagement, one assessment and three answers.
          const broken = db
            .prepare(
              `SELECT c.id FROM client c
               LEFT JOIN engagement e ON e.client_id = c.id
               LEFT JOIN assessment a ON a.engagement_id = e.id
               GROUP BY c.id
               HAVING count(DISTINCT e.id) <> 1 OR count(DISTINCT a.id) <> 1
                  OR (SELECT count(*) FROM assessment_answer x WHERE x.assessment_id = max(a.id)) <> 3`
            )
            .all()
          expect(broken, `round ${round}: half-written records`).toEqual([])
        } finally {
          db.close()
        }
      }
      expect(reported.length).toBeGreaterThanOrEqual(ROUNDS)
    } finally {
      cleanup()
    }
  }, 600_000)
})
