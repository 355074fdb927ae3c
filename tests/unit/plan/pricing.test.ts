import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assess } from '../../../shared/domain/assessment/engine'
import { generatePlan } from '../../../shared/domain/planning/plan.generator'
import { defaultPricingTerms, minorUnitDigits, pricePlan, toMinorUnits } from '../../../shared/domain/planning/pricing'
import { IntakeFileSchema } from '../../../shared/schemas/intake.schema'
import { PricingTermsSchema, type PricingTerms, type PricingTermsInput } from '../../../shared/schemas/pricing.schema'

function fixturePlan(name: string) {
  const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../fixtures/intake', name), 'utf8')))
  return generatePlan({
    assessment: assess({ maturity: intake.maturity, context: intake.context }),
    context: intake.context,
    maturity: intake.maturity,
    engagement: { startDate: intake.engagement.start_date, dayRate: intake.engagement.day_rate, currency: intake.engagement.currency }
  })
}

const TERMS: PricingTermsInput = {
  model: 'time_and_materials',
  discountPercent: 10,
  taxRatePercent: 20,
  taxLabel: 'VAT',
  expenses: [
    { label: 'Travel to the client', amount: 1234.565 },
    { label: 'Software licences', amount: 100 }
  ],
  paymentMilestones: [
    { label: 'On signing', percent: 30, dueWeek: 1 },
    { label: 'Foundations ready', percent: 40, milestone: 'foundations_ready' },
    { label: 'Handover', percent: 30, milestone: 'handover_complete' }
  ],
  validUntil: '2025-04-30',
  tiers: { committed: 'full', offered: ['foundations', 'first_hire', 'full'] }
}

const terms = (change: Partial<PricingTermsInput> = {}): PricingTerms => PricingTermsSchema.parse({ ...TERMS, ...change })

