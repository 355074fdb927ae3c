import { existsSync, rmSync, statSync } from 'node:fs'
import { openDatabase, type DatabaseHandle } from '../../db/connection'
import { systemDeps } from '../../db/deps'
import { DatabaseOpenError } from '../../db/errors'
import { checkDatabaseFile } from '../../db/health'
import { migrations } from '../../db/migrations'
import { importIntake, readIntakeBytes } from '../../electron/services/intake.service'
import {
  alreadyHere,
  importPortable,
  looksPortable,
  readPortableValue,
  takePreImportBackup,
  unlockPortable,
  type ReadPortable
} from '../../electron/services/portable.service'
import { parseStrictJson, readFileBounded } from '../../electron/services/strict-json.service'
import { AppError } from '../../shared/ipc/result'
import { ImportModeSchema, MAX_PORTABLE_BYTES, type ImportMode, type PortableFile } from '../../shared/schemas/portable.schema'
import type { CliCommand } from '../cli-command'
import { CliError, UsageError, type CliIo } from '../cli-io'
import { MAX_INTAKE_BYTES } from '../intake-file'
import { resolveInputPath } from '../user-path'
import { databasePathFrom } from './db.command'

const USAGE = 'usage: stagecraft import FILE [--passphrase-env VAR] [--mode keep-both|replace]'

/** Service errors carry messages written for the user: one line, exit 1. */
function asCliError(error: unknown): unknown {
  if (error instanceof AppError) return new CliError(error.message)
  if (error instanceof DatabaseOpenError) return new CliError(error.message)
  return error
}

function readInput(fileArg: string, io: CliIo): Buffer {
  const path = resolveInputPath(fileArg, io)
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new CliError(code === 'ENOENT' ? `${fileArg}: file not found` : `${fileArg}: cannot be read (${code ?? 'unknown error'})`)
  }
  if (stats.isDirectory()) throw new CliError(`${fileArg}: is a directory, not a file`)
  return readFileBounded(path, MAX_PORTABLE_BYTES, 'a Stagecraft or intake file')
}

function passphraseFrom(io: CliIo, variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new UsageError(`stagecraft import: --passphrase-env takes the name of an environment variable; ${USAGE}`)
  const value = io.env[variable]
  if (value === undefined || value === '') {
    throw new CliError(`stagecraft import: the environment variable ${variable} (from --passphrase-env) is not set; put the passphrase in it`)
  }
  return value
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * `import FILE`: an intake file or a `.stagecraft` file (plain or encrypted) into the
 * database at STAGECRAFT_DB, created if absent. The same path as the app: the file is read
 * and validated completely first, then a verified backup is taken, then one transaction
 * writes it. Passphrases come only from an environment variable, never the command line.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE [--passphrase-env VAR] [--mode keep-both|replace]',
  summary: 'Import an intake or .stagecraft file into the database at STAGECRAFT_DB.',
  positionals: ['FILE'],
  options: {
    'passphrase-env': { type: 'string', description: 'the environment variable that holds the passphrase of an encrypted file' },
    mode: { type: 'string', description: 'when the engagement is already there: keep-both or replace' }
  },
  run: async ({ positionals, options }, io) => {
    const fileArg = positionals[0]!
    let mode: ImportMode | undefined
    if (options.mode !== undefined) {
      const parsed = ImportModeSchema.safeParse(options.mode)
      if (!parsed.success) throw new UsageError(`stagecraft import: --mode must be keep-both or replace, not "${String(options.mode)}"; ${USAGE}`)
      mode = parsed.data
    }
    const passphrase = passphraseFrom(io, typeof options['passphrase-env'] === 'string' ? options['passphrase-env'] : undefined)
    const dbPath = databasePathFrom(io, 'import')

    try {
      // 1. Read and validate everything before the database is touched.
      const bytes = readInput(fileArg, io)
      const value = parseStrictJson(fileArg, bytes)
      let portable: PortableFile | null = null
      let intake = null
      if (looksPortable(value)) {
        const read: ReadPortable = readPortableValue(fileArg, value)
        if (read.kind === 'encrypted') {
          if (passphrase === undefined) {
            throw new CliError(`${fileArg}: is encrypted; give --passphrase-env VAR, naming an environment variable that holds its passphrase`)
          }
          portable = await unlockPortable(fileArg, read.envelope, passphrase)
        } else {
          portable = read.file
        }
      } else {
        if (bytes.length > MAX_INTAKE_BYTES) throw new CliError(`${fileArg}: is too large for an intake file (over ${MAX_INTAKE_BYTES / 1024 / 1024} MB)`)
        if (mode !== undefined) throw new UsageError(`stagecraft import: --mode applies to .stagecraft files; an intake file updates the client and engagement with the same names`)
        intake = readIntakeBytes(fileArg, bytes)
      }

      // 2. The database: checked as the app checks it, created when absent.
      const existed = existsSync(dbPath)
      if (existed) {
        const verdict = checkDatabaseFile(dbPath, migrations.length)
        if (!verdict.ok) throw new CliError(`${dbPath}: ${verdict.detail} Nothing was imported; run "stagecraft db check" for details`)
      }
      let handle: DatabaseHandle | undefined
      let done = false
      try {
        handle = await openDatabase(dbPath, { now: systemDeps.now })
        const db = handle.db
        if (portable) {
          const file = portable
          if (mode === undefined && (await alreadyHere(db, file.data))) {
            throw new CliError(
              `${fileArg}: "${file.data.engagement.title}" for ${file.data.client.name} is already in this database; choose --mode keep-both or --mode replace. Nothing was imported`
            )
          }
          // 3. A verified backup of what is there, then one transaction.
          if (existed) await takePreImportBackup(handle.sqlite, dbPath, systemDeps.now())
          const outcome = await db.transaction().execute((trx) => importPortable(trx, systemDeps, file, mode ?? 'keep-both'))
          const how = outcome.created === 'copy' ? ', as a copy beside the one already there' : outcome.created === 'replaced' ? ', replacing the one that was there' : ''
          const d = file.data
          const tracking = d.trackingItems.length > 0 ? `, ${plural(d.trackingItems.length, 'tracked item')}` : ''
          const sent = d.exports.length > 0 ? `, ${plural(d.exports.length, 'document')} sent` : ''
          io.stdout(
            `Imported "${d.engagement.title}" for ${d.client.name} (${plural(d.assessments.length, 'assessment')}, ${d.plan ? 'with its plan' : 'no plan'}${tracking}${sent}${how}) into ${dbPath}\n`
          )
        } else if (intake) {
          const data = intake
          if (existed) await takePreImportBackup(handle.sqlite, dbPath, systemDeps.now())
          const outcome = await db.transaction().execute((trx) => importIntake(trx, systemDeps, data, fileArg))
          io.stdout(
            `Imported ${fileArg} into ${dbPath}: client "${data.client.name}" ${outcome.clientCreated ? 'created' : 'updated'}, engagement "${data.engagement.title}" ${outcome.engagementCreated ? 'created' : 'updated'}, one completed assessment added\n`
          )
        }
        done = true
      } finally {
        await handle?.close()
        // A database this command created for an import that did not happen is not left behind.
        if (!existed && !done) for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true })
      }
      return 0
    } catch (error) {
      throw asCliError(error)
    }
  }
}
