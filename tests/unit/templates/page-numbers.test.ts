/**
 * The contents' page numbers are worked out laying out only the pages they depend on: the
 * numbers written must be exactly those docx's full layout writes, for every template and for
 * documents with parts switched off, and the footers' page count is left for readers to fill
 * in only when the layout stopped early.
 */
import {
  Bookmark,
  Document,
  PageReference,
  Paragraph,
  TextRun,
  type EstimatedPageNumbers,
  type IContext,
  type IXmlableObject,
  type PageNumberEstimator
} from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import { describe, expect, it } from 'vitest'
import { syntheticProposalInput } from '../../../bench/proposal.bench'
import { answersForContext, answersForMaturity } from '../../../shared/domain/assessment/question-bank'
import { buildAssessmentReport } from '../../../templates/assessment.docx'
import { buildAssessmentReportModel } from '../../../templates/assessment-report.model'
import { buildHiringPack } from '../../../templates/hiring.docx'
import { buildHiringPackModel } from '../../../templates/hiring.model'
import { packDocument } from '../../../templates/index'
import { bodyUpTo, contentsPageNumbers, keptWithNext } from '../../../templates/page-numbers'
import { createTheme, keptWithNextStyles } from '../../../templates/styles'
import { buildProposal } from '../../../templates/proposal.docx'
import { buildProposalModel, type ProposalInput } from '../../../templates/proposal.model'
import { TEST_BRANDING, intakeFixture, proposalInputFrom } from '../../helpers/proposal-input.helper'
import { writtenPageNumbers } from '../../helpers/readers'

const written = async (document: Document) => writtenPageNumbers(await packDocument(document))

const proposals: [string, ProposalInput][] = [
  ['the 60-task, 7-role benchmark proposal', syntheticProposalInput(60, 7).input],
  ['api-startup', proposalInputFrom('api-startup')],
  ['mlops-pain without the appendix', proposalInputFrom('mlops-pain', { sections: { interviewKits: false } })],
  ['custom-scientist without cover or hiring', proposalInputFrom('custom-scientist', { sections: { cover: false, hiring: false } })],
  ['no-data, hostile notes', proposalInputFrom('no-data', { extraAssumptions: ['\u202Eمرحبا\u202C '.repeat(40), 'x\u000Bline\u000Cpage '.repeat(500)] })]
]

