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
  // The tool has once written a report whose rows were cut apart mid-text on a loaded
  // machine; a report whose rows are not all well-formed findings is taken again, twice at
  // most, and never read as findings.
  let findings = null
  for (let attempt = 1; attempt <= 3 && findings === null; attempt++) {
    const out = join(stage, `findings-${attempt}.csv`)
    const run = spawnSync(tool, ['-i', stage, '-o', out, '-r', '-v', 'false', '-e', electronVersion], { encoding: 'utf8' })
    if (!existsSync(out)) {
      console.error(run.stdout, run.stderr)
      console.error('Electronegativity did not write its findings.')
      process.exit(1)
    }
    // Quoted fields may hold commas, doubled quotes and line breaks.
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1)
    const wellFormed = rows.every((cells) => cells.length >= 5 && /^[A-Z0-9_]+$/.test(cells[0].trim()) && /^[\w./-]+$/.test(cells[3].trim()))
    if (wellFormed)
      findings = rows.map((cells) => ({ issue: cells[0].trim(), severity: cells[1], file: cells[3].trim().replace(/^\.?\/?/, ''), location: cells[4] }))
    else console.warn(`Electronegativity's report ${attempt} has a malformed row; running it again.`)
  }
  if (findings === null) {
    console.error('Electronegativity wrote a malformed report three times; its findings cannot be read.')
    process.exit(1)
  }
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

/** RFC 4180 CSV: rows of cells, quoted cells holding commas, "" and line breaks. */
function parseCsv(text) {
  const rows = []
  let row = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      if (row.some((x) => x !== '')) rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  row.push(cell)
  if (row.some((x) => x !== '')) rows.push(row)
  return rows
}
