/**
 * Dates, numbers and amounts written for the document's locale with Intl. Dates are
 * calendar dates: written in UTC so the day does not shift with the machine's time zone.
 */

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-GB'
  } catch {
    return 'en-GB'
  }
}

/**
 * Intl formatters are slow to create (a long proposal formats thousands of values), so each
 * locale-and-options pair is made once. Bounded: a session uses a handful of locales.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let f = FORMATTERS.get(key) as T | undefined
  if (!f) {
    if (FORMATTERS.size >= 200) FORMATTERS.clear()
    f = make()
    FORMATTERS.set(key, f)
  }
  return f
}

/** A date or instant as a long date, e.g. "3 March 2025" (en-GB) or "March 3, 2025" (en-US). */
export function formatDate(value: Date | string, locale: string): string {
  const date = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value
  if (Number.isNaN(date.getTime())) return String(value)
  return cached(`date|${locale}`, () => new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })).format(date)
}

/** A number with at most `digits` decimals, grouped for the locale. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return cached(`number|${locale}|${digits}`, () => new Intl.NumberFormat(safeLocale(locale), { maximumFractionDigits: digits })).format(value)
}

/** An amount of money in the engagement's currency, without minor units for whole amounts. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const whole = Number.isInteger(amount)
  try {
    const make = () =>
      new Intl.NumberFormat(safeLocale(locale), {
        style: 'currency',
        currency,
        ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {})
      })
    return cached(`money|${locale}|${currency}|${whole}`, make).format(amount)
  } catch {
    return `${formatNumber(amount, locale, 2)} ${currency}`
  }
}

/** A list joined the locale's way: "a, b and c". */
export function formatList(items: readonly string[], locale: string): string {
  return cached(`list|${locale}`, () => new Intl.ListFormat(safeLocale(locale), { style: 'long', type: 'conjunction' })).format(items)
}

/** A short calendar date, e.g. "3 Mar" (en-GB) or "Mar 3" (en-US), in UTC. */
export function formatShortDate(value: Date | string, locale: string): string {
  const date = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value
  if (Number.isNaN(date.getTime())) return String(value)
  return cached(`short|${locale}`, () => new Intl.DateTimeFormat(safeLocale(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' })).format(date)
}

/** A share as a percentage, e.g. 0.35 → "35%". */
export function formatPercent(value: number, locale: string, digits = 0): string {
  return cached(`percent|${locale}|${digits}`, () => new Intl.NumberFormat(safeLocale(locale), { style: 'percent', maximumFractionDigits: digits })).format(
    value
  )
}
