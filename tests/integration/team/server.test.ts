import { Writable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpTransport } from '../../../app/sync/http-transport'
import { updateEngagement } from '../../../db/repositories/engagement.repository'
import { insertTimeEntry } from '../../../db/repositories/tracking.repository'
import { buildServer } from '../../../server/app'
import { addUser, revokeDevices } from '../../../server/auth'
import { connect } from '../../../server/db'
import { migrate, NewerSchemaError, SERVER_MIGRATIONS } from '../../../server/migrations'
import { addMember, removeMember } from '../../../server/sync'
import { formatStamp } from '../../../shared/domain/sync/hlc'
import { freshDatabase, serverRowCount } from '../../helpers/postgres'
import { openEngagement, startTeam, teamDeps, type Team } from '../../helpers/team'

const deps = teamDeps()
const opId = () => randomBytes(16).toString('hex')

describe('the server schema', () => {
  it('migrates in one transaction, is idempotent, and refuses a newer schema without touching it', async () => {
    const pg = await freshDatabase()
    const db = connect(pg.url, 2)
    try {
      expect(await migrate(db)).toEqual({ from: 0, to: SERVER_MIGRATIONS.length })
      expect(await migrate(db)).toEqual({ from: SERVER_MIGRATIONS.length, to: SERVER_MIGRATIONS.length })

      // A failing step leaves nothing behind: neither its tables nor the version bump.
      const broken = [...SERVER_MIGRATIONS, { name: '0002-broken', sql: 'CREATE TABLE half_done (id int); SELECT 1 / 0;' }]
      await expect(migrate(db, broken)).rejects.toThrow(/division by zero/)
      const half = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`.execute(db)
      expect(half.rows[0]!.n).toBe(0)
      expect((await db.selectFrom('stagecraft_schema').select('version').executeTakeFirstOrThrow()).version).toBe(SERVER_MIGRATIONS.length)

      await db.updateTable('stagecraft_schema').set({ version: 99 }).execute()
      await expect(migrate(db)).rejects.toBeInstanceOf(NewerSchemaError)
      expect((await db.selectFrom('stagecraft_schema').select('version').executeTakeFirstOrThrow()).version).toBe(99)
    } finally {
      await db.destroy()
      await pg.drop()
    }
  })

  it('answers /health and logs each request as a JSON line', async () => {
    const pg = await freshDatabase()
    const db = connect(pg.url, 2)
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean))
        done()
      }
    })
    const app = buildServer({ db, logger: { level: 'info', stream } })
    try {
      await migrate(db)
      const health = await app.inject({ method: 'GET', url: '/health' })
      expect(health.statusCode).toBe(200)
      expect(health.json()).toEqual({ ok: true, schema: SERVER_MIGRATIONS.length })
      const refused = await app.inject({ method: 'GET', url: '/v1/changes' })
      expect(refused.statusCode).toBe(401)
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: expect.any(Number), msg: expect.any(String) })
      expect(lines.some((l) => JSON.parse(l).res?.statusCode === 401)).toBe(true)
    } finally {
      await app.close()
      await db.destroy()
      await pg.drop()
    }
  })
})

describe('identity and access', () => {
  let team: Team
  beforeAll(async () => {
    team = await startTeam()
  }, 60_000)
  afterAll(async () => {
    await team?.close()
  })

  it('signs a device in once with a one-time code and stores only hashes', async () => {
    const { code } = await addUser(team.db, { email: 'Fay@Example.com', name: 'Fay', role: 'consultant' })
    const post = (body: unknown) =>
      fetch(`${team.url}/v1/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect((await post({ email: 'fay@example.com', code: code.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), device: 'Laptop' })).status).toBe(401)
    expect((await post({ email: 'someone@example.com', code, device: 'Laptop' })).status).toBe(401)
    expect((await post({ email: 'fay', code, device: 'Laptop' })).status).toBe(400)
    const ok = await post({ email: 'fay@example.com', code, device: 'Laptop' })
    expect(ok.status).toBe(200)
    const { token } = (await ok.json()) as { token: string }
    // The code is spent.
    expect((await post({ email: 'fay@example.com', code, device: 'Other' })).status).toBe(401)
    const me = await fetch(`${team.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(await me.json()).toMatchObject({ name: 'Fay', role: 'consultant' })
    const stored = await team.db.selectFrom('device').select('token_hash').execute()
    for (const d of stored) {
      expect(d.token_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
      expect(d.token_hash).not.toContain(token.split('.')[1])
    }
    const codes = await team.db.selectFrom('sign_in_code').select('hash').execute()
    for (const c of codes) expect(c.hash).not.toContain(code.split('.')[1])
  })

  it('refuses a revoked device on its very next request, and a signed-out one', async () => {
    const gus = await team.person('gus@example.com', 'Gus', 'consultant')
    const laptop = await team.laptop(gus)
    await laptop.engine.syncOnce()
    await revokeDevices(team.db, 'gus@example.com')
    await expect(laptop.engine.syncOnce()).rejects.toMatchObject({ kind: 'signed-out' })

    const hal = await team.person('hal@example.com', 'Hal', 'consultant')
    const out = await fetch(`${team.url}/v1/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${hal.token}` } })
    expect(out.status).toBe(200)
    expect((await fetch(`${team.url}/v1/me`, { headers: { authorization: `Bearer ${hal.token}` } })).status).toBe(401)
  })

  it('gives a consultant nothing of an engagement they are not a member of, by pull or by push', async () => {
    const ivy = await team.person('ivy@example.com', 'Ivy', 'consultant')
    const jon = await team.person('jon@example.com', 'Jon', 'consultant')
    const pat = await team.person('pat@example.com', 'Pat', 'partner')
    const a = await team.laptop(ivy)
    const { engagement: e } = await openEngagement(a, deps, { client: 'Secret Co', title: 'Confidential', dayRate: 1000, status: 'lead' })
    await insertTimeEntry(a.handle.db, deps, { engagementId: e.id, itemId: null, date: '2026-03-02', days: 1, note: null })
    expect((await a.engine.syncOnce()).refused).toEqual([])

    // Pull: Jon sees nothing of it; the partner sees all of it.
    const b = await team.laptop(jon)
    await b.engine.syncOnce()
    expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM engagement').get()).toEqual({ n: 0 })
    expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM client').get()).toEqual({ n: 0 })
    expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM time_entry').get()).toEqual({ n: 0 })
    const p = await team.laptop(pat)
    await p.engine.syncOnce()
    expect(p.handle.sqlite.prepare('SELECT title FROM engagement WHERE id = ?').get(e.id)).toEqual({ title: 'Confidential' })

    // Push: Jon's hand-made changes to it are refused and change nothing.
    const jonHttp = httpTransport({ serverUrl: team.url, token: jon.token })
    const stamp = formatStamp(Date.now(), 0, jon.deviceId)
    const results = await jonHttp.push([
      { opId: opId(), action: 'upsert', table: 'engagement', key: [e.id], fields: { title: 'Taken over' }, base: {}, stamp },
      {
        opId: opId(),
        action: 'upsert',
        table: 'time_entry',
        key: [crypto.randomUUID()],
        fields: { engagement_id: e.id, date: '2026-03-03', days: 1, item_id: null, note: null, created_at: '2026-03-03' },
        base: {},
        stamp
      },
      { opId: opId(), action: 'delete', table: 'engagement', key: [e.id], fields: {}, base: {}, stamp }
    ])
    expect(results.map((r) => r.status)).toEqual(['refused', 'refused', 'refused'])
    const row = await team.db
      .selectFrom('sync_row')
      .select(['fields', 'deleted'])
      .where('tbl', '=', 'engagement')
      .where('row_key', '=', JSON.stringify([e.id]))
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ deleted: false, fields: expect.objectContaining({ title: 'Confidential' }) })

    // A change stamped as another device's is refused too.
    const forged = await httpTransport({ serverUrl: team.url, token: ivy.token }).push([
      { opId: opId(), action: 'upsert', table: 'engagement', key: [e.id], fields: { title: 'Forged' }, base: {}, stamp }
    ])
    expect(forged[0]!.status).toBe('refused')

    // Once Jon is a member, his next pull brings the engagement's history with it.
    await addMember(team.db, 'jon@example.com', e.id)
    await b.engine.syncOnce()
    expect(b.handle.sqlite.prepare('SELECT title FROM engagement WHERE id = ?').get(e.id)).toEqual({ title: 'Confidential' })
    expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM time_entry WHERE engagement_id = ?').get(e.id)).toEqual({ n: 1 })
    // And the change log says who did what.
    const log = await team.db
      .selectFrom('change_log')
      .select(['user_id', 'action', 'tbl'])
      .where('row_key', '=', JSON.stringify([e.id]))
      .execute()
    expect(log).toContainEqual({ user_id: ivy.user.id, action: 'insert', tbl: 'engagement' })
  })

  it('takes an engagement off a removed member’s laptop at their next sync, refuses their changes to it, and brings it back when re-added', async () => {
    const ada = await team.person('ada@example.com', 'Ada', 'partner')
    const bo = await team.person('bo@example.com', 'Bo', 'consultant')
    const p = await team.laptop(ada)
    const { engagement: e } = await openEngagement(p, deps, { client: 'Wayne', title: 'Shared for a while' })
    await insertTimeEntry(p.handle.db, deps, { engagementId: e.id, itemId: null, date: '2026-03-02', days: 1, note: null })
    await p.engine.syncOnce()
    await addMember(team.db, 'bo@example.com', e.id)
    const b = await team.laptop(bo)
    await b.engine.syncOnce()
    const has = (l: typeof b) => (l.handle.sqlite.prepare('SELECT count(*) AS n FROM engagement WHERE id = ?').get(e.id) as { n: number }).n
    expect(has(b)).toBe(1)

    expect(await removeMember(team.db, 'bo@example.com', e.id)).toBe(true)
    expect(await removeMember(team.db, 'bo@example.com', e.id)).toBe(false)
    await updateEngagement(b.handle.db, deps, e.id, { title: 'Changed after removal' })
    const report = await b.engine.syncOnce()
    expect(report.refused).toEqual([expect.objectContaining({ engagementId: e.id, reason: 'You are not a member of this engagement.' })])
    // The engine says what left, as it was named here, and how many changes never reached the team.
    expect(report.left).toEqual([{ engagementId: e.id, title: 'Changed after removal', client: 'Wayne', unsent: 1 }])
    expect(has(b)).toBe(0)
    expect(b.engine.pendingCount()).toBe(0)
    expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM time_entry WHERE engagement_id = ?').get(e.id)).toEqual({ n: 0 })
    // Nothing of that reached the server, and the partner's copy is whole.
    await p.engine.syncOnce()
    expect(p.handle.sqlite.prepare('SELECT title FROM engagement WHERE id = ?').get(e.id)).toEqual({ title: 'Shared for a while' })
    expect(p.handle.sqlite.prepare('SELECT count(*) AS n FROM time_entry WHERE engagement_id = ?').get(e.id)).toEqual({ n: 1 })

    await addMember(team.db, 'bo@example.com', e.id)
    await b.engine.syncOnce()
    expect(b.handle.sqlite.prepare('SELECT title FROM engagement WHERE id = ?').get(e.id)).toEqual({ title: 'Shared for a while' })
    expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM time_entry WHERE engagement_id = ?').get(e.id)).toEqual({ n: 1 })
  })

  it('makes an address or an email that keeps failing wait, without checking its codes or tokens, and lets it in again later', async () => {
    let clock = Date.parse('2026-12-04T09:00:00Z')
    const limited = buildServer({
      db: team.db,
      logger: false,
      now: () => clock,
      limits: {
        signInPerAddress: { limit: 10, windowMs: 15 * 60_000 },
        signInPerEmail: { limit: 3, windowMs: 15 * 60_000 },
        badTokenPerAddress: { limit: 4, windowMs: 60_000 }
      }
    })
    try {
      const { code } = await addUser(team.db, { email: 'guessed@example.com', name: 'Gus', role: 'consultant' })
      const signIn = (c: string, email = 'guessed@example.com') =>
        limited.inject({ method: 'POST', url: '/v1/sign-in', payload: { email, code: c, device: 'test' } })
      const wrong = `${code.split('.')[0]}.notTheSecretAtAllXXXXXX`
      for (let i = 0; i < 3; i++) expect((await signIn(wrong)).statusCode).toBe(401)
      // The fourth try waits, even with the right code, and says for how long.
      const waiting = await signIn(code)
      expect(waiting.statusCode).toBe(429)
      expect(waiting.headers['retry-after']).toBe('900')
      expect(waiting.json().message).toBe('Too many failed sign-ins. Try again in 15 minutes.')
      // The code was not spent by the refused try: once the window has passed it works.
      clock += 15 * 60_000 + 1
      expect((await signIn(code)).statusCode).toBe(200)

      // Bad tokens from one address: past the limit even a good token waits, then works again.
      const good = (await team.person('tok@example.com', 'Tok', 'consultant')).token
      const me = (token: string) => limited.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } })
      for (let i = 0; i < 4; i++) expect((await me(`${good.split('.')[0]}.wrongwrongwrongwrongwrong`)).statusCode).toBe(401)
      const blocked = await me(good)
      expect(blocked.statusCode).toBe(429)
      expect(blocked.json().message).toBe('Too many requests with a sign-in that is not valid came from this address. Try again in 1 minute.')
      clock += 60_001
      expect((await me(good)).statusCode).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('rejects a malformed push whole, changing nothing', async () => {
    const kim = await team.person('kim@example.com', 'Kim', 'partner')
    const before = await team.db
      .selectFrom('sync_row')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const r = await fetch(`${team.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ops: [{ opId: opId(), action: 'upsert', table: 'setting', key: ['x'], fields: {}, base: {}, stamp: 'now' }] })
    })
    expect(r.status).toBe(400)
    expect((await r.json()).message).toMatch(/ops\.0/)
    const after = await team.db
      .selectFrom('sync_row')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })
})

