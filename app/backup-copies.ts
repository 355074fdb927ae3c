/**
 * Copies of the verified backups in a folder the consultant chooses (an external drive, a
 * synced folder), optionally sealed with a passphrase, so a lost laptop or a dead disk does
 * not take the only copies with it.
 *
 * - Settings live in `backup-settings.json` beside the database (read before the database
 *   opens, so the recovery screen could use them too), written atomically, mode 0600.
 * - Copies go into a `Stagecraft backups` folder inside the chosen one (created 0700), with
 *   the local backup's name; sealed copies end in `.db.sealed`.
 * - Sealed format: a fixed magic line, a 4-byte big-endian header length, the header (JSON:
 *   cipher, scrypt parameters and salt, IV), the AES-256-GCM ciphertext of the database file,
 *   and the 16-byte tag last. Magic, length and header are authenticated as AAD. Files are
 *   streamed, so a large database never sits in memory twice.
 * - The passphrase itself is never stored. The key derived from it is kept in the settings
 *   file so the daily and on-quit copies can be sealed without asking; that file sits beside
 *   the (unencrypted) database, so it adds nothing to what the laptop already holds, while
 *   a sealed copy on a lost drive cannot be opened without the passphrase.
 * - Every copy is checked after writing (plain: opened and quick_check'ed; sealed: decrypted
 *   in a stream and its SHA-256 compared with the original) before it is renamed into place.
 * - Opening a sealed copy decrypts into a temporary file that is renamed only after the tag
 *   verifies: a wrong passphrase or a changed byte leaves nothing behind.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, chmodSync, renameSync, accessSync, constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { z } from 'zod'
import { backupsToPrune, copyDatabaseFile, newestFirst, parseBackupName, type BackupInfo, type BackupReason } from '../db/backup'
import { AppError } from '../shared/ipc/result'
import { writeFileAtomic } from './files'
import { SCRYPT_PARAMS, WRONG_PASSPHRASE, scrypt } from './crypto-envelope'

export const COPIES_SUBFOLDER = 'Stagecraft backups'
export const SEALED_SUFFIX = '.sealed'
const MAGIC = Buffer.from('STAGECRAFT SEALED BACKUP\n', 'utf8')
const TAG_LENGTH = 16
const MAX_HEADER = 4096

const KdfSchema = z.strictObject({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 15)
    .max(2 ** 18),
  r: z.literal(8),
  p: z.literal(1),
  keyLength: z.literal(32),
  salt: z.string().min(16).max(64)
})
type KdfParams = z.infer<typeof KdfSchema>

const HeaderSchema = z.strictObject({
  format: z.literal('stagecraft-sealed-backup'),
  version: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  kdf: KdfSchema,
  iv: z.string().min(16).max(32)
})

const LastCopySchema = z.strictObject({
  at: z.string().max(40),
  ok: z.boolean(),
  message: z.string().max(1000).nullable()
})
export type LastCopy = z.infer<typeof LastCopySchema>

const SettingsSchema = z.strictObject({
  version: z.literal(1),
  /** The folder the consultant chose (copies go into its `Stagecraft backups` subfolder). */
  folder: z.string().min(1).max(4096).nullable(),
  /** Present when copies are sealed: the scrypt parameters and the key derived once from the passphrase. */
  seal: z.strictObject({ kdf: KdfSchema, key: z.string().length(44) }).nullable(),
  lastCopy: LastCopySchema.nullable()
})
export type CopySettings = z.infer<typeof SettingsSchema>

export const NO_COPIES: CopySettings = { version: 1, folder: null, seal: null, lastCopy: null }

export const copySettingsPathFor = (databasePath: string): string => join(dirname(databasePath), 'backup-settings.json')

/** The settings, or none when the file is absent or unreadable (a broken file never stops a start). */
export function readCopySettings(path: string): CopySettings {
  try {
    if (!existsSync(path)) return NO_COPIES
    const parsed = SettingsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : NO_COPIES
  } catch {
    return NO_COPIES
  }
}

