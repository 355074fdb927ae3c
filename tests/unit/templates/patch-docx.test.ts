import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COMBINE_ORIGINAL,
  COMBINE_REPLACEMENT,
  MARKER,
  ORIGINAL,
  PATCHES,
  REPLACEMENT,
  REPLACEMENT_V1,
  WITHOUT_UNDEFINED_ORIGINAL,
  WITHOUT_UNDEFINED_REPLACEMENT,
  patchText,
  unpatched
  // @ts-expect-error -- a plain .mjs build script without type declarations
} from '../../../scripts/patch-docx.mjs'

type Spread = (target: object, ...sources: unknown[]) => object

/** The helper as docx ships it (with the two helpers it calls) and as patched, as functions. */
function helpers(): { original: Spread; patched: Spread; firstPatch: Spread } {
  const support = `
    function _defineProperty(e, r, t) { return (r in e) ? Object.defineProperty(e, r, { value: t, enumerable: true, configurable: true, writable: true }) : e[r] = t, e }
    function ownKeys(e, r) { var t = Object.keys(e); if (Object.getOwnPropertySymbols) { var o = Object.getOwnPropertySymbols(e); r && (o = o.filter(function (r) { return Object.getOwnPropertyDescriptor(e, r).enumerable })), t.push.apply(t, o) } return t }
  `
  const make = (fn: string) => new Function(`"use strict";\n${support}\n${fn}\nreturn _objectSpread2`)() as Spread
  return { original: make(ORIGINAL as string), patched: make(REPLACEMENT as string), firstPatch: make(REPLACEMENT_V1 as string) }
}

/** One property as a test describes it: a data property with given attributes, or a getter (with or without a setter). */
type PropSpec = { key: string; kind: 'data' | 'getter' | 'accessor'; value: number; enumerable: boolean; writable: boolean; configurable: boolean }
type ObjSpec = { proto: 'object' | 'null' | 'class'; props: PropSpec[]; closed: boolean }

class Styled {}

/**
 * Builds an object from its description. The getters are made once per description and
 * shared by every object built from it, so two results can be compared descriptor by
 * descriptor; each call still gives a fresh object, since spreading changes its target.
 */
function builder(spec: ObjSpec): () => object {
  const getters = new Map(spec.props.map((p) => [p.key, () => p.value]))
  const setters = new Map(spec.props.map((p) => [p.key, () => undefined]))
  return () => {
    const o = spec.proto === 'null' ? Object.create(null) : spec.proto === 'class' ? new Styled() : {}
    for (const p of spec.props) {
      if (Object.hasOwn(o, p.key)) continue
      const { enumerable, configurable } = p
      if (p.kind === 'data') Object.defineProperty(o, p.key, { value: p.value, enumerable, configurable, writable: p.writable })
      else Object.defineProperty(o, p.key, { get: getters.get(p.key), ...(p.kind === 'accessor' && { set: setters.get(p.key) }), enumerable, configurable })
    }
    if (spec.closed) Object.preventExtensions(o)
    return o as object
  }
}

/** What a call did: the object it made (its prototype and every own descriptor), or the kind of error it threw. */
function outcome(run: () => object): unknown {
  try {
    return shape(run())
  } catch (error) {
    return { threw: (error as Error).constructor.name }
  }
}

type Merge = (formats: readonly object[]) => object
type Strip = (object: object) => object

