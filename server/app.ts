import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import { PushRequestSchema, SignInRequestSchema } from '../shared/domain/sync/protocol'
import { revokeDevice, signIn, TokenChecker, type Caller } from './auth'
import { FailureLimiter, retryWords } from './limits'
import type { ServerDatabase } from './schema'
import { pull, push, type PushHooks } from './sync'

export interface ServerOptions {
  db: Kysely<ServerDatabase>
  /** Fastify's logger: JSON lines on stdout by default; false in tests. */
  logger?: FastifyServerOptions['logger']
  https?: { key: Buffer; cert: Buffer }
  pushHooks?: PushHooks
  /** Failed sign-ins and bad tokens allowed before an address (or an email) must wait. */
  limits?: Partial<typeof DEFAULT_LIMITS>
  /** Behind a TLS proxy: its address(es), so X-Forwarded-For names the laptop (Fastify's trustProxy). */
  trustProxy?: string
  now?: () => number
}

/**
 * Per address: 10 failed sign-ins in 15 minutes, and 30 requests with a bad token in a
 * minute. Per email: 5 failed sign-ins in 15 minutes (someone guessing one person's code
 * from many addresses).
 */
export const DEFAULT_LIMITS = {
  signInPerAddress: { limit: 10, windowMs: 15 * 60_000 },
  signInPerEmail: { limit: 5, windowMs: 15 * 60_000 },
  badTokenPerAddress: { limit: 30, windowMs: 60_000 }
}

const PullQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000)
})

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller
  }
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? true,
    // A push may carry a sent proposal's bytes.
    bodyLimit: 64 * 1024 * 1024,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.https ? { https: options.https } : {})
  } as FastifyServerOptions)
  const tokens = new TokenChecker(options.db)
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const limiter = (l: { limit: number; windowMs: number }) => new FailureLimiter(l.limit, l.windowMs, options.now)
  const signInByAddress = limiter(limits.signInPerAddress)
  const signInByEmail = limiter(limits.signInPerEmail)
  const badTokenByAddress = limiter(limits.badTokenPerAddress)
  const tooMany = (reply: FastifyReply, waitMs: number, what: string) =>
    reply
      .code(429)
      .header('retry-after', String(Math.ceil(waitMs / 1000)))
      .send({ error: 'too-many-attempts', message: `Too many ${what}. Try again ${retryWords(waitMs)}.` })

  const bad = (reply: FastifyReply, error: z.ZodError) =>
    reply.code(400).send({ error: 'bad-request', message: error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ') })

  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const wait = badTokenByAddress.waitFor(request.ip)
    if (wait) return tooMany(reply, wait, 'requests with a sign-in that is not valid came from this address')
    const caller = await tokens.check(request.headers.authorization)
    if (!caller) {
      badTokenByAddress.fail(request.ip)
      return reply.code(401).send({ error: 'signed-out', message: 'This device is not signed in, or its access was revoked.' })
    }
    request.caller = caller
    options.db
      .updateTable('device')
      .set({ last_seen_at: new Date() })
      .where('id', '=', caller.deviceId)
      .execute()
      .catch(() => undefined)
  }

  app.get('/health', async (_request, reply) => {
    try {
      const row = await options.db.selectFrom('stagecraft_schema').select('version').executeTakeFirstOrThrow()
      await sql`SELECT 1`.execute(options.db)
      return { ok: true, schema: row.version }
    } catch {
      return reply.code(503).send({ ok: false, message: 'The database is not reachable.' })
    }
  })

  app.post('/v1/sign-in', async (request, reply) => {
    const body = SignInRequestSchema.safeParse(request.body)
    if (!body.success) return bad(reply, body.error)
    const email = body.data.email.trim().toLowerCase()
    const wait = Math.max(signInByAddress.waitFor(request.ip), signInByEmail.waitFor(email))
    if (wait) {
      request.log.warn({ email }, 'sign-in refused: too many failed attempts')
      return tooMany(reply, wait, 'failed sign-ins')
    }
    const session = await signIn(options.db, body.data)
    if (!session) {
      signInByAddress.fail(request.ip)
      signInByEmail.fail(email)
      return reply
        .code(401)
        .send({ error: 'sign-in-refused', message: 'That email and sign-in code do not match an active account, or the code was used or has expired.' })
    }
    signInByAddress.succeed(request.ip)
    signInByEmail.succeed(email)
    request.log.info({ user: session.user.id, device: body.data.device }, 'device signed in')
    return session
  })

  app.register(async (authed) => {
    authed.addHook('preHandler', authenticate)
    authed.get('/v1/me', async (request) => request.caller)
    authed.post('/v1/sign-out', async (request) => {
      await revokeDevice(options.db, request.caller!.deviceId)
      return { ok: true }
    })
    authed.post('/v1/push', async (request, reply) => {
      const body = PushRequestSchema.safeParse(request.body)
      if (!body.success) return bad(reply, body.error)
      const results = await push(options.db, request.caller!, body.data.ops, options.pushHooks)
      request.log.info({ user: request.caller!.userId, ops: results.length, conflicts: results.filter((r) => r.status === 'conflict').length }, 'push')
      return { results }
    })
    authed.get('/v1/changes', async (request, reply) => {
      const query = PullQuery.safeParse(request.query)
      if (!query.success) return bad(reply, query.error)
      return pull(options.db, request.caller!, query.data.after, query.data.limit)
    })
  })
  return app
}