export function writeCopySettings(path: string, settings: CopySettings): void {
  writeFileAtomic(path, `${JSON.stringify(SettingsSchema.parse(settings), null, 2)}\n`)
  chmodSync(path, 0o600)
}

export const copiesDirOf = (folder: string): string => join(folder, COPIES_SUBFOLDER)

const isInside = (child: string, parent: string): boolean => {
  const rel = relative(resolve(parent), resolve(child))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * Checks a folder the consultant chose: absolute, an existing folder, writable, and not
 * inside Stagecraft's own data folder (copies there would die with the originals).
 */
export function checkCopyFolder(folder: string, dataDir: string): void {
  if (!isAbsolute(folder)) throw new AppError('INVALID_INPUT', 'Choose a folder by its full path.')
  let isDir: boolean
  try {
    isDir = statSync(folder).isDirectory()
  } catch {
    throw new AppError('INVALID_INPUT', `The folder ${folder} is not available. Is the drive connected?`)
  }
  if (!isDir) throw new AppError('INVALID_INPUT', `${folder} is not a folder.`)
  if (isInside(folder, dataDir) || isInside(dataDir, folder)) {
    throw new AppError(
      'INVALID_INPUT',
      'Choose a folder outside Stagecraft’s own data folder, such as an external drive: copies kept beside the originals would be lost with them.'
    )
  }
  try {
    accessSync(folder, constants.W_OK)
  } catch {
    throw new AppError('INVALID_INPUT', `Stagecraft is not allowed to write in ${folder}. Choose another folder.`)
  }
}

/** Derives the sealing key for new settings (slow: scrypt). */
export async function sealFromPassphrase(passphrase: string): Promise<NonNullable<CopySettings['seal']>> {
  const salt = randomBytes(16)
  const kdf: KdfParams = { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') }
  const key = await scrypt(passphrase, salt, kdf)
  return { kdf, key: key.toString('base64') }
}

// ---------------------------------------------------------------------------------------
// Sealing and opening

function prefixFor(header: z.infer<typeof HeaderSchema>): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([MAGIC, length, json])
}

/** Seals `source` into `dest` with the stored key; returns the SHA-256 of the plain bytes. */
export async function sealFile(source: string, dest: string, seal: NonNullable<CopySettings['seal']>): Promise<Buffer> {
  const iv = randomBytes(12)
  const header = { format: 'stagecraft-sealed-backup', version: 1, cipher: 'aes-256-gcm', kdf: seal.kdf, iv: iv.toString('base64') } as const
  const prefix = prefixFor(header)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(seal.key, 'base64'), iv, { authTagLength: TAG_LENGTH })
  cipher.setAAD(prefix)
  const hash = createHash('sha256')
  const out = await open(dest, 'w', 0o600)
  try {
    await out.write(prefix)
    for await (const chunk of createReadStream(source)) {
      hash.update(chunk as Buffer)
      await out.write(cipher.update(chunk as Buffer))
    }
    await out.write(cipher.final())
    await out.write(cipher.getAuthTag())
    await out.sync()
  } finally {
    await out.close()
  }
  return hash.digest()
}

interface SealedLayout {
  header: z.infer<typeof HeaderSchema>
  prefix: Buffer
  tag: Buffer
  start: number
  /** Index of the last ciphertext byte (inclusive), or start - 1 when empty. */
  end: number
}

const NOT_SEALED = (name: string) => new AppError('INVALID_INPUT', `${name} is not a sealed Stagecraft backup, or it has been cut short.`)

