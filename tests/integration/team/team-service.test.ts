import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTeamService } from '../../../app/team.service'
import { memorySecrets } from '../../helpers/secrets'
import { openDatabase, type DatabaseHandle } from '../../../db/connection'
import { updateEngagement } from '../../../db/repositories/engagement.repository'
import { insertTimeEntry } from '../../../db/repositories/tracking.repository'
import Sqlite from 'better-sqlite3'
import { addUser } from '../../../server/auth'
import { addMember, removeMember } from '../../../server/sync'
import { serverRowCount } from '../../helpers/postgres'
import { startTeam, teamDeps, type Laptop, type Team } from '../../helpers/team'
import { tempDir } from '../../helpers/temp'
import { startBackend } from '../../../electron/backend'
import { callAs, TEST_ORIGIN, valueOf } from '../../helpers/backend'
import { openEngagement } from '../../helpers/team'

let team: Team
const tmp = tempDir('stagecraft-join-')
const handles: DatabaseHandle[] = []
beforeAll(async () => {
  team = await startTeam()
}, 60_000)
afterAll(async () => {
  for (const h of handles) await h.close()
  await team?.close()
  tmp.cleanup()
})

async function soloLaptop(name: string) {
  const path = join(tmp.dir, name, 'stagecraft.db')
  const handle = await openDatabase(path, { now: () => new Date() })
  handles.push(handle)
  return { handle, path, laptop: { handle, person: { user: { name } } } as unknown as Laptop }
}

