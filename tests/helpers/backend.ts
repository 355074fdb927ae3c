import { join } from 'node:path'
import { startBackend, type Backend } from '../../electron/backend'
import type { SenderInfo } from '../../electron/dispatcher'
import type { FileDialogs } from '../../app/files'
import { fixedDeps } from './deps'
import { tempDir } from './temp'

export const TEST_ORIGIN = 'app://stagecraft'
export const TRUSTED: SenderInfo = { url: 'app://stagecraft/index.html', isMainFrame: true }

/** The real backend (dispatcher + SQLite file) in a temp folder. */
export async function testBackend(options: { dialogs?: FileDialogs } = {}): Promise<Backend & { dir: string; dispose: () => Promise<void> }> {
  const { dir, cleanup } = tempDir()
  const backend = await startBackend({
    dialogs: options.dialogs,
    databasePath: join(dir, 'stagecraft.db'),
    deps: fixedDeps(),
    appVersion: '0.0.0-test',
    trustedOrigin: TEST_ORIGIN,
    // An unexpected error in a test is a bug: show it with its stack.
    onUnexpectedError: (channel, error) => console.error(`[${channel}]`, error)
  })
  return {
    ...backend,
    dir,
    dispose: async () => {
      await backend.close()
      cleanup()
    }
  }
}

/** Calls a channel as the app window would and returns the raw result. */
export const callAs = (backend: Backend, channel: string, payload: unknown, sender: SenderInfo = TRUSTED) => backend.dispatch(channel, payload, sender)

/** Unwraps a dispatcher result, failing the test with the error when it is not ok. */
export async function valueOf<T>(pending: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await pending
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.value as T
}
