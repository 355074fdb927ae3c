// What `npm test` needs besides npm packages, and how to get each on a fresh machine.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

const has = (cmd, args = ['--version']) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function chromium() {
  if (process.env.STAGECRAFT_CHROMIUM) return existsSync(process.env.STAGECRAFT_CHROMIUM)
  if (existsSync('/usr/bin/chromium') || existsSync('/usr/bin/chromium-browser')) return true
  try {
    // Playwright's own browser, installed with `npx playwright install chromium`.
    const { chromium: pw } = await import('@playwright/test')
    return existsSync(pw.executablePath())
  } catch {
    return false
  }
}

export const PREREQUISITES = [
  {
    name: 'Node.js 22.12 or newer',
    ok: () => {
      const [major, minor] = process.versions.node.split('.').map(Number)
      return major > 22 || (major === 22 && minor >= 12)
    },
    fix: 'Install Node.js 22 LTS or newer from nodejs.org (you have ' + process.versions.node + ').'
  },
  {
    name: 'Chromium for the end-to-end tests',
    ok: chromium,
    fix:
      'Debian/Ubuntu: `sudo apt-get install chromium`. macOS/Windows: `npx playwright install chromium`. ' +
      'Or point STAGECRAFT_CHROMIUM at a Chromium or Chrome executable.'
  }
]

const postgresBin = () => {
  if (!existsSync('/usr/lib/postgresql')) return false
  return execFileSync('ls', ['/usr/lib/postgresql'])
    .toString()
    .trim()
    .split('\n')
    .some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
}

PREREQUISITES.push({
  name: 'PostgreSQL for the team server tests',
  ok: () => Boolean(process.env.STAGECRAFT_TEST_DATABASE_URL) || postgresBin(),
  fix:
    'Debian/Ubuntu: `sudo apt-get install --no-install-recommends postgresql` (the tests start their own throwaway cluster). ' +
    'Or point STAGECRAFT_TEST_DATABASE_URL at a PostgreSQL database the tests may create databases in.'
})

export async function missingPrerequisites() {
  const missing = []
  for (const p of PREREQUISITES) if (!(await p.ok())) missing.push(p)
  return missing
}

export { has }
