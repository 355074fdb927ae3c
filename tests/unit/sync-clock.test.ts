import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatStamp, parseStamp, receive, tick, type ClockState } from '../../shared/domain/sync/hlc'

const node = fc.stringMatching(/^[0-9a-f]{8}$/)
const wall = fc.integer({ min: 0, max: 4_102_444_800_000 })
const state: fc.Arbitrary<ClockState> = fc.record({ wall, counter: fc.integer({ min: 0, max: 99_999 }) })
const stampOf = (s: ClockState, n: string) => formatStamp(s.wall, s.counter, n)

describe('hybrid logical clock', () => {
  it('orders stamps as strings exactly as by (wall, counter)', () => {
    fc.assert(
      fc.property(state, state, node, (a, b, n) => {
        const byNumbers = a.wall - b.wall || a.counter - b.counter
        const byStrings = stampOf(a, n) < stampOf(b, n) ? -1 : stampOf(a, n) > stampOf(b, n) ? 1 : 0
        expect(Math.sign(byNumbers)).toBe(byStrings)
        expect(parseStamp(stampOf(a, n))).toEqual({ ...a, node: n })
      })
    )
  })

  it('never goes backwards, whatever the wall clock does', () => {
    fc.assert(
      fc.property(state, fc.array(wall, { maxLength: 30 }), node, (start, walls, n) => {
        let s = start
        for (const w of walls) {
          const next = tick(s, w)
          expect(stampOf(next, n) > stampOf(s, n)).toBe(true)
          s = next
        }
      })
    )
  })

  it('moves past every stamp it receives, so the next local edit sorts after what was seen', () => {
    fc.assert(
      fc.property(state, state, wall, node, node, (local, remote, w, n, m) => {
        const after = receive(local, stampOf(remote, m), w)
        expect(stampOf(after, n) > stampOf(local, n)).toBe(true)
        expect(formatStamp(after.wall, after.counter, 'z') > formatStamp(remote.wall, remote.counter, 'z')).toBe(true)
        expect(stampOf(tick(after, w), n) > stampOf(remote, m)).toBe(true)
      })
    )
  })
})