describe('the contents page numbers', () => {
  it.each(proposals)('%s: the same numbers as laying out every page', async (_name, input) => {
    const model = buildProposalModel(input)
    const fast = await written(buildProposal(model))
    const full = await written(buildProposal(model, { pageNumbers: estimatePageNumbers }))
    expect(fast.references.size).toBeGreaterThan(3)
    for (const [bookmark, page] of full.references) expect(page, bookmark).toMatch(/^\d+$/)
    expect(fast.references).toEqual(full.references)
    expect(full.pageCounts.every((n) => /^\d+$/.test(n))).toBe(true)
  })

  it('the hiring pack and the workshop report: the same numbers as laying out every page', async () => {
    const input = proposalInputFrom('custom-exploration')
    const hiring = buildHiringPackModel(input)
    const intake = intakeFixture('custom-exploration')
    const answers = { ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) }
    const report = buildAssessmentReportModel({
      ...input,
      assessment: {
        title: 'Kick-off',
        present: ['Sam', 'Priya'],
        answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, { value: v, note: `Agreed in the room: ${k} `.repeat(12) }]))
      }
    })
    const builds: [string, (full: boolean) => Document][] = [
      ['hiring', (full) => buildHiringPack(hiring, full ? { pageNumbers: estimatePageNumbers } : {})],
      ['assessment', (full) => buildAssessmentReport(report, full ? { pageNumbers: estimatePageNumbers } : {})]
    ]
    for (const [name, build] of builds) {
      const fast = await written(build(false))
      const full = await written(build(true))
      expect(fast.references.size, name).toBeGreaterThan(2)
      for (const page of full.references.values()) expect(page, name).toMatch(/^\d+$/)
      expect(fast.references, name).toEqual(full.references)
    }
  })

  it('stops the layout after the last entry: the appendix is not laid out and the page count is left to the reader', async () => {
    const model = buildProposalModel(syntheticProposalInput(60, 7).input)
    const fast = await written(buildProposal(model))
    const full = await written(buildProposal(model, { pageNumbers: estimatePageNumbers }))
    expect(Number(full.pageCounts[0])).toBeGreaterThan(Number(fast.references.get('_Sc_interview_kits')) + 10)
    expect(fast.pageCounts.length).toBeGreaterThan(0)
    expect(fast.pageCounts.every((n) => n === '')).toBe(true)
  })

  it('passes the page count on when the layout went to the end, and drops it when it stopped early', () => {
    const heading = (name: string) => ({ 'w:p': [{ 'w:pPr': [] }, { 'w:bookmarkStart': { _attr: { 'w:name': name, 'w:id': 1 } } }] })
    const seen: number[] = []
    const estimate = (body: object) => {
      seen.push((body as { 'w:body': unknown[] })['w:body'].length)
      return { bookmarks: new Map([['a', '3']]), pageCount: 9, sectionPageCounts: [9] }
    }
    const estimator = contentsPageNumbers('a', { estimate })
    const whole = estimator({ 'w:body': [heading('x'), heading('a'), { 'w:p': [] }, { 'w:sectPr': [] }] }, {} as never)
    expect(whole).toEqual({ bookmarks: new Map([['a', '3']]), pageCount: 9, sectionPageCounts: [9] })
    const cut = estimator({ 'w:body': [heading('x'), heading('a'), { 'w:p': [] }, heading('b'), { 'w:p': [] }, { 'w:sectPr': [] }] }, {} as never)
    expect(cut).toEqual({ bookmarks: new Map([['a', '3']]) })
    expect(seen).toEqual([4, 4])
  })

  it('lays everything out for a document without contents, so its footers still get the page count', () => {
    const bodies: unknown[] = []
    const estimate = (body: object) => {
      bodies.push(body)
      return { bookmarks: new Map<string, string>(), pageCount: 4 }
    }
    const body = { 'w:body': [{ 'w:p': [] }, { 'w:p': [] }, { 'w:sectPr': [] }] }
    expect(contentsPageNumbers(undefined, { estimate })(body, {} as never)).toEqual({ bookmarks: new Map(), pageCount: 4 })
    expect(bodies).toEqual([body])
  })

  it("gives the full layout's page when a paragraph kept with the next comes just before the last heading", async () => {
    // Word (and docx's layout) count the first lines of what a kept chain goes with, even
    // across a page break: the heading's own chain must be laid out with what follows it.
    const placed = async (filler: number, estimator: (e: PageNumberEstimator) => PageNumberEstimator): Promise<string | undefined> => {
      let result: EstimatedPageNumbers | undefined
      const capture = (inner: PageNumberEstimator): PageNumberEstimator =>
        Object.assign((body: IXmlableObject, context: IContext) => (result = inner(body, context)), {})
      const doc = new Document({
        pageNumbers: capture(estimator(estimatePageNumbers)),
        styles: {
          paragraphStyles: [{ id: 'Heading1', name: 'heading 1', paragraph: { keepNext: true, spacing: { before: 240 } }, run: { size: 32, bold: true } }]
        },
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('See page '), new PageReference('b')] }),
              ...Array.from(
                { length: filler },
                (_, i) => new Paragraph({ children: [new TextRun(`Filler paragraph ${i} with enough words to take a line of its own on the page.`)] })
              ),
              new Paragraph({ keepNext: true, children: [new TextRun('Kept with what follows.')] }),
              new Paragraph({ style: 'Heading1', pageBreakBefore: true, children: [new Bookmark({ id: 'b', children: [new TextRun('The last entry')] })] }),
              ...Array.from({ length: 6 }, (_, i) => new Paragraph({ children: [new TextRun(`Body ${i}: `.padEnd(400, 'text '))] })),
              new Paragraph({ style: 'Heading1', pageBreakBefore: true, children: [new TextRun('After')] }),
              new Paragraph({ children: [new TextRun('More.')] })
            ]
          }
        ]
      })
      await packDocument(doc)
      return result?.bookmarks.get('b')
    }
    const kept = new Set(['Heading1'])
    for (let filler = 40; filler <= 70; filler++) {
      const full = await placed(filler, (e) => e)
      const fast = await placed(filler, (e) => contentsPageNumbers('b', { estimate: e, keptStyles: kept }))
      expect(full, `${filler} fillers`).toMatch(/^\d+$/)
      expect(fast, `${filler} fillers`).toBe(full)
    }
  })
})

