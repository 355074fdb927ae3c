// Damage on purpose, where a test chooses: pages of one table or index scribbled over, as a
// failing disk or a stray write would leave them.
import { closeSync, openSync, writeSync } from 'node:fs'
import Sqlite from 'better-sqlite3'

/** The pages of a table or index, from SQLite's dbstat (`leaf` pages only when asked). */
export function pagesOf(path: string, name: string, type?: 'leaf' | 'internal'): number[] {
  const db = new Sqlite(path, { readonly: true })
  try {
    const rows = db.prepare(`SELECT pageno, pagetype FROM dbstat WHERE name = ? ORDER BY pageno`).all(name) as { pageno: number; pagetype: string }[]
    return rows.filter((r) => type === undefined || r.pagetype === type).map((r) => r.pageno)
  } finally {
    db.close()
  }
}

/** Overwrites whole pages of the file with a pattern SQLite cannot read as a page. */
export function scribblePages(path: string, pages: readonly number[]): void {
  const db = new Sqlite(path, { readonly: true })
  const size = db.pragma('page_size', { simple: true }) as number
  db.close()
  const fd = openSync(path, 'r+')
  try {
    for (const page of pages) writeSync(fd, Buffer.alloc(size, 0xa5), 0, size, (page - 1) * size)
  } finally {
    closeSync(fd)
  }
}
