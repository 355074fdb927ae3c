#!/usr/bin/env node
/**
 * Speeds up the docx library's page layout (the part that writes the contents' page numbers)
 * by replacing three small helpers its build inlined into the bundles with equivalent faster
 * ones.
 *
 * - `_objectSpread2`: docx 9.x ships code transpiled for old engines, so each `{ ...a, b }`
 *   became a call to a generic helper that copies one property at a time through
 *   `Object.defineProperty`. The layout engine spreads small state objects for every word it
 *   places, and profiling a 60-task proposal showed that helper (with its `ownKeys` and
 *   `_defineProperty`) taking ~40% of the whole export. The replacement copies plain objects
 *   (the layout's data: made by literals, `Object.fromEntries` or earlier spreads) with
 *   `Object.assign`, which gives the same result for them; arrays, class instances,
 *   primitives and any object with an own `__proto__` key take the original path.
 * - `withoutUndefined` and `combine`: the layout merges the formatting of every run and
 *   paragraph from its style chain by building a fresh object per style (entries, filter,
 *   `fromEntries`, then two spreads). After the first patch they were the next ~15% of the
 *   layout. The replacements walk the same own keys in the same order into one object, and
 *   define an own `__proto__` key as the originals do, never assigning it.
 *
 * Exports were checked byte for byte (apart from the random font keys and timestamps) against
 * the unpatched library, and property tests compare each replacement with the shipped code.
 *
 * Runs on `npm install`/`npm ci` (postinstall); idempotent; leaves a file alone and says so
 * when it doesn't find the exact helper (a newer docx), so nothing breaks, only slower.
 */
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'node_modules', 'docx', 'dist')

export const MARKER = '/* stagecraft: fast _objectSpread2 v2 */'

