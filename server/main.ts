#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { addUser, newSignInCode, revokeDevices, type Role } from './auth'
import { buildServer } from './app'
import { connect } from './db'
import { migrate, NewerSchemaError } from './migrations'
import { addMember, removeMember } from './sync'

/**
 * stagecraft-server: the team server. Configuration comes from the environment:
 *   DATABASE_URL   postgres://… (required)
 *   PORT, HOST     where to listen (default 8443 on 127.0.0.1)
 *   TLS_CERT, TLS_KEY  PEM files; without them, run it behind a TLS proxy (docs/team.md)
 *   TRUST_PROXY        the proxy's address (e.g. 127.0.0.1), so limits count each laptop's own address
 */
const Env = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// address'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  HOST: z.string().default('127.0.0.1'),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  TRUST_PROXY: z.string().optional()
})

const USAGE = `Usage:
  stagecraft-server serve
  stagecraft-server migrate
  stagecraft-server user add <email> <name> <admin|partner|consultant>
  stagecraft-server user code <email>          a new one-time sign-in code
  stagecraft-server user revoke <email>        signs out every device of the account
  stagecraft-server member add <email> <engagement id>
  stagecraft-server member remove <email> <engagement id>`

async function main(argv: string[]): Promise<number> {
  const parsed = Env.safeParse(process.env)
  if (!parsed.success) {
    console.error(`stagecraft-server: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`)
    return 2
  }
  const env = parsed.data
  const db = connect(env.DATABASE_URL, 10, (error) => console.error(JSON.stringify({ level: 40, msg: 'database connection lost', err: error.message })))
  try {
    const [command, sub, ...rest] = argv
    if (command === 'migrate' || command === 'serve') {
      const { from, to } = await migrate(db)
      console.error(JSON.stringify({ level: 30, msg: 'schema ready', from, to }))
    }
    if (command === 'migrate') return 0
    if (command === 'serve') {
      if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) throw new Error('Set both TLS_CERT and TLS_KEY, or neither (and put a TLS proxy in front).')
      const https = env.TLS_CERT && env.TLS_KEY ? { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } : undefined
      const app = buildServer({ db, https, trustProxy: env.TRUST_PROXY })
      if (!https) app.log.warn('No TLS certificate: serve this only behind a TLS proxy (docs/team.md).')
      await app.listen({ port: env.PORT, host: env.HOST })
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
      })
      await app.close()
      return 0
    }
    if (command === 'user' && sub === 'add' && rest.length === 3 && ['admin', 'partner', 'consultant'].includes(rest[2]!)) {
      const taken = await db.selectFrom('app_user').select('id').where('email', '=', rest[0]!.trim().toLowerCase()).executeTakeFirst()
      if (taken) throw new Error(`There is already an account for ${rest[0]}; \`user code ${rest[0]}\` makes a new sign-in code.`)
      const { code } = await addUser(db, { email: rest[0]!, name: rest[1]!, role: rest[2] as Role })
      console.log(`Account created. One-time sign-in code for ${rest[0]} (valid 7 days):\n${code}`)
      return 0
    }
    if (command === 'user' && sub === 'code' && rest.length === 1) {
      const user = await db.selectFrom('app_user').select('id').where('email', '=', rest[0]!.toLowerCase()).executeTakeFirst()
      if (!user) throw new Error(`There is no account for ${rest[0]}.`)
      console.log(await newSignInCode(db, user.id))
      return 0
    }
    if (command === 'user' && sub === 'revoke' && rest.length === 1) {
      console.log(`${await revokeDevices(db, rest[0]!)} device(s) signed out.`)
      return 0
    }
    if (command === 'member' && sub === 'remove' && rest.length === 2) {
      const removed = await removeMember(db, rest[0]!, rest[1]!)
      console.log(removed ? `${rest[0]} is no longer a member of engagement ${rest[1]}.` : `${rest[0]} was not a member of engagement ${rest[1]}.`)
      return 0
    }
    if (command === 'member' && sub === 'add' && rest.length === 2) {
      await addMember(db, rest[0]!, rest[1]!)
      console.log(`${rest[0]} is now a member of engagement ${rest[1]}.`)
      return 0
    }
    console.error(USAGE)
    return 2
  } catch (error) {
    console.error(`stagecraft-server: ${error instanceof NewerSchemaError || error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await db.destroy()
  }
}

process.exitCode = await main(process.argv.slice(2))
