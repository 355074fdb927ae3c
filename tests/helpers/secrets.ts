import type { SecretStore } from '../../app/team.service'

/**
 * Stands in for the OS keychain, which needs Electron's safeStorage (the app's store is
 * electron/team-secrets.ts, tested with its own double of safeStorage).
 */
export function memorySecrets(available = true): SecretStore & { value: string | null } {
  return {
    value: null,
    available: () => available,
    save(secret) {
      this.value = secret
    },
    load() {
      return this.value
    },
    clear() {
      this.value = null
    }
  }
}
