/**
 * The contents' page numbers are worked out laying out only the pages they depend on: the
 * numbers written must be exactly those docx's full layout writes, for every template and for
 * documents with parts switched off, and the footers' page count is left for readers to fill
 * in only when the layout stopped early.
 */
import type { Document } from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import { describe, expect, it } from 'vitest'
import { syntheticProposalInput } from '../../../bench/proposal.bench'
import { answersForContext, answersForMaturity } from '../../../shared/domain/assessment/question-bank'
import { buildAssessmentReport } from '../../../templates/assessment.docx'
import { buildAssessmentReportModel } from '../../../templates/assessment-report.model'
import { buildHiringPack } from '../../../templates/hiring.docx'
import { buildHiringPackModel } from '../../../templates/hiring.model'
import { packDocument } from '../../../templates/index'
import { bodyUpTo, contentsPageNumbers } from '../../../templates/page-numbers'
import { buildProposal } from '../../../templates/proposal.docx'
import { buildProposalModel, type ProposalInput } from '../../../templates/proposal.model'
import { intakeFixture, proposalInputFrom } from '../../helpers/proposal-input.helper'
import { unzip } from '../../helpers/readers'

interface Written {
  /** The number written beside each contents entry, by bookmark. */
  references: Map<string, string>
  /** The cached numbers of the footers' page-count fields. */
  pageCounts: string[]
}

async function written(document: Document): Promise<Written> {
  const parts = unzip(await packDocument(document))
  const xml = parts.get('word/document.xml')!.toString('utf8')
  const references = new Map<string, string>()
  for (const m of xml.matchAll(/PAGEREF (\S+)[^<]*<\/w:instrText>(?:<[^>]*>)*?<w:fldChar w:fldCharType="separate"\/>(?:<w:t xml:space="preserve">([^<]*)<\/w:t>)?/g)) {
    references.set(m[1]!, m[2] ?? '')
  }
  const footers = [...parts.entries()].filter(([p]) => /^word\/footer\d+\.xml$/.test(p)).map(([, b]) => b.toString('utf8'))
  const pageCounts = footers.flatMap((f) =>
    [...f.matchAll(/NUMPAGES[^<]*<\/w:instrText>(?:<[^>]*>)*?<w:fldChar w:fldCharType="separate"\/>(?:(?:<[^>]*>)*?<w:t xml:space="preserve">([^<]*)<\/w:t>)?/g)].map((m) => m[1] ?? '')
  )
  return { references, pageCounts }
}

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
    const heading = (name: string, breakBefore: boolean) => ({
      'w:p': [{ 'w:pPr': breakBefore ? [{ 'w:pageBreakBefore': {} }] : [] }, { 'w:bookmarkStart': { _attr: { 'w:name': name, 'w:id': 1 } } }]
    })
    const seen: number[] = []
    const estimate = (body: object) => {
      seen.push((body as { 'w:body': unknown[] })['w:body'].length)
      return { bookmarks: new Map([['a', '3']]), pageCount: 9, sectionPageCounts: [9] }
    }
    const estimator = contentsPageNumbers('a', estimate)
    const whole = estimator({ 'w:body': [heading('x', false), heading('a', false), { 'w:p': [] }, { 'w:sectPr': [] }] }, {} as never)
    expect(whole).toEqual({ bookmarks: new Map([['a', '3']]), pageCount: 9, sectionPageCounts: [9] })
    const cut = estimator({ 'w:body': [heading('x', false), heading('a', true), { 'w:p': [] }, heading('b', true), { 'w:sectPr': [] }] }, {} as never)
    expect(cut).toEqual({ bookmarks: new Map([['a', '3']]) })
    expect(seen).toEqual([4, 3])
  })

  it('lays nothing out for a document without contents', () => {
    let called = 0
    const spy = Object.assign(() => {
      called++
      return { bookmarks: new Map<string, string>() }
    }, {})
    const estimator = contentsPageNumbers(undefined, spy)
    expect(estimator({ 'w:body': [] }, {} as never).bookmarks.size).toBe(0)
    expect(called).toBe(0)
  })
})

describe('bodyUpTo', () => {
  const heading = (name: string, breakBefore: boolean) => ({
    'w:p': [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'Heading1' } } }, ...(breakBefore ? [{ 'w:pageBreakBefore': {} }] : [])] }, { 'w:bookmarkStart': { _attr: { 'w:name': name, 'w:id': 1 } } }]
  })
  const text = (t: string) => ({ 'w:p': [{ 'w:r': [{ 'w:t': [t] }] }] })
  const sectPr = { 'w:sectPr': [{ 'w:pgSz': { _attr: { 'w:w': 11906 } } }] }

  it('cuts right after a heading that starts its own page, and keeps the section properties', () => {
    const body = { 'w:body': [heading('a', false), text('1'), heading('b', true), text('2'), text('3'), heading('c', true), text('4'), sectPr] }
    expect(bodyUpTo(body, 'b')).toEqual({ 'w:body': [heading('a', false), text('1'), heading('b', true), sectPr] })
  })

  it('cuts a heading that flows with the text at the next page break, as what follows can move it', () => {
    const body = { 'w:body': [heading('a', true), text('1'), heading('b', false), text('2'), text('3'), heading('c', true), text('4'), sectPr] }
    expect(bodyUpTo(body, 'b')).toEqual({ 'w:body': [heading('a', true), text('1'), heading('b', false), text('2'), text('3'), sectPr] })
  })

  it('keeps everything up to the next page break, however far, and nothing when there is none', () => {
    const body = { 'w:body': [heading('a', false), text('1'), heading('b', false), text('2'), sectPr] }
    expect(bodyUpTo(body, 'a')).toBeUndefined()
    expect(bodyUpTo(body, 'missing')).toBeUndefined()
    expect(bodyUpTo({ 'w:body': [] }, 'a')).toBeUndefined()
  })

  it('does not mistake a hyperlink to the bookmark, or a page break switched off, for the heading or a break', () => {
    const link = { 'w:p': [{ 'w:hyperlink': [{ _attr: { 'w:anchor': 'b' } }, { 'w:r': [{ 'w:t': ['b'] }] }] }] }
    const off = { 'w:p': [{ 'w:pPr': [{ 'w:pageBreakBefore': { _attr: { 'w:val': false } } }] }] }
    const body = { 'w:body': [link, heading('b', true), off, text('x'), heading('c', true), sectPr] }
    expect(bodyUpTo(body, 'b')).toEqual({ 'w:body': [link, heading('b', true), sectPr] })
    const flowing = { 'w:body': [link, heading('b', false), off, text('x'), heading('c', true), sectPr] }
    expect(bodyUpTo(flowing, 'b')).toEqual({ 'w:body': [link, heading('b', false), off, text('x'), sectPr] })
  })
})
