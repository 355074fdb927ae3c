import { existsSync, rmSync, statSync } from 'node:fs'
import { openDatabase, type DatabaseHandle } from '../../db/connection'
import { systemDeps } from '../../db/deps'
import { DatabaseOpenError } from '../../db/errors'
import { checkDatabaseFile } from '../../db/health'
import { migrations } from '../../db/migrations'
import { importIntake, previewIntake, readIntakeBytes, type IntakeImportMode } from '../../app/intake.service'
import { alreadyHere, importPortable, looksPortable, readPortableValue, takePreImportBackup, unlockPortable, type ReadPortable } from '../../app/portable'
import { parseStrictJson, readFileBounded } from '../../app/strict-json'
import { AppError } from '../../shared/ipc/result'
import { ImportModeSchema, MAX_PORTABLE_BYTES, type ImportMode, type PortableFile } from '../../shared/schemas/portable.schema'
import type { CliCommand } from '../cli-command'
import { CliError, UsageError, type CliIo } from '../cli-io'
import { MAX_INTAKE_BYTES } from '../../app/intake.service'
import { resolveInputPath } from '../user-path'
import { databasePathFrom } from './db.command'

const USAGE = 'usage: stagecraft import FILE [--passphrase-env VAR] [--mode keep-both|replace (a .stagecraft file) | update|keep (an intake file)]'

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
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable))
    throw new UsageError(`stagecraft import: --passphrase-env takes the name of an environment variable; ${USAGE}`)
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
  usage: 'import FILE [--passphrase-env VAR] [--mode keep-both|replace|update|keep]',
  summary: 'Import an intake or .stagecraft file into the database at STAGECRAFT_DB.',
  positionals: ['FILE'],
  options: {
    'passphrase-env': { type: 'string', description: 'the environment variable that holds the passphrase of an encrypted file' },
    mode: { type: 'string', description: 'when the engagement is already there: keep-both or replace (.stagecraft); update or keep (intake file)' }
  },
  run: async ({ positionals, options }, io) => {
    const fileArg = positionals[0]!
    let mode: ImportMode | undefined
    let intakeMode: IntakeImportMode | undefined
    if (options.mode !== undefined) {
      const parsed = ImportModeSchema.safeParse(options.mode)
      if (parsed.success) mode = parsed.data
      else if (options.mode === 'update' || options.mode === 'keep') intakeMode = options.mode
      else throw new UsageError(`stagecraft import: --mode must be keep-both, replace, update or keep, not "${String(options.mode)}"; ${USAGE}`)
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
        if (mode !== undefined)
          throw new UsageError(
            `stagecraft import: --mode ${mode} applies to .stagecraft files; for an intake file that matches records already here, choose --mode update or --mode keep`
          )
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
          if (intakeMode !== undefined)
            throw new UsageError(
              `stagecraft import: --mode ${intakeMode} applies to intake files; for a .stagecraft file choose --mode keep-both or --mode replace`
            )
          const file = portable
          if (mode === undefined && (await alreadyHere(db, file.data))) {
            throw new CliError(
              `${fileArg}: "${file.data.engagement.title}" for ${file.data.client.name} is already in this database; choose --mode keep-both or --mode replace. Nothing was imported`
            )
          }
          // 3. A verified backup of what is there, then one transaction.
          if (existed) await takePreImportBackup(handle.sqlite, dbPath, systemDeps.now())
          const outcome = await db.transaction().execute((trx) => importPortable(trx, systemDeps, file, mode ?? 'keep-both'))
          const how =
            outcome.created === 'copy' ? ', as a copy beside the one already there' : outcome.created === 'replaced' ? ', replacing the one that was there' : ''
          const d = file.data
          const tracking = d.trackingItems.length > 0 ? `, ${plural(d.trackingItems.length, 'tracked item')}` : ''
          const sent = d.exports.length > 0 ? `, ${plural(d.exports.length, 'document')} sent` : ''
          io.stdout(
            `Imported "${d.engagement.title}" for ${d.client.name} (${plural(d.assessments.length, 'assessment')}, ${d.plan ? 'with its plan' : 'no plan'}${tracking}${sent}${how}) into ${dbPath}\n`
          )
        } else if (intake) {
          const data = intake
          // Records already here are never changed without a say: the changes are listed and a mode asked for.
          const preview = await previewIntake(db, data)
          if (preview.changes.length > 0 && intakeMode === undefined) {
            const listed = preview.changes.map((c) => `${c.label} ${c.from} → ${c.to}${c.commercial && preview.signed ? ' (signed terms)' : ''}`).join('; ')
            throw new CliError(
              `${fileArg}: would change what is already here (${listed}); choose --mode update to take the file's values or --mode keep to keep them. Nothing was imported`
            )
          }
          if (existed) await takePreImportBackup(handle.sqlite, dbPath, systemDeps.now())
          const how = intakeMode ?? 'update'
          const outcome = await db.transaction().execute((trx) => importIntake(trx, systemDeps, data, fileArg, how))
          const verb = (created: boolean) => (created ? 'created' : how === 'keep' || preview.changes.length === 0 ? 'kept as it was' : 'updated')
          io.stdout(
            `Imported ${fileArg} into ${dbPath}: client "${data.client.name}" ${verb(outcome.clientCreated)}, engagement "${data.engagement.title}" ${verb(outcome.engagementCreated)}, one completed assessment added\n`
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
