/**
 * Start-up against the large seed. The app opens the way the desktop app does: the header
 * checks and the migration check before the first screen, quick_check and
 * foreign_key_check on a worker thread right after (writes wait for them). Reported: the
 * time until the data is open and serving reads, the time until the checks are done too,
 * and every check run first (the order the app falls back to when migrations are pending),
 * beside the floor: opening the file and one query, no checks.
 */
import Sqlite from 'better-sqlite3'
import { createAppController, type AppController } from '../electron/app-controller'
import { systemDeps } from '../db/deps'
import { summarise, time, type Timing } from './stats'

export interface OpenBench {
  /** Until the data is open and reads are served (the first screen can show). */
  ready: Timing
  /** Until the deferred content checks have passed as well. */
  checked: Timing
  /** Every check before opening. */
  allFirst: Timing
  floor: Timing
}

async function open(path: string, defer: boolean): Promise<AppController> {
  const c = createAppController({ databasePath: path, deps: systemDeps, appVersion: 'bench', trustedOrigin: 'app://stagecraft', deferContentChecks: defer })
  if ((await c.start()) !== 'ready') throw new Error('the benchmark database is not healthy')
  return c
}

async function shut(c: AppController): Promise<void> {
  await c.checksDone()
  if (c.recovery) throw new Error('the benchmark database failed its checks')
  await c.backend!.close()
}

export async function benchOpen(path: string, opts: { runs: number; warmup: number }): Promise<OpenBench> {
  // Until ready: timed up to the first screen; waiting for the checks and closing are not.
  const samples: number[] = []
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const start = performance.now()
    const c = await open(path, true)
    if (i >= opts.warmup) samples.push(performance.now() - start)
    await shut(c)
  }
  const checked = await time(async () => shut(await open(path, true)), opts)
  const allFirst = await time(async () => shut(await open(path, false)), opts)
  const floor = await time(() => {
    const db = new Sqlite(path, { readonly: true })
    db.prepare('SELECT count(*) FROM client').get()
    db.close()
  }, opts)
  return { ready: summarise(samples), checked, allFirst, floor }
}
