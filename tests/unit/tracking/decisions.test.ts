import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/domain/tracking/dates'
import { itemUpdateDecision, signingDecision, timeEntryDecision, type ItemPatch, type ItemState } from '../../../shared/domain/tracking/decisions'
import { ENGAGEMENT_STATUSES } from '../../../shared/schemas/engagement.schema'
import { ITEM_STATUSES } from '../../../shared/schemas/tracking.schema'

const TODAY = '2026-06-10'
/** Dates around today: well before, yesterday, today, tomorrow and later. */
const date = fc.integer({ min: -40, max: 5 }).map((d) => addDays(TODAY, d))
const reason = fc.constantFrom('Waiting for GPU quota', 'Client data access', ' ')

const patch: fc.Arbitrary<ItemPatch> = fc.record(
  {
    status: fc.constantFrom(...ITEM_STATUSES),
    blockedReason: fc.option(reason, { nil: null }),
    actualStart: fc.option(date, { nil: null }),
    actualEnd: fc.option(date, { nil: null })
  },
  { requiredKeys: [] }
)

const PLANNED: ItemState = { status: 'planned', blockedReason: null, blockedSince: null, actualStart: null, actualEnd: null }

/** States an item can reach: a new item after any run of changes, refused ones leaving it as it was. */
const state: fc.Arbitrary<ItemState> = fc.array(patch, { maxLength: 8 }).map((patches) =>
  patches.reduce<ItemState>((current, p) => {
    const d = itemUpdateDecision(current, p, TODAY)
    return d.ok ? d.next : current
  }, PLANNED)
)

describe('item update decisions (property)', () => {
  it('an accepted change leaves the item in a state the rules allow', () => {
    fc.assert(
      fc.property(state, patch, (current, p) => {
        const d = itemUpdateDecision(current, p, TODAY)
        if (!d.ok) {
          expect(d.message.length).toBeGreaterThan(10)
          return
        }
        const next = d.next
        expect(next.status).toBe(p.status ?? current.status)
        // Blocked exactly when there is a reason, and since when is known.
        expect(next.blockedReason !== null).toBe(next.status === 'blocked')
        if (next.status === 'blocked') expect(next.blockedSince).not.toBeNull()
        // Only a done item has an end; a done or started item has a start.
        expect(next.actualEnd !== null).toBe(next.status === 'done')
        if (next.status === 'done' || next.status === 'in_progress') expect(next.actualStart).not.toBeNull()
        if (next.actualStart && next.actualEnd) expect(next.actualEnd >= next.actualStart).toBe(true)
        for (const when of [next.actualStart, next.actualEnd]) if (when) expect(when <= addDays(TODAY, 1)).toBe(true)
      })
    )
  })

  it('blocking needs a reason, and a reason needs blocking', () => {
    fc.assert(
      fc.property(state, (current) => {
        const noReason = itemUpdateDecision({ ...current, blockedReason: null }, { status: 'blocked', blockedReason: null }, TODAY)
        expect(noReason.ok).toBe(false)
        const reasonWithoutBlock = itemUpdateDecision(current, { status: 'planned', blockedReason: 'x' }, TODAY)
        expect(reasonWithoutBlock).toMatchObject({ ok: false, message: /Only a blocked item/ })
      })
    )
  })

  it('finishing without dates finishes today; starting starts today', () => {
    const planned = PLANNED
    expect(itemUpdateDecision(planned, { status: 'done' }, TODAY)).toMatchObject({ ok: true, next: { actualStart: TODAY, actualEnd: TODAY } })
    expect(itemUpdateDecision(planned, { status: 'in_progress' }, TODAY)).toMatchObject({ ok: true, next: { actualStart: TODAY, actualEnd: null } })
    expect(itemUpdateDecision(planned, { status: 'done', actualEnd: addDays(TODAY, 2) }, TODAY)).toMatchObject({ ok: false, message: /future/ })
  })
})

describe('signing and time decisions (property)', () => {
  it('only an open engagement without a signed baseline can be signed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENGAGEMENT_STATUSES), fc.option(fc.constant('2026-05-01T10:00:00.000Z'), { nil: null }), (status, signedAt) => {
        const d = signingDecision(status, signedAt)
        const closed = status === 'complete' || status === 'lost'
        const alreadySigned = signedAt !== null && status === 'active'
        expect(d.ok).toBe(!closed && !alreadySigned)
        if (!d.ok) expect(d.code).toBe(closed ? 'INVALID_INPUT' : 'CONFLICT')
      })
    )
  })

  it('time can be logged up to tomorrow and no later', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        expect(timeEntryDecision(addDays(TODAY, offset), TODAY).ok).toBe(offset <= 1)
      })
    )
  })
})
