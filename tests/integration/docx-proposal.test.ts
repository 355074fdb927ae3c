/**
 * The proposal and the hiring pack opened by the readers a client's document meets, for
 * several engagements and one full of hostile text: every XML part through xmllint,
 * LibreOffice to PDF (pages, text, the first pages as PNG in test-results/docx/), and
 * python-docx. One soffice run per document.
 */
import { describe, expect, it } from 'vitest'
import { planItems } from '../../shared/domain/planning/plan.model'
import {
  buildHiringPack,
  buildHiringPackModel,
  buildProposal,
  buildProposalModel,
  packDocument,
  safeFileName,
  TEMPLATES,
  type ProposalInput
} from '../../templates/index'
import { resolveEngagementBasis } from '../../templates/engagement-basis'
import { countPhrase, openDocx, visibleText, type DocxReport } from '../helpers/readers'
import { intakeFixture, proposalInputFrom } from '../helpers/proposal-input.helper'

/** Every internal hyperlink points at a bookmark that exists. */
function expectLinksResolve(report: DocxReport): void {
  const xml = report.parts.get('word/document.xml')!
  const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1])
  const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]))
  expect(anchors.length).toBeGreaterThanOrEqual(3)
  for (const a of anchors) expect(bookmarks.has(a), `bookmark ${a}`).toBe(true)
}

/** What every document must show every reader: well-formed parts, pages, the client, the contents, styles, tables. */
function expectReadable(report: DocxReport, clientName: string, pages: { min: number; max: number }, minH1: number): string[] {
  expect(report.xmlErrors).toBe('')
  expect(report.pages).toBeGreaterThanOrEqual(pages.min)
  expect(report.pages).toBeLessThanOrEqual(pages.max)
  expect(countPhrase(report.pdfText, clientName), 'client name in the PDF').toBeGreaterThanOrEqual(1)
  const h1 = report.python.headings.filter((h) => h.style === 'Heading 1').map((h) => h.text)
  expect(h1.length).toBeGreaterThanOrEqual(minH1)
  // In the contents and as the heading itself: LibreOffice's PDF lists every Heading 1 at least twice.
  for (const title of h1) expect(countPhrase(report.pdfText, title), `contents entry ${title}`).toBeGreaterThanOrEqual(2)
  expect(report.python.headings.some((h) => h.style === 'Heading 2')).toBe(true)
  expect(report.python.paragraphStyles).toContain('Heading 1')
  expect(report.python.tables).toBeGreaterThanOrEqual(3)
  expect(report.pagePngs.length).toBeGreaterThanOrEqual(1)
  expectLinksResolve(report)
  return h1
}

const PROPOSAL_H1 = [
  'Executive summary',
  'Current state',
  'The plan',
  'Hiring plan',
  'Investment',
  'How we work together',
  'Risks and how we manage them',
  'Assumptions and exclusions',
  'About Northwind Advisory',
  'Terms',
  'Acceptance',
  'Appendix: interview kits'
]

async function proposalReport(name: string, input: ProposalInput, pngPages = 2) {
  const model = buildProposalModel(input)
  const basis = resolveEngagementBasis(input)
  const report = openDocx(name, await packDocument(buildProposal(model)), { pngPages })
  return { model, basis, report }
}

/** Every plan item's title and every role's title are in the PDF. */
function expectPlanAndRoles(report: DocxReport, basis: ReturnType<typeof resolveEngagementBasis>): void {
  for (const item of planItems(basis.plan)) {
    if (item.kind === 'milestone') continue
    expect(countPhrase(report.pdfText, item.title), `task ${item.id}`).toBeGreaterThanOrEqual(1)
  }
  for (const hire of basis.plan.hires) {
    const title = basis.library.role(hire.role).title
    expect(countPhrase(report.pdfText, title), `role ${hire.role}`).toBeGreaterThanOrEqual(2)
  }
}

