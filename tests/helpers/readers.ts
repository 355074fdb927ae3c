/**
 * Opens a .docx with the real readers a client's document meets, and reports what each saw:
 * - the zip's XML parts, each checked by `xmllint --noout`;
 * - LibreOffice (`soffice --headless --convert-to pdf`, its own throwaway profile), then
 *   `pdfinfo` (pages), `pdftotext` (text) and `pdftoppm` (the first pages as PNG, kept in
 *   test-results/docx/<name>/ for a person to look at);
 * - python-docx (/usr/bin/python3): paragraph style names, headings, tables and inline images.
 *
 * A missing reader fails the test with the Debian package to install; it never skips (in CI
 * or anywhere else).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { inflateRawSync } from 'node:zlib'

export const PYTHON = '/usr/bin/python3'

const READERS: readonly { command: string; args: string[]; pkg: string }[] = [
  { command: 'soffice', args: ['--version'], pkg: 'libreoffice-writer-nogui' },
  { command: 'pdftotext', args: ['-v'], pkg: 'poppler-utils' },
  { command: 'pdfinfo', args: ['-v'], pkg: 'poppler-utils' },
  { command: 'pdftoppm', args: ['-v'], pkg: 'poppler-utils' },
  { command: 'xmllint', args: ['--version'], pkg: 'libxml2-utils' },
  { command: PYTHON, args: ['-c', 'import docx'], pkg: 'python3-docx' }
]

let checked = false

/** Throws, naming the apt package, when a reader is missing (in CI and locally alike). */
export function requireReaders(): void {
  if (checked) return
  const missing = READERS.filter((r) => spawnSync(r.command, r.args, { stdio: 'ignore' }).status !== 0)
  if (missing.length) {
    const pkgs = [...new Set(missing.map((m) => m.pkg))]
    const where = process.env.CI === 'true' ? 'CI must install them (.ci/run)' : 'install them'
    throw new Error(
      `Document readers missing: ${missing.map((m) => m.command).join(', ')}. ${where}: ` + `sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`
    )
  }
  checked = true
}

// ---------------------------------------------------------------------------------------
// Zip (enough of the format to read what docx writes: stored or deflated entries)

/** Every entry of a zip archive, by name. */
export function unzip(buffer: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('Not a zip archive: no end of central directory')
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('Broken zip central directory')
    const method = buf.readUInt16LE(p + 10)
    const compressed = buf.readUInt32LE(p + 20)
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength)
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const data = buf.subarray(dataStart, dataStart + compressed)
    if (method === 0) out.set(name, Buffer.from(data))
    else if (method === 8) out.set(name, inflateRawSync(data))
    else throw new Error(`Zip entry ${name} uses compression method ${method}`)
    p += 46 + nameLength + extraLength + commentLength
  }
  return out
}

/** The XML parts of a .docx (everything ending .xml or .rels, and the SVG pictures). */
export function xmlParts(docx: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>()
  for (const [name, data] of unzip(docx)) if (/\.(xml|rels|svg)$/.test(name)) parts.set(name, data.toString('utf8'))
  return parts
}

/** Runs xmllint --noout over files; returns its complaints (empty when all are well-formed). */
export function xmllint(files: readonly string[]): string {
  if (files.length === 0) return ''
  const r = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return r.status === 0 ? '' : (r.stderr || `xmllint exited ${r.status}`).slice(0, 4000)
}

/** The visible text of a WordprocessingML part: w:t text, tabs as \t, breaks as \n, paragraphs joined by \n. */
export function visibleText(xml: string): string[] {
  const unescape = (s: string) =>
    s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) => {
      if (dec) return String.fromCodePoint(Number(dec))
      if (hex) return String.fromCodePoint(parseInt(hex, 16))
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name] ?? ''
    })
  const paragraphs: string[] = []
  for (const p of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let text = ''
    for (const m of p[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:cr\/>/g)) {
      if (m[0].startsWith('<w:tab')) text += '\t'
      else if (m[0].startsWith('<w:br') || m[0].startsWith('<w:cr')) text += '\n'
      else text += unescape(m[1] ?? '')
    }
    paragraphs.push(text)
  }
  return paragraphs
}

