const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })

/** Dates as the user's locale writes them; `YYYY-MM-DD` strings are calendar dates, not instants. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return Number.isNaN(date.getTime()) ? '—' : dateFormat.format(date)
}

// Creating an Intl formatter costs far more than using one; long tables format hundreds of values.
const moneyFormats = new Map<string, Intl.NumberFormat>()
const countFormat = new Intl.NumberFormat()

/** A whole number grouped the user's way, e.g. "12,400". */
export const formatCount = (n: number): string => countFormat.format(n)

export function formatMoney(amount: number, currency: string): string {
  try {
    let format = moneyFormats.get(currency)
    if (!format) {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 })
      moneyFormats.set(currency, format)
    }
    return format.format(amount)
  } catch {
    return `${formatCount(amount)} ${currency}`
  }
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat.format(date)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** "1 client", "3 clients". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`

export const describeCounts = (c: { clients: number; engagements: number; assessments: number }): string =>
  `${plural(c.clients, 'client')} · ${plural(c.engagements, 'engagement')} · ${plural(c.assessments, 'assessment')}`
