import { readFileSync, statSync } from 'node:fs'
import { IntakeFileSchema, intakeProblems, type IntakeFile } from '../shared/schemas/intake.schema'
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

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

/** Where JSON.parse stopped, in words ("line L, column C" when it can be told). */
function jsonErrorWhere(message: string, text: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message)
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`
  const pos = /position (\d+)/.exec(message)
  if (pos) return lineColumn(text, Number(pos[1]))
  if (/end of JSON input/i.test(message)) return 'unexpected end of file'
  const token = /Unexpected token '(.+?)'/.exec(message)?.[1]
  if (token !== undefined) {
    // V8 does not always say where; when the character occurs only once, that is the place.
    const first = text.indexOf(token)
    if (first >= 0 && text.indexOf(token, first + 1) < 0) return lineColumn(text, first)
    return `unexpected character ${JSON.stringify(token)}`
  }
  return 'syntax error'
}

/** Parses JSON text, with a one-line message naming the file when it is not JSON. */
export function parseJsonText(displayName: string, raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (text.trim() === '') throw new CliError(`${displayName}: is empty, expected a JSON object`)
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new CliError(`${displayName}: is not valid JSON (${jsonErrorWhere(message, text)})`)
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
  let raw: string
  try {
    const stats = statSync(path)
    if (stats.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' })
    if (stats.size > MAX_INTAKE_BYTES) {
      throw new CliError(`${displayName}: is too large for an intake file (over ${MAX_INTAKE_BYTES / 1024 / 1024} MB)`)
    }
    raw = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof CliError) throw error
    throw readError(displayName, error)
  }
  const intake = validateIntake(displayName, parseJsonText(displayName, raw))
  return { intake, path, displayName }
}
