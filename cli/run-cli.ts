import { parseArgs } from 'node:util'
import { AppError } from '../shared/ipc/result'
import type { CliCommand } from './cli-command'
import { CliError, EXIT_FAILURE, oneLine, UsageError, type CliIo } from './cli-io'
import { assessCommand } from './commands/assess.command'
import { planCommand } from './commands/plan.command'
import { exportCommand } from './commands/export.command'
import { dbCommand } from './commands/db.command'
import { importCommand } from './commands/import.command'

export const PROGRAM = 'stagecraft'

/** Every command, in help order. */
export const COMMANDS: readonly CliCommand[] = [assessCommand, planCommand, exportCommand, dbCommand, importCommand]

export function usageText(): string {
  const lines = [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(34)} ${c.summary}`),
    '',
    'Paths are relative to the directory you run the command from.',
    ''
  ]
  return lines.join('\n')
}

function commandUsage(command: CliCommand): string {
  return `usage: ${PROGRAM} ${command.usage}`
}

function parseCommandArgs(command: CliCommand, argv: string[]) {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type }])),
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    const code = (error as { code?: string }).code
    const option = /'([^']+)'/.exec((error as Error).message)?.[1]
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${option ?? ''}`.trim()
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `option ${option ?? ''} needs a value`.replace(/\s+/g, ' ')
          : 'invalid arguments'
    throw new UsageError(`${PROGRAM} ${command.name}: ${problem}; ${commandUsage(command)}`)
  }
  const positionals = parsed.positionals
  if (positionals.length < command.positionals.length) {
    const missing = command.positionals[positionals.length]
    throw new UsageError(`${PROGRAM} ${command.name}: missing ${missing}; ${commandUsage(command)}`)
  }
  if (positionals.length > command.positionals.length) {
    const extra = positionals[command.positionals.length]
    throw new UsageError(`${PROGRAM} ${command.name}: unexpected argument "${extra}"; ${commandUsage(command)}`)
  }
  return { positionals, options: parsed.values as Record<string, string | boolean | undefined> }
}

/**
 * Runs the CLI and returns the exit code: 0 success, 1 bad input or failure, 2 usage error.
 * Errors go to stderr as one line, never with a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv
    if (name === undefined)
      throw new UsageError(`${PROGRAM}: missing command; usage: ${PROGRAM} <command> (commands: ${COMMANDS.map((c) => c.name).join(', ')})`)
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout(usageText())
      return 0
    }
    const command = COMMANDS.find((c) => c.name === name)
    if (!command) {
      throw new UsageError(`${PROGRAM}: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`)
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${commandUsage(command)}\n${command.summary}\n`)
      return 0
    }
    return await command.run(parseCommandArgs(command, [...rest]), io)
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${oneLine(error.message)}\n`)
      return error.exitCode
    }
    // The application layer's refusals (a bad file, a missing record) are the user's to fix.
    if (error instanceof AppError && error.code !== 'INTERNAL') {
      io.stderr(`${oneLine(error.message)}\n`)
      return EXIT_FAILURE
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`${PROGRAM}: unexpected error: ${oneLine(message)}\n`)
    return EXIT_FAILURE
  }
}
