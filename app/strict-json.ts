import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../shared/ipc/result'
import { MAX_PAYLOAD_NODES, payloadProblem } from '../shared/ipc/payload'

/** No Stagecraft file nests anywhere near this deep; a hostile one may nest 100,000 deep. */
export const MAX_JSON_DEPTH = 64

const invalid = (message: string) => new AppError('INVALID_INPUT', message)

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

/** Where JSON.parse stopped, in words ("line L, column C" when it can be told). */
function jsonErrorWhere(message: string, text: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message)
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`
  const pos = /position (\d+)/.exec(message)
  if (pos) return lineColumn(text, Number(pos[1]))
  if (/end of JSON input/i.test(message)) return 'unexpected end of file'
  const token = /Unexpected token '(.+?)'/.exec(message)?.[1]
  if (token !== undefined) {
    // V8 does not always say where; when the character occurs only once, that is the place.
    const first = text.indexOf(token)
    if (first >= 0 && text.indexOf(token, first + 1) < 0) return lineColumn(text, first)
    return `unexpected character ${JSON.stringify(token)}`
  }
  return 'syntax error'
}

/** Parses JSON text, with a one-line message naming the file when it is not JSON. */
function parseJsonText(displayName: string, raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (text.trim() === '') throw invalid(`${displayName}: is empty, expected a JSON object`)
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw invalid(`${displayName}: is not valid JSON (${jsonErrorWhere(message, text)})`)
  }
}

/**
 * Decodes a file's bytes as UTF-8 text. A UTF-8 byte-order mark is tolerated (and
 * dropped); UTF-16 and bytes that are not valid UTF-8 are refused rather than turned into
 * replacement characters that would then be stored as if the file had said them.
 */
export function decodeUtf8(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw invalid(`${name}: is empty`)
  const b0 = bytes[0]
  const b1 = bytes[1]
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (bytes.length >= 2 && (b0 === 0 || b1 === 0))) {
    throw invalid(`${name}: is saved as UTF-16 text; save it as UTF-8 and try again`)
  }
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw invalid(`${name}: is not UTF-8 text (it holds bytes that are not valid UTF-8), so it was not read`)
  }
}

export interface JsonScan {
  /** Deeper than the limit (the scan stops there). */
  tooDeep: boolean
  /** The first key that appears twice in one object, and where. */
  duplicate: { key: string; path: string } | null
  /** The values the text holds (each array element and object member counts one), counted without building them. */
  values: number
}

interface Frame {
  kind: 'object' | 'array'
  keys: Set<string> | null
  expectKey: boolean
  key: string | null
  index: number
}

const pathOf = (stack: readonly Frame[]): string => {
  let out = ''
  for (const f of stack.slice(0, -1)) {
    if (f.kind === 'array') out += `[${f.index}]`
    else out += out === '' ? (f.key ?? '') : `.${f.key ?? ''}`
  }
  return out
}

/**
 * One pass over JSON text, without recursion (so 100,000 levels cannot exhaust the stack):
 * how deep it nests and the first key that appears twice in the same object. JSON.parse
 * silently keeps the last of duplicate keys, so a file could show one value to a person
 * reading it and another to the app; a Stagecraft file must name each field once.
 */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonScan {
  const stack: Frame[] = []
  let duplicate: JsonScan['duplicate'] = null
  let values = 1
  let empty = false
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      empty = false
      const start = i
      let escaped = false
      i += 1
      while (i < n) {
        const d = text.charCodeAt(i)
        if (d === 0x5c) {
          escaped = true
          i += 2
          continue
        }
        if (d === 0x22) break
        i += 1
      }
      const top = stack[stack.length - 1]
      if (top && top.kind === 'object' && top.expectKey) {
        let key = text.slice(start + 1, i)
        if (escaped) {
          try {
            key = JSON.parse(text.slice(start, i + 1)) as string
          } catch {
            // Not valid JSON: JSON.parse of the whole text reports it.
          }
        }
        if (top.keys!.has(key)) duplicate ??= { key, path: pathOf(stack) }
        top.keys!.add(key)
        top.key = key
        top.expectKey = false
      }
      i += 1
      continue
    }
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) return { tooDeep: true, duplicate, values }
      const object = c === 0x7b
      stack.push({ kind: object ? 'object' : 'array', keys: object ? new Set() : null, expectKey: object, key: null, index: 0 })
      // The container's first value (unless it turns out empty), then one more per comma.
      values += 1
      empty = true
    } else if (c === 0x7d || c === 0x5d) {
      if (empty) values -= 1
      empty = false
      stack.pop()
    } else if (c === 0x2c) {
      values += 1
      const top = stack[stack.length - 1]
      if (top?.kind === 'object') top.expectKey = true
      else if (top) top.index += 1
    } else if (c > 0x20) {
      empty = false
    }
    i += 1
  }
  return { tooDeep: false, duplicate, values }
}

/**
 * Bytes to a JSON value, refusing what JSON.parse would quietly accept or choke on: invalid
 * UTF-8, UTF-16, nesting deeper than `MAX_JSON_DEPTH` and (unless allowed) duplicate keys.
 * Every message names the file and is one line.
 */
export function parseStrictJson(name: string, bytes: Uint8Array, options: { allowDuplicateKeys?: boolean } = {}): unknown {
  const text = decodeUtf8(name, bytes)
  const scan = scanJson(text)
  if (scan.tooDeep) throw invalid(`${name}: nests more than ${MAX_JSON_DEPTH} levels deep, which no Stagecraft file does`)
  // Refused before JSON.parse builds millions of values (a flat array of zeros fills memory, not the file limit).
  if (scan.values > MAX_PAYLOAD_NODES)
    throw invalid(`${name}: is too large to be a Stagecraft file (it holds over ${MAX_PAYLOAD_NODES.toLocaleString('en')} values)`)
  const value = parseJsonText(name, text)
  if (scan.duplicate && !options.allowDuplicateKeys) {
    const where = scan.duplicate.path ? ` in ${scan.duplicate.path}` : ''
    throw invalid(`${name}: the field "${scan.duplicate.key}" appears twice${where}; each field may be given only once`)
  }
  const problem = payloadProblem(value)
  // An escape such as "\ud800" parses to half a character, which could not be stored as written.
  if (problem === 'malformed-text') throw invalid(`${name}: holds text that is not valid Unicode (a lone surrogate escape)`)
  if (problem === 'prototype-key') throw invalid(`${name}: has a field named "__proto__", which no Stagecraft file has`)
  if (problem) throw invalid(`${name}: is too large or too deeply nested to be a Stagecraft file`)
  return value
}

/**
 * Reads a whole file once, refusing anything over the limit without reading it all.
 * What is read here is all the import will ever see: the path is not opened again.
 */
export function readFileBounded(path: string, limit: number, what: string): Buffer {
  const name = basename(path)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    throw new AppError('INVALID_INPUT', `${name} could not be read.`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new AppError('INVALID_INPUT', `${name} is not a file.`)
    if (stat.size > limit) throw new AppError('INVALID_INPUT', `${name}: is too large to be ${what} (over ${limit / 1024 / 1024} MB)`)
    // One byte more than it says: a file that grows while it is read is noticed, not cut short.
    const buffer = Buffer.alloc(stat.size + 1)
    let length = 0
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
    }
    if (length > stat.size) throw new AppError('INVALID_INPUT', `${name} changed while it was being read. Try again.`)
    return buffer.subarray(0, length)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('INVALID_INPUT', `${name} could not be read.`)
  } finally {
    closeSync(fd)
  }
}
