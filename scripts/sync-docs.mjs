#!/usr/bin/env node
/**
 * The product's contract, conventions and build-machine notes are written beside the
 * project, in ../shared; the project keeps copies in docs/ so they travel with the code.
 * `node scripts/sync-docs.mjs` copies them; `--check` only says which differ (and exits 1).
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, '..', 'shared')

/** The documents kept in step: the name in ../shared and the copy in docs/. */
export const SYNCED = [
  ['DOMAIN.md', 'domain.md'],
  ['CONVENTIONS.md', 'conventions.md'],
  ['ENVIRONMENT.md', 'environment.md']
]

function main() {
  if (!existsSync(source)) {
    console.log('sync-docs: ../shared is not here; docs/ keeps the copies it has')
    return
  }
  const check = process.argv.includes('--check')
  const differ = SYNCED.filter(([from, to]) => {
    const a = join(source, from)
    const b = join(root, 'docs', to)
    return existsSync(a) && (!existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8'))
  })
  if (check) {
    if (differ.length === 0) console.log('sync-docs: docs/ is in step with ../shared')
    else {
      console.log(`sync-docs: docs/ differs from ../shared for ${differ.map(([from]) => from).join(', ')}; run node scripts/sync-docs.mjs`)
      process.exitCode = 1
    }
    return
  }
  for (const [from, to] of differ) copyFileSync(join(source, from), join(root, 'docs', to))
  console.log(`sync-docs: ${differ.length} of ${SYNCED.length} copied`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
