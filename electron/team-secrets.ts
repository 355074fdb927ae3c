import type { SecretStore } from '../app/team.service'

/** The parts of Electron's safeStorage this needs (passed in, so it can be tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

export interface FileLike {
  read(path: string): Buffer | null
  write(path: string, data: Buffer): void
  remove(path: string): void
}

/**
 * The team sign-in token, encrypted by the operating system's keychain (safeStorage) and
 * kept in a file beside the settings. Nothing readable is ever written: where the OS
 * offers no encryption, team sign-in is refused rather than stored in the clear.
 */
export function keychainSecrets(safe: SafeStorageLike, path: string, files: FileLike): SecretStore {
  return {
    available: () => safe.isEncryptionAvailable(),
    save(secret) {
      if (!safe.isEncryptionAvailable()) throw new Error('The system keychain is not available.')
      files.write(path, safe.encryptString(secret))
    },
    load() {
      const data = files.read(path)
      if (!data || !safe.isEncryptionAvailable()) return null
      try {
        return safe.decryptString(data)
      } catch {
        return null
      }
    },
    clear() {
      files.remove(path)
    }
  }
}
