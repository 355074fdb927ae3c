import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FailureLimiter, retryWords } from '../../server/limits'

describe('the failure limiter', () => {
  it('lets a key fail up to the limit, then makes it wait until its oldest failure leaves the window', () => {
    let now = 1_000
    const l = new FailureLimiter(3, 10_000, () => now)
    l.fail('a')
    now += 1_000
    l.fail('a')
    expect(l.waitFor('a')).toBe(0)
    l.fail('a')
    expect(l.waitFor('a')).toBe(10_000 - 1_000)
    expect(l.waitFor('b')).toBe(0)
    now = 1_000 + 10_000
    // The first failure has left the window: one try is free again.
    expect(l.waitFor('a')).toBe(0)
    l.succeed('a')
    l.fail('a')
    expect(l.waitFor('a')).toBe(0)
  })

  it('never lets more than the limit fail within any window, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (gaps, limit) => {
        let now = 0
        const windowMs = 10_000
        const l = new FailureLimiter(limit, windowMs, () => now)
        const accepted: number[] = []
        for (const gap of gaps) {
          now += gap
          if (l.waitFor('k') === 0) {
            l.fail('k')
            accepted.push(now)
          }
        }
        for (const t of accepted) expect(accepted.filter((u) => u > t - windowMs && u <= t).length).toBeLessThanOrEqual(limit)
      })
    )
  })

  it('says the wait in whole minutes', () => {
    expect(retryWords(1)).toBe('in 1 minute')
    expect(retryWords(60_000)).toBe('in 1 minute')
    expect(retryWords(60_001)).toBe('in 2 minutes')
    expect(retryWords(15 * 60_000)).toBe('in 15 minutes')
  })
})