describe('the proposal in real readers', () => {
  it('api-startup: every part, charts and the contents read everywhere', async () => {
    const { report, basis, model } = await proposalReport('proposal-api-startup', proposalInputFrom('api-startup'), 6)
    const h1 = expectReadable(report, 'Parcelwise', { min: 20, max: 45 }, 9)
    expect(h1).toEqual(PROPOSAL_H1)
    expectPlanAndRoles(report, basis)
    expect(report.python.inlineImages).toBeGreaterThanOrEqual(3) // radar, timeline, scenarios
    // Each chart is a vector picture (crisp in print) with a PNG beside it for readers without SVG.
    const doc = report.parts.get('word/document.xml')!
    const rels = report.parts.get('word/_rels/document.xml.rels')!
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? `missing ${id}`
    const pictures = [...doc.matchAll(/<a:blip r:embed="([^"]+)"[\s\S]*?<asvg:svgBlip[^>]*r:embed="([^"]+)"/g)]
    expect(pictures).toHaveLength(report.python.inlineImages)
    for (const [, png, svg] of pictures) {
      expect(target(png!)).toMatch(/\.png$/)
      expect(target(svg!)).toMatch(/\.svg$/)
      expect(report.parts.get(`word/${target(svg!).replace(/^\/?word\//, '')}`)).toMatch(/^<svg [\s\S]*<\/svg>$/)
    }
    expect(report.pdfText).toContain('Page 2 of')
    expect(report.pdfText).toMatch(/€\s?1,200/) // the day rate, formatted for en-GB
    expect(report.pdfText).toContain('20 February 2025') // the cover's date
    expect(report.pdfText).toContain(model.meta.validUntil)
    expect(countPhrase(report.pdfText, 'not as a promise for Parcelwise')).toBeGreaterThanOrEqual(1)
    // The callout's label is set in capitals; the role follows it.
    expect(report.pdfText).toMatch(/OUR RECOMMENDATION FOR THE FIRST HIRE\s+Senior infrastructure engineer \(ML platform\)/)
    for (const p of model.investment.payments) expect(report.pdfText).toContain(p.amount)
    expect(report.pdfText).toContain(model.investment.tiers.find((t) => t.proposed)!.total)
    // Real Word styles a client can restyle.
    for (const style of ['Title', 'Heading 2', 'Heading 3', 'List Paragraph']) expect(report.python.paragraphStyles).toContain(style)
  }, 180_000)

  it.each([
    ['custom-exploration', 'Verdant Imaging'],
    ['mlops-pain', 'Ledgerly']
  ])(
    '%s: the plan, the hires and the contents',
    async (fixture, client) => {
      const { report, basis } = await proposalReport(
        `proposal-${fixture}`,
        proposalInputFrom(fixture, { locale: fixture === 'mlops-pain' ? 'en-US' : 'en-GB' }),
        1
      )
      expect(expectReadable(report, client, { min: 15, max: 60 }, 9)).toEqual(PROPOSAL_H1)
      expectPlanAndRoles(report, basis)
      // The radar, the timeline and, where the two routes reach the milestone in different weeks, their chart.
      expect(report.python.inlineImages).toBeGreaterThanOrEqual(basis.plan.otherRoute.sameWeek ? 2 : 3)
      if (fixture === 'mlops-pain') expect(report.pdfText).toMatch(/\$\s?[\d,]+/)
    },
    180_000
  )

  it('no-data: pending-audit work is optional, outside the total, and the total with options is given', async () => {
    const input = proposalInputFrom('no-data')
    const { report, basis, model } = await proposalReport('proposal-no-data', input, 1)
    expect(expectReadable(report, 'Brightdesk', { min: 15, max: 60 }, 9)).toEqual(PROPOSAL_H1)
    expectPlanAndRoles(report, basis)
    expect(model.plan.anyPendingAudit).toBe(true)
    expect(model.investment.withOptions).not.toBeNull()
    expect(countPhrase(report.pdfText, 'Pending the objectives and data audit')).toBeGreaterThanOrEqual(1)
    expect(countPhrase(report.pdfText, `Total including every option: ${model.investment.withOptions!.total}`)).toBe(1)
    expect(report.pdfText).toMatch(/CHF\s?[\d,’']+/)
  }, 180_000)

  it('hostile text: a reserved-name client with emoji and RTL, control characters, a 100,000-character note', async () => {
    const longNote = 'A long note about the Terraform layout and who reviews it. '.repeat(1800).slice(0, 100_000)
    const clientName = 'CON<>:"/\\|?*. 🚀 שלום'
    const input = proposalInputFrom('api-startup', {
      client: { name: clientName, industry: null, headcount: null },
      engagement: {
        title: 'First\u0000 AI\u000B feature\u000C with \uFFFE and \uD800',
        consultant: 'Dana\tMeyer',
        currency: 'EUR',
        dayRate: 1200,
        startDate: '2025-03-03'
      },
      branding: {
        consultancyName: 'Ünïcödé & <Partners>',
        accentColour: '#FFD43B',
        fontFamily: 'Inter',
        footerText: 'Footer\twith\ttabs\nand a newline',
        locale: 'en-GB'
      },
      itemNotes: {
        terraform: longNote.slice(0, 5_000),
        billing_alerts: 'Line one\nLine two\tafter a tab\u000Bvertical\u000Cform feed\u0007bell \uFFFF \uD800 lone 🚀👩‍💻 done',
        serving_pipeline: 'שלום עולם — הלקוח רוצה פריסה אוטומטית',
        prediction_logging: ''
      },
      // The 100,000 characters go where LibreOffice lays them out quickly: a paragraph, not a table cell.
      extraAssumptions: ['مرحبا بالعالم، الافتراض الإضافي', 'Emoji stay 🙂 and <angle> & "quotes" stay too.', '   ', longNote],
      extraExclusions: ['Anything with\u0000 control\u0001 characters'],
      signatories: { client: { name: 'Sam <Ortiz>', title: 'CTO & co-founder' }, consultancy: { name: 'Dana Meyer', title: 'Principal' } }
    })
    const model = buildProposalModel(input)
    expect(TEMPLATES.proposal.fileName(model)).toBe(safeFileName(`Proposal - ${model.meta.clientName} - ${model.meta.engagementTitle}`))
    // eslint-disable-next-line no-control-regex -- no control characters may reach a file name
    expect(TEMPLATES.proposal.fileName(model)).not.toMatch(/[<>:"/\\|?*\u0000-\u001F]/)
    const { report, basis } = await proposalReport('proposal-hostile', input, 3)
    expectReadable(report, 'CON<>:"/\\|?*.', { min: 30, max: 120 }, 9)
    expectPlanAndRoles(report, basis)

    const bodyText = visibleText(report.parts.get('word/document.xml')!).join('\n')
    expect(bodyText).toContain(longNote.trim())
    expect(bodyText).toContain(longNote.slice(0, 5_000).trim()) // the item note, under its task in the plan
    expect(bodyText).toContain('Line one\nLine two\tafter a tab\nvertical\nform feed' + 'bell \uFFFD \uFFFD lone 🚀👩‍💻 done')
    expect(bodyText).toContain(clientName)
    expect(bodyText).toContain('Emoji stay 🙂 and <angle> & "quotes" stay too.')
    expect(report.python.text).toContain('שלום עולם — הלקוח רוצה פריסה אוטומטית')
    expect(report.python.text).toContain('مرحبا بالعالم، الافتراض الإضافي')
    expect(report.parts.get('word/document.xml')).toContain('<w:bidi/>')
    expect(report.pdfText).toContain('Ünïcödé & <Partners>')
    expect(report.pdfText).toContain('Sam <Ortiz>')
  }, 240_000)
})

describe('the hiring pack in real readers', () => {
  it.each([
    ['api-startup', 'Parcelwise'],
    ['custom-exploration', 'Verdant Imaging']
  ])(
    '%s: order and timing, a job description and an interview kit per role',
    async (fixture, client) => {
      const input = proposalInputFrom(fixture)
      const model = buildHiringPackModel(input)
      const basis = resolveEngagementBasis(input)
      const report = openDocx(`hiring-${fixture}`, await packDocument(buildHiringPack(model)), { pngPages: fixture === 'api-startup' ? 4 : 1 })
      const h1 = expectReadable(report, client, { min: 6, max: 60 }, 1 + basis.plan.hires.length)
      expect(h1[0]).toBe('Hiring order and timing')
      for (const [i, hire] of basis.plan.hires.entries()) {
        const title = basis.library.role(hire.role).title
        expect(h1[i + 1]).toBe(`${i + 1}. ${title}`)
        expect(countPhrase(report.pdfText, title)).toBeGreaterThanOrEqual(3)
      }
      const kitHeadings = report.python.headings.filter((h) => h.style === 'Heading 2').map((h) => h.text)
      expect(kitHeadings.filter((h) => h === 'Job description')).toHaveLength(model.roles.length)
      expect(kitHeadings.filter((h) => h === 'Interview kit')).toHaveLength(model.roles.length)
      for (const role of model.roles) {
        for (const q of [...role.kit.scorecard.flatMap((s) => s.questions), ...role.kit.addOn])
          expect(countPhrase(report.pdfText, q.text), q.id).toBeGreaterThanOrEqual(1)
        for (const c of role.kit.scorecard) expect(countPhrase(report.pdfText, c.criterion), c.criterion).toBeGreaterThanOrEqual(1)
      }
      // The AI-domain questions are there for API and fine-tuning clients only.
      expect(model.roles.every((r) => r.kit.aiDomain === (intakeFixture(fixture).context.ai_approach !== 'custom'))).toBe(true)
    },
    180_000
  )
})