describe('a push cut off midway', () => {
  it('leaves nothing when the server dies before committing, and nothing twice when it is retried', async () => {
    let failNext = false
    const team = await startTeam({
      pushHooks: {
        beforeCommit: () => {
          if (failNext) {
            failNext = false
            throw new Error('server killed mid-push')
          }
        }
      }
    })
    try {
      const lea = await team.person('lea@example.com', 'Lea', 'partner')
      const a = await team.laptop(lea)
      const { engagement: e } = await openEngagement(a, deps, { client: 'Retry Ltd', title: 'T', dayRate: 900, status: 'lead' })
      for (let i = 0; i < 5; i++) await insertTimeEntry(a.handle.db, deps, { engagementId: e.id, itemId: null, date: '2026-03-02', days: 0.5, note: null })
      await updateEngagement(a.handle.db, deps, e.id, { status: 'proposal' })
      const pending = a.engine.pendingCount()

      failNext = true
      await expect(a.engine.syncOnce()).rejects.toMatchObject({ kind: 'server' })
      expect(await team.db.selectFrom('sync_row').select('tbl').execute()).toEqual([])
      expect(await team.db.selectFrom('sync_op').select('op_id').execute()).toEqual([])
      expect(a.engine.pendingCount()).toBe(pending)

      await a.engine.syncOnce()
      await a.engine.syncOnce()
      const count = (tbl: string) => serverRowCount(team.db, tbl)
      expect(await count('time_entry')).toBe(5)
      expect(await count('engagement_status_change')).toBe(
        (a.handle.sqlite.prepare('SELECT count(*) AS n FROM engagement_status_change WHERE engagement_id = ?').get(e.id) as { n: number }).n
      )
      expect(
        Number(
          (
            await team.db
              .selectFrom('sync_op')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n
        )
      ).toBe(pending)
      expect(a.engine.pendingCount()).toBe(0)
    } finally {
      await team.close()
    }
  })
})
