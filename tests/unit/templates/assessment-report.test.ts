import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { answersForContext, answersForMaturity } from '../../../shared/domain/assessment/question-bank'
import { ASSESSMENT_SECTIONS } from '../../../shared/domain/assessment/sections'
import { CONTEXT_QUESTIONS, MATURITY_QUESTIONS } from '../../../shared/domain/assessment/question-bank'
import {
  ASSESSMENT_REPORT_SECTIONS,
  buildAssessmentReport,
  buildAssessmentReportModel,
  DEFAULT_BRANDING,
  packDocument,
  parseBranding,
  type AssessmentReportInput
} from '../../../templates/index'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../helpers/temp'
import { MAX_FILE_NAME_BYTES, safeFileName, TEMPLATES, isTemplateName } from '../../../templates/index'
import { formatDate, formatMoney } from '../../../templates/format'
import { paperFor } from '../../../templates/styles'
import { unzip, visibleText } from '../../helpers/readers'

const intake = JSON.parse(readFileSync('tests/fixtures/intake/api-startup.json', 'utf8'))

function input(overrides: Partial<AssessmentReportInput> = {}): AssessmentReportInput {
  const raw = { ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) }
  return {
    client: { name: 'Parcelwise', industry: 'Logistics software' },
    engagement: { title: 'First AI feature', consultant: 'Dana Meyer', currency: 'EUR', dayRate: 1200, startDate: '2025-03-03' },
    assessment: {
      title: 'Kick-off',
      present: ['Sam'],
      answers: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, { value: v, note: `shared ${k}`, privateNote: `secret ${k}` }]))
    },
    branding: DEFAULT_BRANDING,
    generatedAt: '2025-03-05T10:00:00Z',
    ...overrides
  }
}

const bodyOf = async (i: AssessmentReportInput): Promise<string> => {
  const buffer = await packDocument(buildAssessmentReport(buildAssessmentReportModel(i)))
  return unzip(buffer).get('word/document.xml')!.toString('utf8')
}

describe('the workshop report model', () => {
  it('follows the engine: first hire, rule, scores and the workshop order of answers', () => {
    const m = buildAssessmentReportModel(input())
    expect(m.recommendation.role).toBe('infra_engineer')
    expect(m.recommendation.reason).toMatch(/infrastructure engineer/)
    expect(m.scores.map((s) => s.level)).toEqual([1, 1, 0, 1, 1, 1, 1, 0])
    expect(m.answerSections.map((s) => s.id)).toEqual(ASSESSMENT_SECTIONS.map((s) => s.id))
    expect(m.answerSections.flatMap((s) => s.answers)).toHaveLength(CONTEXT_QUESTIONS.length + MATURITY_QUESTIONS.length)
    expect(m.answerSections[0]!.answers[0]!.note).toBe('shared ai_approach')
  })

  it('never carries private notes', () => {
    const m = buildAssessmentReportModel(input())
    expect(JSON.stringify(m)).not.toContain('secret')
  })

  it('formats amounts and dates for the locale', () => {
    expect(buildAssessmentReportModel(input()).meta.dayRate).toBe('€1,200')
    expect(buildAssessmentReportModel(input({ locale: 'de-DE' })).meta.dayRate).toMatch(/1\.200\s€/)
    expect(formatDate('2025-03-05', 'en-US')).toBe('March 5, 2025')
    expect(formatDate('2025-03-05', 'de-DE')).toBe('5. März 2025')
    expect(formatMoney(1500.5, 'USD', 'en-US')).toBe('$1,500.50')
    expect(paperFor('en-US')).toBe('Letter')
    expect(paperFor('en-GB')).toBe('A4')
  })

  it('lists decisive unknowns separately from other assumptions', () => {
    const i = input()
    const answers = { ...i.assessment.answers, stage: { value: 'unknown' as const, note: null }, monitor_drift: { value: 'unknown' as const, note: null } }
    const m = buildAssessmentReportModel({ ...i, assessment: { ...i.assessment, answers } })
    expect(m.decisiveUnknowns.length + m.otherAssumptions.length).toBe(2)
    expect(m.scores.find((s) => s.id === 'monitor')!.unknown).toBe(true)
    expect(m.nextSteps.join(' ')).toMatch(/recruiting/)
  })

  it('leaves out the parts switched off', async () => {
    const off = Object.fromEntries(ASSESSMENT_REPORT_SECTIONS.map((id) => [id, false]))
    const xml = await bodyOf(input({ sections: { ...off, recommendation: true, nextSteps: true } }))
    const text = visibleText(xml).join('\n')
    expect(text).toContain('Recommendation')
    expect(text).toContain('Next steps')
    expect(text).not.toContain('Workshop answers')
    expect(text).not.toContain('Contents')
    expect(xml).not.toContain('<pic:pic') // no radar
  })

  it('writes real Word styles: headings, table text, captions, contents entries linked to bookmarks', async () => {
    const buffer = await packDocument(buildAssessmentReport(buildAssessmentReportModel(input())))
    const parts = unzip(buffer)
    const styles = parts.get('word/styles.xml')!.toString('utf8')
    for (const name of ['Title', 'Subtitle', 'heading 1', 'heading 2', 'heading 3', 'Normal', 'Table text', 'caption', 'toc 1']) {
      expect(styles.toLowerCase()).toContain(`w:name w:val="${name.toLowerCase()}"`)
    }
    const xml = parts.get('word/document.xml')!.toString('utf8')
    expect(xml).toContain('w:tblHeader')
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="_Sc_recommendation"/)
    expect(xml).toContain('w:name="_Sc_recommendation"')
    // Page numbers worked out while packing: written clean, so Word does not ask to update fields.
    expect(xml).toMatch(/PAGEREF _Sc_about<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">\d+<\/w:t>/)
    expect(xml).not.toContain('w:dirty="true"')
    expect(parts.get('word/numbering.xml')).toBeDefined()
    expect([...parts.keys()].some((p) => p.startsWith('word/fonts/'))).toBe(true) // Inter embedded
    const footer = [...parts.entries()]
      .filter(([p]) => /word\/footer\d+\.xml/.test(p))
      .map(([, b]) => b.toString('utf8'))
      .join('')
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/)
  })
})

