import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ServerDatabase } from './schema'

/**
 * Secrets (sign-in codes and device tokens) are stored only as scrypt hashes. scrypt is
 * memory-hard and ships with Node, so the server needs no native add-on (argon2's
 * packages build or download a binary at install time). Parameters: N=2^15, r=8, p=1,
 * 32 MiB per hash.
 */
const N = 2 ** 15
const R = 8
const P = 1
const MAXMEM = 64 * 1024 * 1024

function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, 32, { N, r: R, p: P, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))))
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(secret, salt)
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || Number(n) !== N || Number(r) !== R || Number(p) !== P || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64'))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export type Role = 'admin' | 'partner' | 'consultant'
export interface Caller {
  userId: string
  deviceId: string
  role: Role
  name: string
}

const CODE_DAYS = 7

/** Creates an account and its first sign-in code (shown once, to hand to the person). */
export async function addUser(db: Kysely<ServerDatabase>, input: { email: string; name: string; role: Role }): Promise<{ id: string; code: string }> {
  const id = randomUUID()
  await db
    .insertInto('app_user')
    .values({ id, email: input.email.trim().toLowerCase(), name: input.name.trim(), role: input.role, disabled_at: null })
    .execute()
  return { id, code: await newSignInCode(db, id) }
}

export async function newSignInCode(db: Kysely<ServerDatabase>, userId: string): Promise<string> {
  const id = randomUUID()
  const secret = randomBytes(18).toString('base64url')
  await db
    .insertInto('sign_in_code')
    .values({ id, user_id: userId, hash: await hashSecret(secret), expires_at: new Date(Date.now() + CODE_DAYS * 86_400_000), used_at: null })
    .execute()
  return `${id}.${secret}`
}

/** Exchanges a one-time sign-in code for a device token; null when anything is off. */
export async function signIn(
  db: Kysely<ServerDatabase>,
  input: { email: string; code: string; device: string }
): Promise<{ token: string; user: { id: string; email: string; name: string; role: Role } } | null> {
  const [codeId, secret] = input.code.split('.')
  if (!codeId || !secret || !/^[0-9a-f-]{36}$/.test(codeId)) return null
  const row = await db
    .selectFrom('sign_in_code as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.hash', 'c.expires_at', 'c.used_at', 'u.id as userId', 'u.email', 'u.name', 'u.role', 'u.disabled_at'])
    .where('c.id', '=', codeId)
    .executeTakeFirst()
  if (!row || row.used_at || row.disabled_at || row.expires_at < new Date() || row.email !== input.email.trim().toLowerCase()) return null
  if (!(await verifySecret(secret, row.hash))) return null
  // The code is spent whoever gets here first.
  const spent = await db.updateTable('sign_in_code').set({ used_at: new Date() }).where('id', '=', codeId).where('used_at', 'is', null).executeTakeFirst()
  if (Number(spent.numUpdatedRows) !== 1) return null
  const deviceId = randomUUID()
  const deviceSecret = randomBytes(32).toString('base64url')
  await db
    .insertInto('device')
    .values({ id: deviceId, user_id: row.userId, name: input.device, token_hash: await hashSecret(deviceSecret), last_seen_at: null, revoked_at: null })
    .execute()
  return { token: `${deviceId}.${deviceSecret}`, user: { id: row.userId, email: row.email, name: row.name, role: row.role } }
}

/**
 * Checks a device token on every request. Revocation and disabled accounts are read
 * from the database each time, so they take effect on the next request; only the
 * expensive hash check is remembered (by a digest of the token, never the token).
 */
export class TokenChecker {
  private readonly verified = new Map<string, string>()
  constructor(private readonly db: Kysely<ServerDatabase>) {}

  async check(authorization: string | undefined): Promise<Caller | null> {
    const token = /^Bearer ([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '')
    if (!token) return null
    const [, deviceId, secret] = token as unknown as [string, string, string]
    const row = await this.db
      .selectFrom('device as d')
      .innerJoin('app_user as u', 'u.id', 'd.user_id')
      .select(['d.token_hash', 'd.revoked_at', 'u.id as userId', 'u.role', 'u.name', 'u.disabled_at'])
      .where('d.id', '=', deviceId)
      .executeTakeFirst()
    if (!row || row.revoked_at || row.disabled_at) return null
    const digest = createHash('sha256').update(secret).digest('base64')
    if (this.verified.get(deviceId) !== digest) {
      if (!(await verifySecret(secret, row.token_hash))) return null
      this.verified.set(deviceId, digest)
    }
    return { userId: row.userId, deviceId, role: row.role, name: row.name }
  }
}

export async function revokeDevices(db: Kysely<ServerDatabase>, email: string): Promise<number> {
  const r = await db
    .updateTable('device')
    .set({ revoked_at: new Date() })
    .where('revoked_at', 'is', null)
    .where('user_id', 'in', db.selectFrom('app_user').select('id').where('email', '=', email.trim().toLowerCase()))
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function revokeDevice(db: Kysely<ServerDatabase>, deviceId: string): Promise<boolean> {
  const r = await db.updateTable('device').set({ revoked_at: new Date() }).where('id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
