import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { get } from 'node:https'
import { join } from 'node:path'
import { tempDir } from '../../helpers/temp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_MIGRATIONS } from '../../../server/migrations'
import { freshDatabase } from '../../helpers/postgres'

const BIN = 'bin/stagecraft-server.mjs'
let pg: Awaited<ReturnType<typeof freshDatabase>>
beforeAll(async () => {
  pg = await freshDatabase()
})
afterAll(async () => {
  await pg?.drop()
})

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: pg.url, ...env }, timeout: 60_000 })

describe('the stagecraft-server command', () => {
  it('migrates, creates accounts once, and says what is wrong with its configuration', () => {
    expect(run(['migrate']).status).toBe(0)
    const added = run(['user', 'add', 'Nora@Example.com', 'Nora', 'partner'])
    expect(added.status).toBe(0)
    expect(added.stdout).toMatch(/sign-in code for Nora@Example.com .*\n[0-9a-f-]{36}\.[A-Za-z0-9_-]+/)
    const again = run(['user', 'add', 'nora@example.com', 'Nora', 'partner'])
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('There is already an account for nora@example.com')
    expect(run(['user', 'add', 'x@example.com', 'X', 'owner']).status).toBe(2)
    const badUrl = run(['migrate'], { DATABASE_URL: 'mysql://nope' })
    expect(badUrl.status).toBe(2)
    expect(badUrl.stderr).toContain('DATABASE_URL must be a postgres:// address')
  })

  it('serves /health, logs JSON lines, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, DATABASE_URL: pg.url, PORT: '0' } })
    let out = ''
    const listening = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += String(d)
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
        if (m) resolve(m[1]!)
      })
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
    })
    const url = await listening
    const health = await fetch(`${url}/health`)
    expect(await health.json()).toEqual({ ok: true, schema: SERVER_MIGRATIONS.length })
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const lines = out.split('\n').filter(Boolean)
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
    expect(lines.some((l) => JSON.parse(l).msg === 'request completed')).toBe(true)
  })

  it('serves HTTPS itself when given a certificate and key', async () => {
    const tmp = tempDir()
    try {
      const cert = join(tmp.dir, 'cert.pem')
      const key = join(tmp.dir, 'key.pem')
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=IP:127.0.0.1'
        ],
        {
          stdio: 'ignore'
        }
      )
      const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, DATABASE_URL: pg.url, PORT: '0', TLS_CERT: cert, TLS_KEY: key } })
      let out = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += String(d)
          const m = /Server listening at (https:\/\/127\.0\.0\.1:\d+)/.exec(out)
          if (m) resolve(m[1]!)
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
      })
      const body = await new Promise<string>((resolve, reject) => {
        get(`${url}/health`, { ca: readFileSync(cert) }, (res) => {
          let text = ''
          res.on('data', (d: Buffer) => (text += String(d)))
          res.on('end', () => resolve(text))
        }).on('error', reject)
      })
      expect(JSON.parse(body)).toEqual({ ok: true, schema: SERVER_MIGRATIONS.length })
      expect(out).not.toContain('No TLS certificate')
      const exited = new Promise((resolve) => child.on('exit', resolve))
      child.kill('SIGTERM')
      await exited
    } finally {
      tmp.cleanup()
    }
  })
})
