/** Start-up: the app's open (header, quick_check, foreign_key_check, migration check) against a bare open. */
import Sqlite from 'better-sqlite3'
import { createAppController } from '../electron/app-controller'
import { systemDeps } from '../db/deps'
import { time, type Timing } from './stats'

export async function benchOpen(path: string, opts: { runs: number; warmup: number }): Promise<{ app: Timing; floor: Timing }> {
  const app = await time(async () => {
    const c = createAppController({ databasePath: path, deps: systemDeps, appVersion: 'bench', trustedOrigin: 'app://stagecraft' })
    if ((await c.start()) !== 'ready') throw new Error('the benchmark database is not healthy')
    await c.backend!.close()
  }, opts)
  const floor = await time(() => {
    const db = new Sqlite(path, { readonly: true })
    db.prepare('SELECT count(*) FROM client').get()
    db.close()
  }, opts)
  return { app, floor }
}
