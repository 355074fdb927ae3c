import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { CliIo } from './cli-io'

/**
 * The directory the user ran the command from. `npm run` starts scripts in the package root
 * and records the original directory in INIT_CWD; outside an npm script the process's own
 * working directory is the user's (an INIT_CWD inherited from some outer npm process is
 * ignored then).
 */
export function userDirectory(io: CliIo): string {
  const initCwd = io.env.INIT_CWD
  if (initCwd && io.env.npm_lifecycle_event) return initCwd
  return io.cwd
}

/** Resolves an output path (such as `--out`) against the user's directory. */
export function resolveOutputPath(arg: string, io: CliIo): string {
  return resolve(userDirectory(io), arg)
}

/**
 * Resolves an input file against the user's directory; when it is not there but exists
 * relative to the process's working directory, that one is used instead.
 */
export function resolveInputPath(arg: string, io: CliIo): string {
  if (isAbsolute(arg)) return arg
  const primary = resolve(userDirectory(io), arg)
  if (existsSync(primary)) return primary
  const fallback = resolve(io.cwd, arg)
  return existsSync(fallback) ? fallback : primary
}
