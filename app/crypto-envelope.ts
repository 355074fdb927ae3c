import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto'
import { AppError } from '../shared/ipc/result'

/**
 * Passphrase encryption, shared by portable files and sealed backups: AES-256-GCM (12-byte
 * random IV, 16-byte tag) under a key from scrypt (N = 2^17, r = 8, p = 1, 16-byte random
 * salt, 32-byte key). Each format authenticates its own header as additional data, so no
 * parameter can be changed without the tag failing, and nothing is used unless the tag
 * verifies: a wrong passphrase and a changed byte are refused alike, before any write.
 */

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const

export const WRONG_PASSPHRASE = 'The passphrase is not right, or the file has been changed.'

/** The KDF parameters a file records, beside the salt it was made with. */
export interface KdfParams {
  N: number
  r: number
  p: number
  keyLength: number
}

/** Derives an AES-256 key from a passphrase with scrypt (slow on purpose; text normalised to NFC). */
export function scrypt(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r }
  // Passphrases are compared as Unicode text: the same words typed on another keyboard or OS give the same key.
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, kdf.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)))
  )
}

/** A fresh salt and IV for one sealing. */
export const freshSaltAndIv = (): { salt: Buffer; iv: Buffer } => ({ salt: randomBytes(16), iv: randomBytes(12) })

/** Encrypts bytes in one go, authenticating `aad` (the format's header) with them. */
export function sealBytes(key: Buffer, iv: Buffer, plain: Uint8Array, aad: string): { ciphertext: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()])
  return { ciphertext, tag: cipher.getAuthTag() }
}

/** Decrypts bytes sealed by `sealBytes`; a wrong key, header or byte is refused with WRONG_PASSPHRASE. */
export function openBytes(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ciphertext), decipher.final()])
  } catch {
    throw new AppError('INVALID_INPUT', WRONG_PASSPHRASE)
  }
}
