/**
 * The workshop report opened by the readers a client's document meets: every XML part
 * through xmllint, LibreOffice to PDF (pages, text, the first pages as PNG in
 * test-results/docx/), and python-docx. Keeps soffice runs to one per document.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DIMENSIONS } from '../../shared/domain/assessment/dimensions'
import { answersForContext, answersForMaturity, type AnswerValue } from '../../shared/domain/assessment/question-bank'
import { svgToPng } from '../../templates/charts'
import {
  BrandingLogoError,
  buildAssessmentReport,
  buildAssessmentReportModel,
  packDocument,
  type AssessmentReportInput,
  type Logo
} from '../../templates/index'
import { countPhrase, openDocx, visibleText, type DocxReport } from '../helpers/readers'
import { TEST_BRANDING } from '../helpers/proposal-input.helper'

interface Intake {
  client: { name: string; industry: string; headcount?: number }
  engagement: { title: string; consultant: string; currency: string; day_rate: number; start_date: string }
  context: Parameters<typeof answersForContext>[0]
  maturity: Parameters<typeof answersForMaturity>[0]
}

const intake = (name: string): Intake => JSON.parse(readFileSync(`tests/fixtures/intake/${name}.json`, 'utf8')) as Intake

type StoredLike = { value: AnswerValue | null; note: string | null; privateNote: string | null }

function answersOf(i: Intake, notes: Record<string, string> = {}): Record<string, StoredLike> {
  const raw = { ...answersForMaturity(i.maturity), ...answersForContext(i.context) }
  return Object.fromEntries(Object.entries(raw).map(([id, value]) => [id, { value, note: notes[id] ?? null, privateNote: `PRIVATE-${id}-do-not-share` }]))
}

const PRIVATE_MARKER = 'do-not-share'

/** A stored answer as the database returns it: with a private note the report must never show. */
const stored = (value: AnswerValue | null, note: string | null, privateNote: string | null): StoredLike => ({ value, note, privateNote })

function inputFrom(name: string, overrides: Partial<AssessmentReportInput> = {}, notes: Record<string, string> = {}): AssessmentReportInput {
  const i = intake(name)
  return {
    client: { name: i.client.name, industry: i.client.industry, headcount: i.client.headcount ?? null },
    engagement: {
      title: i.engagement.title,
      consultant: i.engagement.consultant,
      currency: i.engagement.currency,
      dayRate: i.engagement.day_rate,
      startDate: i.engagement.start_date
    },
    assessment: {
      title: 'Kick-off workshop',
      present: ['Dana Meyer (consultant)', 'Sam Ortiz, CTO', 'Priya Nair, Head of Product'],
      // Stored answers carry private notes; the report must never show them.
      answers: answersOf(i, notes),
      completedAt: '2025-03-04T15:00:00Z'
    },
    branding: TEST_BRANDING,
    generatedAt: '2025-03-05T10:00:00Z',
    ...overrides
  }
}

async function docxOf(input: AssessmentReportInput): Promise<Buffer> {
  return packDocument(buildAssessmentReport(buildAssessmentReportModel(input)))
}

/** Every internal hyperlink points at a bookmark that exists. */
function expectLinksResolve(report: DocxReport): void {
  const xml = report.parts.get('word/document.xml')!
  const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1])
  const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]))
  expect(anchors.length).toBeGreaterThan(5)
  for (const a of anchors) expect(bookmarks.has(a), `bookmark ${a}`).toBe(true)
}

/** What every report must show to every reader. */
function expectReadable(report: DocxReport, clientName: string, pages: { min: number; max: number }): void {
  expect(report.xmlErrors).toBe('')
  expect(report.pages).toBeGreaterThanOrEqual(pages.min)
  expect(report.pages).toBeLessThanOrEqual(pages.max)
  expect(countPhrase(report.pdfText, clientName)).toBeGreaterThanOrEqual(1)
  for (const d of DIMENSIONS) expect(countPhrase(report.pdfText, d.name), d.name).toBeGreaterThanOrEqual(1)

  const h1 = report.python.headings.filter((h) => h.style === 'Heading 1').map((h) => h.text)
  expect(h1.length).toBeGreaterThanOrEqual(8)
  // In the contents and as the heading itself: LibreOffice's PDF lists every Heading 1 at least twice.
  for (const title of h1) expect(countPhrase(report.pdfText, title), title).toBeGreaterThanOrEqual(2)
  expect(report.python.tables).toBeGreaterThanOrEqual(2)
  expect(report.python.inlineImages).toBeGreaterThanOrEqual(1)
  expect(report.pagePngs.length).toBeGreaterThanOrEqual(1)
  expectLinksResolve(report)

  for (const [part, xml] of report.parts) expect(xml.includes(PRIVATE_MARKER), part).toBe(false)
  expect(report.pdfText).not.toContain(PRIVATE_MARKER)
}