async function readLayout(path: string): Promise<SealedLayout> {
  const name = basename(path)
  const size = statSync(path).size
  const file = await open(path, 'r')
  try {
    const head = Buffer.alloc(Math.min(size, MAGIC.length + 4 + MAX_HEADER))
    await file.read(head, 0, head.length, 0)
    if (head.length < MAGIC.length + 4 || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw NOT_SEALED(name)
    const headerLength = head.readUInt32BE(MAGIC.length)
    const start = MAGIC.length + 4 + headerLength
    if (headerLength === 0 || headerLength > MAX_HEADER || start + TAG_LENGTH > size) throw NOT_SEALED(name)
    const prefix = head.subarray(0, start)
    let header: z.infer<typeof HeaderSchema>
    try {
      header = HeaderSchema.parse(JSON.parse(prefix.subarray(MAGIC.length + 4).toString('utf8')))
    } catch {
      throw NOT_SEALED(name)
    }
    const tag = Buffer.alloc(TAG_LENGTH)
    await file.read(tag, 0, TAG_LENGTH, size - TAG_LENGTH)
    return { header, prefix: Buffer.from(prefix), tag, start, end: size - TAG_LENGTH - 1 }
  } finally {
    await file.close()
  }
}

/**
 * Streams the plain bytes of a sealed file to `sink` and resolves only when the tag
 * verifies; throws the wrong-passphrase message otherwise (the sink may have received
 * bytes, so callers write to a temporary file and delete it on failure).
 */
async function openSealed(path: string, key: Buffer, layout: SealedLayout, sink: (chunk: Buffer) => Promise<void> | void): Promise<void> {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(layout.header.iv, 'base64'), { authTagLength: TAG_LENGTH })
  decipher.setAAD(layout.prefix)
  decipher.setAuthTag(layout.tag)
  if (layout.end >= layout.start) {
    for await (const chunk of createReadStream(path, { start: layout.start, end: layout.end })) await sink(decipher.update(chunk as Buffer))
  }
  let last: Buffer
  try {
    last = decipher.final()
  } catch {
    // A wrong passphrase and a changed byte look the same: the tag does not verify.
    throw new AppError('INVALID_INPUT', WRONG_PASSPHRASE)
  }
  await sink(last)
}

/** Decrypts a sealed copy into `dest` (written to a temporary name, renamed only once the tag verifies). */
export async function unsealFile(path: string, dest: string, passphrase: string): Promise<void> {
  const layout = await readLayout(path)
  const key = await scrypt(passphrase, Buffer.from(layout.header.kdf.salt, 'base64'), layout.header.kdf)
  const temp = `${dest}.${process.pid}.opening`
  const out = await open(temp, 'w', 0o600)
  let closed = false
  try {
    await openSealed(path, key, layout, async (chunk) => {
      if (chunk.length > 0) await out.write(chunk)
    })
    await out.sync()
    await out.close()
    closed = true
    renameSync(temp, dest)
  } finally {
    if (!closed) await out.close().catch(() => undefined)
    rmSync(temp, { force: true })
  }
}

