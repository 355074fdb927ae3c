import { existsSync } from 'node:fs'

/**
 * Which Chromium the browser tests use: STAGECRAFT_CHROMIUM if set, else the system
 * package at /usr/bin/chromium, else Playwright's own (after `npx playwright install chromium`).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.STAGECRAFT_CHROMIUM
  if (fromEnv) return fromEnv
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run'
]
