/**
 * A small real file system (tmpfs) for tests of a full disk and a read-only drive. Mounting
 * needs root, which the build machines have; `smallDiskAvailable` says whether this one can.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let available: boolean | undefined

/** Whether tmpfs can be mounted here (root on Linux). */
export function smallDiskAvailable(): boolean {
  if (available !== undefined) return available
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return (available = false)
  const probe = mkdtempSync(join(tmpdir(), 'stagecraft-disk-probe-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0
  if (mounted) spawnSync('umount', [probe])
  rmSync(probe, { recursive: true, force: true })
  return (available = mounted)
}

export interface SmallDisk {
  dir: string
  /** Makes the disk read-only (as a write-protected drive is), or writable again. */
  setReadOnly: (readOnly: boolean) => void
  /** Fills the disk up to the last `leaveBytes` bytes. */
  fill: (leaveBytes?: number) => void
  unmount: () => void
}

/** Mounts a fresh tmpfs of `megabytes` MB; call `unmount` when done. */
export function mountSmallDisk(megabytes: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'stagecraft-disk-'))
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`could not mount a ${megabytes} MB tmpfs: ${r.stderr}`)
  return {
    dir,
    setReadOnly: (readOnly) => {
      const m = spawnSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir], { encoding: 'utf8' })
      if (m.status !== 0) throw new Error(`could not remount ${dir}: ${m.stderr}`)
    },
    fill: (leaveBytes = 0) => {
      // dd stops at "No space left on device"; then the filler is cut back to leave room.
      spawnSync('dd', ['if=/dev/zero', `of=${join(dir, '.filler')}`, 'bs=64k'], { encoding: 'utf8' })
      if (leaveBytes > 0) spawnSync('truncate', ['-s', `-${leaveBytes}`, join(dir, '.filler')])
    },
    unmount: () => {
      spawnSync('umount', ['-l', dir])
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
