/**
 * Plan weeks and calendar dates. Week 1 starts on the engagement's start date; week n runs
 * from start + 7(n − 1) days to start + 7n − 1 days. Dates are ISO `YYYY-MM-DD`, computed in
 * UTC so no time zone can shift a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a string is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export function addDays(isoDate: string, days: number): string {
  const m = ISO_DATE.exec(isoDate)
  if (!m || !isIsoDate(isoDate)) throw new RangeError(`${isoDate} is not a date written YYYY-MM-DD`)
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days))
  return date.toISOString().slice(0, 10)
}

/** The first day of a plan week. */
export function weekStartDate(startDate: string, week: number): string {
  return addDays(startDate, 7 * (week - 1))
}

/** The last day of a plan week. */
export function weekEndDate(startDate: string, week: number): string {
  return addDays(startDate, 7 * week - 1)
}

/** Average weeks in a month (52 weeks over 12 months). */
export const WEEKS_PER_MONTH = 52 / 12

export const weeksToMonths = (weeks: number): number => weeks / WEEKS_PER_MONTH
export const monthsToWeeks = (months: number): number => months * WEEKS_PER_MONTH
