import type Sqlite from 'better-sqlite3'
import { groupOf, SYNC_TABLES, type SyncTable } from '../../shared/domain/sync/catalogue'

/**
 * Team mode's tables in the laptop's database. They are installed when the consultant
 * joins a team, never before: without a team the database is exactly as it was.
 *
 * - `sync_state`: this device's id, its clock, the last change number pulled, and whether
 *   local writes are being captured (off while pulled changes are applied).
 * - `sync_outbox`: every local change to a shared table, written by triggers in the
 *   same transaction as the change itself, until the server acknowledges it.
 * - `sync_meta`: the server's stamp for each field of each shared row, the base a
 *   guarded edit is made over.
 * - `sync_conflict`: the conflicts this consultant can see, for the inbox.
 *
 * The triggers are plain SQL (no functions registered by the app), so a write through
 * any connection to the file is captured.
 */
export function installTeamSync(sqlite: Sqlite.Database, deviceId: string): void {
  sqlite.transaction(() => {
    sqlite.exec(`
      CREATE TABLE IF NOT EXISTS sync_state (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        device_id TEXT NOT NULL,
        wall INTEGER NOT NULL DEFAULT 0,
        counter INTEGER NOT NULL DEFAULT 0,
        cursor INTEGER NOT NULL DEFAULT 0,
        capturing INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE IF NOT EXISTS sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL UNIQUE,
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('upsert', 'delete', 'resolve')),
        fields TEXT NOT NULL,
        base TEXT NOT NULL,
        at INTEGER NOT NULL,
        stamp TEXT
      );
      CREATE TABLE IF NOT EXISTS sync_meta (
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        stamps TEXT NOT NULL,
        PRIMARY KEY (tbl, row_key)
      );
      CREATE TABLE IF NOT EXISTS sync_conflict (
        id TEXT PRIMARY KEY,
        fields TEXT NOT NULL,
        change_no INTEGER NOT NULL
      );
    `)
    sqlite.prepare('INSERT INTO sync_state (one, device_id) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET device_id = excluded.device_id').run(deviceId)
    for (const t of SYNC_TABLES) for (const statement of captureTriggers(t)) sqlite.exec(statement)
  })()
}

export function teamSyncInstalled(sqlite: Sqlite.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sync_state'").get() !== undefined
}

const NOW_MS = `CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)`
const capturing = `(SELECT capturing FROM sync_state) = 1`

function keyOf(t: SyncTable, ref: string): string {
  return `json_array(${t.key.map((k) => `${ref}.${k}`).join(', ')})`
}

function fieldsOf(t: SyncTable, ref: string): string {
  return `json_object(${t.fields.map((f) => `'${f}', ${t.bytes.includes(f) ? `hex(${ref}.${f})` : `${ref}.${f}`}`).join(', ')})`
}

function baseOf(t: SyncTable): string {
  if (!t.guarded.length) return `'{}'`
  const meta = `(SELECT stamps FROM sync_meta WHERE tbl = '${t.name}' AND row_key = ${keyOf(t, 'NEW')})`
  return `json_object(${t.guarded.map((f) => `'${f}', json_extract(${meta}, '$.${f}')`).join(', ')})`
}

function outbox(t: SyncTable, action: 'upsert' | 'delete', ref: 'NEW' | 'OLD', fields: string, base: string): string {
  return `INSERT INTO sync_outbox (op_id, tbl, row_key, action, fields, base, at)
    VALUES (lower(hex(randomblob(16))), '${t.name}', ${keyOf(t, ref)}, '${action}', ${fields}, ${base}, ${NOW_MS});`
}

export function captureTriggers(t: SyncTable): string[] {
  const changed = (f: string) => `NEW.${f} IS NOT OLD.${f}`
  const statements = [
    `CREATE TRIGGER IF NOT EXISTS sync_capture_${t.name}_insert AFTER INSERT ON ${t.name} WHEN ${capturing} BEGIN
      ${outbox(t, 'upsert', 'NEW', fieldsOf(t, 'NEW'), baseOf(t))}
    END`,
    `CREATE TRIGGER IF NOT EXISTS sync_capture_${t.name}_delete AFTER DELETE ON ${t.name} WHEN ${capturing} BEGIN
      ${outbox(t, 'delete', 'OLD', `'{}'`, `'{}'`)}
    END`
  ]
  if (t.kind === 'record') {
    // Only the fields that changed travel (with the rest of their group).
    const kept = t.fields.map((f) => `CASE WHEN ${groupOf(t, f).map(changed).join(' OR ')} THEN '$.__none' ELSE '$.${f}' END`)
    statements.push(`CREATE TRIGGER IF NOT EXISTS sync_capture_${t.name}_update AFTER UPDATE ON ${t.name}
      WHEN ${capturing} AND (${t.fields.map(changed).join(' OR ')}) BEGIN
      ${outbox(t, 'upsert', 'NEW', `json_remove(${fieldsOf(t, 'NEW')}, ${kept.join(', ')})`, baseOf(t))}
    END`)
  }
  return statements
}

/**
 * Joining a team: every shared row already in the database goes into the outbox as this
 * device's change, parents first, in the same transaction as the sync tables. The upload
 * is then ordinary pushing in batches, so a dropped connection resumes where it stopped
 * (operation ids make a repeated batch harmless). Returns the number of rows queued.
 */
export function installAndQueueExisting(sqlite: Sqlite.Database, deviceId: string): number {
  return sqlite.transaction(() => {
    const already = teamSyncInstalled(sqlite)
    installTeamSync(sqlite, deviceId)
    if (already) return 0
    let queued = 0
    for (const t of SYNC_TABLES) {
      const r = sqlite
        .prepare(
          `INSERT INTO sync_outbox (op_id, tbl, row_key, action, fields, base, at)
           SELECT lower(hex(randomblob(16))), '${t.name}', ${keyOf(t, t.name)}, 'upsert', ${fieldsOf(t, t.name)}, '{}', ${NOW_MS}
           FROM ${t.name} ORDER BY ${t.key.join(', ')}`
        )
        .run()
      queued += r.changes
    }
    return queued
  })()
}
