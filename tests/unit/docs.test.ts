import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain .mjs script without type declarations
import { SYNCED } from '../../scripts/sync-docs.mjs'

const root = join(import.meta.dirname, '..', '..')
const shared = join(root, '..', 'shared')

describe('the docs travel with the code', () => {
  it('keeps copies of the domain contract, conventions and environment notes in step with ../shared', () => {
    for (const [from, to] of SYNCED as [string, string][]) {
      const copy = join(root, 'docs', to)
      expect(existsSync(copy), `docs/${to}`).toBe(true)
      if (existsSync(join(shared, from))) {
        expect(
          readFileSync(copy, 'utf8') === readFileSync(join(shared, from), 'utf8'),
          `docs/${to} differs from ../shared/${from}: run node scripts/sync-docs.mjs`
        ).toBe(true)
      }
    }
  })

  it('every docs/ file the README, .ci/run and the architecture page point to exists', () => {
    const pointers = ['README.md', '.ci/run', 'docs/architecture.md'].flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\bdocs\/[\w.-]+\.md\b/g)].map((m) => [file, m[0]] as const)
    )
    expect(pointers.length).toBeGreaterThan(4)
    for (const [file, target] of pointers) expect(existsSync(join(root, target)), `${file} → ${target}`).toBe(true)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).not.toMatch(/\.\.\/shared\//)
  })
  it('every file and folder the architecture page names exists, so its trace stays true', () => {
    const text = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8')
    const paths = [...text.matchAll(/`((?:shared|db|templates|app|electron|cli|renderer|tests|scripts)\/[\w./<>-]*)`/g)].map((m) => m[1]!)
    const links = [...text.matchAll(/\]\(([\w-]+\.md)\)/g)].map((m) => `docs/${m[1]}`)
    expect(paths.length).toBeGreaterThan(20)
    for (const path of [...paths, ...links]) {
      if (path.includes('<')) continue // a pattern such as templates/<name>.model.ts
      expect(existsSync(join(root, path)), path).toBe(true)
    }
  })
})
