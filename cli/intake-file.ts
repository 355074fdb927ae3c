import { readFileSync, statSync } from 'node:fs'
import type { IntakeFile } from '../shared/schemas/intake.schema'
import { AppError } from '../shared/ipc/result'
import { MAX_INTAKE_BYTES, readIntakeBytes } from '../app/intake.service'
import { CliError, oneLine, type CliIo } from './cli-io'
import { resolveInputPath } from './user-path'

export interface LoadedIntake {
  intake: IntakeFile
  /** Absolute path that was read. */
  path: string
  /** The path as the user wrote it (used in messages). */
  displayName: string
}

function readError(displayName: string, error: unknown): CliError {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOENT':
      return new CliError(`${displayName}: file not found`)
    case 'EISDIR':
      return new CliError(`${displayName}: is a directory, not a file`)
    case 'EACCES':
    case 'EPERM':
      return new CliError(`${displayName}: cannot be read (permission denied)`)
    default:
      return new CliError(`${displayName}: cannot be read (${typeof code === 'string' ? code : 'unknown error'})`)
  }
}

/** Reads, parses and validates an intake file given on the command line. */
export function loadIntakeFile(fileArg: string, io: CliIo): LoadedIntake {
  const displayName = fileArg
  const path = resolveInputPath(fileArg, io)
  let bytes: Buffer
  try {
    const stats = statSync(path)
    if (stats.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' })
    if (stats.size > MAX_INTAKE_BYTES) {
      throw new CliError(`${displayName}: is too large for an intake file (over ${MAX_INTAKE_BYTES / 1024 / 1024} MB)`)
    }
    bytes = readFileSync(path)
  } catch (error) {
    if (error instanceof CliError) throw error
    throw readError(displayName, error)
  }
  // The same reading as the app's import: valid UTF-8 only, no field given twice, bounded depth.
  try {
    return { intake: readIntakeBytes(displayName, bytes), path, displayName }
  } catch (error) {
    if (error instanceof AppError) throw new CliError(oneLine(error.message))
    throw error
  }
}