describe('bodyUpTo', () => {
  const heading = (name: string, breakBefore: boolean) => ({
    'w:p': [
      { 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'Heading1' } } }, ...(breakBefore ? [{ 'w:pageBreakBefore': {} }] : [])] },
      { 'w:bookmarkStart': { _attr: { 'w:name': name, 'w:id': 1 } } }
    ]
  })
  const text = (t: string, props: object[] = []) => ({ 'w:p': [...(props.length ? [{ 'w:pPr': props }] : []), { 'w:r': [{ 'w:t': [t] }] }] })
  const sectPr = { 'w:sectPr': [{ 'w:pgSz': { _attr: { 'w:w': 11906 } } }] }
  const kept = new Set(['Heading1'])

  it('keeps the heading, what it is kept with, and the block after that; then the section properties', () => {
    const body = { 'w:body': [heading('a', false), text('1'), heading('b', true), text('2'), text('3'), heading('c', true), text('4'), sectPr] }
    expect(bodyUpTo(body, 'b', kept)).toEqual({ 'w:body': [heading('a', false), text('1'), heading('b', true), text('2'), text('3'), sectPr] })
    // Without knowing the heading style keeps with the next, only the block after it.
    expect(bodyUpTo(body, 'b')).toEqual({ 'w:body': [heading('a', false), text('1'), heading('b', true), text('2'), sectPr] })
  })

  it('follows a chain of paragraphs kept with the next, however long, and a keep switched off ends it', () => {
    const keep = [{ 'w:keepNext': {} }]
    const off = [{ 'w:pStyle': { _attr: { 'w:val': 'Heading1' } } }, { 'w:keepNext': { _attr: { 'w:val': false } } }]
    const body = { 'w:body': [heading('b', false), text('k1', keep), text('k2', keep), text('end'), text('next'), text('x'), text('y'), sectPr] }
    expect(bodyUpTo(body, 'b', kept)).toEqual({ 'w:body': [heading('b', false), text('k1', keep), text('k2', keep), text('end'), text('next'), sectPr] })
    const stopped = { 'w:body': [heading('b', false), text('o', off), text('next'), text('x'), text('y'), sectPr] }
    expect(bodyUpTo(stopped, 'b', kept)).toEqual({ 'w:body': [heading('b', false), text('o', off), text('next'), sectPr] })
  })

  it('lays everything out when the cut would keep it all, the bookmark is missing, or a section ends after the cut', () => {
    const body = { 'w:body': [heading('a', false), text('1'), heading('b', false), text('2'), sectPr] }
    expect(bodyUpTo(body, 'b', kept)).toBeUndefined()
    expect(bodyUpTo(body, 'missing', kept)).toBeUndefined()
    expect(bodyUpTo({ 'w:body': [] }, 'a', kept)).toBeUndefined()
    const sectionBreak = text('end of section one', [{ 'w:sectPr': [{ 'w:type': { _attr: { 'w:val': 'nextPage' } } }] }])
    const twoSections = { 'w:body': [heading('b', false), text('1'), text('2'), text('3'), sectionBreak, text('4'), sectPr] }
    expect(bodyUpTo(twoSections, 'b', kept)).toBeUndefined()
    const breakBefore = { 'w:body': [text('0'), sectionBreak, heading('b', false), text('1'), text('2'), text('3'), sectPr] }
    expect(bodyUpTo(breakBefore, 'b', kept)).toEqual({ 'w:body': [text('0'), sectionBreak, heading('b', false), text('1'), text('2'), sectPr] })
  })

  it('does not mistake a hyperlink to the bookmark for the heading', () => {
    const link = { 'w:p': [{ 'w:hyperlink': [{ _attr: { 'w:anchor': 'b' } }, { 'w:r': [{ 'w:t': ['b'] }] }] }] }
    const body = { 'w:body': [link, text('0'), text('1'), heading('b', true), text('x'), text('y'), text('z'), sectPr] }
    expect(bodyUpTo(body, 'b', kept)).toEqual({ 'w:body': [link, text('0'), text('1'), heading('b', true), text('x'), text('y'), sectPr] })
  })
})

describe('keptWithNextStyles', () => {
  it('lists the document styles that keep with the next paragraph, and only those', () => {
    const styles = keptWithNextStyles(createTheme(TEST_BRANDING))
    // The contents' heading is based on Heading 1 and keeps with the next through it.
    expect([...styles].sort()).toEqual(['Heading1', 'Heading2', 'Heading3', 'Label', 'TOCHeading', 'TableHeading'])
    expect(keptWithNext({ 'w:p': [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'TableHeading' } } }] }] }, styles)).toBe(true)
    expect(keptWithNext({ 'w:p': [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'TableText' } } }] }] }, styles)).toBe(false)
    expect(keptWithNext({ 'w:tbl': [] }, styles)).toBe(false)
  })
})
