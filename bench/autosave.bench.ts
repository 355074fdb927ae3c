/**
 * Answer autosave as the workshop does it: the dispatcher (sender check, zod validation,
 * the handler's upsert) against its floor, the same upsert as a raw better-sqlite3 prepared
 * statement on the same file with the same pragmas (WAL, synchronous=FULL) on a real disk.
 */
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { startBackend } from '../electron/backend'
import { systemDeps } from '../db/deps'
import { applyConnectionPragmas } from '../db/connection'
import { time, type Timing } from './stats'

export async function benchAutosave(dir: string, opts: { runs: number; warmup: number }): Promise<{ dispatcher: Timing; floor: Timing }> {
  const path = join(dir, 'autosave.db')
  const backend = await startBackend({ databasePath: path, deps: systemDeps, appVersion: 'bench', trustedOrigin: 'app://stagecraft' })
  const sender = { url: 'app://stagecraft/index.html', isMainFrame: true }
  const client = (await backend.dispatch('clients:create', { name: 'Bench' }, sender)) as { ok: true; value: { id: string } }
  const engagement = (await backend.dispatch(
    'engagements:create',
    { clientId: client.value.id, title: 'E', consultant: 'C', currency: 'EUR', dayRate: 1000 },
    sender
  )) as { ok: true; value: { id: string } }
  const assessment = (await backend.dispatch('assessments:create', { engagementId: engagement.value.id }, sender)) as {
    ok: true
    value: { id: string }
  }
  const assessmentId = assessment.value.id
  let n = 0
  const dispatcher = await time(async () => {
    n += 1
    const r = await backend.dispatch('assessments:set-note', { assessmentId, questionId: 'stage', kind: 'note', text: `typed ${n}` }, sender)
    if (!r.ok) throw new Error('autosave failed')
  }, opts)
  await backend.close()

  const raw = new Sqlite(path)
  applyConnectionPragmas(raw)
  const upsert = raw.prepare(
    `INSERT INTO assessment_answer (assessment_id, question_id, value, note, private_note, updated_at)
     VALUES (?, ?, NULL, ?, NULL, ?)
     ON CONFLICT (assessment_id, question_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`
  )
  const floor = await time(() => {
    n += 1
    upsert.run(assessmentId, 'stage', `typed ${n}`, new Date().toISOString())
  }, opts)
  raw.close()
  return { dispatcher, floor }
}
