import { describe, expect, it } from 'vitest'
import { defaultPricingTerms } from '../../shared/domain/planning/pricing'
import { describeGuardedValue } from '../../shared/domain/sync/conflict-words'

describe('a guarded value in words, for the conflict inbox', () => {
  it('says what money and commitments are, never stored JSON', () => {
    expect(describeGuardedValue('day_rate', 1750, 'EUR')).toBe('1,750 EUR a day')
    expect(describeGuardedValue('done_at', '2026-05-01T09:00:00.000Z', 'EUR')).toBe('Met on 2026-05-01')
    expect(describeGuardedValue('done_at', null, 'EUR')).toBe('Not met')
    expect(describeGuardedValue('cost', 84000, 'GBP')).toBe('84,000 GBP')
    expect(describeGuardedValue('effort_days', 42.5, 'GBP')).toBe('42.5 days')
    expect(describeGuardedValue('signed_at', '2026-04-01T10:00:00Z', null)).toBe('Signed on 2026-04-01')
    const baseline = { plan: '{}', effort_days: 55, cost: 66000, currency: 'EUR', signed_at: '2026-04-02T10:00:00.000Z' }
    expect(describeGuardedValue('plan', JSON.stringify(baseline), 'EUR')).toBe('Signed plan, 55 days, 66,000 EUR, signed on 2026-04-02')
  })

  it('summarises two pricing terms so that their difference shows', () => {
    const base = defaultPricingTerms('2026-06-30')
    const fixed = { ...base, model: 'fixed_fee' as const, fixedFee: 84000, discountPercent: 10 }
    const a = describeGuardedValue('pricing', JSON.stringify(base), 'EUR')
    const b = describeGuardedValue('pricing', JSON.stringify(fixed), 'EUR')
    expect(a).toMatch(/^Time and materials, .*committed: .*valid until 2026-06-30$/)
    expect(b).toMatch(/^Fixed fee 84,000 EUR, 10% discount, /)
    expect(a).not.toContain('{')
    expect(describeGuardedValue('pricing', '{not json', 'EUR')).toBe('Unreadable pricing')
    expect(describeGuardedValue('pricing', '{"model":"barter"}', 'EUR')).toBe('Pricing in a form this version cannot read')
  })
})
