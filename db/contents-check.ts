/**
 * The slow start-up checks (quick_check and foreign_key_check read every page: ~300 ms for
 * a 200 MB database) on a worker thread, so the first screen does not wait for them. The
 * worker opens its own read-only connection; WAL lets it read beside the app's connection.
 *
 * The worker's code is a short CommonJS script given as text (no separate bundle entry to
 * keep in step between the app, the CLI and the tests), and it loads the same
 * better-sqlite3 the app uses, by absolute path. If a worker cannot be started or fails for
 * any reason other than what the checks found, the checks run here instead: slower, never
 * skipped.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { checkDatabaseContents, contentsVerdict, type FileVerdict } from './health'

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqlitePath)
let db
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true })
  const quick = String(db.pragma('quick_check', { simple: true }))
  const orphans = quick === 'ok' ? db.pragma('foreign_key_check').length : 0
  parentPort.postMessage({ quick, orphans })
} catch (error) {
  parentPort.postMessage({ failed: String((error && error.message) || error) })
} finally {
  if (db) db.close()
}
`

type WorkerAnswer = { quick: string; orphans: number } | { failed: string }

let sqlitePath: string | null = null
function betterSqlitePath(): string {
  sqlitePath ??= createRequire(import.meta.url).resolve('better-sqlite3')
  return sqlitePath
}

/** Runs quick_check and foreign_key_check on a worker thread; falls back to this thread. */
export function checkDatabaseContentsInWorker(path: string, schemaVersion: number): Promise<FileVerdict> {
  return new Promise<FileVerdict>((resolve) => {
    let settled = false
    const settle = (verdict: FileVerdict) => {
      if (settled) return
      settled = true
      resolve(verdict)
    }
    const here = () => settle(checkDatabaseContents(path, schemaVersion))
    let worker: Worker
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, sqlitePath: betterSqlitePath() } })
    } catch {
      here()
      return
    }
    worker.once('message', (answer: WorkerAnswer) => {
      if ('failed' in answer) {
        // Opening or reading failed in the worker: decide here, where the same failure
        // (a damaged file) gets the same verdict as without a worker.
        here()
      } else {
        settle(contentsVerdict(answer.quick, answer.orphans, schemaVersion))
      }
    })
    worker.once('error', here)
    worker.once('exit', () => here())
  })
}
