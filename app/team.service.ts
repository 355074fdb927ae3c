import type Sqlite from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { backupsDirFor, createBackup } from '../db/backup'
import type { Deps } from '../db/deps'
import { readSetting, writeSetting } from '../db/repositories/setting.repository'
import type { Database } from '../db/schema'
import { timestamp } from '../db/deps'
import { syncTable, type SyncTableName } from '../shared/domain/sync/catalogue'
import { describeGuardedValue } from '../shared/domain/sync/conflict-words'
import { TeamRoleSchema, type TeamConflict, type TeamSignIn, type TeamStatus } from '../shared/schemas/team.schema'
import { AppError } from '../shared/ipc/result'
import { z } from 'zod'
import { createSyncEngine, queueResolution, readConflicts, type LeftEngagement, type SyncEngine } from './sync/engine'
import { httpTransport, signInToTeam, signOutOfTeam, SyncError } from './sync/http-transport'
import { installAndQueueExisting, teamSyncInstalled } from './sync/local-schema'

/** Where the device token lives: the OS keychain (Electron's safeStorage) in the app. */
export interface SecretStore {
  available(): boolean
  save(secret: string): void
  load(): string | null
  clear(): void
}

const TEAM_KEY = 'team'
const TeamSettingSchema = z.object({
  serverUrl: z.string(),
  deviceId: z.string(),
  user: z.object({ name: z.string(), email: z.string(), role: TeamRoleSchema }),
  lastSyncAt: z.string().nullable().default(null),
  problem: z
    .object({ kind: z.enum(['offline', 'signed-out', 'server', 'refused']), message: z.string() })
    .nullable()
    .default(null),
  /** Things the team did to this laptop that the consultant should read once (an engagement taken off it). */
  notices: z.array(z.object({ id: z.string(), message: z.string(), at: z.string() })).default([])
})
type TeamSetting = z.infer<typeof TeamSettingSchema>

export interface TeamServiceOptions {
  db: Kysely<Database>
  sqlite: Sqlite.Database
  deps: Deps
  databasePath: string
  secrets?: SecretStore
  fetch?: typeof fetch
  deviceName?: string
}

/**
 * Team mode for one laptop: signing in (which joins the team: a backup, then every
 * existing engagement queued for upload), syncing, the status line and the conflict
 * inbox. Without a sign-in nothing here runs and the database is untouched.
 */