/** The first version of the patch, which also took the fast path at even positions (where getters must be copied as getters). */
export const REPLACEMENT_V1 = `function _objectSpread2(e) /* stagecraft: fast _objectSpread2 */ {
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

/**
 * The fast path (one `Object.assign`) is taken only where it provably gives what the shipped
 * helper gives:
 * - target and source have Object.prototype or null as prototype; the source has no symbol
 *   keys and no own "__proto__" key;
 * - no key of the source lands on a target property that is anything but a plain writable,
 *   enumerable, configurable data property (the shipped helper redefines an accessor or a
 *   read-only property there; assignment would call the setter or fail);
 * - at an even argument position, where the shipped helper copies descriptors (getters stay
 *   getters), every own property of the source is also a plain writable, enumerable,
 *   configurable data property, as the properties of an object literal are. At odd
 *   positions it reads each enumerable own key with [[Get]], as assignment does.
 * Anything else takes the shipped code unchanged.
 */
export const REPLACEMENT = `function __stagecraftPlainCopy(e, t, even) {
	if (typeof t !== "object") return false;
	var p = Object.getPrototypeOf(t);
	if (p !== Object.prototype && p !== null) return false;
	if (Object.getOwnPropertySymbols(t).length > 0) return false;
	var keys = Object.keys(t);
	if (even && Object.getOwnPropertyNames(t).length !== keys.length) return false;
	for (var i = 0; i < keys.length; i++) {
		var k = keys[i];
		if (k === "__proto__") return false;
		if (even) {
			var s = Object.getOwnPropertyDescriptor(t, k);
			if (!s.writable || !s.configurable) return false;
		}
		if (Object.prototype.hasOwnProperty.call(e, k)) {
			var d = Object.getOwnPropertyDescriptor(e, k);
			if (!d.writable || !d.enumerable || !d.configurable) return false;
		}
	}
	Object.assign(e, t);
	return true;
}
function _objectSpread2(e) ${MARKER} {
	var q = typeof e === "object" && e !== null ? Object.getPrototypeOf(e) : undefined;
	var plainTarget = q === Object.prototype || q === null;
	for (var r = 1; r < arguments.length; r++) {
		var t = null != arguments[r] ? arguments[r] : {};
		if (plainTarget && __stagecraftPlainCopy(e, t, r % 2 === 0)) continue;
		r % 2 ? ownKeys(Object(t), !0).forEach(function(r) {
			_defineProperty(e, r, t[r]);
		}) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function(r) {
			Object.defineProperty(e, r, Object.getOwnPropertyDescriptor(t, r));
		});
	}
	return e;
}`

export const FORMAT_MARKER = '/* stagecraft: fast format merge */'

export const WITHOUT_UNDEFINED_ORIGINAL =
  'var withoutUndefined = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== void 0));'

export const WITHOUT_UNDEFINED_REPLACEMENT = `var withoutUndefined = (object) => ${FORMAT_MARKER} {
	const out = {};
	for (const key of Object.keys(object)) {
		const value = object[key];
		if (value === void 0) continue;
		if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
		else out[key] = value;
	}
	return out;
};`

export const COMBINE_ORIGINAL =
  'var combine = (formats) => formats.reduce((all, format) => _objectSpread2(_objectSpread2({}, all), withoutUndefined(format)), {});'

export const COMBINE_REPLACEMENT = `var combine = (formats) => ${FORMAT_MARKER} {
	const all = {};
	for (const format of formats) for (const key of Object.keys(format)) {
		const value = format[key];
		if (value === void 0) continue;
		if (key === "__proto__") Object.defineProperty(all, key, { value, enumerable: true, configurable: true, writable: true });
		else all[key] = value;
	}
	return all;
};`

/** Each helper as shipped and as replaced; a file gets those whose exact text it holds. */
export const PATCHES = [
  { name: '_objectSpread2', original: ORIGINAL, replacement: REPLACEMENT },
  // A tree patched by the first version is brought up to this one.
  { name: '_objectSpread2 (first patch)', original: REPLACEMENT_V1, replacement: REPLACEMENT },
  { name: 'withoutUndefined', original: WITHOUT_UNDEFINED_ORIGINAL, replacement: WITHOUT_UNDEFINED_REPLACEMENT },
  { name: 'combine', original: COMBINE_ORIGINAL, replacement: COMBINE_REPLACEMENT }
]

/** Patches one file's text; returns the new text, or null when there is nothing to do. */
export function patchText(text) {
  let next = text
  for (const { original, replacement } of PATCHES) if (next.includes(original)) next = next.split(original).join(replacement)
  return next === text ? null : next
}

/** Whether a file still holds a helper as shipped (one the patch would replace). */
export function unpatched(text) {
  return PATCHES.filter(({ original }) => text.includes(original)).map(({ name }) => name)
}

/** Bundles that hold the spread helper, and what each still lacks of the patch. */
function survey() {
  const out = []
  for (const name of readdirSync(dist)) {
    if (!/\.(mjs|cjs)$/.test(name) || name.includes('.umd.')) continue
    const text = readFileSync(join(dist, name), 'utf8')
    if (!text.includes('_objectSpread2')) continue
    // The exact current replacement, not only its marker: an earlier version of the patch is not enough.
    out.push({ name, text, left: unpatched(text), marked: text.includes(REPLACEMENT) })
  }
  return out
}

/** `--check`: exits non-zero unless every bundle is patched (run before packaging). */
function check() {
  const problems = existsSync(dist)
    ? survey().flatMap(({ name, left, marked }) => [
        ...left.map((h) => `${name}: ${h} is not replaced`),
        ...(marked ? [] : [`${name}: does not hold this version of the patch`])
      ])
    : ['docx is not installed']
  if (problems.length === 0) {
    console.log('patch-docx: every docx bundle is patched')
    return
  }
  console.error(`patch-docx: refusing to package an unpatched docx (run \`npm ci\` or \`node scripts/patch-docx.mjs\`):\n  ${problems.join('\n  ')}`)
  process.exitCode = 1
}

function main() {
  if (process.argv.includes('--check')) return check()
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
