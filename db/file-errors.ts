/**
 * What an error from the file system or SQLite says about the database file, so that a file
 * another program holds, a read-only folder or a full disk is reported as what it is, with a
 * retry, and never taken for damage. Only SQLite's own "corrupt" and "not a database" codes
 * (and the app's header and version checks) mean damage.
 */

/** A reason the file cannot be used right now that is not damage to it. */
export type AccessProblem = 'busy' | 'read-only' | 'no-permission' | 'no-space' | 'missing'

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/** Whether SQLite itself says the file is damaged or not a database. */
export function isDamage(error: unknown): boolean {
  const code = codeOf(error)
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'
}

/** The access problem an error stands for, or null when it is something else (damage included). */
export function accessProblemOf(error: unknown): AccessProblem | null {
  const code = codeOf(error)
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return 'busy'
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only'
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_AUTH') || code.startsWith('SQLITE_PERM')) return 'no-permission'
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' || code.startsWith('SQLITE_FULL')) return 'no-space'
  if (code === 'ENOENT') return 'missing'
  // SQLite's "unable to open database file": a folder it cannot read or create files in.
  if (code.startsWith('SQLITE_CANTOPEN')) return 'no-permission'
  if (code.startsWith('SQLITE_IOERR')) {
    // Some I/O errors are a full disk or a lock; the rest are the disk itself (not the file's contents).
    const message = error instanceof Error ? error.message : ''
    if (/disk is full|no space/i.test(message)) return 'no-space'
    if (/lock/i.test(message)) return 'busy'
  }
  return null
}

/** The user's words for an access problem, about `what` ("your database", "the backup"). */
export function describeAccessProblem(problem: AccessProblem, what = 'your database'): string {
  switch (problem) {
    case 'busy':
      return `Another program is using ${what} (a second Stagecraft window, the Stagecraft command line, or a sync or backup tool). Close it and try again.`
    case 'read-only':
      return `The folder or drive holding ${what} is read-only, so Stagecraft cannot write to it. Make it writable, or move the data to a writable folder, and try again.`
    case 'no-permission':
      return `Stagecraft is not allowed to read or write ${what}: the file or its folder does not give this user account permission. Fix the permissions and try again.`
    case 'no-space':
      return `There is not enough free space on the disk for ${what}. Free some space and try again.`
    case 'missing':
      return `${what.charAt(0).toUpperCase()}${what.slice(1)} is no longer where it was.`
  }
}

/** An error's message for the user when it is an access problem, else undefined. */
export function describeFileError(error: unknown, what?: string): string | undefined {
  const problem = accessProblemOf(error)
  return problem ? describeAccessProblem(problem, what) : undefined
}
