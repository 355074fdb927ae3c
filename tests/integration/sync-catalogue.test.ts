import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { openDatabase } from '../../db/connection'
import { installTeamSync, teamSyncInstalled } from '../../app/sync/local-schema'
import { SYNC_TABLES } from '../../shared/domain/sync/catalogue'
import { tempDir } from '../helpers/temp'

describe('the sync catalogue against the app schema', () => {
  it('names only real columns, keys that are the tables’ own keys, and guarded fields and groups it shares', async () => {
    const tmp = tempDir()
    const handle = await openDatabase(join(tmp.dir, 'a.db'), { now: () => new Date() })
    try {
      for (const t of SYNC_TABLES) {
        const columns = (handle.sqlite.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string; pk: number }[]).map((c) => c.name)
        for (const c of [...t.key, ...t.fields]) expect(columns, `${t.name}.${c}`).toContain(c)
        for (const g of [...t.guarded, ...t.groups.flat(), ...t.bytes]) expect(t.fields, `${t.name}.${g}`).toContain(g)
        expect(
          t.fields.some((f) => t.key.includes(f)),
          t.name
        ).toBe(false)
      }
      // The figures the app derives from other rows are never shared; each laptop recomputes them.
      const engagement = SYNC_TABLES.find((t) => t.name === 'engagement')!
      for (const derived of ['logged_days', 'progress', 'planned_days', 'slip_days', 'plan_dirty', 'signed_at'])
        expect(engagement.fields).not.toContain(derived)
    } finally {
      await handle.close()
      tmp.cleanup()
    }
  })

  it('leaves a database without a team exactly as it was, and captures every shared write once a team is joined', async () => {
    const tmp = tempDir()
    const handle = await openDatabase(join(tmp.dir, 'a.db'), { now: () => new Date() })
    try {
      const names = () =>
        (handle.sqlite.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'sync_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
      expect(names()).toEqual([])
      expect(teamSyncInstalled(handle.sqlite)).toBe(false)
      installTeamSync(handle.sqlite, 'device-a')
      installTeamSync(handle.sqlite, 'device-a')
      expect(teamSyncInstalled(handle.sqlite)).toBe(true)
      // A write from a plain connection (no app functions registered) is captured too.
      handle.sqlite.exec(`INSERT INTO client (id, name, created_at, updated_at) VALUES ('c1', 'Acme', 'x', 'x')`)
      handle.sqlite.exec(`UPDATE client SET name = 'Acme Ltd' WHERE id = 'c1'`)
      handle.sqlite.exec(`UPDATE client SET name = 'Acme Ltd' WHERE id = 'c1'`)
      handle.sqlite.exec(`DELETE FROM client WHERE id = 'c1'`)
      const ops = handle.sqlite.prepare('SELECT action, fields FROM sync_outbox ORDER BY seq').all() as { action: string; fields: string }[]
      expect(ops.map((o) => o.action)).toEqual(['upsert', 'upsert', 'delete'])
      expect(JSON.parse(ops[1]!.fields)).toEqual({ name: 'Acme Ltd' })
    } finally {
      await handle.close()
      tmp.cleanup()
    }
  })
})
