import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { createSyncEngine, type SyncEngine, type SyncTransport } from '../../app/sync/engine'
import { httpTransport, signInToTeam } from '../../app/sync/http-transport'
import { installTeamSync } from '../../app/sync/local-schema'
import { openDatabase, type DatabaseHandle } from '../../db/connection'
import type { Deps } from '../../db/deps'
import { insertClient } from '../../db/repositories/client.repository'
import { insertEngagement } from '../../db/repositories/engagement.repository'
import type { EngagementStatus } from '../../shared/schemas/engagement.schema'
import { fixedDeps } from './deps'
import { buildServer } from '../../server/app'
import { addUser, type Role } from '../../server/auth'
import { connect } from '../../server/db'
import { migrate } from '../../server/migrations'
import type { ServerDatabase } from '../../server/schema'
import type { PushHooks } from '../../server/sync'
import { freshDatabase } from './postgres'
import { tempDir } from './temp'

export interface Person {
  token: string
  deviceId: string
  user: { id: string; email: string; name: string; role: Role }
}

export interface Laptop {
  person: Person
  handle: DatabaseHandle
  engine: SyncEngine
}

/**
 * A team server on a loopback port over a fresh PostgreSQL database, and laptops that
 * are real app databases (SQLite files) with team sync installed.
 */
export async function startTeam(options: { pushHooks?: PushHooks } = {}) {
  const pgdb = await freshDatabase()
  const db: Kysely<ServerDatabase> = connect(pgdb.url, 5)
  await migrate(db)
  const app = buildServer({ db, logger: false, pushHooks: options.pushHooks })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const tmp = tempDir('stagecraft-team-')
  const handles: DatabaseHandle[] = []

  async function person(email: string, name: string, role: Role): Promise<Person> {
    const { code } = await addUser(db, { email, name, role })
    const session = await signInToTeam(url, { email, code, device: `${name}'s laptop` })
    return { token: session.token, deviceId: session.token.split('.')[0]!, user: session.user }
  }

  async function laptop(who: Person, options: { transport?: (inner: SyncTransport) => SyncTransport } = {}): Promise<Laptop> {
    const handle = await openDatabase(join(tmp.dir, `${who.user.email}-${handles.length}.db`), { now: () => new Date() })
    handles.push(handle)
    installTeamSync(handle.sqlite, who.deviceId)
    const inner = httpTransport({ serverUrl: url, token: who.token })
    const engine = createSyncEngine({ sqlite: handle.sqlite, transport: options.transport ? options.transport(inner) : inner })
    return { person: who, handle, engine }
  }

  return {
    url,
    db,
    app,
    person,
    laptop,
    async close() {
      for (const h of handles) await h.close().catch(() => undefined)
      await app.close()
      await db.destroy()
      await pgdb.drop()
      tmp.cleanup()
    }
  }
}
export type Team = Awaited<ReturnType<typeof startTeam>>

/** Ids as the app makes them (unique across laptops), on a fixed clock. */
export const teamDeps = (): Deps => ({ ...fixedDeps(), newId: () => randomUUID() })

/** A client and one engagement made on a laptop through the app's repositories. */
export async function openEngagement(l: Laptop, deps: Deps, values: { client: string; title: string; dayRate?: number; status?: EngagementStatus }) {
  const client = await insertClient(l.handle.db, deps, {
    name: values.client,
    industry: null,
    headcount: null,
    contactName: null,
    contactEmail: null,
    notes: null
  })
  const engagement = await insertEngagement(l.handle.db, deps, client.id, {
    title: values.title,
    status: values.status ?? 'lead',
    consultant: l.person.user.name,
    currency: 'EUR',
    dayRate: values.dayRate ?? 1000,
    startDate: null,
    notes: null
  })
  return { client, engagement }
}