export function createTeamService(options: TeamServiceOptions) {
  const { db, sqlite, deps } = options
  let running: Promise<TeamStatus> | null = null

  async function setting(): Promise<TeamSetting | null> {
    const raw = await readSetting(db, TEAM_KEY)
    if (!raw) return null
    const parsed = TeamSettingSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  }
  const save = (s: TeamSetting) => writeSetting(db, TEAM_KEY, JSON.stringify(s), timestamp(deps))

  function engine(s: TeamSetting, token: string): SyncEngine {
    return createSyncEngine({
      sqlite,
      transport: httpTransport({ serverUrl: s.serverUrl, token, fetch: options.fetch }),
      now: () => deps.now().getTime(),
      // What leaves this laptop stays readable: a backup first, with the unsent changes in it.
      beforeLeaving: async () => {
        await createBackup(sqlite, backupsDirFor(options.databasePath), 'pre-leave', deps.now())
      }
    })
  }
  const pending = () => (teamSyncInstalled(sqlite) ? (sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n : 0)
  const openConflicts = () =>
    teamSyncInstalled(sqlite)
      ? (sqlite.prepare("SELECT count(*) AS n FROM sync_conflict WHERE json_extract(fields, '$.status') = 'open'").get() as { n: number }).n
      : 0

  async function status(syncing = false): Promise<TeamStatus> {
    const s = await setting()
    if (!s) return { mode: 'solo' }
    const waiting = pending()
    const conflicts = openConflicts()
    const state = syncing
      ? 'syncing'
      : s.problem?.kind === 'offline'
        ? 'offline'
        : s.problem || conflicts > 0 || s.notices.length > 0
          ? 'attention'
          : waiting > 0
            ? 'pending'
            : 'synced'
    const message =
      s.problem?.message ??
      (conflicts > 0 ? `${conflicts} disagreement${conflicts === 1 ? '' : 's'} over money or commitments wait in the conflict inbox.` : null) ??
      s.notices[0]?.message ??
      null
    return {
      mode: 'team',
      serverUrl: s.serverUrl,
      user: s.user,
      state,
      pending: waiting,
      openConflicts: conflicts,
      lastSyncAt: s.lastSyncAt,
      message,
      notices: s.notices
    }
  }

  let again: Promise<TeamStatus> | null = null
  /**
   * Syncs now. If a sync is already under way (the background one), one more runs after it,
   * so what changed since it began is sent and what the team changed since is brought.
   */
  function syncNow(): Promise<TeamStatus> {
    if (running) {
      again ??= running
        .then(
          () => undefined,
          () => undefined
        )
        .then(() => {
          again = null
          return syncNow()
        })
      return again
    }
    running = runSync().finally(() => {
      running = null
    })
    return running
  }

  async function runSync(): Promise<TeamStatus> {
    const s = await setting()
    if (!s) return status()
    const token = options.secrets?.load() ?? null
    if (!token) {
      await save({ ...s, problem: { kind: 'signed-out', message: 'Sign in again: this computer no longer has the team sign-in.' } })
      return status()
    }
    try {
      const report = await engine(s, token).syncOnce()
      // Changes refused because their engagement was taken off this laptop are said in its notice.
      const gone = new Set(report.left.map((l) => l.engagementId))
      const refused = report.refused.filter((r) => r.engagementId === null || !gone.has(r.engagementId))
      const problem = refused.length
        ? {
            kind: 'refused' as const,
            message: `The server refused ${refused.length} change${refused.length === 1 ? '' : 's'}: ${refused[0]!.reason}`
          }
        : null
      const at = deps.now().toISOString()
      // Read again: a notice dismissed while the sync ran stays dismissed.
      const kept = (await setting())?.notices ?? s.notices
      const notices = [...report.left.map((l) => ({ id: deps.newId(), message: leftMessage(l), at })), ...kept].slice(0, 10)
      await save({ ...s, lastSyncAt: at, problem, notices })
    } catch (error) {
      // Whatever stops a sync leaves the local data as it was (pulls apply in one
      // transaction); the status line names the problem instead of the app failing.
      const problem =
        error instanceof SyncError
          ? { kind: error.kind, message: error.message }
          : {
              kind: 'server' as const,
              message: `Changes from the team could not be applied on this computer: ${error instanceof Error ? error.message : String(error)}`
            }
      await save({ ...s, problem, notices: (await setting())?.notices ?? s.notices })
    }
    return status()
  }

  return {
    status: () => status(running !== null),
    syncNow,

    /** Signs this device in and joins the team: back up, install sync, queue what exists, upload. */
    async signIn(input: TeamSignIn): Promise<TeamStatus> {
      if (!options.secrets?.available()) {
        throw new AppError('DATA_UNAVAILABLE', 'This computer has no secure place to keep the team sign-in (the system keychain is not available).')
      }
      if (await setting()) throw new AppError('CONFLICT', 'This computer is already signed in to a team. Sign out first.')
      let session
      try {
        session = await signInToTeam(
          input.serverUrl,
          { email: input.email, code: input.code, device: options.deviceName ?? 'Stagecraft laptop' },
          options.fetch
        )
      } catch (error) {
        if (error instanceof SyncError) throw new AppError(error.kind === 'offline' ? 'DATA_UNAVAILABLE' : 'INVALID_INPUT', error.message)
        throw error
      }
      const deviceId = session.token.split('.')[0]!
      await createBackup(sqlite, backupsDirFor(options.databasePath), 'pre-team', deps.now())
      installAndQueueExisting(sqlite, deviceId)
      options.secrets.save(session.token)
      await save({
        serverUrl: input.serverUrl,
        deviceId,
        user: { name: session.user.name, email: session.user.email, role: session.user.role },
        lastSyncAt: null,
        problem: null,
        notices: []
      })
      return syncNow()
    },

    /** Signs out: the server forgets the token; the data and any unsent changes stay here. */
    async signOut(): Promise<TeamStatus> {
      const s = await setting()
      const token = options.secrets?.load()
      if (s && token) await signOutOfTeam(s.serverUrl, token, options.fetch)
      options.secrets?.clear()
      await db.deleteFrom('setting').where('key', '=', TEAM_KEY).execute()
      return status()
    },

    /** The consultant has read a notice: it leaves the status line. */
    async dismissNotice(id: string): Promise<TeamStatus> {
      const s = await setting()
      if (s) await save({ ...s, notices: s.notices.filter((n) => n.id !== id) })
      return status(running !== null)
    },

    async conflicts(): Promise<TeamConflict[]> {
      if (!teamSyncInstalled(sqlite)) return []
      const s = await setting()
      if (!s) return []
      return readConflicts(sqlite)
        .reverse()
        .map((c) => {
          const about = describeConflict(sqlite, c.table, c.key)
          const words = (v: string | number | null) => describeGuardedValue(c.field, v, about.currency)
          return {
            id: c.id,
            subject: `${FIELD_NAMES[c.field] ?? c.field}${about.detail ? ` of “${about.detail}”` : ''}${about.where ? ` — ${about.where}` : ''}`,
            field: c.field,
            table: c.table,
            engagementId: c.engagementId,
            current: { value: c.currentValue, display: words(c.currentValue), by: c.currentBy },
            proposed: { value: c.proposedValue, display: words(c.proposedValue), by: c.proposedBy },
            status: c.status,
            resolvedBy: c.resolvedBy,
            resolvedDisplay: c.status === 'resolved' ? words(c.resolvedValue) : null
          }
        })
    },

    /** Settles a conflict; the choice is a change like any other and reaches everyone. */
    async resolve(id: string, choice: 'current' | 'proposed'): Promise<TeamStatus> {
      const s = await setting()
      if (!s) throw new AppError('CONFLICT', 'Sign in to the team to settle conflicts.')
      const c = teamSyncInstalled(sqlite) ? readConflicts(sqlite).find((x) => x.id === id) : undefined
      if (!c) throw new AppError('NOT_FOUND', 'That conflict is no longer in the inbox.')
      if (c.status === 'resolved') throw new AppError('CONFLICT', `${c.resolvedBy ?? 'Someone'} has already settled this one.`)
      const value = choice === 'current' ? c.currentValue : c.proposedValue
      sqlite.transaction(() => {
        queueResolution(sqlite, id, value, deps.now().getTime())
        sqlite
          .prepare("UPDATE sync_conflict SET fields = json_set(fields, '$.status', 'resolved', '$.resolvedBy', ?, '$.resolvedValue', ?) WHERE id = ?")
          .run(s.user.name, value, id)
      })()
      return syncNow()
    }
  }
}
export type TeamService = ReturnType<typeof createTeamService>

/** What the consultant reads when the team took them off an engagement. */
export function leftMessage(l: LeftEngagement): string {
  const unsent =
    l.unsent === 0
      ? ''
      : ` ${l.unsent} change${l.unsent === 1 ? '' : 's'} you made to it had not reached the team and ${l.unsent === 1 ? 'was' : 'were'} not taken.`
  return `The team took you off “${l.title}”, the engagement with ${l.client}, so it has left this computer.${unsent} The backup “Before leaving an engagement” in Backups holds it as it was here.`
}

const FIELD_NAMES: Record<string, string> = {
  day_rate: 'Day rate',
  currency: 'Currency',
  pricing: 'Prices and discounts',
  done_at: 'Gate outcome',
  plan: 'Signed baseline',
  effort_days: 'Signed effort',
  cost: 'Signed cost',
  signed_at: 'Signing date'
}

/** Where a conflict is: the engagement and client, the gate's criterion, and the engagement's currency. */
function describeConflict(sqlite: Sqlite.Database, table: string, key: string): { where: string | null; detail: string | null; currency: string | null } {
  const t = syncTable(table as SyncTableName)
  const ids = JSON.parse(key) as string[]
  const engagementOf = t.name === 'engagement' ? '?' : `(SELECT engagement_id FROM ${t.name} WHERE ${t.key[0]} = ?)`
  const row = sqlite
    .prepare(
      `SELECT e.title, e.currency, c.name, ${t.name === 'phase_gate' ? '(SELECT criterion FROM phase_gate WHERE id = ?)' : 'NULL'} AS detail
       FROM engagement e JOIN client c ON c.id = e.client_id WHERE e.id = ${engagementOf}`
    )
    .get(...(t.name === 'phase_gate' ? [ids[0], ids[0]] : [ids[0]])) as { title: string; currency: string; name: string; detail: string | null } | undefined
  if (!row) return { where: null, detail: null, currency: null }
  return { where: `${row.title} (${row.name})`, detail: row.detail, currency: row.currency }
}