/** `combine` and `withoutUndefined` as docx ships them (on the shipped spread) and as patched. */
function formatHelpers(): { original: { combine: Merge; strip: Strip }; patched: { combine: Merge; strip: Strip } } {
  const support = `
    function _defineProperty(e, r, t) { return (r in e) ? Object.defineProperty(e, r, { value: t, enumerable: true, configurable: true, writable: true }) : e[r] = t, e }
    function ownKeys(e, r) { var t = Object.keys(e); if (Object.getOwnPropertySymbols) { var o = Object.getOwnPropertySymbols(e); r && (o = o.filter(function (r) { return Object.getOwnPropertyDescriptor(e, r).enumerable })), t.push.apply(t, o) } return t }
    ${ORIGINAL as string}
  `
  const make = (strip: string, combine: string) =>
    new Function(`${support}\n${strip}\n${combine}\nreturn { combine, strip: withoutUndefined }`)() as { combine: Merge; strip: Strip }
  return {
    original: make(WITHOUT_UNDEFINED_ORIGINAL as string, COMBINE_ORIGINAL as string),
    patched: make(WITHOUT_UNDEFINED_REPLACEMENT as string, COMBINE_REPLACEMENT as string)
  }
}

/** Own properties with their descriptors and the prototype: what a spread can change. */
function shape(o: object): unknown {
  return { proto: Object.getPrototypeOf(o), keys: Reflect.ownKeys(o).map(String), descriptors: Object.getOwnPropertyDescriptors(o) }
}

