/**
 * The renderer as a person meets it: time from navigation start to the first usable screen
 * in Chromium (the built renderer, real dispatcher and database behind it), beside an empty
 * React page built the same way; the initial JavaScript and CSS, gzipped; the JS heap.
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { buildSync } from 'esbuild'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { createAppController } from '../electron/app-controller'
import { systemDeps } from '../db/deps'
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/helpers/browser'
import { serveRenderer } from '../tests/e2e/support/static-server'
import { summarise, type Timing } from './stats'

const root = join(import.meta.dirname, '..')

/** Gzipped size of what index.html loads before anything is lazily imported. */
export function initialBundleBytes(rendererDir = join(root, 'out', 'renderer')): { gzipBytes: number; files: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(rendererDir, f)), { level: 9 }).byteLength, 0)
  return { gzipBytes, files }
}

async function buildEmptyApp(outDir: string): Promise<void> {
  await build({
    root: join(root, 'bench', 'empty-app'),
    base: './',
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true }
  })
}

function bridgeScript(): string {
  return buildSync({
    entryPoints: [join(root, 'tests', 'e2e', 'support', 'bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser'
  }).outputFiles[0]!.text
}

async function timeToReady(browser: Browser, url: string, setup?: (page: import('@playwright/test').Page) => Promise<void>): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await setup?.(page)
  await page.goto(url)
  // Waits for the mark with an observer, not by polling: polling runs script in the page
  // every frame and would slow the very start it measures.
  // (Given as text: the TypeScript runner would otherwise wrap named functions in a helper the page lacks.)
  const ms = (await page.evaluate(`new Promise((resolve) => {
    const mark = () => performance.getEntriesByName('stagecraft:ready')[0]
    if (mark()) return resolve(mark().startTime)
    new PerformanceObserver((_list, observer) => {
      if (mark()) {
        observer.disconnect()
        resolve(mark().startTime)
      }
    }).observe({ type: 'mark', buffered: true })
  })`)) as number
  await context.close()
  return ms
}

export async function benchRenderer(
  dir: string,
  databasePath: string,
  opts: { runs: number; warmup: number }
): Promise<{ app: Timing; floor: Timing; heapBytes: number }> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true })
  const emptyDir = join(dir, 'empty-app')
  await buildEmptyApp(emptyDir)
  const appServer = await serveRenderer(join(root, 'out', 'renderer'))
  const emptyServer = await serveRenderer(emptyDir)
  const controller = createAppController({ databasePath, deps: systemDeps, appVersion: 'bench', trustedOrigin: appServer.origin })
  await controller.start()
  const bridge = bridgeScript()
  const wire = async (page: import('@playwright/test').Page) => {
    await page.exposeBinding('__stagecraftInvoke', (source, channel: string, payload: unknown) =>
      controller.dispatch(channel, payload, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() })
    )
    await page.addInitScript({ content: bridge })
  }
  try {
    const measure = async (fn: () => Promise<number>) => {
      for (let i = 0; i < opts.warmup; i++) await fn()
      const samples: number[] = []
      for (let i = 0; i < opts.runs; i++) samples.push(await fn())
      return summarise(samples)
    }
    const app = await measure(() => timeToReady(browser, `${appServer.origin}/index.html`, wire))
    const floor = await measure(() => timeToReady(browser, `${emptyServer.origin}/index.html`))

    // Heap once the portfolio dashboard shows its first page over the large database.
    const context = await browser.newContext()
    const page = await context.newPage()
    await wire(page)
    await page.goto(`${appServer.origin}/index.html#/dashboard`)
    await page.getByRole('table', { name: 'Portfolio' }).waitFor({ timeout: 60_000 })
    await page.waitForTimeout(300)
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    await context.close()
    return { app, floor, heapBytes: usedSize }
  } finally {
    await browser.close()
    await appServer.close()
    await emptyServer.close()
    if (controller.backend) await controller.backend.close()
  }
}
