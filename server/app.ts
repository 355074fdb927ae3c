import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import { PushRequestSchema, SignInRequestSchema } from '../shared/domain/sync/protocol'
import { revokeDevice, signIn, TokenChecker, type Caller } from './auth'
import type { ServerDatabase } from './schema'
import { pull, push, type PushHooks } from './sync'

export interface ServerOptions {
  db: Kysely<ServerDatabase>
  /** Fastify's logger: JSON lines on stdout by default; false in tests. */
  logger?: FastifyServerOptions['logger']
  https?: { key: Buffer; cert: Buffer }
  pushHooks?: PushHooks
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
    ...(options.https ? { https: options.https } : {})
  } as FastifyServerOptions)
  const tokens = new TokenChecker(options.db)

  const bad = (reply: FastifyReply, error: z.ZodError) =>
    reply.code(400).send({ error: 'bad-request', message: error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ') })

  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const caller = await tokens.check(request.headers.authorization)
    if (!caller) return reply.code(401).send({ error: 'signed-out', message: 'This device is not signed in, or its access was revoked.' })
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
    const session = await signIn(options.db, body.data)
    if (!session)
      return reply
        .code(401)
        .send({ error: 'sign-in-refused', message: 'That email and sign-in code do not match an active account, or the code was used or has expired.' })
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
