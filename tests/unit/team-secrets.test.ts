import { describe, expect, it } from 'vitest'
import { keychainSecrets, type FileLike, type SafeStorageLike } from '../../electron/team-secrets'

/** safeStorage needs Electron; this double encrypts reversibly so what reaches the file can be checked. */
function fakeSafeStorage(available: boolean): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(Buffer.from(plain).map((b) => b ^ 0x5a)),
    decryptString: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString()
  }
}

function memoryFiles(): FileLike & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>()
  return { files, read: (p) => files.get(p) ?? null, write: (p, d) => void files.set(p, d), remove: (p) => void files.delete(p) }
}

describe('the team sign-in in the keychain', () => {
  it('writes only what the keychain encrypted, reads it back, and forgets it on sign-out', () => {
    const files = memoryFiles()
    const store = keychainSecrets(fakeSafeStorage(true), '/u/team-sign-in.bin', files)
    const token = '3e02f0f5-e632-4c51-9dc7-a1db43bbf8f4.c2VjcmV0LXNlY3JldC1zZWNyZXQ'
    store.save(token)
    expect(files.files.get('/u/team-sign-in.bin')!.toString()).not.toContain('c2VjcmV0')
    expect(store.load()).toBe(token)
    store.clear()
    expect(store.load()).toBeNull()
  })

  it('refuses to keep a token where the system offers no encryption', () => {
    const files = memoryFiles()
    const store = keychainSecrets(fakeSafeStorage(false), '/u/team-sign-in.bin', files)
    expect(store.available()).toBe(false)
    expect(() => store.save('x.y')).toThrow(/keychain/)
    expect(files.files.size).toBe(0)
  })
})
