import { CliError } from './cli-io'

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
export function parseJsonText(displayName: string, raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (text.trim() === '') throw new CliError(`${displayName}: is empty, expected a JSON object`)
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new CliError(`${displayName}: is not valid JSON (${jsonErrorWhere(message, text)})`)
  }
}