// ---------------------------------------------------------------------------------------
// The readers

export interface PythonDocxView {
  /** Style name of every body paragraph, in order. */
  paragraphStyles: string[]
  /** Headings: style name and text. */
  headings: { style: string; text: string }[]
  tables: number
  inlineImages: number
  /** Every paragraph's text, body then tables. */
  text: string
}

export interface DocxReport {
  name: string
  dir: string
  docxPath: string
  parts: Map<string, string>
  /** xmllint's complaints about any XML part ('' when all parse). */
  xmlErrors: string
  pdfPath: string
  pages: number
  /** pdftotext output (layout off), whitespace as pdftotext writes it. */
  pdfText: string
  /** PNGs of the first pages, for a person to look at. */
  pagePngs: string[]
  python: PythonDocxView
}

const PY_READER = `
import json, sys, docx
d = docx.Document(sys.argv[1])
paras = d.paragraphs
out = {
  "paragraphStyles": [p.style.name if p.style is not None else "" for p in paras],
  "headings": [{"style": p.style.name, "text": p.text} for p in paras if p.style is not None and (p.style.name.startswith("Heading") or p.style.name == "Title")],
  "tables": len(d.tables),
  "inlineImages": len(d.inline_shapes),
  "text": "\\n".join([p.text for p in paras] + [c.text for t in d.tables for r in t.rows for c in r.cells]),
}
sys.stdout.write(json.dumps(out))
`

export function pythonDocx(docxPath: string): PythonDocxView {
  const r = spawnSync(PYTHON, ['-c', PY_READER, docxPath], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`python-docx could not read ${docxPath}: ${r.stderr.slice(0, 2000)}`)
  return JSON.parse(r.stdout) as PythonDocxView
}

/** Converts with LibreOffice into outDir; throws when no PDF appears (soffice exits 0 even then). */
export function libreOfficePdf(docxPath: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'))
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docxPath],
      { encoding: 'utf8', timeout: 120_000 }
    )
    const pdf = join(outDir, docxPath.replace(/^.*[\\/]/, '').replace(/\.docx$/i, '.pdf'))
    if (!existsSync(pdf)) {
      throw new Error(`LibreOffice made no PDF from ${docxPath} (exit ${r.status}): ${(r.stderr || r.stdout || '').slice(0, 2000)}`)
    }
    return pdf
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Converts several documents in one LibreOffice run (one start-up); returns the PDFs in order. */
export function libreOfficePdfs(docxPaths: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'))
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths],
      {
        encoding: 'utf8',
        timeout: 60_000 * Math.max(2, docxPaths.length)
      }
    )
    return docxPaths.map((docxPath) => {
      const pdf = join(outDir, docxPath.replace(/^.*[\\/]/, '').replace(/\.docx$/i, '.pdf'))
      if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF from ${docxPath} (exit ${r.status}): ${(r.stderr || r.stdout || '').slice(0, 2000)}`)
      return pdf
    })
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Each page's text (pdftotext with its layout kept), in page order. */
export function pdfPageTexts(pdfPath: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    .split('\f')
    .slice(0, pdfPageCount(pdfPath))
}

/** The pages (from 1) that show a picture, as pdfimages lists them. */
export function pdfPagesWithPictures(pdfPath: string): Set<number> {
  const list = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' })
  const pages = new Set<number>()
  for (const line of list.split('\n').slice(2)) {
    const page = Number(line.trim().split(/\s+/)[0])
    if (page > 0) pages.add(page)
  }
  return pages
}

/** The heading text each bookmark of a .docx wraps, by bookmark name. */
export function bookmarkedText(docx: Uint8Array): Map<string, string> {
  const xml = unzip(docx).get('word/document.xml')!.toString('utf8')
  const out = new Map<string, string>()
  for (const m of xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"[^>]*\/>([\s\S]*?)<w:bookmarkEnd/g)) {
    out.set(m[1]!, visibleText(`<w:p>${m[2]!}</w:p>`).join(''))
  }
  return out
}

export function pdfPageCount(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  const m = /^Pages:\s+(\d+)/m.exec(info)
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdfPath}`)
  return Number(m[1])
}

