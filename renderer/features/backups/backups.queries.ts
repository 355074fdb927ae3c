/** Query keys of the Backups screen. */
export const backupKeys = {
  all: ['backups'] as const
}
