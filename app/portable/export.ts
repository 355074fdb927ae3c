/**
 * Exporting one engagement as a portable file: everything under it, checked against the
 * import's own schema, and encrypted when a passphrase is given. Private notes travel (the
 * file moves the consultant's own data between their own machines), which is why the
 * export says so and offers a passphrase.
 */
import { describeIssues } from '../../shared/ipc/describe-issues'
import { AppError } from '../../shared/ipc/result'
import type { Db } from '../../db/repositories/client.repository'
import { collectEngagement } from '../../db/repositories/portable.repository'
import {
  MAX_PLAIN_PORTABLE_BYTES,
  PORTABLE_FORMAT,
  PORTABLE_VERSION,
  PortableFileSchema,
  type PortableData,
  type PortableFile
} from '../../shared/schemas/portable.schema'
import { encryptBytes } from './format'

/** What the export tells the consultant about the file's contents. */
export const EXPORT_NOTICE = {
  plain:
    'The file holds the whole engagement, including your private notes. It is not encrypted: anyone who gets it can read it. Export it with a passphrase before it leaves your own machines.',
  encrypted:
    'The file holds the whole engagement, including your private notes, encrypted with your passphrase. Without the passphrase it cannot be opened, and Stagecraft cannot recover a forgotten one.'
} as const

const invalid = (message: string) => new AppError('INVALID_INPUT', message)

const megabytes = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`

/** Says how large the file would be and, when they are the bulk of it, that the documents sent make it so. */
function tooLarge(size: number, exports: PortableData['exports'], limit: number): string {
  const documents = exports.reduce((n, x) => n + x.bytes.length, 0)
  const count = exports.length === 1 ? 'The one document sent makes' : `The ${exports.length} documents sent make`
  const why = documents > size / 2 ? ` ${count} up ${megabytes(documents)} of it.` : ''
  return `This engagement is too large to export as one file: it comes to ${megabytes(size)}, and a file holds at most ${megabytes(limit)}.${why}`
}

/** The bytes of a `.stagecraft` file for one engagement, encrypted when a passphrase is given. */
export async function exportEngagement(
  db: Db,
  engagementId: string,
  options: { appVersion: string; now: Date; passphrase?: string; /** Tests only: a smaller limit than the file format's. */ maxPlainBytes?: number }
): Promise<{ bytes: Buffer; data: PortableData }> {
  const limit = Math.min(options.maxPlainBytes ?? MAX_PLAIN_PORTABLE_BYTES, MAX_PLAIN_PORTABLE_BYTES)
  const data = await collectEngagement(db, engagementId)
  if (!data) throw new AppError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.')
  const document: PortableFile = {
    format: PORTABLE_FORMAT,
    version: PORTABLE_VERSION,
    exportedAt: options.now.toISOString(),
    appVersion: options.appVersion,
    data
  }
  const plain = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8')
  if (plain.length > limit) throw invalid(tooLarge(plain.length, data.exports, limit))
  // What we write must be what we would accept: check it with the import's own schema.
  const checked = PortableFileSchema.safeParse(document)
  if (!checked.success) throw new AppError('INTERNAL', `This engagement could not be exported: ${describeIssues(checked.error.issues)}.`)
  return { bytes: options.passphrase === undefined ? plain : await encryptBytes(plain, options.passphrase), data }
}
