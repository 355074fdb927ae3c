import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** File dialogs, passed in by the Electron host (and by tests). */
export interface FileDialogs {
  chooseFileToOpen: (options: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>
  chooseFileToSave: (options: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>
  /** A folder to keep something in (e.g. backup copies on an external drive); null when cancelled. */
  chooseFolder?: (options: { title: string }) => Promise<string | null>
}

/** Opening a written file, passed in by the Electron host (shell.openPath / showItemInFolder). */
export interface ShellPort {
  /** Resolves to an error message, or '' when the file opened. */
  openPath: (path: string) => Promise<string>
  showItemInFolder: (path: string) => void
}

/**
 * Writes a file so that a reader never sees half of it and an earlier file survives a
 * failure: write a temporary file beside it, flush it to disk, then rename over.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temp, 'w', 0o600)
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let offset = 0
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, path)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
}

/** Plain words for the usual reasons a file cannot be written. */
export function describeWriteError(error: unknown, path: string): string {
  const code = (error as { code?: string } | null)?.code
  const name = basename(path)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return `The disk is full, so ${name} was not saved. Any earlier file with that name is unchanged.`
    case 'EACCES':
    case 'EPERM':
      return `Stagecraft is not allowed to write ${name} there. Choose another folder.`
    case 'EBUSY':
      return `${name} is open in another program. Close it there and try again.`
    case 'ENOENT':
      return `The folder for ${name} no longer exists. Choose another folder.`
    default:
      return `${name} could not be saved (${code ?? 'unknown error'}). Any earlier file with that name is unchanged.`
  }
}