/** Whether a sealed copy decrypts with the stored key to bytes with this SHA-256 (nothing written). */
async function sealedMatches(path: string, key: Buffer, expected: Buffer): Promise<boolean> {
  const hash = createHash('sha256')
  try {
    await openSealed(path, key, await readLayout(path), (chunk) => void hash.update(chunk))
  } catch {
    return false
  }
  const actual = hash.digest()
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// ---------------------------------------------------------------------------------------
// Listing, copying, retention

export interface CopyInfo {
  path: string
  fileName: string
  reason: BackupReason
  createdAt: string
  /** The local backup's sequence (0 for the older names): the order copies were made in. */
  sequence: number
  sizeBytes: number
  sealed: boolean
}

/** What a copy's name says (a local backup's name, `.sealed` added when sealed). */
function parseCopyName(fileName: string): { sequence: number; createdAt: string; reason: BackupReason; sealed: boolean } | null {
  const sealed = fileName.endsWith(SEALED_SUFFIX)
  const parsed = parseBackupName(sealed ? fileName.slice(0, -SEALED_SUFFIX.length) : fileName)
  return parsed ? { ...parsed, sealed } : null
}

/** The copies in a chosen folder, newest first (in the order they were made); an unavailable folder lists nothing. */
export function listCopies(folder: string): CopyInfo[] {
  const dir = copiesDirOf(folder)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .flatMap((fileName) => {
      const parsed = parseCopyName(fileName)
      if (!parsed) return []
      const path = join(dir, fileName)
      try {
        return [{ path, fileName, ...parsed, sizeBytes: statSync(path).size }]
      } catch {
        return []
      }
    })
    .sort(newestFirst)
}

/** Keeps the same number of copies of each kind as the local folder keeps backups. */
export function pruneCopies(folder: string): void {
  for (const old of backupsToPrune(listCopies(folder))) rmSync(old.path, { force: true })
}

const stem = (fileName: string): string => fileName.replace(/\.sealed$/, '')

/** Copies one verified local backup into the folder (sealed when settings say so), checked before it is renamed into place. */
export async function copyBackup(backup: Pick<BackupInfo, 'path' | 'fileName'>, folder: string, seal: CopySettings['seal']): Promise<CopyInfo> {
  const dir = copiesDirOf(folder)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const fileName = seal ? `${backup.fileName}${SEALED_SUFFIX}` : backup.fileName
  const finalPath = join(dir, fileName)
  const temp = join(dir, `.${fileName}.${process.pid}.tmp`)
  try {
    if (seal) {
      const digest = await sealFile(backup.path, temp, seal)
      if (!(await sealedMatches(temp, Buffer.from(seal.key, 'base64'), digest))) throw new Error('the sealed copy did not read back the same')
    } else {
      await copyDatabaseFile(backup.path, temp)
    }
    renameSync(temp, finalPath)
  } finally {
    rmSync(temp, { force: true })
  }
  const parsed = parseCopyName(fileName)
  return {
    path: finalPath,
    fileName,
    reason: parsed?.reason ?? 'manual',
    createdAt: parsed?.createdAt ?? new Date().toISOString(),
    sequence: parsed?.sequence ?? 0,
    sizeBytes: statSync(finalPath).size,
    sealed: seal !== null
  }
}

/**
 * Brings the folder up to date with the local backups: copies each one it lacks (in the
 * current sealing), then applies retention. Returns how many were copied. Throws with a
 * plain message when the folder is unavailable; the local backups are never touched.
 */
export async function syncCopies(localBackups: readonly BackupInfo[], settings: CopySettings): Promise<number> {
  const folder = settings.folder
  if (!folder) return 0
  if (!existsSync(folder))
    throw new AppError(
      'DATA_UNAVAILABLE',
      `The backup folder ${folder} is not available. Is the drive connected? Backups are still kept in Stagecraft’s own folder.`
    )
  const have = new Set(listCopies(folder).map((c) => stem(c.fileName)))
  // No more than retention would keep, oldest first.
  const pruned = new Set(backupsToPrune([...localBackups].sort(newestFirst)))
  const wanted = [...localBackups]
    .sort(newestFirst)
    .filter((b) => !pruned.has(b) && !have.has(b.fileName))
    .reverse()
  for (const backup of wanted) await copyBackup(backup, folder, settings.seal)
  // Sealing means sealed: plain copies already in the folder (from before sealing was turned
  // on) are sealed in turn, each checked before its plain file is removed.
  if (settings.seal) await sealPlainCopies(folder, settings.seal)
  pruneCopies(folder)
  return wanted.length
}

/**
 * Seals the plain copies in the folder: each is written sealed (and read back) beside it, and
 * only then is the plain file removed. Returns how many were sealed.
 */
export async function sealPlainCopies(folder: string, seal: NonNullable<CopySettings['seal']>): Promise<number> {
  const plain = listCopies(folder).filter((c) => !c.sealed)
  const sealedHere = new Set(
    listCopies(folder)
      .filter((c) => c.sealed)
      .map((c) => stem(c.fileName))
  )
  for (const copy of plain) {
    if (!sealedHere.has(copy.fileName)) await copyBackup({ path: copy.path, fileName: copy.fileName }, folder, seal)
    rmSync(copy.path, { force: true })
  }
  return plain.length
}
