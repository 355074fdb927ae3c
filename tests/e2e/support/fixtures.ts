import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { buildSync } from 'esbuild'
import { createAppController, type AppController } from '../../../electron/app-controller'
import { fixedDeps } from '../../helpers/deps'
import { tempDir } from '../../helpers/temp'
import { memorySecrets } from '../../helpers/secrets'
import { serveRenderer } from './static-server'

const RENDERER_DIR = join(import.meta.dirname, '..', '..', '..', 'out', 'renderer')

let bridgeScript: string | undefined
function bridge(): string {
  bridgeScript ??= buildSync({
    entryPoints: [join(import.meta.dirname, 'bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2022'
  }).outputFiles[0]!.text
  return bridgeScript
}

export interface AppFixture {
  page: Page
  backend: AppController
  databasePath: string
  /** What the next file dialog answers (a path, or null for Cancel). */
  dialogs: { nextOpen: string | null; nextSave: string | null; nextFolder: string | null }
  /** Closes the app's data (as on quit), runs `between`, starts again and reloads the page. */
  restart: (between?: () => void) => Promise<void>
  /** A temp folder for files the test reads or writes. */
  dir: string
  /** Where this test's screenshots go (under test-results/, looked at by a person). */
  shot: (name: string) => Promise<void>
}

/**
 * The built renderer in real Chromium with the real dispatcher and a real SQLite file
 * behind it; only Electron's transport is replaced (by a Playwright binding).
 */
export const test = base.extend<{ app: AppFixture }, { server: { origin: string } }>({
  server: [
    async ({}, use) => {
      if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
        throw new Error('The renderer is not built: run `npm run build:renderer` (npm test does this for you).')
      }
      const server = await serveRenderer(RENDERER_DIR)
      await use(server)
      await server.close()
    },
    { scope: 'worker' }
  ],
  app: async ({ page, server }, use, testInfo) => {
    const { dir, cleanup } = tempDir('stagecraft-e2e-')
    const databasePath = join(dir, 'stagecraft.db')
    const dialogs = { nextOpen: null as string | null, nextSave: null as string | null, nextFolder: null as string | null }
    // The keychain outlives a restart, as the OS's does.
    const secrets = memorySecrets()
    const makeController = () =>
      createAppController({
        dialogs: {
          chooseFileToOpen: async () => dialogs.nextOpen,
          chooseFileToSave: async () => dialogs.nextSave,
          chooseFolder: async () => dialogs.nextFolder
        },
        databasePath,
        deps: { ...fixedDeps(), now: () => new Date() },
        appVersion: '0.1.0-e2e',
        deferContentChecks: true,
        trustedOrigin: server.origin,
        secrets
      })
    let backend = makeController()
    await backend.start()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.exposeBinding('__stagecraftInvoke', (source, channel: string, payload: unknown) =>
      backend.dispatch(channel, payload, {
        url: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame()
      })
    )
    await page.addInitScript({ content: bridge() })
    await page.goto(`${server.origin}/index.html`)
    // Keyboard shortcuts are live once the shell has rendered: wait for it before the test types.
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const shot = async (name: string) => {
      await page.screenshot({
        path: join(
          'test-results',
          'screenshots',
          `${testInfo.titlePath
            .slice(1)
            .join(' - ')
            .replace(/[^\w-]+/g, '_')}-${name}.png`
        ),
        fullPage: true
      })
    }
    const restart = async (between?: () => void) => {
      await backend.close()
      between?.()
      backend = makeController()
      await backend.start()
      await page.reload()
    }
    await use({
      page,
      get backend() {
        return backend
      },
      databasePath,
      shot,
      dialogs,
      dir,
      restart
    })
    await backend.close()
    cleanup()
    expect(errors, 'the page logged errors').toEqual([])
  }
})

export { expect }

/** Calls a channel through the real dispatcher, as the page would; throws with the error when it fails. */
export function backendCaller(app: AppFixture): (channel: string, payload: unknown) => Promise<any> {
  const sender = { url: app.page.url(), isMainFrame: true }
  return async (channel, payload) => {
    const r = (await app.backend.dispatch(channel, payload, sender)) as { ok: boolean; value: any; error?: unknown }
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
    return r.value
  }
}

/** Focuses a timeline bar and picks it up with Enter, as a keyboard user does (the arrows work once it is lifted). */
export async function pickUpBar(app: AppFixture, id: string): Promise<void> {
  const bar = app.page.locator(`[data-bar-id="${id}"]`)
  await bar.focus()
  await app.page.keyboard.press('Enter')
  await expect(bar).toHaveAttribute('data-dragging', 'true')
  // dnd-kit listens for the arrows from the next tick after the pick-up.
  await app.page.waitForTimeout(50)
}
