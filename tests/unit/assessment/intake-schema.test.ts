import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IntakeFileSchema, intakeProblems } from '../../../shared/schemas/intake.schema'
import { CURRENCY_CODES, CurrencyCodeSchema } from '../../../shared/schemas/currency'
import { CONTEXT_KEYS, DIMENSION_IDS } from '../../../shared/domain/assessment/dimensions'

const FIXTURES = join(__dirname, '../../fixtures/intake')
const good = JSON.parse(readFileSync(join(FIXTURES, 'api-startup.json'), 'utf8')) as Record<string, any>

type Json = Record<string, any>
const clone = (): Json => structuredClone(good)

function problems(data: unknown): string[] {
  const r = IntakeFileSchema.safeParse(data)
  if (r.success) return []
  return intakeProblems(r.error).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
}

function mutate(fn: (d: Json) => void): Json {
  const d = clone()
  fn(d)
  return d
}

describe('intake schema', () => {
  it('accepts every fixture', () => {
    for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) {
      expect(problems(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'))), f).toEqual([])
    }
  })

  it('version is optional and must be 1', () => {
    expect(problems(mutate((d) => delete d.version))).toEqual([])
    expect(problems(mutate((d) => (d.version = 2)))).toEqual(['version: must be 1'])
    expect(problems(mutate((d) => (d.version = '1')))).toEqual(['version: must be 1'])
  })

  it.each([
    ['maturity level 5', (d: Json) => (d.maturity.deploy = 5), 'maturity.deploy: must be an integer from 0 to 4'],
    ['maturity level -1', (d: Json) => (d.maturity.tracking = -1), 'maturity.tracking: must be an integer from 0 to 4'],
    ['maturity level 2.5', (d: Json) => (d.maturity.data = 2.5), 'maturity.data: must be an integer from 0 to 4'],
    ['maturity level as text', (d: Json) => (d.maturity.cicd = '3'), 'maturity.cicd: must be an integer from 0 to 4'],
    ['maturity level null', (d: Json) => (d.maturity.infra = null), 'maturity.infra: must be an integer from 0 to 4'],
    ['missing dimension', (d: Json) => delete d.maturity.monitor, 'maturity.monitor: is required'],
    ['unknown dimension', (d: Json) => (d.maturity.security = 2), 'maturity.security: is not a known field'],
    ['missing context key', (d: Json) => delete d.context.cloud, 'context.cloud: is required'],
    ['unknown context key', (d: Json) => (d.context.budget = 10), 'context.budget: is not a known field'],
    ['unknown top-level key', (d: Json) => (d.notes = 'x'), 'notes: is not a known field'],
    ['unknown client key', (d: Json) => (d.client.website = 'x'), 'client.website: is not a known field'],
    ['unknown engagement key', (d: Json) => (d.engagement.rate = 1), 'engagement.rate: is not a known field'],
    ['bad enum', (d: Json) => (d.context.stage = 'scaling'), 'context.stage: must be one of: exploration, pilot, production'],
    ['bad boolean', (d: Json) => (d.context.gpu_workloads = 'yes'), 'context.gpu_workloads: must be true or false'],
    ['negative count', (d: Json) => (d.context.ml_staff = -2), 'context.ml_staff: must be a whole number, 0 or more'],
    ['fractional count', (d: Json) => (d.context.models_in_production = 1.5), 'context.models_in_production: must be a whole number, 0 or more'],
    ['missing client', (d: Json) => delete d.client, 'client: is required'],
    ['client not an object', (d: Json) => (d.client = 'Acme'), 'client: must be an object'],
    ['empty client name', (d: Json) => (d.client.name = '   '), 'client.name: must not be empty'],
    ['client name too long', (d: Json) => (d.client.name = 'x'.repeat(201)), 'client.name: must be at most 200 characters'],
    ['client name not text', (d: Json) => (d.client.name = 42), 'client.name: must be text'],
    ['missing industry', (d: Json) => delete d.client.industry, 'client.industry: is required'],
    ['headcount mismatch', (d: Json) => (d.client.headcount = 41), 'client.headcount: must equal context.headcount (40)'],
    [
      'lowercase currency',
      (d: Json) => (d.engagement.currency = 'eur'),
      'engagement.currency: must be a three-letter ISO 4217 currency code in capitals, such as EUR'
    ],
    ['unknown currency', (d: Json) => (d.engagement.currency = 'XYZ'), 'engagement.currency: is not an active ISO 4217 currency code'],
    ['withdrawn currency', (d: Json) => (d.engagement.currency = 'DEM'), 'engagement.currency: is not an active ISO 4217 currency code'],
    [
      'currency symbol',
      (d: Json) => (d.engagement.currency = '€'),
      'engagement.currency: must be a three-letter ISO 4217 currency code in capitals, such as EUR'
    ],
    ['zero day rate', (d: Json) => (d.engagement.day_rate = 0), 'engagement.day_rate: must be a positive number'],
    ['negative day rate', (d: Json) => (d.engagement.day_rate = -100), 'engagement.day_rate: must be a positive number'],
    ['day rate as text', (d: Json) => (d.engagement.day_rate = '1200'), 'engagement.day_rate: must be a positive number'],
    ['infinite day rate', (d: Json) => (d.engagement.day_rate = Number.POSITIVE_INFINITY), 'engagement.day_rate: must be a positive number'],
    ['impossible date', (d: Json) => (d.engagement.start_date = '2025-02-30'), 'engagement.start_date: is not a real calendar date'],
    ['not a leap year', (d: Json) => (d.engagement.start_date = '2025-02-29'), 'engagement.start_date: is not a real calendar date'],
    ['month 13', (d: Json) => (d.engagement.start_date = '2025-13-01'), 'engagement.start_date: is not a real calendar date'],
    ['missing title', (d: Json) => delete d.engagement.title, 'engagement.title: is required'],
    ['missing consultant', (d: Json) => delete d.engagement.consultant, 'engagement.consultant: is required']
  ])('rejects %s', (_name, fn, expected) => {
    expect(problems(mutate(fn))).toEqual([expected])
  })

  it('rejects dates in other formats, naming the format', () => {
    for (const bad of ['03/03/2025', '2025-3-3', '2025-03-03T10:00:00Z', '']) {
      const [first] = problems(mutate((d) => (d.engagement.start_date = bad)))
      expect(first).toMatch(/^engagement\.start_date: /)
    }
    expect(problems(mutate((d) => (d.engagement.start_date = '03/03/2025')))[0]).toContain('YYYY-MM-DD')
    expect(problems(mutate((d) => (d.engagement.start_date = '2024-02-29')))).toEqual([])
  })

  it('client.headcount is optional', () => {
    expect(problems(mutate((d) => delete d.client.headcount))).toEqual([])
  })

  it('rejects non-objects at the top', () => {
    expect(problems([])).toEqual(['must be an object'])
    expect(problems(null)).toEqual(['must be an object'])
    expect(problems('intake')).toEqual(['must be an object'])
  })

  it('requires every context key and every dimension', () => {
    for (const k of CONTEXT_KEYS) expect(problems(mutate((d) => delete d.context[k]))).toEqual([`context.${k}: is required`])
    for (const k of DIMENSION_IDS) expect(problems(mutate((d) => delete d.maturity[k]))).toEqual([`maturity.${k}: is required`])
  })

  it('reports every bad field once, in order', () => {
    const p = problems(
      mutate((d) => {
        d.maturity.deploy = 9
        d.maturity.extra = 1
        d.context.cloud = 'ibm'
      })
    )
    expect(p).toEqual([
      'context.cloud: must be one of: aws, gcp, azure, on_prem, multi',
      'maturity.deploy: must be an integer from 0 to 4',
      'maturity.extra: is not a known field'
    ])
  })

  it('trims text', () => {
    const r = IntakeFileSchema.parse(mutate((d) => (d.client.name = '  Parcelwise  ')))
    expect(r.client.name).toBe('Parcelwise')
  })
})

describe('currency codes', () => {
  it('holds the common active codes and no withdrawn or non-money ones', () => {
    for (const c of [
      'EUR',
      'USD',
      'GBP',
      'CHF',
      'JPY',
      'SEK',
      'NOK',
      'DKK',
      'PLN',
      'CZK',
      'INR',
      'AUD',
      'CAD',
      'NZD',
      'SGD',
      'HKD',
      'CNY',
      'BRL',
      'MXN',
      'ZAR',
      'AED',
      'HUF',
      'RON',
      'ILS',
      'KRW',
      'TRY',
      'XOF',
      'XAF',
      'VES',
      'SLE',
      'ZWG'
    ]) {
      expect(CURRENCY_CODES).toContain(c)
    }
    for (const c of ['DEM', 'FRF', 'HRK', 'XXX', 'XTS', 'XAU', 'EURO', 'eur']) {
      expect(CURRENCY_CODES).not.toContain(c)
    }
    expect([...CURRENCY_CODES].sort()).toEqual([...CURRENCY_CODES])
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length)
    expect(CURRENCY_CODES.length).toBeGreaterThan(150)
  })

  it('CurrencyCodeSchema', () => {
    expect(CurrencyCodeSchema.parse('EUR')).toBe('EUR')
    expect(CurrencyCodeSchema.safeParse('Eur').success).toBe(false)
    expect(CurrencyCodeSchema.safeParse('EU').success).toBe(false)
    expect(CurrencyCodeSchema.safeParse(' EUR').success).toBe(false)
    expect(CurrencyCodeSchema.safeParse(978).success).toBe(false)
  })
})
