import { describe, expect, it } from 'vitest'
import { DOCUMENTS, localIsoDate, startsInThePast } from '../../../shared/domain/documents'

const doc = (name: (typeof DOCUMENTS)[number]['name']) => DOCUMENTS.find((d) => d.name === name)!

describe('a document that would set the plan in the past', () => {
  it('is a proposal or hiring pack whose engagement starts before today', () => {
    expect(startsInThePast(doc('proposal'), '2025-04-07', '2026-12-03')).toBe(true)
    expect(startsInThePast(doc('hiring'), '2026-12-02', '2026-12-03')).toBe(true)
  })

  it('is not one that starts today or later, has no start date, or does not present the plan’s dates', () => {
    expect(startsInThePast(doc('proposal'), '2026-12-03', '2026-12-03')).toBe(false)
    expect(startsInThePast(doc('proposal'), '2027-01-11', '2026-12-03')).toBe(false)
    expect(startsInThePast(doc('proposal'), null, '2026-12-03')).toBe(false)
    expect(startsInThePast(doc('assessment'), '2025-04-07', '2026-12-03')).toBe(false)
    expect(startsInThePast(doc('progress'), '2025-04-07', '2026-12-03')).toBe(false)
  })

  it('compares against the local calendar day, not UTC', () => {
    expect(localIsoDate(new Date(2026, 11, 3, 23, 59))).toBe('2026-12-03')
    expect(localIsoDate(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01')
  })
})
