/**
 * The hiring pack: the plan's hiring order and timing, then for each role its job
 * description and its interview kit (loop, questions with what to listen for, scorecard),
 * ready to hand to the client's hiring managers and recruiters.
 *
 * Pure builder: the model in, a docx Document out.
 */
import { Document, Paragraph, type FileChild } from 'docx'
import type { BuildOptions } from './assessment.docx'
import type { HiringPackModel } from './hiring.model'
import { body, coverPage, numberedList } from './primitives'
import { hiringOrderTable, interviewKitBlocks, jobDescriptionBlocks } from './role-blocks'
import { createTheme, documentOptions } from './styles'
import { renderOutline, type OutlineSection } from './toc'

export const HIRING_PACK_KICKER = 'Hiring pack'

/** Builds the hiring pack. */
export function buildHiringPack(m: HiringPackModel, options: BuildOptions = {}): Document {
  const theme = createTheme(m.branding, m.logo)
  const on = m.sections
  const sections: OutlineSection[] = []
  if (on.overview) {
    sections.push({
      key: 'overview',
      title: 'Hiring order and timing',
      content: [...body(m.intro), ...hiringOrderTable(theme, m.steps)],
      subsections: [{ key: 'how_to_use', title: 'How to use this pack', content: numberedList(m.howToUse, 1) }]
    })
  }
  if (on.jobDescriptions || on.interviewKits) {
    m.roles.forEach((r, i) => {
      const subsections: OutlineSection[] = []
      if (on.jobDescriptions) subsections.push({ key: 'job', title: 'Job description', content: jobDescriptionBlocks(theme, r.job) })
      if (on.interviewKits) subsections.push({ key: 'kit', title: 'Interview kit', newPage: on.jobDescriptions, content: interviewKitBlocks(theme, r.kit) })
      sections.push({ key: `role_${r.role}`, title: `${i + 1}. ${r.title}`, newPage: true, content: [], subsections })
    })
  }
  if (sections[0] && (on.cover || on.contents)) sections[0].newPage = true

  const { contents, body: main, pageNumbers } = renderOutline(theme, sections, { contents: on.contents, newPage: on.cover, title: 'Contents' })
  const cover = on.cover
    ? coverPage(theme, {
        kicker: HIRING_PACK_KICKER,
        title: m.meta.clientName,
        subtitle: m.meta.engagementTitle,
        details: [
          ['Prepared for', m.meta.industry ? `${m.meta.clientName} (${m.meta.industry})` : m.meta.clientName],
          ['Prepared by', `${m.meta.consultant}, ${m.meta.consultancyName}`],
          ['Roles', m.roles.length ? m.roles.map((r) => r.title).join('\n') : 'None planned'],
          ['Date', m.meta.date],
          ['Version', m.meta.version]
        ]
      })
    : []
  const closing: FileChild[] = cover.length + contents.length + main.length === 0 ? [new Paragraph({ children: [] })] : []

  return new Document(
    documentOptions({
      theme,
      title: `${HIRING_PACK_KICKER}: ${m.meta.clientName}`,
      subject: m.meta.engagementTitle,
      keywords: 'hiring, job descriptions, interview kits, scorecards',
      pageNumbers: options.pageNumbers === false ? undefined : (options.pageNumbers ?? pageNumbers),
      cover,
      body: [...contents, ...main, ...closing]
    })
  )
}
