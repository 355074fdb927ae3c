/**
 * Stagecraft's command line: `npm run -s cli -- assess FILE --json`.
 * Commands live in cli/commands/; this entry only wires the process to them.
 */
import { processIo } from './cli-io'
import { runCli } from './run-cli'

process.exitCode = await runCli(process.argv.slice(2), processIo())
