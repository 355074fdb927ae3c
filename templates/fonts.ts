/**
 * The bundled font (Inter, as static TTF files from an npm package): resolved through the
 * package system so it is found from the CLI, the tests and the bundled main process alike.
 * Node only.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join, sep } from 'node:path'

const nodeRequire = createRequire(import.meta.url)

/** The family name of the bundled font (what SVG text and Word styles ask for). */
export const BUNDLED_FONT_FAMILY = 'Inter'

/** The package that ships the font as TTF (resvg and Word's font embedding need TTF, not WOFF). */
export const FONT_PACKAGE = '@expo-google-fonts/inter'

export const BUNDLED_FONT_FACES = {
  regular: '400Regular/Inter_400Regular.ttf',
  semibold: '600SemiBold/Inter_600SemiBold.ttf',
  bold: '700Bold/Inter_700Bold.ttf',
  italic: '400Regular_Italic/Inter_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Inter_700Bold_Italic.ttf'
} as const
export type FontFace = keyof typeof BUNDLED_FONT_FACES

let packageDir: string | null = null
let copiedDir: string | null = null

function facePath(face: FontFace): string {
  packageDir ??= dirname(nodeRequire.resolve(`${FONT_PACKAGE}/package.json`))
  const path = join(packageDir, BUNDLED_FONT_FACES[face])
  if (!existsSync(path)) throw new Error(`The bundled font file is missing: ${path}. Reinstall the ${FONT_PACKAGE} package.`)
  return path
}

/**
 * The path of one bundled font face that native code (resvg) can open: inside a packaged
 * Electron app the package sits in an .asar archive only Node's patched fs can read, so the
 * unpacked copy is used when there is one, else the file is copied out to a temporary folder once.
 */
export function bundledFontPath(face: FontFace): string {
  return nativeReadablePath(facePath(face))
}

/** A path native code can open: the unpacked copy of a file inside an .asar archive, or a temporary copy. */
export function nativeReadablePath(path: string): string {
  const marker = `.asar${sep}`
  if (!path.includes(marker)) return path
  const unpacked = path.replace(marker, `.asar.unpacked${sep}`)
  if (existsSync(unpacked)) return unpacked
  copiedDir ??= mkdtempSync(join(tmpdir(), 'stagecraft-fonts-'))
  const target = join(copiedDir, basename(path))
  if (!existsSync(target)) copyFileSync(path, target)
  return target
}

const cache = new Map<FontFace, Buffer>()

/** The bytes of one bundled font face (read once). */
export function bundledFontData(face: FontFace): Buffer {
  let data = cache.get(face)
  if (!data) {
    data = readFileSync(facePath(face))
    cache.set(face, data)
  }
  return data
}