describe('money', () => {
  it('rounds halves away from zero, through floating-point noise', () => {
    expect(toMinorUnits(1.005, 2)).toBe(101)
    expect(toMinorUnits(1334.565, 2)).toBe(133457)
    expect(toMinorUnits(2.675, 2)).toBe(268)
    expect(toMinorUnits(0.125, 2)).toBe(13)
    expect(toMinorUnits(1.004, 2)).toBe(100)
    expect(toMinorUnits(1234.5, 0)).toBe(1235)
  })

  it('knows the minor unit of a currency', () => {
    expect([minorUnitDigits('EUR'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3])
  })
})

describe('pricing a plan (api-startup: 1200 EUR a day)', () => {
  const plan = fixturePlan('api-startup.json')

  it('applies the discount to fees, adds expenses, then tax; rounds only at the end', () => {
    const p = pricePlan(plan, terms())
    expect(p.committed).toMatchObject({
      id: 'full',
      effortDays: 67.5,
      fees: 81_000,
      discount: 8_100,
      netFees: 72_900,
      expenses: 1_334.57,
      taxableAmount: 74_234.57,
      // 20% of the unrounded 74 234.565
      tax: 14_846.91,
      total: 89_081.48
    })
    // The committed fees are the plan's own total: one figure on every screen.
    expect(p.committed.fees).toBe(plan.totals.cost)
    expect(p.expenses).toEqual([
      { label: 'Travel to the client', amount: 1234.57 },
      { label: 'Software licences', amount: 100 }
    ])
    expect(p.taxLabel).toBe('VAT')
  })

  it('prices every option tier; the interim lead counts up to each tier’s last week', () => {
    const p = pricePlan(plan, terms({ discountPercent: 0, taxRatePercent: 0, expenses: [] }))
    expect(p.tiers.map((t) => [t.id, t.lastWeek, t.effortDays, t.total])).toEqual([
      // kick-off 1 + dedicated team 2 + terraform 8 + billing 2 + data versioning 6 + ETL 8, interim lead weeks 2–10
      ['foundations', 10, 27 + 9, 36 * 1200],
      // + hiring support 2, handover 2 and pairing 11.5, interim lead weeks 2–21
      ['first_hire', 21, 27 + 2 + 2 + 11.5 + 20, 62.5 * 1200],
      // + hiring support for two more hires, interim lead to week 22
      ['full', 22, 67.5, 81_000]
    ])
    expect(p.tiers.every((t) => t.offered)).toBe(true)
    expect(p.tiers.filter((t) => t.committed).map((t) => t.id)).toEqual(['full'])
    expect(p.withOptions.total).toBe(81_000)
  })

  it('prices per item and per phase at time and materials', () => {
    const p = pricePlan(plan, terms())
    expect(p.items.find((i) => i.id === 'serving_pipeline')).toMatchObject({ effortDays: 3.5, cost: 4200, optional: false })
    expect(p.items.some((i) => i.id === 'headline')).toBe(false)
    // Only the phases that hold work; hiring support is priced like any item.
    expect(p.phases.map((ph) => [ph.id, ph.effortDays, ph.cost])).toEqual([
      ['discovery', 1, 1200],
      ['foundations', 47, 56_400],
      ['first_hire', 15.5, 18_600],
      ['build_out', 4, 4800]
    ])
    expect(p.phases.reduce((s, ph) => s + ph.cost, 0)).toBe(plan.totals.cost)
  })

  it('splits the committed total into payments that add up exactly, due at plan weeks', () => {
    const p = pricePlan(plan, terms())
    expect(p.payments).toEqual([
      { label: 'On signing', milestone: null, percent: 30, dueWeek: 1, dueDate: '2025-03-09', amount: 26_724.44 },
      { label: 'Foundations ready', milestone: 'foundations_ready', percent: 40, dueWeek: 10, dueDate: '2025-05-11', amount: 35_632.59 },
      { label: 'Handover', milestone: 'handover_complete', percent: 30, dueWeek: 12, dueDate: '2025-05-25', amount: 26_724.45 }
    ])
    const cents = p.payments.reduce((s, x) => s + Math.round(x.amount * 100), 0)
    expect(cents).toBe(Math.round(p.committed.total * 100))
  })

  it('lists the payments in the order they fall due, whatever order the terms name them in', () => {
    const p = pricePlan(
      plan,
      terms({
        paymentMilestones: [
          { label: 'Handover', percent: 50, milestone: 'handover_complete' },
          { label: 'Week 3', percent: 20, dueWeek: 3 },
          { label: 'On signing', percent: 30, dueWeek: 1 }
        ]
      })
    )
    expect(p.payments.map((x) => x.label)).toEqual(['On signing', 'Week 3', 'Handover'])
    expect(p.payments.map((x) => x.dueWeek)).toEqual([...p.payments.map((x) => x.dueWeek)].sort((a, b) => a - b))
    const cents = p.payments.reduce((s, x) => s + Math.round(x.amount * 100), 0)
    expect(cents).toBe(Math.round(p.committed.total * 100))
  })

  it('a fixed fee replaces the committed tier’s fees and scales the other tiers', () => {
    const p = pricePlan(
      plan,
      terms({
        model: 'fixed_fee',
        fixedFee: 60_000,
        discountPercent: 0,
        taxRatePercent: 0,
        expenses: [],
        tiers: { committed: 'first_hire', offered: ['foundations', 'first_hire', 'full'] }
      })
    )
    expect(p.committed).toMatchObject({ id: 'first_hire', fees: 60_000, total: 60_000 })
    const ratio = 60_000 / (62.5 * 1200)
    expect(p.tiers[0]!.fees).toBe(Math.round(36 * 1200 * ratio * 100) / 100)
    expect(p.tiers[2]!.fees).toBe(Math.round(81_000 * ratio * 100) / 100)
    expect(p.payments.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(60_000, 6)
  })

  it('the committed tier can be a smaller one, and only the offered tiers are marked offered', () => {
    const p = pricePlan(plan, terms({ tiers: { committed: 'foundations', offered: ['foundations', 'full'] } }))
    expect(p.committed.id).toBe('foundations')
    expect(p.tiers.map((t) => t.offered)).toEqual([true, false, true])
    // The instalment tied to the handover (week 12) falls due when the foundations, all the client commits to, are done.
    expect(p.committed.lastWeek).toBe(10)
    expect(p.payments.at(-1)).toMatchObject({ dueWeek: 10, milestone: 'work_complete' })
  })

  it('a chosen tier the plan does not offer falls back to the whole committed plan', () => {
    const single = fixturePlan('custom-scientist.json')
    const p = pricePlan(single, terms({ tiers: { committed: 'pending', offered: ['pending'] } }))
    expect(p.committed.id).toBe(single.tiers.filter((t) => t.id !== 'pending').at(-1)!.id)
    expect(p.committed.fees).toBe(Math.round(single.totals.cost * 100) / 100)
  })

  it('reads terms saved before plan model v2: the old tier and milestone ids are the new ones', () => {
    const old = PricingTermsSchema.parse({
      ...TERMS,
      paymentMilestones: [{ label: 'At the first AI feature', percent: 100, milestone: 'first_ai_feature' }],
      tiers: { committed: 'foundations_first_hire', offered: ['foundations_only', 'foundations_first_hire', 'full_build_out'] }
    })
    expect(old.tiers).toEqual({ committed: 'first_hire', offered: ['foundations', 'first_hire', 'full'] })
    expect(old.paymentMilestones[0]!.milestone).toBe('headline')
    // The milestone (week 22) comes after the committed tier ends: the instalment is due when that work is complete.
    const committed = plan.tiers.find((t) => t.id === 'first_hire')!
    expect(pricePlan(plan, old).payments[0]).toMatchObject({ dueWeek: Math.min(plan.milestone.week, committed.lastWeek), milestone: 'work_complete' })
  })

  it('default terms are valid and price the whole plan', () => {
    const defaults = defaultPricingTerms('2025-04-30')
    expect(PricingTermsSchema.parse(defaults)).toEqual(defaults)
    expect(pricePlan(plan, defaults).committed.total).toBe(81_000)
    expect(pricePlan(plan, defaults).payments.map((x) => x.dueWeek)).toEqual([1, 10, plan.milestone.week, plan.weeks])
  })

  it('with the default terms nothing is invoiced before its work: the last instalment falls due when the plan ends, after its milestone', () => {
    for (const file of ['mlops-pain.json', 'mature-api.json', 'custom-exploration.json', 'no-data.json']) {
      const other = fixturePlan(file)
      const p = pricePlan(other, defaultPricingTerms('2025-04-30'))
      expect(p.payments.at(-1), file).toMatchObject({ label: 'Work complete', dueWeek: other.weeks })
      expect(Math.max(...p.payments.map((x) => x.dueWeek)), file).toBe(other.weeks)
    }
  })
})

describe('options and currencies', () => {
  it('the total with options adds the items pending the audit', () => {
    const plan = fixturePlan('no-data.json')
    const p = pricePlan(plan, terms({ discountPercent: 0, taxRatePercent: 0, expenses: [] }))
    expect(p.committed.total).toBe(plan.totals.cost)
    expect(p.withOptions.total).toBe(plan.totals.cost + plan.optionalTotals.cost)
    expect(p.withOptions.effortDays).toBe(plan.totals.effortDays + plan.optionalTotals.effortDays)
    const foundations = p.phases.find((ph) => ph.id === 'foundations')!
    expect(foundations.optionalEffortDays).toBe(10 + 5 + 8)
  })

  it('rounds yen to whole yen', () => {
    const plan = fixturePlan('mature-api.json')
    const p = pricePlan(
      plan,
      terms({ discountPercent: 3.3, taxRatePercent: 10, taxLabel: 'Consumption tax', expenses: [{ label: 'Train', amount: 12_345.5 }] })
    )
    expect(p.minorUnitDigits).toBe(0)
    for (const x of [p.committed.fees, p.committed.discount, p.committed.expenses, p.committed.tax, p.committed.total]) {
      expect(Number.isInteger(x)).toBe(true)
    }
    expect(p.committed.discount).toBe(Math.round(plan.totals.cost * 0.033))
    expect(p.committed.total).toBe(p.committed.netFees + p.committed.expenses + p.committed.tax)
  })
})

describe('the pricing terms schema', () => {
  const problems = (input: unknown) => {
    const r = PricingTermsSchema.safeParse(input)
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  }

  it('accepts good terms', () => {
    expect(problems(TERMS)).toEqual([])
  })

  it.each([
    [
      'percentages that do not add up to 100',
      { paymentMilestones: [{ label: 'All', percent: 90, dueWeek: 1 }] },
      /^paymentMilestones: percentages must add up to 100/
    ],
    [
      'a payment with both a week and a milestone',
      { paymentMilestones: [{ label: 'All', percent: 100, dueWeek: 1, milestone: 'handover_complete' }] },
      /either dueWeek or milestone/
    ],
    ['a payment with neither', { paymentMilestones: [{ label: 'All', percent: 100 }] }, /either dueWeek or milestone/],
    ['an unknown milestone', { paymentMilestones: [{ label: 'All', percent: 100, milestone: 'party' }] }, /milestone: must be one of/],
    ['no payments', { paymentMilestones: [] }, /needs at least one payment/],
    ['a fixed fee without the fee', { model: 'fixed_fee' }, /^fixedFee: is required/],
    ['a fee with time and materials', { fixedFee: 1000 }, /^fixedFee: applies only to a fixed fee/],
    ['a discount over 100%', { discountPercent: 120 }, /^discountPercent: must be from 0 to 100/],
    ['a negative expense', { expenses: [{ label: 'x', amount: -1 }] }, /^expenses\.0\.amount: must be 0 or more/],
    ['an empty tax label', { taxLabel: ' ' }, /^taxLabel: must not be empty/],
    ['a bad date', { validUntil: '2025-02-30' }, /^validUntil: /],
    ['a committed tier that is not offered', { tiers: { committed: 'full', offered: ['foundations'] } }, /^tiers\.committed: must be one of the offered tiers/],
    ['a repeated tier', { tiers: { committed: 'full', offered: ['full', 'full'] } }, /must not repeat a tier/],
    ['an unknown key', { rounding: 'bankers' }, /rounding|Unrecognized/]
  ])('refuses %s', (_name, change, message) => {
    const found = problems({ ...TERMS, ...change })
    expect(
      found.some((p) => message.test(p)),
      found.join('\n')
    ).toBe(true)
  })

  it('bounds the lists', () => {
    expect(problems({ ...TERMS, expenses: Array.from({ length: 51 }, () => ({ label: 'x', amount: 1 })) }).length).toBeGreaterThan(0)
  })
})