describe('branding and the template registry', () => {
  it('fills defaults and rejects bad colours and locales with clear messages', () => {
    expect(parseBranding({}).accentColour).toBe('#0D9084')
    expect(parseBranding({}).consultancyName).toBe('Stagecraft')
    expect(() => parseBranding({ accentColour: 'teal' })).toThrow(/#RRGGBB/)
    expect(() => parseBranding({ locale: 'not a locale!' })).toThrow(/BCP 47/)
  })

  it('names templates and suggests safe file names', () => {
    expect(isTemplateName('assessment')).toBe(true)
    expect(isTemplateName('toString')).toBe(false)
    expect(TEMPLATES.assessment.title).toBe('Workshop report')
    expect(safeFileName('CON<>:"/\\|?*.')).toBe('Document CON.docx')
    expect(safeFileName('Parcelwise: report.')).toBe('Parcelwise report.docx')
  })

  it.each([
    ['Japanese', '株式会社テクノロジーイノベーション研究所'.repeat(8)],
    ['Arabic', 'شركة الحلول التقنية المتقدمة للذكاء الاصطناعي'.repeat(8)],
    ['emoji and combining marks', '🚀 Café déjà vu 👩🏽‍💻 '.repeat(20)]
  ])('cuts a long %s name to a safe byte length, between whole characters', (_label, name) => {
    for (const extension of ['.docx', '.stagecraft', '.json']) {
      const file = safeFileName(`Proposal - ${name}`, extension)
      expect(new TextEncoder().encode(file).length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
      expect(file.endsWith(extension)).toBe(true)
      // Nothing half-cut: the name is valid UTF-16 and a start of the original, character for character.
      expect(file).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
      expect(`Proposal - ${name}`.replace(/\s+/g, ' ').startsWith(file.slice(0, -extension.length))).toBe(true)
      const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(file.slice(0, -extension.length))].map((g) => g.segment)
      const original = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(`Proposal - ${name}`.replace(/\s+/g, ' '))].map((g) => g.segment)
      expect(original.slice(0, graphemes.length)).toEqual(graphemes)
    }
  })

  it('a long Japanese client name saves on a real disk, where the uncut name would not', () => {
    const { dir, cleanup } = tempDir('stagecraft-names-')
    try {
      const name = `Proposal - ${'株式会社テクノロジーイノベーション研究所'.repeat(8)}`
      expect(() => writeFileSync(join(dir, `${name}.docx`), 'x')).toThrow(/ENAMETOOLONG/)
      writeFileSync(join(dir, safeFileName(name)), 'x')
      expect(readdirSync(dir)).toEqual([safeFileName(name)])
    } finally {
      cleanup()
    }
  })

  it('strips directional controls, which can make a name read as something it is not', () => {
    expect(safeFileName('Invoice \u202Excod.exe')).toBe('Invoice xcod.exe.docx')
    expect(safeFileName('\u2067Acme\u2069 \u200Fplan')).toBe('Acme plan.docx')
  })
})
