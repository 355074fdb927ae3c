import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_PAYLOAD_NODES, payloadProblem } from '../../shared/ipc/payload'
import { parseStrictJson, scanJson } from '../../app/strict-json'

/** Values in a parsed JSON value, as scanJson counts them: the value itself, every element and member. */
function countValues(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((s: number, v) => s + countValues(v), 0)
  if (value !== null && typeof value === 'object') return 1 + Object.values(value).reduce((s: number, v) => s + countValues(v), 0)
  return 1
}

describe('counting before collecting', () => {
  it('scanJson counts every value of any JSON text without parsing it', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expect(scanJson(text).values).toBe(countValues(JSON.parse(text)))
      }),
      { numRuns: 500 }
    )
    expect(scanJson('[]').values).toBe(1)
    expect(scanJson('{ "a" : [ ] , "b": "x,]" }').values).toBe(3)
  })

  it('refuses a flat array of millions of elements before building it, with a plain message', () => {
    const text = `[${'0,'.repeat(MAX_PAYLOAD_NODES + 10)}0]`
    expect(() => parseStrictJson('zeros.stagecraft', Buffer.from(text))).toThrow(
      /^zeros\.stagecraft: is too large to be a Stagecraft file \(it holds over 1,000,000 values\)$/
    )
  })

  it('the payload walk refuses an oversized array at its length, before stacking its elements', () => {
    expect(payloadProblem(new Array(MAX_PAYLOAD_NODES + 1).fill(0))).toBe('too-large')
    expect(payloadProblem({ a: new Array(10).fill(0) })).toBeNull()
    expect(payloadProblem(new Array(MAX_PAYLOAD_NODES - 1).fill(0))).toBeNull()
  })
})
