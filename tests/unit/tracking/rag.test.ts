import { describe, expect, it } from 'vitest'
import { RAG_LOOK, RAG_THRESHOLDS, deriveRag, type RagInput, type RagLevel } from '../../../shared/domain/tracking/rag'

const TODAY = '2026-03-02'
const active: RagInput = { status: 'active', trackedItems: 12, blockedSince: null, nextDue: '2026-03-09', slipDays: 0 }

describe('RAG status', () => {
  const cases: [string, Partial<RagInput>, RagLevel, RegExp][] = [
    ['on track: nothing blocked, overdue or slipped', {}, 'green', /Nothing blocked/],
    ['nothing open at all is on track', { nextDue: null }, 'green', /Nothing blocked/],
    ['due today is not overdue', { nextDue: TODAY }, 'green', /Nothing blocked/],
    ['blocked today', { blockedSince: TODAY }, 'amber', /blocked for 0 days/],
    ['blocked exactly 7 days (the limit) is amber', { blockedSince: '2026-02-23' }, 'amber', /blocked for 7 days/],
    ['blocked 8 days is red', { blockedSince: '2026-02-22' }, 'red', /blocked for 8 days/],
    ['overdue by one day', { nextDue: '2026-03-01' }, 'amber', /1 day overdue/],
    ['overdue exactly 14 days (2 weeks) is amber', { nextDue: '2026-02-16' }, 'amber', /2 weeks overdue/],
    ['overdue 15 days is red', { nextDue: '2026-02-15' }, 'red', /15 days overdue/],
    ['slip of 3 days is within tolerance', { slipDays: 3 }, 'green', /Nothing blocked/],
    ['slip of 4 days is amber', { slipDays: 4 }, 'amber', /4 days later than the signed baseline/],
    ['slip of exactly 2 weeks is amber', { slipDays: 14 }, 'amber', /2 weeks later/],
    ['slip beyond 2 weeks is red', { slipDays: 15 }, 'red', /15 days later/],
    ['red wins over amber and lists the red reason first', { slipDays: 5, blockedSince: '2026-02-01' }, 'red', /blocked for 29 days/],
    ['a lead is not in delivery', { status: 'lead', blockedSince: '2026-01-01' }, 'none', /Not in delivery.*lead/],
    ['a complete engagement is closed', { status: 'complete', nextDue: '2025-01-01' }, 'none', /complete \(closed\)/],
    ['active but nothing tracked yet', { trackedItems: 0, nextDue: '2025-01-01' }, 'none', /mark the engagement as signed/]
  ]
  it.each(cases)('%s', (_name, patch, level, reason) => {
    const rag = deriveRag({ ...active, ...patch }, TODAY)
    expect(rag.level).toBe(level)
    expect(rag.reason).toMatch(reason)
    expect(rag.reasons[0]).toBe(rag.reason)
    // Never colour alone: a word and an icon always come with it.
    expect(rag.word).toBe(RAG_LOOK[level].word)
    expect(rag.icon).toBe(RAG_LOOK[level].icon)
  })

  it('names the items and counts when it is given them', () => {
    const rag = deriveRag(
      {
        ...active,
        blockedSince: '2026-02-20',
        blockedItem: 'Terraform the accounts',
        blockedCount: 2,
        nextDue: '2026-02-27',
        overdueItem: 'Model monitoring',
        overdueCount: 3
      },
      TODAY
    )
    expect(rag.level).toBe('red')
    expect(rag.reasons).toEqual([
      '“Terraform the accounts” has been blocked for 10 days (2 items blocked).',
      '“Model monitoring” is 3 days overdue (3 items overdue).'
    ])
  })

  it('takes other thresholds when given them', () => {
    const strict = { ...RAG_THRESHOLDS, redOverdueDays: 0 }
    expect(deriveRag({ ...active, nextDue: '2026-03-01' }, TODAY, strict).level).toBe('red')
  })

  it('has a distinct word and icon for every level', () => {
    const looks = Object.values(RAG_LOOK)
    expect(new Set(looks.map((l) => l.word)).size).toBe(looks.length)
    expect(new Set(looks.map((l) => l.icon)).size).toBe(looks.length)
  })
})
