/**
 * Logged days as CSV for invoicing: one line per engagement and month (or, in detail, per
 * entry). RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark so spreadsheet apps
 * read accents right.
 *
 * Safe against formula injection: a text cell that a spreadsheet could read as a formula
 * gets a leading apostrophe (shown as text, not evaluated). That is a cell beginning with =,
 * +, -, @ (or their full-width forms), after any spaces, or with a tab, carriage return or
 * line feed. A cell holding a semicolon or a tab is quoted as well as one holding a comma:
 * where the locale's list separator is a semicolon (most of Europe), a spreadsheet splits an
 * unquoted cell there, and what follows the separator would start a cell of its own.
 * Numbers are our own and written as plain numbers.
 */
import { basename } from 'node:path'
import { AppError } from '../shared/ipc/result'
import type { TimeCsvInput } from '../shared/schemas/tracking.schema'
import { loggedDaysByMonth, timeEntriesForExport } from '../db/repositories/tracking.repository'
import type { Db } from '../db/repositories/client.repository'
import { describeWriteError, writeFileAtomic, type FileDialogs } from './files'

const FORMULA_START = /^(?:[\s\u00A0\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/

/** One CSV cell: text is neutralised and quoted when needed; numbers are written as they are. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",;\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

const round2 = (n: number) => Math.round(n * 100) / 100

export async function buildTimeCsv(db: Db, input: TimeCsvInput): Promise<{ csv: string; rows: number }> {
  const query = { engagementId: input.engagementId, from: input.from, to: input.to }
  if (input.detail) {
    const rows = await timeEntriesForExport(db, query)
    return {
      rows: rows.length,
      csv: toCsv(
        ['Client', 'Engagement', 'Consultant', 'Month', 'Date', 'Task', 'Days', 'Note'],
        rows.map((r) => [r.client_name, r.title, r.consultant, r.date.slice(0, 7), r.date, r.item_title ?? r.item_id ?? '', r.days, r.note])
      )
    }
  }
  const rows = await loggedDaysByMonth(db, query)
  return {
    rows: rows.length,
    csv: toCsv(
      ['Client', 'Engagement', 'Consultant', 'Month', 'Days', 'Entries', 'Day rate', 'Currency', 'Amount'],
      rows.map((r) => [r.client_name, r.title, r.consultant, r.month, r.days, r.entries, r.day_rate, r.currency, round2(r.days * r.day_rate)])
    )
  }
}

export function timeCsvFileName(input: TimeCsvInput, today: string): string {
  const span = input.from || input.to ? `${input.from ?? 'start'}-to-${input.to ?? 'now'}` : today
  return `logged-days-${span}${input.detail ? '-detail' : ''}.csv`
}

/** Asks where to save, then writes atomically. */
export async function exportTimeCsv(
  db: Db,
  dialogs: FileDialogs | undefined,
  input: TimeCsvInput,
  today: string
): Promise<{ status: 'cancelled' } | { status: 'exported'; fileName: string; rows: number }> {
  if (input.from && input.to && input.from > input.to) throw new AppError('INVALID_INPUT', 'The first month comes after the last month.')
  if (input.engagementId && !(await db.selectFrom('engagement').select('id').where('id', '=', input.engagementId).executeTakeFirst())) {
    throw new AppError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.')
  }
  if (!dialogs) throw new AppError('INTERNAL', 'Saving files is not available here.')
  const { csv, rows } = await buildTimeCsv(db, input)
  const path = await dialogs.chooseFileToSave({
    title: 'Export logged days',
    defaultName: timeCsvFileName(input, today),
    filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }]
  })
  if (!path) return { status: 'cancelled' }
  const target = path.toLowerCase().endsWith('.csv') ? path : `${path}.csv`
  try {
    writeFileAtomic(target, csv)
  } catch (error) {
    throw new AppError('INTERNAL', describeWriteError(error, target))
  }
  return { status: 'exported', fileName: basename(target), rows }
}
