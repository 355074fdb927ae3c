/**
 * Calendar arithmetic for tracking, on ISO `YYYY-MM-DD` dates in UTC (no time zone can
 * shift a day). Pure: no Node, DOM or Electron imports.
 */
import { addDays } from '../planning/weeks'

export { addDays }

const DAY_MS = 86_400_000

const utc = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00.000Z`)

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS)
}

/** The calendar date of an instant, in UTC. */
export const dateOf = (instant: Date): string => instant.toISOString().slice(0, 10)

/** The Monday of the ISO week a date falls in. */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(utc(isoDate)).getUTCDay() // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7))
}

/** The ISO week label of a date, e.g. `2026-W10` (the week-numbering year may differ from the calendar year). */
export function isoWeekOf(isoDate: string): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(mondayOf(isoDate), 3)
  const year = Number(thursday.slice(0, 4))
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}