const tinyPng = (): Uint8Array =>
  svgToPng(
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><rect width="240" height="60" rx="8" fill="#123b5c"/><text x="20" y="40" font-size="28" fill="#fff">Northwind</text></svg>',
    { width: 480 }
  )

const SVG_LOGO = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"><circle cx="25" cy="25" r="20" fill="#d9480f"/><text x="55" y="33" font-size="22" font-weight="700" fill="#1f2328">Acme &amp; Co</text></svg>'
)

describe('the workshop report in real readers', () => {
  it('a normal report: cover, contents, chart, tables and notes read everywhere', async () => {
    const input = inputFrom(
      'api-startup',
      {},
      {
        deploy_path: 'Releases go out on Thursdays; the on-call engineer edits the manifests by hand.\n\nThey want this automated before the next hire.',
        has_objectives: 'Objective: cut first-response time by 30% with suggested replies.'
      }
    )
    const report = openDocx('assessment-normal', await docxOf(input), { pngPages: 4 })
    expectReadable(report, 'Parcelwise', { min: 6, max: 25 })
    expect(countPhrase(report.pdfText, 'Releases go out on Thursdays')).toBe(1)
    expect(report.pdfText).toContain('Page 2 of')
    expect(report.pdfText).toContain('Senior infrastructure engineer')
    expect(report.pdfText).toMatch(/€\s?1,200/) // the day rate, formatted for en-GB
    expect(report.pdfText).toContain('5 March 2025') // the cover's date
  }, 120_000)

  it('a re-assessment draws the earlier one behind and shows the change per dimension', async () => {
    const before = intake('mlops-pain')
    const earlier = { ...before.maturity, deploy: 0, monitor: 0, cicd: 0 }
    const input = inputFrom('mlops-pain', {
      previous: {
        title: 'January baseline',
        answers: Object.fromEntries(
          Object.entries({ ...answersForMaturity(earlier), ...answersForContext(before.context) }).map(([k, v]) => [k, { value: v, note: null }])
        )
      },
      locale: 'en-US'
    })
    const model = buildAssessmentReportModel(input)
    expect(model.radar.series.map((s) => s.emphasis)).toEqual(['previous', 'current'])
    expect(model.scores.find((s) => s.id === 'deploy')!.previous).toBe(0)
    const report = openDocx('assessment-previous', await docxOf(input))
    expectReadable(report, intake('mlops-pain').client.name, { min: 6, max: 25 })
    expect(report.pdfText).toContain('January baseline')
    expect(report.pdfText).toContain('March 5, 2025') // en-US date
    expect(report.pdfText).toMatch(/\bBefore\b[\s\S]*\bChange\b/)
  }, 120_000)

  it('hostile text: control characters, U+FFFE, lone surrogates, a 100,000-character note, emoji and RTL', async () => {
    const longNote = 'A very long note about the deployment pipeline. '.repeat(2100).slice(0, 100_000)
    const clientName = 'CON<>:"/\\|?*.'
    const input = inputFrom('no-data', {
      client: { name: clientName, industry: null, headcount: null },
      assessment: {
        title: 'Workshop\u0000 with \u000Bcontrols\u000C and \uFFFE',
        present: [],
        answers: {
          ...answersOf(intake('no-data'), {
            deploy_path: longNote,
            monitor_signals: 'Line one\nLine two\tafter a tab\u000Bvertical\u000Cform feed\u0007bell \uFFFF \uD800 lone 🚀👩‍💻 done',
            has_data: 'שלום עולם — הלקוח אמר שאין נתונים',
            has_objectives: 'مرحبا بالعالم، لا يوجد هدف واضح بعد',
            cicd_scope: ''
          }),
          infra_cost: stored(null, null, null),
          stage: stored('unknown', '  ', 'PRIVATE-stage-do-not-share')
        }
      },
      branding: {
        consultancyName: 'Ünïcödé & <Partners>',
        accentColour: '#FFD43B', // too light for text: headings get a darkened shade
        fontFamily: 'Inter',
        footerText: 'Footer\twith\ttabs\nand a newline',
        locale: 'he-IL'
      }
    })
    const model = buildAssessmentReportModel(input)
    expect(JSON.stringify(model)).not.toContain(PRIVATE_MARKER)
    const docx = await docxOf(input)
    const report = openDocx('assessment-hostile', docx, { pngPages: 3 })
    expectReadable(report, clientName, { min: 8, max: 90 })

    const bodyText = visibleText(report.parts.get('word/document.xml')!).join('\n')
    expect(bodyText).toContain(longNote.trim())
    expect(bodyText).toContain('Line one\nLine two\tafter a tab\nvertical\nform feed' + 'bell \uFFFD \uFFFD lone 🚀👩‍💻 done')
    expect(report.python.text).toContain('שלום עולם — הלקוח אמר שאין נתונים')
    expect(report.python.text).toContain('مرحبا بالعالم، لا يوجد هدف واضح بعد')
    expect(report.parts.get('word/document.xml')).toContain('<w:bidi/>')
    expect(report.pdfText).toContain('Ünïcödé & <Partners>')
  }, 180_000)

  it('a broken logo is a clear BrandingLogoError before any document is made', () => {
    const broken = (logo: Logo) => () => buildAssessmentReportModel(inputFrom('api-startup', { branding: { ...inputFrom('api-startup').branding, logo } }))
    const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])
    expect(broken({ mime: 'image/png', bytes: jpegBytes })).toThrow(BrandingLogoError)
    expect(broken({ mime: 'image/png', bytes: jpegBytes })).toThrow(/not a valid PNG/)
    expect(broken({ mime: 'image/png', bytes: tinyPng().slice(0, 20) })).toThrow(/not a valid PNG/)
    expect(broken({ mime: 'image/jpeg', bytes: tinyPng() })).toThrow(/not a valid JPEG/)
    expect(broken({ mime: 'image/svg+xml', bytes: new TextEncoder().encode('hello, not an image') })).toThrow(/not an SVG/)
    expect(broken({ mime: 'image/svg+xml', bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>') })).toThrow(
      /SVG logo cannot be used: it is not well-formed XML/
    )
    try {
      broken({ mime: 'image/png', bytes: jpegBytes })()
    } catch (error) {
      expect(error).toBeInstanceOf(BrandingLogoError)
      expect((error as BrandingLogoError).problem).toBe('not_png')
    }
  })

  it('a PNG logo appears on the cover and in the running header', async () => {
    const logo: Logo = { mime: 'image/png', bytes: tinyPng() }
    const input = inputFrom('custom-scientist', { branding: { ...inputFrom('custom-scientist').branding, logo } })
    const report = openDocx('assessment-png-logo', await docxOf(input), { pngPages: 2 })
    expectReadable(report, intake('custom-scientist').client.name, { min: 6, max: 25 })
    expect(report.python.inlineImages).toBeGreaterThanOrEqual(2) // cover logo + radar
    expect([...report.parts.keys()].some((p) => /^word\/header\d*\.xml$/.test(p) && report.parts.get(p)!.includes('<pic:pic'))).toBe(true)
  }, 120_000)

  it('an SVG logo is rasterised to PNG with the bundled font', async () => {
    const input = inputFrom('mature-api', {
      branding: { ...inputFrom('mature-api').branding, accentColour: '#8A63D2', logo: { mime: 'image/svg+xml', bytes: SVG_LOGO } }
    })
    const model = buildAssessmentReportModel(input)
    expect(model.logo?.type).toBe('png')
    expect(model.logo!.width / model.logo!.height).toBeCloseTo(4, 1)
    const report = openDocx('assessment-svg-logo', await docxOf(input), { pngPages: 2 })
    expectReadable(report, intake('mature-api').client.name, { min: 6, max: 25 })
    expect(report.python.inlineImages).toBeGreaterThanOrEqual(2)
  }, 120_000)
})