describe('the docx format-merging patch', () => {
  const { original, patched } = formatHelpers()
  const value = fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 4 }), fc.constant(undefined), fc.constant(null), fc.record({ a: fc.integer() }))
  const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'size', 'bold', '0', '10'))
  // JSON cannot hold undefined, so undefined values are added after parsing (which makes an own "__proto__" key).
  const format = fc.tuple(fc.dictionary(key, value, { maxKeys: 6 }), fc.array(key, { maxLength: 3 })).map(([defined, unset]) => ({ defined, unset }))
  const materialise = ({ defined, unset }: { defined: Record<string, unknown>; unset: string[] }): object => {
    const o = JSON.parse(JSON.stringify(defined, (_k, v: unknown) => (v === undefined ? null : v))) as Record<string, unknown>
    for (const k of unset) Object.defineProperty(o, k, { value: undefined, enumerable: true, configurable: true, writable: true })
    return o
  }

  it('withoutUndefined gives the same object as the shipped one', () => {
    fc.assert(
      fc.property(format, (f) => {
        expect(shape(patched.strip(materialise(f)))).toEqual(shape(original.strip(materialise(f))))
      }),
      { numRuns: 300 }
    )
  })

  it('combine gives the same object as the shipped one, later formats winning and undefined never overriding', () => {
    fc.assert(
      fc.property(fc.array(format, { maxLength: 5 }), (formats) => {
        const made = (merge: Merge) => merge(formats.map(materialise))
        expect(shape(made(patched.combine))).toEqual(shape(made(original.combine)))
      }),
      { numRuns: 300 }
    )
    expect(patched.combine([{ bold: true, size: 20 }, { size: undefined, italic: false }, { size: 24 }])).toEqual({ bold: true, size: 24, italic: false })
    const polluting = patched.combine([JSON.parse('{"__proto__": {"polluted": true}}') as object])
    expect(Object.getPrototypeOf(polluting)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('the docx object-spread patch', () => {
  const { original, patched, firstPatch } = helpers()

  const prop: fc.Arbitrary<PropSpec> = fc.record({
    key: fc.constantFrom('a', 'b', 'size', 'bold', 'toString', '0'),
    kind: fc.constantFrom('data', 'data', 'getter', 'accessor'),
    value: fc.integer({ min: 0, max: 9 }),
    enumerable: fc.boolean(),
    writable: fc.boolean(),
    configurable: fc.boolean()
  })
  const obj: fc.Arbitrary<ObjSpec> = fc.record({
    proto: fc.constantFrom('object', 'object', 'null', 'class'),
    props: fc.array(prop, { maxLength: 4 }),
    closed: fc.constantFrom(false, false, false, true)
  })

  it('gives what the shipped helper gives with getters, setters, read-only and hidden properties in every position, target included (property)', () => {
    fc.assert(
      fc.property(obj, fc.array(fc.oneof(obj, fc.constant(null)), { minLength: 1, maxLength: 5 }), (targetSpec, sourceSpecs) => {
        const target = builder(targetSpec)
        const sources = sourceSpecs.map((s) => (s === null ? () => null : builder(s)))
        const run = (spread: Spread) => () => spread(target(), ...sources.map((make) => make()))
        expect(outcome(run(patched))).toEqual(outcome(run(original)))
      }),
      { numRuns: 2000 }
    )
  })

  it('the first version of the patch was not equivalent: it turned a getter at an even position into a value', () => {
    const getter = {
      get size() {
        return 3
      }
    }
    const viaFirst = firstPatch({}, {}, getter)
    expect(Object.getOwnPropertyDescriptor(viaFirst, 'size')).toMatchObject({ value: 3 })
    // ...where the shipped helper (and this patch) copy the getter itself.
    const atEven = (spread: Spread) => Object.getOwnPropertyDescriptor(spread({}, {}, getter), 'size')
    expect(atEven(original)).toMatchObject({ get: expect.any(Function) })
    expect(atEven(patched)).toEqual(atEven(original))
  })

  it('gives the same objects as the shipped helper, for the calls the transpiler emits', () => {
    const value = fc.oneof(fc.integer(), fc.string(), fc.constant(undefined), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }))
    const record = fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString', '0')), value, { maxKeys: 6 })
    fc.assert(
      fc.property(fc.array(fc.oneof(record, fc.constant(null), fc.constant(undefined)), { maxLength: 4 }), (sources) => {
        // JSON.parse makes an own "__proto__" key, as parsed XML attributes could.
        const copies = () => sources.map((s) => (s == null ? s : (JSON.parse(JSON.stringify(s)) as object)))
        expect(shape(patched({}, ...copies()))).toEqual(shape(original({}, ...copies())))
      }),
      { numRuns: 300 }
    )
  })

  it('keeps symbols, own "__proto__" keys and getters as the shipped helper does', () => {
    const sym = Symbol('s')
    const withProto = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object
    const getter = {
      get size() {
        return 3
      }
    }
    for (const sources of [[{ [sym]: 1 }], [withProto], [getter, {}, { b: 2 }], ['ab']]) {
      const a = patched({}, ...sources)
      const b = original({}, ...sources)
      expect(shape(a)).toEqual(shape(b))
      expect(Object.getPrototypeOf(a)).toBe(Object.prototype)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('patches the shipped text once and then leaves it alone', () => {
    const text = `var x = 1;\n${ORIGINAL as string}\nvar y = 2;\n${WITHOUT_UNDEFINED_ORIGINAL as string}\n${COMBINE_ORIGINAL as string}`
    expect(unpatched(text)).toEqual(['_objectSpread2', 'withoutUndefined', 'combine'])
    // A tree patched by the first version is brought up to date.
    expect(patchText(REPLACEMENT_V1 as string)).toBe(REPLACEMENT)
    const once = patchText(text) as string
    expect(once).toContain(MARKER)
    for (const { original } of PATCHES as { original: string }[]) expect(once).not.toContain(original)
    expect(unpatched(once)).toEqual([])
    expect(patchText(once)).toBeNull()
    expect(patchText('function other() {}')).toBeNull()
  })

  it('is applied to the installed docx (npm install runs it), so exports get the fast layout', () => {
    const dist = join(process.cwd(), 'node_modules', 'docx', 'dist')
    const bundles = readdirSync(dist).filter((n) => /\.(mjs|cjs)$/.test(n) && !n.includes('.umd.'))
    const withHelper = bundles.filter((n) => readFileSync(join(dist, n), 'utf8').includes('function _objectSpread2'))
    expect(withHelper).toContain('layout.mjs')
    const left = withHelper.flatMap((n) => (unpatched(readFileSync(join(dist, n), 'utf8')) as string[]).map((helper) => `${n}: ${helper}`))
    expect(left, 'run `node scripts/patch-docx.mjs` (npm install does)').toEqual([])
    expect(readFileSync(join(dist, 'layout.mjs'), 'utf8')).toContain('stagecraft: fast format merge')
  })
})
