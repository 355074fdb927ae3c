import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { freshSaltAndIv, openBytes, sealBytes, WRONG_PASSPHRASE } from '../../app/crypto-envelope'

const key = randomBytes(32)

describe('the passphrase envelope shared by portable files and sealed backups (property)', () => {
  it('opens what it sealed, with the same header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.string(), (plain, header) => {
        const { iv } = freshSaltAndIv()
        const { ciphertext, tag } = sealBytes(key, iv, plain, header)
        expect(new Uint8Array(openBytes(key, iv, ciphertext, tag, header))).toEqual(plain)
      })
    )
  })

  it('refuses a changed byte, a changed header or another key, all with the same message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (plain, at, flip) => {
        const { iv } = freshSaltAndIv()
        const { ciphertext, tag } = sealBytes(key, iv, plain, '{"format":"x"}')
        const changed = Buffer.from(ciphertext)
        changed[at % changed.length]! ^= flip
        const changedTag = Buffer.from(tag)
        changedTag[at % changedTag.length]! ^= flip
        expect(() => openBytes(key, iv, changed, tag, '{"format":"x"}')).toThrow(WRONG_PASSPHRASE)
        expect(() => openBytes(key, iv, ciphertext, changedTag, '{"format":"x"}')).toThrow(WRONG_PASSPHRASE)
        expect(() => openBytes(key, iv, ciphertext, tag, '{"format":"y"}')).toThrow(WRONG_PASSPHRASE)
        expect(() => openBytes(randomBytes(32), iv, ciphertext, tag, '{"format":"x"}')).toThrow(WRONG_PASSPHRASE)
      }),
      { numRuns: 50 }
    )
  })
})
