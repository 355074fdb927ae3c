/**
 * The documents' pages as LibreOffice lays them out, for very different clients: the page
 * numbers the contents carry written (worked out by docx's own layout while packing) are the
 * pages LibreOffice puts each heading on, and no page but the cover and the last holds less
 * than about 200 characters of text without a picture (a heading or a lone clause left
 * behind). Every page is rendered to PNG in test-results/docx/pages-<document>/ to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportJob } from '../../cli/commands/export.command'
import { renderJob, type TemplateName } from '../../templates/index'
import { intakeFixture, TEST_BRANDING } from '../helpers/proposal-input.helper'
import { bookmarkedText, libreOfficePdfs, pdfPagePngs, pdfPagesWithPictures, pdfPageTexts, requireReaders, writtenPageNumbers } from '../helpers/readers'
import { tempDir } from '../helpers/temp'

const CLIENTS = ['api-startup', 'mlops-pain', 'custom-exploration', 'no-data', 'mature-api', 'custom-scientist'] as const
const TEMPLATES = ['proposal', 'assessment', 'hiring'] as const satisfies readonly TemplateName[]
const NOW = new Date('2025-02-20T10:00:00Z')

interface Laid {
  name: string
  docx: Uint8Array
  pages: string[]
  pictures: Set<number>
}

const laid = new Map<string, Laid>()
let cleanup: () => void

beforeAll(async () => {
  requireReaders()
  let dir: string
  ;({ dir, cleanup } = tempDir('stagecraft-pages-'))
  const made: { name: string; path: string; docx: Uint8Array }[] = []
  for (const client of CLIENTS) {
    for (const template of TEMPLATES) {
      const { bytes } = await renderJob(exportJob(template, intakeFixture(client), { library: null, branding: TEST_BRANDING, terms: null }, NOW))
      const name = `${client}-${template}`
      const path = join(dir, `${name}.docx`)
      writeFileSync(path, bytes)
      made.push({ name, path, docx: bytes })
    }
  }
  // One LibreOffice start-up for all of them.
  const pdfs = libreOfficePdfs(
    made.map((m) => m.path),
    dir
  )
  made.forEach((m, i) => {
    const pdf = pdfs[i]!
    const pngDir = resolve('test-results', 'docx', `pages-${m.name}`)
    mkdirSync(pngDir, { recursive: true })
    const pages = pdfPageTexts(pdf)
    pdfPagePngs(pdf, pngDir, { last: pages.length, dpi: 40 })
    laid.set(m.name, { name: m.name, docx: m.docx, pages, pictures: pdfPagesWithPictures(pdf) })
  })
}, 600_000)
afterAll(() => cleanup?.())

const squash = (s: string) => s.replace(/[\s\u00A0\u00AD]+/g, ' ').trim()
const linesOf = (page: string) => page.split('\n').map(squash).filter(Boolean)

/** The page (from 1) LibreOffice puts each contents entry's heading on, searching in order after the contents. */
function headingPages(doc: Laid, titles: readonly string[]): (number | undefined)[] {
  const contentsPage = doc.pages.findIndex((p) => linesOf(p).includes('Contents'))
  let from = contentsPage + 1
  return titles.map((title) => {
    for (let i = from; i < doc.pages.length; i++) {
      const lines = linesOf(doc.pages[i]!)
      // A heading is a line of its own; a long one may wrap onto the next line.
      const at = lines.findIndex(
        (line, k) => line === title || (title.startsWith(line) && line.length >= 12 && squash(`${line} ${lines[k + 1] ?? ''}`).startsWith(title))
      )
      if (at >= 0) {
        from = i
        return i + 1
      }
    }
    return undefined
  })
}

/** The text of a page without its running header and footer (lines most pages repeat, numbers aside). */
function bodyText(doc: Laid, page: number): string {
  const shape = (line: string) => line.replace(/\d+/g, '#')
  const counts = new Map<string, number>()
  for (const p of doc.pages) for (const line of new Set(linesOf(p).map(shape))) counts.set(line, (counts.get(line) ?? 0) + 1)
  const running = (line: string) => (counts.get(shape(line)) ?? 0) > doc.pages.length / 2
  return linesOf(doc.pages[page - 1]!)
    .filter((line) => !running(line))
    .join(' ')
}

const DOCS = CLIENTS.flatMap((c) => TEMPLATES.map((t) => `${c}-${t}`))

describe('the contents agree with LibreOffice', () => {
  it.each(DOCS)('%s: every entry’s page number is the page its heading is on', (name) => {
    const doc = laid.get(name)!
    const written = writtenPageNumbers(doc.docx).references
    const titles = bookmarkedText(doc.docx)
    const entries = [...written].filter(([, page]) => page !== '')
    expect(entries.length, 'the contents list their entries with page numbers').toBeGreaterThanOrEqual(3)
    const found = headingPages(
      doc,
      entries.map(([bookmark]) => squash(titles.get(bookmark) ?? bookmark))
    )
    expect(entries.map(([bookmark, page], i) => `${titles.get(bookmark)}: ${page} → ${found[i]}`)).toEqual(
      entries.map(([bookmark, page]) => `${titles.get(bookmark)}: ${page} → ${page}`)
    )
  })
})

describe('no near-empty pages', () => {
  it.each(DOCS)('%s: every page but the cover and the last holds a picture or about 200 characters', (name) => {
    const doc = laid.get(name)!
    expect(doc.pages.length).toBeGreaterThanOrEqual(3)
    const thin = doc.pages
      .map((_, i) => i + 1)
      .filter((page) => page > 1 && page < doc.pages.length && !doc.pictures.has(page))
      .map((page) => ({ page, text: bodyText(doc, page) }))
      .filter(({ text }) => text.length < 200)
    expect(thin).toEqual([])
  })
})
