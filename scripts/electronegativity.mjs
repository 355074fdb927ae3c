// An outside auditor's view: Doyensec's Electronegativity over the main process (electron/)
// and the page it loads (renderer/index.html, for the CSP meta tag). Every finding must be
// listed, with why it does not apply, in .ci/electronegativity-accepted.json (and
// docs/security.md); a new one fails. The tool lives apart from the app's dependencies
// (it brings its own eslint and TypeScript): `.ci/run` installs it into .ci/tools.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const tool = join(root, '.ci/tools/node_modules/.bin/electronegativity')
if (!existsSync(tool)) {
  console.error('Electronegativity is not installed. Install it with:\n  npm install --prefix .ci/tools --no-save @doyensec/electronegativity@1.10.3')
  process.exit(1)
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const accepted = JSON.parse(readFileSync(join(root, '.ci/electronegativity-accepted.json'), 'utf8'))

const stage = mkdtempSync(join(tmpdir(), 'stagecraft-electronegativity-'))
try {
  cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true })
  cpSync(join(root, 'renderer/index.html'), join(stage, 'renderer/index.html'))
  const out = join(stage, 'findings.csv')
  const run = spawnSync(tool, ['-i', stage, '-o', out, '-r', '-v', 'false', '-e', electronVersion], { encoding: 'utf8' })
  if (!existsSync(out)) {
    console.error(run.stdout, run.stderr)
    console.error('Electronegativity did not write its findings.')
    process.exit(1)
  }
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1)
  const findings = rows.map((line) => {
    const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1])
    return { issue: cells[0], severity: cells[1], file: cells[3].replace(/^\.?\/?/, ''), location: cells[4] }
  })
  const key = (f) => `${f.issue} ${f.file}`
  const known = new Set(accepted.map(key))
  const fresh = findings.filter((f) => !known.has(key(f)))
  const gone = accepted.filter((a) => !findings.some((f) => key(f) === key(a)))
  for (const f of findings) console.log(`${known.has(key(f)) ? '  accepted' : '✗ NEW     '} ${f.issue} (${f.severity}) ${f.file}:${f.location}`)
  for (const a of gone) console.log(`  no longer reported: ${a.issue} ${a.file} (remove it from .ci/electronegativity-accepted.json)`)
  if (fresh.length) {
    console.error(
      `\n${fresh.length} new Electronegativity finding(s). Fix them, or list each with why it does not apply in .ci/electronegativity-accepted.json and docs/security.md.`
    )
    process.exit(1)
  }
  console.log(`\nElectronegativity: ${findings.length} finding(s), each accepted with a reason.`)
} finally {
  rmSync(stage, { recursive: true, force: true })
}