export function pdfText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

/** The first pages as PNG (60 dpi unless told) in outDir, named page-N.png. */
export function pdfPagePngs(pdfPath: string, outDir: string, options: { first?: number; last?: number; dpi?: number } = {}): string[] {
  const prefix = join(outDir, 'page')
  execFileSync('pdftoppm', ['-png', '-r', String(options.dpi ?? 60), '-f', String(options.first ?? 1), '-l', String(options.last ?? 3), pdfPath, prefix])
  return readdirSync(outDir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort()
    .map((f) => join(outDir, f))
}

/** Where a document's files land: test-results/docx/<name>/ (emptied first). */
export function resultsDir(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-')
  const dir = resolve('test-results', 'docx', safe)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Writes the .docx and runs every reader over it. */
export function openDocx(name: string, docx: Uint8Array, options: { pngPages?: number; dpi?: number } = {}): DocxReport {
  requireReaders()
  const dir = resultsDir(name)
  const docxPath = join(dir, 'document.docx')
  writeFileSync(docxPath, docx)

  const parts = xmlParts(docx)
  const xmlDir = join(dir, 'xml')
  const files: string[] = []
  for (const [part, text] of parts) {
    const file = join(xmlDir, part)
    mkdirSync(resolve(file, '..'), { recursive: true })
    writeFileSync(file, text)
    files.push(file)
  }
  const xmlErrors = xmllint(files)

  const pdfPath = libreOfficePdf(docxPath, dir)
  const pngDir = join(dir, 'pages')
  mkdirSync(pngDir, { recursive: true })
  return {
    name,
    dir,
    docxPath,
    parts,
    xmlErrors,
    pdfPath,
    pages: pdfPageCount(pdfPath),
    pdfText: pdfText(pdfPath),
    pagePngs: pdfPagePngs(pdfPath, pngDir, { last: options.pngPages ?? 3, dpi: options.dpi ?? 60 }),
    python: pythonDocx(docxPath)
  }
}

/** Counts occurrences of a phrase in text, ignoring differences in whitespace and line wrapping. */
export function countPhrase(haystack: string, phrase: string): number {
  const norm = (s: string) => s.replace(/[\s\u00A0\u00AD]+/g, ' ').trim()
  const h = norm(haystack)
  const p = norm(phrase)
  if (!p) return 0
  let count = 0
  for (let i = h.indexOf(p); i >= 0; i = h.indexOf(p, i + p.length)) count++
  return count
}

/** The page numbers a .docx carries written: beside each contents entry, and in the footers' page count. */
export interface WrittenPageNumbers {
  /** The number written beside each contents entry (its PAGEREF's result), by bookmark. */
  references: Map<string, string>
  /** The cached numbers of the footers' page-count fields ('' when left for the reader). */
  pageCounts: string[]
}

export function writtenPageNumbers(docx: Uint8Array): WrittenPageNumbers {
  const parts = unzip(docx)
  const xml = parts.get('word/document.xml')!.toString('utf8')
  const references = new Map<string, string>()
  for (const m of xml.matchAll(
    /PAGEREF (\S+)[^<]*<\/w:instrText>(?:<[^>]*>)*?<w:fldChar w:fldCharType="separate"\/>(?:<w:t xml:space="preserve">([^<]*)<\/w:t>)?/g
  )) {
    references.set(m[1]!, m[2] ?? '')
  }
  const footers = [...parts.entries()].filter(([p]) => /^word\/footer\d+\.xml$/.test(p)).map(([, b]) => b.toString('utf8'))
  const pageCounts = footers.flatMap((f) =>
    [
      ...f.matchAll(
        /NUMPAGES[^<]*<\/w:instrText>(?:<[^>]*>)*?<w:fldChar w:fldCharType="separate"\/>(?:(?:<[^>]*>)*?<w:t xml:space="preserve">([^<]*)<\/w:t>)?/g
      )
    ].map((m) => m[1] ?? '')
  )
  return { references, pageCounts }
}
