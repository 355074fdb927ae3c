/**
 * The last backup that could not be made (the daily one, the one on quit, a manual one, the
 * safety copy before a restore), kept beside the database in `backup-status.json` so the
 * Backups screen shows it even when it happened as the app quit. Cleared by the next backup
 * that succeeds. Written atomically, mode 0600; an unreadable file reads as "no failure".
 */
import { chmodSync, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from './files'

const BackupFailureSchema = z.strictObject({
  at: z.string().max(40),
  kind: z.enum(['daily', 'on-quit', 'manual', 'pre-restore', 'pre-import']),
  message: z.string().max(2000)
})
export type BackupFailure = z.infer<typeof BackupFailureSchema>

const StatusSchema = z.strictObject({ lastFailure: BackupFailureSchema.nullable() })
export type BackupStatus = z.infer<typeof StatusSchema>

export const backupStatusPathFor = (databasePath: string): string => join(dirname(databasePath), 'backup-status.json')

export function readBackupStatus(path: string): BackupStatus {
  try {
    if (!existsSync(path)) return { lastFailure: null }
    const parsed = StatusSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : { lastFailure: null }
  } catch {
    return { lastFailure: null }
  }
}

export function writeBackupStatus(path: string, status: BackupStatus): void {
  const checked = StatusSchema.parse({ lastFailure: status.lastFailure ? { ...status.lastFailure, message: status.lastFailure.message.slice(0, 2000) } : null })
  writeFileAtomic(path, `${JSON.stringify(checked, null, 2)}\n`)
  chmodSync(path, 0o600)
}
