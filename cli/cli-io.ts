/** What a command may touch: output streams, the user's directory and the environment. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The process's working directory (npm run moves it to the package root). */
  cwd: string
  env: Readonly<Record<string, string | undefined>>
}

/** An error meant for the user: printed as one line on stderr, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** Exit code for bad input files and other failures. */
export const EXIT_FAILURE = 1
/** Exit code for a wrong command line. */
export const EXIT_USAGE = 2

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE)
    this.name = 'UsageError'
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env
  }
}

/** Collapses whitespace so a message stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
