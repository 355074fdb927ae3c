import { readFileSync, statSync } from 'node:fs'
import { IntakeFileSchema, intakeProblems, type IntakeFile } from '../shared/schemas/intake.schema'
import { AppError } from '../shared/ipc/result'
import { parseStrictJson } from '../electron/services/strict-json.service'
import { CliError, oneLine, type CliIo } from './cli-io'
import { resolveInputPath } from './user-path'

/** Intake files are small; anything bigger is not one. */
export const MAX_INTAKE_BYTES = 5 * 1024 * 1024

export interface LoadedIntake {
  intake: IntakeFile
  /** Absolute path that was read. */
  path: string
  /** The path as the user wrote it (used in messages). */
  displayName: string
}

/** `FILE: field.path: problem` — the one line printed for a bad intake file. */
export function formatIntakeError(displayName: string, problems: readonly { path: string; message: string }[]): string {
  const [first, ...rest] = problems
  if (!first) return `${displayName}: is not a valid intake file`
  const where = first.path ? `${first.path}: ` : ''
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`
  return oneLine(`${displayName}: ${where}${first.message}${more}`)
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

/** Validates parsed JSON as an intake file; throws a one-line CliError naming the field. */
export function validateIntake(displayName: string, data: unknown): IntakeFile {
  const parsed = IntakeFileSchema.safeParse(data)
  if (parsed.success) return parsed.data
  throw new CliError(formatIntakeError(displayName, intakeProblems(parsed.error)))
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
  let data: unknown
  try {
    data = parseStrictJson(displayName, bytes)
  } catch (error) {
    if (error instanceof AppError) throw new CliError(oneLine(error.message))
    throw error
  }
  const intake = validateIntake(displayName, data)
  return { intake, path, displayName }
}
