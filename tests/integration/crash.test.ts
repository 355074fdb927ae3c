import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { listBackups, verifyBackupFile } from '../../db/backup'
import { checkDatabaseFile } from '../../db/health'
import { migrations } from '../../db/migrations'
import { tempDir } from '../helpers/temp'
import { TRUSTED, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { createAppController } from '../../electron/app-controller'

const root = join(import.meta.dirname, '..', '..')
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50)

/** Runs the writer until it has reported at least `minimum` commits, then kills it after a random delay. */
function writeThenKill(dbPath: string, seed: number): Promise<string[]> {
  return runThenKill([join(root, 'tests/helpers/crash-writer.ts'), dbPath], seed)
}

/** Runs a child script until it has reported one result, then kills it at a pseudo-random moment (from `seed`) within `spread` ms. */
function runThenKill(args: string[], seed: number, env: Record<string, string> = {}, spread = 120): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
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
        const delay = (seed * 7919) % spread
        setTimeout(() => child.kill('SIGKILL'), delay)
      }
    })
    child.stderr.on('data', (d) => (stderr += String(d)))
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child exited on its own (${signal}): ${stderr}`))
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

/** What a damaged, half-written or missing file would show: opened read-only, as anyone could. */
function readState(dbPath: string): { check: string; clients: string[]; orphans: unknown[] } {
  const db = new Sqlite(dbPath, { readonly: true })
  try {
    return {
      check: String(db.pragma('quick_check', { simple: true })),
      clients: (db.prepare('SELECT name FROM client ORDER BY name').all() as { name: string }[]).map((c) => c.name),
      orphans: db.pragma('foreign_key_check') as unknown[]
    }
  } finally {
    db.close()
  }
}

describe('the safety net under SIGKILL', () => {
  const OPERATION_ROUNDS = Number(process.env.CRASH_OPERATION_ROUNDS ?? ROUNDS)

  /** A database with client Alpha (backup A), then Beta too (backup B), closed cleanly. */
  async function twoBackups(dir: string): Promise<{ a: string; b: string }> {
    const c = createAppController({
      databasePath: join(dir, 'stagecraft.db'),
      deps: { ...fixedDeps(), now: () => new Date() },
      appVersion: 't',
      trustedOrigin: 'app://stagecraft'
    })
    expect(await c.start()).toBe('ready')
    const call = (channel: string, payload: unknown = {}) => c.dispatch(channel, payload, TRUSTED)
    await valueOf(call('clients:create', { name: 'Alpha', notes: 'a'.repeat(5000) }))
    const a = (await valueOf<{ fileName: string }>(call('backups:create'))).fileName
    await valueOf(call('clients:create', { name: 'Beta', notes: 'b'.repeat(5000) }))
    const b = (await valueOf<{ fileName: string }>(call('backups:create'))).fileName
    await c.close()
    return { a, b }
  }

  it.each(['backup', 'restore', 'import'] as const)(
    `%s: ${OPERATION_ROUNDS} kills at random moments lose nothing that was acknowledged, and leave no half-made file`,
    async (op) => {
      const { dir, cleanup } = tempDir(`stagecraft-crash-${op}-`)
      const dbPath = join(dir, 'stagecraft.db')
      try {
        const { a, b } = await twoBackups(dir)
        const intake = readFileSync(join(root, 'tests/fixtures/intake/api-startup.json'), 'utf8')
        const acknowledged: string[] = []
        for (let round = 1; round <= OPERATION_ROUNDS; round++) {
          const said = await runThenKill(
            [join(root, 'tests/helpers/crash-operation.ts'), op, dir],
            round,
            { CRASH_INTAKE: intake, CRASH_RESTORE: `${a},${b}` },
            150
          )
          acknowledged.push(...said)
          // The app's own start-up checks pass first (they finish what the crash interrupted, as SQLite does on any open).
          expect(checkDatabaseFile(dbPath, migrations.length), `round ${round}`).toMatchObject({ ok: true })
          const state = readState(dbPath)
          expect(state.check, `round ${round}`).toBe('ok')
          expect(state.orphans, `round ${round}`).toEqual([])
          // Every backup that is listed opens and passes its checks: none is half-written.
          for (const backup of listBackups(join(dir, 'backups'))) expect(verifyBackupFile(backup.path).ok, `round ${round}: ${backup.fileName}`).toBe(true)
          if (op === 'backup') {
            // The newest acknowledged backup is there (retention keeps the newest ten).
            expect(existsSync(join(dir, 'backups', acknowledged.at(-1)!)), `round ${round}`).toBe(true)
          } else if (op === 'restore') {
            // The data is one backup or the other, whole: never a mix, never missing.
            expect([['Alpha'], ['Alpha', 'Beta']], `round ${round}: ${state.clients.join(', ')}`).toContainEqual(state.clients)
            for (const kept of [a, b]) expect(existsSync(join(dir, 'backups', kept)), `round ${round}: ${kept} pruned`).toBe(true)
          } else {
            const lost = acknowledged.filter((name) => !state.clients.includes(name))
            expect(lost, `round ${round}: acknowledged imports missing`).toEqual([])
          }
        }
        expect(acknowledged.length).toBeGreaterThanOrEqual(OPERATION_ROUNDS)
        // And the app opens the data after the last kill, as it would on the next start.
        const c = createAppController({
          databasePath: dbPath,
          deps: { ...fixedDeps(), now: () => new Date() },
          appVersion: 't',
          trustedOrigin: 'app://stagecraft'
        })
        expect(await c.start()).toBe('ready')
        await c.close()
      } finally {
        cleanup()
      }
    },
    900_000
  )
})
