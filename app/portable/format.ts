import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { describeIssues } from '../../shared/ipc/describe-issues'
import { AppError } from '../../shared/ipc/result'
import { planFromStored } from '../../shared/domain/planning/stored-plan'
import {
  ENCRYPTED_FORMAT,
  ENCRYPTED_VERSION,
  EncryptedEnvelopeSchema,
  envelopeHeader,
  MAX_PORTABLE_BYTES,
  PORTABLE_FORMAT,
  PORTABLE_VERSION,
  PortableFileSchema,
  PortableFileV1Schema,
  fromVersion1,
  withCurrentItemIds,
  type EncryptedEnvelope,
  type Kdf,
  type PortableData,
  type PortableFile
} from '../../shared/schemas/portable.schema'
import { freshSaltAndIv, openBytes, SCRYPT_PARAMS, scrypt, sealBytes } from '../crypto-envelope'
import { parseStrictJson } from '../strict-json'

/**
 * The portable engagement file format (`.stagecraft`): one engagement, its client, every assessment,
 * the plan, the tracking (status history, signed baseline, tracked items, time, gates) and
 * the documents sent, as one versioned JSON document, optionally encrypted with a passphrase.
 *
 * Private notes travel: the file moves the consultant's own data between their own
 * machines. That is why the export says so and offers a passphrase.
 *
 * This module reads (size, strict JSON, format, every version's schema, the documents'
 * checksums, the plan still generating), upgrades version 1 files, and writes the
 * encrypted envelope (see ../crypto-envelope.ts), whose header is authenticated.
 */

const invalid = (message: string) => new AppError('INVALID_INPUT', message)

/** Seals plain bytes in the encrypted envelope (as JSON bytes). */
export async function encryptBytes(plain: Uint8Array, passphrase: string): Promise<Buffer> {
  const { salt, iv } = freshSaltAndIv()
  const kdf: Kdf = { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') }
  const header = { format: ENCRYPTED_FORMAT, version: ENCRYPTED_VERSION, cipher: 'aes-256-gcm', kdf, iv: iv.toString('base64') } as const
  const key = await scrypt(passphrase, salt, kdf)
  const { ciphertext, tag } = sealBytes(key, iv, plain, envelopeHeader(header))
  const envelope: EncryptedEnvelope = { ...header, tag: tag.toString('base64'), ciphertext: ciphertext.toString('base64') }
  return Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8')
}

export type ReadPortable = { kind: 'plain'; file: PortableFile } | { kind: 'encrypted'; envelope: EncryptedEnvelope }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function parsed<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) throw invalid(`${name}: ${describeIssues(result.error.issues)}`)
  return result.data
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Each document's bytes must be the ones recorded: the size and sha256 the app stored when it was sent. */
function checkDocuments(name: string, exports: PortableData['exports']): void {
  exports.forEach((x, i) => {
    const which = `the document ${JSON.stringify(x.fileName)} sent ${x.createdAt.slice(0, 10)} (data › exports › #${i + 1})`
    const bytes = Buffer.from(x.bytes, 'base64')
    if (bytes.length !== x.sizeBytes) {
      throw invalid(`${name}: ${which} holds ${bytes.length} bytes, not the ${x.sizeBytes} recorded; the file has been changed or damaged`)
    }
    if (sha256Hex(bytes) !== x.sha256) {
      throw invalid(`${name}: ${which} does not match its recorded sha256; the file has been changed or damaged`)
    }
  })
}

/** A plain document of any version this Stagecraft reads, checked completely, as version 2 data. */
function validatePlain(name: string, value: Record<string, unknown>): PortableFile {
  const { version } = value
  if (typeof version === 'number' && Number.isInteger(version) && version > PORTABLE_VERSION) {
    throw invalid(
      `${name}: was written by a newer version of Stagecraft (file version ${version}; this one reads versions 1 to ${PORTABLE_VERSION}). Update Stagecraft, then import it`
    )
  }
  const file = withCurrentItemIds(version === 1 ? fromVersion1(parsed(name, PortableFileV1Schema, value)) : parsed(name, PortableFileSchema, value))
  checkDocuments(name, file.data.exports)
  if (file.data.plan) {
    // The plan must still generate, as every saved edit had to.
    try {
      planFromStored(file.data.plan, file.data.engagement)
    } catch (error) {
      throw invalid(`${name}: the plan in the file cannot be built (${error instanceof Error ? error.message : 'unknown problem'})`)
    }
  }
  return file
}

/**
 * Reads a file's bytes completely before anything is written: size, UTF-8, nesting,
 * duplicate keys, JSON, then the format, and for a plain file the whole schema.
 */
export function readPortableBytes(name: string, bytes: Uint8Array): ReadPortable {
  if (bytes.length > MAX_PORTABLE_BYTES) {
    throw invalid(`${name}: is too large to be a Stagecraft file (over ${MAX_PORTABLE_BYTES / 1024 / 1024} MB)`)
  }
  return readPortableValue(name, parseStrictJson(name, bytes))
}

/** True when parsed JSON says it is a portable file (plain or encrypted) rather than, say, an intake file. */
export const looksPortable = (value: unknown): boolean => isRecord(value) && Object.hasOwn(value, 'format')

/** The checks after JSON parsing: the format, then the envelope or the whole document. */
export function readPortableValue(name: string, value: unknown): ReadPortable {
  if (!isRecord(value)) throw invalid(`${name}: is not a Stagecraft engagement file`)
  if (value.format === ENCRYPTED_FORMAT) {
    const parsed = EncryptedEnvelopeSchema.safeParse(value)
    if (!parsed.success) throw invalid(`${name}: is an encrypted Stagecraft file that is damaged or incomplete (${describeIssues(parsed.error.issues)})`)
    return { kind: 'encrypted', envelope: parsed.data }
  }
  if (value.format !== PORTABLE_FORMAT) {
    throw invalid(`${name}: is not a Stagecraft engagement file (format: must be "${PORTABLE_FORMAT}")`)
  }
  return { kind: 'plain', file: validatePlain(name, value) }
}

/** Decrypts and validates an encrypted file; a wrong passphrase and a changed byte look the same. */
export async function unlockPortable(name: string, envelope: EncryptedEnvelope, passphrase: string): Promise<PortableFile> {
  const key = await scrypt(passphrase, Buffer.from(envelope.kdf.salt, 'base64'), envelope.kdf)
  const b64 = (text: string) => Buffer.from(text, 'base64')
  const plain = openBytes(key, b64(envelope.iv), b64(envelope.ciphertext), b64(envelope.tag), envelopeHeader(envelope))
  const inner = readPortableBytes(name, plain)
  if (inner.kind !== 'plain') throw invalid(`${name}: is encrypted twice, which Stagecraft never does`)
  return inner.file
}
