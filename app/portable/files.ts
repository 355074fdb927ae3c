/**
 * Portable files in the app: exporting an engagement to a file the consultant chooses, and
 * importing one in steps (inspect, unlock when encrypted, import) while the file waits,
 * validated and held in memory under an opaque token; the renderer never sends a path.
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type Sqlite from 'better-sqlite3'
import type { Deps } from '../../db/deps'
import type { Db } from '../../db/repositories/client.repository'
import { findEngagement } from '../../db/repositories/engagement.repository'
import { safeFileName } from '../../shared/file-names'
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract'
import { AppError } from '../../shared/ipc/result'
import { MAX_PORTABLE_BYTES, PORTABLE_EXTENSION, type EncryptedEnvelope, type PortableFile } from '../../shared/schemas/portable.schema'
import { describeWriteError, writeFileAtomic, type FileDialogs } from '../files'
import { readFileBounded } from '../strict-json'
import { EXPORT_NOTICE, exportEngagement } from './export'
import { readPortableBytes, unlockPortable } from './format'
import { importPortable, summarize, takePreImportBackup } from './import'

const FILTER = [{ name: 'Stagecraft engagement', extensions: [PORTABLE_EXTENSION] }]

/**
 * How long a file read by "inspect" waits for its import, and how many wait at once: only the
 * file on screen, as a portable file may be up to 200 MB and is held parsed in memory.
 */
export const PENDING_TTL_MS = 15 * 60 * 1000
export const MAX_PENDING = 1

interface Pending {
  name: string
  /** The validated document, once known (plain file, or after the passphrase). */
  file: PortableFile | null
  envelope: EncryptedEnvelope | null
  expiresAt: number
}

export interface PortableFilesEnv {
  db: Db
  deps: Deps
  appVersion: string
  databasePath: string
  dialogs?: FileDialogs
  sqlite?: Sqlite.Database
}

/** The portable export and the import's steps for one open database. */
export function createPortableFiles(env: PortableFilesEnv) {
  const { db, deps } = env
  // Files read by "inspect", by opaque token: the renderer never sends a path.
  const pending = new Map<string, Pending>()

  const take = (token: string): Pending => {
    const now = Date.now()
    for (const [t, p] of pending) if (p.expiresAt < now) pending.delete(t)
    const found = pending.get(token)
    if (!found) throw new AppError('NOT_FOUND', 'That file is no longer open for import. Choose it again.')
    return found
  }

  const hold = (entry: Pending): string => {
    while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!)
    const token = randomUUID()
    pending.set(token, entry)
    return token
  }

  const ready = async (token: string, file: PortableFile) => ({ status: 'ready' as const, token, summary: await summarize(db, file) })

  async function exportFile({ engagementId, passphrase }: ChannelParsedInput<'portable:export'>): Promise<ChannelOutput<'portable:export'>> {
    const engagement = await findEngagement(db, engagementId)
    if (!engagement) throw new AppError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.')
    const path = await env.dialogs?.chooseFileToSave({
      title: 'Export the engagement',
      defaultName: safeFileName(`${engagement.clientName} - ${engagement.title}`, `.${PORTABLE_EXTENSION}`),
      filters: FILTER
    })
    if (!path) return { status: 'cancelled' as const }
    // One read transaction: a consistent snapshot even while autosaves continue.
    const { bytes } = await db.transaction().execute((trx) => exportEngagement(trx, engagementId, { appVersion: env.appVersion, now: deps.now(), passphrase }))
    try {
      writeFileAtomic(path, bytes)
    } catch (error) {
      throw new AppError('INTERNAL', describeWriteError(error, path))
    }
    const encrypted = passphrase !== undefined
    return { status: 'exported' as const, fileName: basename(path), encrypted, notice: encrypted ? EXPORT_NOTICE.encrypted : EXPORT_NOTICE.plain }
  }

  async function inspect(): Promise<ChannelOutput<'portable:inspect'>> {
    const path = await env.dialogs?.chooseFileToOpen({ title: 'Import an engagement', filters: FILTER })
    if (!path) return { status: 'cancelled' as const }
    // The file shown before lets go first, so two large files are never held at once.
    pending.clear()
    const name = basename(path)
    const read = readPortableBytes(name, readFileBounded(path, MAX_PORTABLE_BYTES, 'a Stagecraft file'))
    if (read.kind === 'encrypted') {
      return { status: 'needs-passphrase' as const, token: hold({ name, file: null, envelope: read.envelope, expiresAt: Date.now() + PENDING_TTL_MS }) }
    }
    const token = hold({ name, file: read.file, envelope: null, expiresAt: Date.now() + PENDING_TTL_MS })
    return ready(token, read.file)
  }

  async function unlock({ token, passphrase }: ChannelParsedInput<'portable:unlock'>): Promise<ChannelOutput<'portable:unlock'>> {
    const entry = take(token)
    if (entry.file) return ready(token, entry.file)
    entry.file = await unlockPortable(entry.name, entry.envelope!, passphrase)
    entry.envelope = null
    return ready(token, entry.file)
  }

  async function importFile({ token, mode }: ChannelParsedInput<'portable:import'>): Promise<ChannelOutput<'portable:import'>> {
    const entry = take(token)
    if (!entry.file) throw new AppError('INVALID_INPUT', 'This file is encrypted: enter its passphrase first.')
    await takePreImportBackup(env.sqlite, env.databasePath, deps.now())
    const file = entry.file
    const outcome = await db.transaction().execute((trx) => importPortable(trx, deps, file, mode))
    pending.delete(token)
    return { engagementId: outcome.engagementId, clientId: outcome.clientId }
  }

  return { exportFile, inspect, unlock, importFile }
}