describe('joining a team from Settings', () => {
  it('stays solo and untouched without a sign-in, and refuses to sign in where no keychain keeps the token', async () => {
    const { handle, path } = await soloLaptop('solo')
    const secrets = memorySecrets(false)
    const service = createTeamService({ db: handle.db, sqlite: handle.sqlite, deps: teamDeps(), databasePath: path, secrets })
    expect(await service.status()).toEqual({ mode: 'solo' })
    expect(await service.conflicts()).toEqual([])
    await expect(service.signIn({ serverUrl: team.url, email: 'x@example.com', code: 'abcdefgh' })).rejects.toThrow(/keychain/)
    expect(handle.sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name LIKE 'sync_%'").get()).toEqual({ n: 0 })
  })

  it('refuses a wrong code with a clear message and changes nothing', async () => {
    const { handle, path } = await soloLaptop('wrong-code')
    await addUser(team.db, { email: 'mo@example.com', name: 'Mo', role: 'consultant' })
    const service = createTeamService({ db: handle.db, sqlite: handle.sqlite, deps: teamDeps(), databasePath: path, secrets: memorySecrets() })
    await expect(
      service.signIn({ serverUrl: team.url, email: 'mo@example.com', code: '00000000-0000-4000-8000-000000000000.wrongwrongwrong' })
    ).rejects.toThrow(/do not match/)
    expect(await service.status()).toEqual({ mode: 'solo' })
    expect(existsSync(join(tmp.dir, 'wrong-code', 'backups'))).toBe(false)
  })

  it('backs up, uploads every existing engagement as the consultant’s, and resumes when the connection drops midway', async () => {
    const { handle, path, laptop } = await soloLaptop('joining')
    const deps = teamDeps()
    const { engagement } = await openEngagement(laptop, deps, { client: 'Initech', title: 'Data platform' })
    await updateEngagement(handle.db, deps, engagement.id, { status: 'proposal' })
    // Enough rows for more than one batch of 500.
    for (let i = 0; i < 700; i++)
      await insertTimeEntry(handle.db, deps, { engagementId: engagement.id, itemId: null, date: '2026-03-02', days: 0.25, note: `entry ${i}` })
    const { code } = await addUser(team.db, { email: 'nia@example.com', name: 'Nia', role: 'consultant' })

    // The connection drops during the second batch: the server applies it, the answer is
    // lost, and the transport's one retry fails too.
    let pushes = 0
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/v1/push')) {
        pushes++
        if (pushes === 2) {
          await fetch(input, init)
          throw new TypeError('fetch failed')
        }
        if (pushes === 3) throw new TypeError('fetch failed')
      }
      return fetch(input, init)
    }
    const secrets = memorySecrets()
    const service = createTeamService({ db: handle.db, sqlite: handle.sqlite, deps, databasePath: path, secrets, fetch: flaky })
    const first = await service.signIn({ serverUrl: team.url, email: 'nia@example.com', code })
    expect(first).toMatchObject({ mode: 'team', state: 'offline', user: { name: 'Nia', role: 'consultant' } })
    expect(first.mode === 'team' && first.pending).toBeGreaterThan(0)
    expect(secrets.value).toMatch(/^[0-9a-f-]{36}\./)
    expect(readdirSync(join(tmp.dir, 'joining', 'backups')).some((f) => f.endsWith('-pre-team.db'))).toBe(true)

    const second = await service.syncNow()
    expect(second).toMatchObject({ mode: 'team', state: 'synced', pending: 0, message: null })
    const count = (tbl: string) => serverRowCount(team.db, tbl, engagement.id)
    expect(await count('time_entry')).toBe(700)
    expect(await count('engagement')).toBe(1)
    expect(await count('engagement_status_change')).toBe(
      (handle.sqlite.prepare('SELECT count(*) AS n FROM engagement_status_change WHERE engagement_id = ?').get(engagement.id) as { n: number }).n
    )
    const membership = await team.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('email')
      .where('engagement_id', '=', engagement.id)
      .execute()
    expect(membership).toEqual([{ email: 'nia@example.com' }])

    // Signing out forgets the token here and on the server; the data stays.
    expect(await service.signOut()).toEqual({ mode: 'solo' })
    expect(secrets.value).toBeNull()
    expect(handle.sqlite.prepare('SELECT count(*) AS n FROM time_entry').get()).toEqual({ n: 700 })
    const devices = await team.db
      .selectFrom('device')
      .innerJoin('app_user', 'app_user.id', 'device.user_id')
      .select('revoked_at')
      .where('email', '=', 'nia@example.com')
      .execute()
    expect(devices.every((d) => d.revoked_at !== null)).toBe(true)
  })

  it('shows a guarded disagreement in both inboxes in words, and settles it for everyone', async () => {
    const a = await soloLaptop('inbox-a')
    const b = await soloLaptop('inbox-b')
    const deps = teamDeps()
    const codeA = (await addUser(team.db, { email: 'ola@example.com', name: 'Ola', role: 'partner' })).code
    const codeB = (await addUser(team.db, { email: 'pim@example.com', name: 'Pim', role: 'partner' })).code
    const { engagement } = await openEngagement(a.laptop, deps, { client: 'Umbrella', title: 'MLOps rollout', dayRate: 1000 })
    const sa = createTeamService({ db: a.handle.db, sqlite: a.handle.sqlite, deps, databasePath: a.path, secrets: memorySecrets() })
    const sb = createTeamService({ db: b.handle.db, sqlite: b.handle.sqlite, deps, databasePath: b.path, secrets: memorySecrets() })
    await sa.signIn({ serverUrl: team.url, email: 'ola@example.com', code: codeA })
    await sb.signIn({ serverUrl: team.url, email: 'pim@example.com', code: codeB })

    await updateEngagement(a.handle.db, deps, engagement.id, { dayRate: 1300 })
    await updateEngagement(b.handle.db, deps, engagement.id, { dayRate: 800 })
    await sa.syncNow()
    expect(await sb.syncNow()).toMatchObject({ state: 'attention', openConflicts: 1 })
    expect(await sa.syncNow()).toMatchObject({ state: 'attention', openConflicts: 1 })
    const [c] = await sb.conflicts()
    expect(c).toMatchObject({
      subject: 'Day rate — MLOps rollout (Umbrella)',
      current: { value: 1300, display: '1,300 EUR a day', by: 'Ola' },
      proposed: { value: 800, display: '800 EUR a day', by: 'Pim' },
      status: 'open'
    })
    expect(await sb.resolve(c!.id, 'current')).toMatchObject({ openConflicts: 0 })
    await expect(sb.resolve(c!.id, 'proposed')).rejects.toThrow(/already settled/)
    expect(await sa.syncNow()).toMatchObject({ state: 'synced', openConflicts: 0 })
    expect((await sa.conflicts())[0]).toMatchObject({ status: 'resolved', resolvedBy: 'Pim', resolvedDisplay: '1,300 EUR a day' })
    for (const h of [a.handle, b.handle])
      expect(h.sqlite.prepare('SELECT day_rate FROM engagement WHERE id = ?').get(engagement.id)).toEqual({ day_rate: 1300 })
  })

  it('keeps what leaves with a removed engagement in a backup, says so once, and lets the consultant dismiss the notice', async () => {
    const deps = teamDeps()
    const partner = await team.laptop(await team.person('val@example.com', 'Val', 'partner'))
    const { engagement } = await openEngagement(partner, deps, { client: 'Globex', title: 'Shared then taken back' })
    await partner.engine.syncOnce()
    const { code } = await addUser(team.db, { email: 'cy@example.com', name: 'Cy', role: 'consultant' })
    await addMember(team.db, 'cy@example.com', engagement.id)
    const cy = await soloLaptop('leaving')
    const service = createTeamService({ db: cy.handle.db, sqlite: cy.handle.sqlite, deps, databasePath: cy.path, secrets: memorySecrets() })
    expect(await service.signIn({ serverUrl: team.url, email: 'cy@example.com', code })).toMatchObject({ state: 'synced', notices: [] })
    const backups = () => readdirSync(join(tmp.dir, 'leaving', 'backups')).filter((f) => f.endsWith('-pre-leave.db'))
    expect(backups()).toEqual([])

    // Taken off the engagement while a day logged offline was still unsent.
    await removeMember(team.db, 'cy@example.com', engagement.id)
    await insertTimeEntry(cy.handle.db, deps, { engagementId: engagement.id, itemId: null, date: '2026-03-03', days: 1, note: 'Workshop day, logged offline' })
    const after = await service.syncNow()
    if (after.mode !== 'team') throw new Error('expected team mode')
    expect(after.state).toBe('attention')
    expect(after.notices).toHaveLength(1)
    expect(after.notices[0]!.message).toBe(
      'The team took you off “Shared then taken back”, the engagement with Globex, so it has left this computer. 1 change you made to it had not reached the team and was not taken. The backup “Before leaving an engagement” in Backups holds it as it was here.'
    )
    // The refusal is explained by the notice, not reported again as a problem.
    expect(after.message).toBe(after.notices[0]!.message)
    expect(cy.handle.sqlite.prepare('SELECT count(*) AS n FROM engagement WHERE id = ?').get(engagement.id)).toEqual({ n: 0 })
    expect(after.pending).toBe(0)
    // The backup taken just before holds the engagement and the unsent day.
    expect(backups()).toHaveLength(1)
    const copy = new Sqlite(join(tmp.dir, 'leaving', 'backups', backups()[0]!), { readonly: true })
    try {
      expect(copy.prepare('SELECT note FROM time_entry WHERE engagement_id = ?').all(engagement.id)).toEqual([{ note: 'Workshop day, logged offline' }])
    } finally {
      copy.close()
    }
    // The notice stays through later syncs until dismissed.
    expect(await service.syncNow()).toMatchObject({ state: 'attention' })
    expect(backups()).toHaveLength(1)
    expect(await service.dismissNotice(after.notices[0]!.id)).toMatchObject({ state: 'synced', notices: [], message: null })
  })

  it('runs “Sync now” again after a sync already under way, so a change made meanwhile is sent', async () => {
    const deps = teamDeps()
    const { code } = await addUser(team.db, { email: 'dee@example.com', name: 'Dee', role: 'consultant' })
    const dee = await soloLaptop('sync-twice')
    const { engagement } = await openEngagement(dee.laptop, deps, { client: 'Cyberdyne', title: 'Two syncs' })
    // The first push waits until the test lets it go.
    let release!: () => void
    let pushing!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const started = new Promise<void>((r) => (pushing = r))
    let pushes = 0
    const gated: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/v1/push') && ++pushes === 1) {
        pushing()
        await gate
      }
      return fetch(input, init)
    }
    const service = createTeamService({ db: dee.handle.db, sqlite: dee.handle.sqlite, deps, databasePath: dee.path, secrets: memorySecrets(), fetch: gated })
    const first = service.signIn({ serverUrl: team.url, email: 'dee@example.com', code })
    await started
    await insertTimeEntry(dee.handle.db, deps, { engagementId: engagement.id, itemId: null, date: '2026-03-04', days: 1, note: 'made while syncing' })
    const second = service.syncNow()
    release()
    await first
    expect(await second).toMatchObject({ state: 'synced', pending: 0 })
    expect(await serverRowCount(team.db, 'time_entry', engagement.id)).toBe(1)
  })

  it('syncs in the background through the real backend, so a colleague’s new engagement appears without a click', async () => {
    const { code } = await addUser(team.db, { email: 'yan@example.com', name: 'Yan', role: 'partner' })
    const tmpBackend = tempDir('stagecraft-bg-')
    const backend = await startBackend({
      databasePath: join(tmpBackend.dir, 'stagecraft.db'),
      deps: teamDeps(),
      appVersion: '0.0.0-test',
      trustedOrigin: TEST_ORIGIN,
      secrets: memorySecrets(),
      syncEveryMs: 200,
      onUnexpectedError: (channel, error) => console.error(`[${channel}]`, error)
    })
    try {
      expect(await valueOf(callAs(backend, 'team:status', {}))).toEqual({ mode: 'solo' })
      await valueOf(callAs(backend, 'team:sign-in', { serverUrl: team.url, email: 'yan@example.com', code }))
      const zed = await team.person('zed@example.com', 'Zed', 'partner')
      const other = await team.laptop(zed)
      const { engagement } = await openEngagement(other, teamDeps(), { client: 'Hooli', title: 'Arrived in the background' })
      await other.engine.syncOnce()
      const seen = () => backend.database.sqlite.prepare('SELECT title FROM engagement WHERE id = ?').get(engagement.id)
      const deadline = Date.now() + 15_000
      while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      expect(seen()).toEqual({ title: 'Arrived in the background' })
      expect(await valueOf(callAs(backend, 'team:status', {}))).toMatchObject({ mode: 'team', state: 'synced' })
    } finally {
      await backend.close()
      tmpBackend.cleanup()
    }
  })
})
