import type { CliIo } from './cli-io'

export interface CliOptionSpec {
  type: 'boolean' | 'string'
  description: string
}

/** One CLI command (`assess`, later `plan` and `export`), in its own module. */
export interface CliCommand {
  name: string
  /** e.g. `assess FILE [--json]` */
  usage: string
  summary: string
  /** Number of positional arguments (exactly). */
  positionals: readonly string[]
  options: Readonly<Record<string, CliOptionSpec>>
  run: (args: { positionals: string[]; options: Record<string, string | boolean | undefined> }, io: CliIo) => number | Promise<number>
}
