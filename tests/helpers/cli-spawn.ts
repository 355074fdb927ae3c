/**
 * Running the real command line in a child process (node with the tsx loader, as `npm run
 * cli` does), for the integration tests of each command.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect } from 'vitest'

export const ROOT = resolve(__dirname, '../..')
export const FIXTURES = join(ROOT, 'tests/fixtures/intake')
export const MAIN = join(ROOT, 'cli/main.ts')
export const BIN = join(ROOT, 'bin/stagecraft.mjs')
export const TSX_LOADER = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href

/** A clean environment: no npm script variables or database path leaking in from the test runner. */
export const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD' && k !== 'STAGECRAFT_DB')
) as NodeJS.ProcessEnv

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `stagecraft ARGS` in `cwd` and waits for it. */
export function spawnCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): CliRun {
  const r = spawnSync(process.execPath, ['--import', TSX_LOADER, MAIN, ...args], {
    cwd: options.cwd,
    env: { ...CLEAN_ENV, ...options.env },
    encoding: 'utf8'
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The command failed with `code`, printing nothing but one line (no stack) that matches. */
export function expectOneLineError(r: CliRun, code: number, line: RegExp): void {
  expect(r.stdout).toBe('')
  expect(r.stderr.endsWith('\n')).toBe(true)
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(r.stderr.trimEnd()).toMatch(line)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.code).toBe(code)
}

/** A good intake file (the api-startup fixture) changed by `change`, as JSON text, for refusal cases. */
export function intakeVariant(change: (d: Record<string, any>) => void): string {
  const d = JSON.parse(readFileSync(join(FIXTURES, 'api-startup.json'), 'utf8')) as Record<string, any>
  change(d)
  return JSON.stringify(d)
}
