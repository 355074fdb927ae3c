import { resolve } from 'node:path'
import { ACCESS_PROBLEMS, checkDatabaseFile, countContents } from '../../db/health'
import { replaceDatabaseFile } from '../../db/backup'
import { setAsideDamaged } from '../../db/salvage'
import { migrations } from '../../db/migrations'
import type { CliCommand } from '../cli-command'
import { CliError, UsageError, type CliIo } from '../cli-io'
import { userDirectory } from '../user-path'

/** The database the CLI works on: `STAGECRAFT_DB`, relative to the directory the user ran it from. */
export function databasePathFrom(io: CliIo, command: string): string {
  const value = io.env.STAGECRAFT_DB
  if (!value) throw new CliError(`stagecraft ${command}: STAGECRAFT_DB is not set; set it to the path of the Stagecraft database`)
  return resolve(userDirectory(io), value)
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * `db check`: the app's start-up checks (header, quick_check, foreign_key_check) on the
 * database at STAGECRAFT_DB. A damaged file (or another program's) is handled exactly as the
 * app does: what can still be read is copied into a new file, and the damaged file is set aside
 * into `quarantine/` with its -wal/-shm files. When nothing was lost (only the search index or
 * an index was damaged) the rebuilt file takes its place; otherwise it is left in the quarantine
 * folder as `salvaged.db`, and the app offers the newest backup. A database from a newer
 * version of Stagecraft, and one that is only locked by another program, read-only or not
 * permitted, is left untouched.
 */
export const dbCommand: CliCommand = {
  name: 'db',
  usage: 'db check',
  summary: 'Check the database at STAGECRAFT_DB as the app does at start; repair it, or set a damaged one aside.',
  positionals: ['ACTION'],
  options: {},
  run: async ({ positionals }, io) => {
    const action = positionals[0]
    if (action !== 'check') throw new UsageError(`stagecraft db: unknown action "${action}"; usage: stagecraft db check`)
    const path = databasePathFrom(io, 'db check')
    const latest = migrations.length
    const verdict = checkDatabaseFile(path, latest)
    if (verdict.ok) {
      const counts = countContents(path)
      const contents = counts
        ? `${plural(counts.clients, 'client')}, ${plural(counts.engagements, 'engagement')}, ${plural(counts.assessments, 'assessment')}`
        : 'contents not counted'
      const update = verdict.schemaVersion < latest ? `; the app will update it to data version ${latest} when it opens it` : ''
      io.stdout(`${path}: healthy (data version ${verdict.schemaVersion}, integrity and foreign keys ok; ${contents}${update})\n`)
      return 0
    }
    if (verdict.problem === 'missing') throw new CliError(`${path}: there is no database file there`)
    if (verdict.problem === 'too-new') {
      throw new CliError(`${path}: ${verdict.detail} Update Stagecraft; the database has not been changed`)
    }
    if (ACCESS_PROBLEMS.has(verdict.problem)) {
      // Locked, read-only or not permitted is not damage: the file stays where it is.
      throw new CliError(`${path}: ${verdict.detail} The file has not been moved or changed`)
    }
    const { quarantineFolder: folder, salvage } = await setAsideDamaged(path, verdict.problem, new Date())
    // SQLite's report can run over several lines: one line here, as for every other answer.
    const detail = verdict.detail.replace(/\s*\n\s*/g, '; ')
    if (salvage?.report.complete) {
      await replaceDatabaseFile(salvage.path, path)
      io.stdout(
        `${path}: repaired. ${detail} Every record could still be read, and the search index and indexes were rebuilt; the damaged file is kept, with its -wal/-shm files, in ${folder}\n`
      )
      return 0
    }
    const salvaged = salvage ? ` What could still be read (${plural(salvage.report.rows, 'record')}) is in ${salvage.path}.` : ''
    throw new CliError(
      `${path}: ${detail} It has been moved, with its -wal/-shm files, to ${folder};${salvaged} start Stagecraft to restore the newest backup or start empty`
    )
  }
}
