#!/usr/bin/env node
/**
 * Speeds up the docx library's page layout (the part that writes the contents' page numbers)
 * by replacing the object-spread helper its build inlined into every bundle.
 *
 * docx 9.x ships code transpiled for old engines: each `{ ...a, b }` became a call to a
 * generic `_objectSpread2` helper that copies one property at a time through
 * `Object.defineProperty`. The layout engine spreads small state objects for every word it
 * places, and profiling a 60-task proposal showed that helper (with its `ownKeys` and
 * `_defineProperty`) taking ~40% of the whole export. The replacement copies plain objects (the
 * layout's data: made by literals, `Object.fromEntries` or earlier spreads) with `Object.assign`,
 * which gives the same result for them; arrays, class instances, primitives and any object with
 * an own `__proto__` key take the original path. Exports were checked byte for byte (apart from
 * the random font keys and timestamps) against the unpatched library.
 *
 * Runs on `npm install`/`npm ci` (postinstall); idempotent; leaves a file alone and says so
 * when it doesn't find the exact helper (a newer docx), so nothing breaks, only slower.
 */
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'node_modules', 'docx', 'dist')

export const MARKER = '/* stagecraft: fast _objectSpread2 */'

export const ORIGINAL = `function _objectSpread2(e) {
	for (var r = 1; r < arguments.length; r++) {
		var t = null != arguments[r] ? arguments[r] : {};
		r % 2 ? ownKeys(Object(t), !0).forEach(function(r) {
			_defineProperty(e, r, t[r]);
		}) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function(r) {
			Object.defineProperty(e, r, Object.getOwnPropertyDescriptor(t, r));
		});
	}
	return e;
}`

export const REPLACEMENT = `function _objectSpread2(e) ${MARKER} {
	for (var r = 1; r < arguments.length; r++) {
		var t = null != arguments[r] ? arguments[r] : {};
		var p = typeof t === "object" ? Object.getPrototypeOf(t) : undefined;
		if ((p === Object.prototype || p === null) && !Object.prototype.hasOwnProperty.call(t, "__proto__")) Object.assign(e, t);
		else r % 2 ? ownKeys(Object(t), !0).forEach(function(r) {
			_defineProperty(e, r, t[r]);
		}) : Object.defineProperties(e, Object.getOwnPropertyDescriptors(t));
	}
	return e;
}`

/** Patches one file's text; returns the new text, or null when there is nothing to do. */
export function patchText(text) {
  if (text.includes(MARKER)) return null
  if (!text.includes(ORIGINAL)) return null
  return text.split(ORIGINAL).join(REPLACEMENT)
}

function main() {
  if (!existsSync(dist)) {
    console.log('patch-docx: docx is not installed; nothing to do')
    return
  }
  let patched = 0
  let already = 0
  const missing = []
  for (const name of readdirSync(dist)) {
    if (!/\.(mjs|cjs)$/.test(name) || name.includes('.umd.')) continue
    const file = join(dist, name)
    const text = readFileSync(file, 'utf8')
    if (!text.includes('_objectSpread2')) continue
    const next = patchText(text)
    if (next !== null) {
      writeFileSync(file, next)
      patched++
    } else if (text.includes(MARKER)) already++
    else missing.push(name)
  }
  console.log(`patch-docx: ${patched} file(s) patched, ${already} already patched`)
  if (missing.length > 0) console.warn(`patch-docx: helper not found in ${missing.join(', ')} (a different docx build?); left as shipped`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
