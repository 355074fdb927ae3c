import { z } from 'zod'

/**
 * Active ISO 4217 alphabetic currency codes (the standard's list of current currencies and
 * funds), sorted. Left out on purpose, because nobody bills consulting days in them:
 * precious metals (XAU, XAG, XPD, XPT), bond-market units (XBA–XBD), the SDR and other
 * supranational units (XDR, XSU, XUA), the testing code XTS and "no currency" XXX.
 * Codes withdrawn from the standard (e.g. HRK, replaced by EUR in 2023) are not accepted.
 */
export const CURRENCY_CODES = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN',
  'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BOV',
  'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF',
  'CHW', 'CLF', 'CLP', 'CNY', 'COP', 'COU', 'CRC', 'CUP', 'CVE', 'CZK',
  'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP',
  'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL',
  'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD',
  'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT',
  'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD',
  'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR',
  'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN',
  'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF',
  'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS',
  'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND',
  'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'USN', 'UYI',
  'UYU', 'UYW', 'UZS', 'VED', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD',
  'XCG', 'XOF', 'XPF', 'YER', 'ZAR', 'ZMW', 'ZWG'
] as const

export type CurrencyCode = (typeof CURRENCY_CODES)[number]

const CURRENCY_SET: ReadonlySet<string> = new Set(CURRENCY_CODES)

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && CURRENCY_SET.has(value)
}

/** An active ISO 4217 code written in capitals, such as EUR, USD or GBP. */
export const CurrencyCodeSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a currency code such as EUR') })
  .refine(isCurrencyCode, {
    error: (iss) =>
      typeof iss.input === 'string' && /^[A-Z]{3}$/.test(iss.input)
        ? 'is not an active ISO 4217 currency code'
        : 'must be a three-letter ISO 4217 currency code in capitals, such as EUR'
  })
