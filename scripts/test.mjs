// `npm test`: every check the project has, in the order that fails fastest.
// Prerequisites first (with the exact fix when one is missing), then types, lint,
// the build the smoke and browser tests need, unit+integration tests, end-to-end tests.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync } from 'node:fs'
import { missingPrerequisites } from './prerequisites.mjs'

const missing = await missingPrerequisites()
if (missing.length) {
  console.error('\nStagecraft tests need a few things this machine does not have:\n')
  for (const m of missing) console.error(`  ✗ ${m.name}\n    ${m.fix}\n`)
  process.exit(1)
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
mkdirSync('test-results', { recursive: true })

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } })
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${r.status ?? r.signal}).`)
    process.exit(r.status || 1)
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

step('Type-check', npm, ['run', '-s', 'typecheck'])
step('Lint', npx, ['eslint', '.'])
step('Formatting (Prettier)', npx, ['prettier', '--check', '.'])
step('Build (main, preload, renderer)', npx, ['electron-vite', 'build'])
step('Unit and integration tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'])
step('End-to-end tests in Chromium', npx, ['playwright', 'test'])
// The benchmarks never time anything in npm test; this only proves the script still runs.
step('Benchmark script, once on tiny sizes', npx, ['tsx', 'bench/run.ts', '--quick'])

// One closing line over both runners.
let passed = 0
let failed = 0
let skipped = 0
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + (v.numTodoTests ?? 0)
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'))
  passed += p.stats.expected
  failed += p.stats.unexpected
  skipped += p.stats.skipped
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed ? 1 : 0)
