/**
 * The workshop report: the assessment model in, a Word document out. Cover, contents, who
 * was present, the readiness radar and scores, the recommendation and hiring sequence,
 * findings, assumptions to verify, contradictory answers, proposed fractional work, the
 * public maturity scales, next steps, and every answer with its shareable note. Every part
 * can be left out through the model's `sections`.
 *
 * Node only (the radar is rasterised with the bundled font), otherwise pure: no file writes.
 */
import { Document, Paragraph, type FileChild } from 'docx'
import type { AssessmentReportModel } from './assessment-report.model'
import { renderRadarPng } from './charts'
import {
  body,
  bulletList,
  callout,
  coverPage,
  figure,
  heading,
  keyValues,
  label,
  labelled,
  lead,
  numberedList,
  spacer,
  table,
  type CellContent
} from './primitives'
import { PRINT_PALETTE } from '../shared/charts/svg'
import { STYLE, createTheme, documentOptions, type DocumentFrame, type DocumentTheme } from './styles'
import { renderOutline, type OutlineSection } from './toc'
import { safeParagraph, safeParagraphs, textRuns } from './text'

export const ASSESSMENT_REPORT_KICKER = 'AI readiness assessment'

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0')

function aboutSection(m: AssessmentReportModel, theme: DocumentTheme): FileChild[] {
  const pairs: [string, string][] = [
    ['Client', m.meta.clientName],
    ...(m.meta.industry ? ([['Industry', m.meta.industry]] as [string, string][]) : []),
    ...(m.meta.headcount ? ([['Headcount', m.meta.headcount]] as [string, string][]) : []),
    ['Engagement', m.meta.engagementTitle],
    ...(m.meta.objective ? ([['Objective', m.meta.objective]] as [string, string][]) : []),
    ['Workshop', m.meta.assessedOn ? `${m.meta.assessmentTitle}, ${m.meta.assessedOn}` : m.meta.assessmentTitle],
    ['Consultant', `${m.meta.consultant}, ${m.meta.consultancyName}`]
  ]
  return [
    ...lead(
      `This report records the AI readiness workshop with ${m.meta.clientName}: where its machine-learning platform stands today, whom to hire first and why, and what to check before committing to a plan.`
    ),
    keyValues(theme, pairs),
    ...(m.present.length ? [label('Who was present'), ...bulletList(m.present)] : []),
    label('How to read the scores'),
    ...body(
      'Each of eight dimensions is scored from 0 (the practice is absent) to 4 (fully automated). A dimension’s score is the lowest level all of its answers support: a practice counts only when every part of it exists. Answers the client did not know count as 0 until they are checked, and are listed under “Assumptions to verify”.'
    )
  ]
}

function recommendationSection(m: AssessmentReportModel, theme: DocumentTheme): FileChild[] {
  const r = m.recommendation
  const pairs: [string, string][] = [
    ['Overall readiness', `${m.overall} of 4`],
    ['Platform (deployment, monitoring, logging, experiments)', `${m.platform} of 4`],
    ...(r.otherSigns.length ? ([['Other signs in the answers', r.otherSigns.join('\n')]] as [string, string][]) : []),
    ['Leadership', r.leadership]
  ]
  return [
    callout(theme, { title: `${r.label}: ${r.name}`, body: r.reason }),
    spacer(6),
    ...body(m.summary),
    keyValues(theme, pairs, 0.34),
    label(r.milestone.heading),
    ...r.milestone.text.flatMap((t) => body(t)),
    ...r.routes.flatMap((t) => body(t))
  ]
}

function readinessSection(m: AssessmentReportModel, theme: DocumentTheme): FileChild[] {
  const out: FileChild[] = []
  if (m.sections.readiness) {
    const palette = { ...PRINT_PALETTE, series: [`#${theme.colours.accent}`, ...PRINT_PALETTE.series.slice(1)] }
    const image = renderRadarPng(m.radar, { width: 600, height: m.meta.previousTitle ? 400 : 370, palette, fontSize: 12.5 })
    out.push(
      ...figure(theme, {
        png: image.png,
        svg: image.svg,
        width: image.width,
        height: image.height,
        altText: image.title,
        // Heading, chart, caption and scores stay on one page when the scores follow.
        keepWithNext: m.sections.scores,
        caption: m.meta.previousTitle
          ? `Readiness by dimension, 0–4: ${m.meta.assessmentTitle} (solid) against ${m.meta.previousTitle} (dashed).`
          : 'Readiness by dimension, 0–4, as scored in the workshop.'
      })
    )
  }
  if (m.sections.scores) {
    const withPrevious = m.meta.previousTitle !== null
    const anyUnknown = m.scores.some((s) => s.unknown)
    const rows: CellContent[][] = m.scores.map((s) => [
      { text: s.name, run: { bold: true, color: theme.colours.ink } },
      { text: s.unknown ? `${s.level}*` : String(s.level), run: { bold: true } },
      s.meaning,
      ...(withPrevious ? [String(s.previous ?? '–'), s.change === null ? '–' : signed(s.change)] : [])
    ])
    out.push(
      table(theme, {
        columns: [
          { header: 'Dimension', width: 2.6 },
          { header: 'Level', width: 0.8, align: 'center' },
          { header: 'What that level means', width: withPrevious ? 4.2 : 6.2 },
          ...(withPrevious
            ? [
                { header: 'Before', width: 1.05, align: 'center' as const },
                { header: 'Change', width: 1.1, align: 'center' as const }
              ]
            : [])
        ],
        rows,
        zebra: true,
        keepTogether: true
      })
    )
    if (anyUnknown) out.push(safeParagraph('* Some answers were unknown; the level counts them as 0 until they are checked.', { style: STYLE.caption }))
    else out.push(new Paragraph({ style: STYLE.caption, children: [] }))
  }
  return out
}

function sequenceSection(m: AssessmentReportModel, theme: DocumentTheme): FileChild[] {
  return [
    ...safeParagraphs(
      'The order in which to grow the team, starting with the recommended hire. Each later role joins once the work before it has given it something to stand on.',
      { keepNext: true }
    ),
    table(theme, {
      columns: [
        { header: '#', width: 0.5, align: 'center' },
        { header: 'Role', width: 4.2 },
        { header: 'Why', width: 4.3 }
      ],
      rows: m.hiringSequence.map((s, i) => [
        String(i + 1),
        {
          paragraphs: [
            safeParagraph(s.name, { style: STYLE.tableText, run: { bold: true, color: theme.colours.ink } }),
            // The first hire's summary is already under the recommendation when it is shown.
            ...(i === 0 && m.sections.recommendation
              ? []
              : safeParagraphs(s.summary, { style: STYLE.tableText, run: { color: theme.colours.muted, size: 17 } }))
          ]
        },
        `${s.why}\nStarts: ${s.starts.toLowerCase()}.`
      ])
    })
  ]
}

function findingsSection(m: AssessmentReportModel): FileChild[] {
  if (!m.findings.length) return body('The answers raise none of the warning signs this assessment looks for.')
  return m.findings.flatMap((f) => [
    heading(f.title, 3),
    new Paragraph({ children: labelled('What we saw', f.observed) }),
    new Paragraph({ children: labelled('What it means for the plan', f.meaning) })
  ])
}

function assumptionsSection(m: AssessmentReportModel, theme: DocumentTheme): FileChild[] {
  if (!m.decisiveUnknowns.length && !m.otherAssumptions.length) {
    return body('Every question was answered: the results rest on no assumptions.')
  }
  const out: FileChild[] = []
  if (m.decisiveUnknowns.length) {
    out.push(label('Could change the recommendation: verify first'))
    for (const d of m.decisiveUnknowns) out.push(callout(theme, { title: d.subject, body: [d.text, ...d.changes].join('\n') }), spacer(6))
  }
  if (m.otherAssumptions.length) {
    out.push(label(m.decisiveUnknowns.length ? 'Other assumptions' : 'Assumptions (none of them changes the first hire)'))
    out.push(...bulletList(m.otherAssumptions.map((a) => a.text)))
  }
  return out
}

function warningsSection(m: AssessmentReportModel): FileChild[] {
  if (!m.warnings.length) return body('The answers do not contradict each other.')
  return [...body('These answers contradict each other. The results use them as given; check them with the client.'), ...bulletList(m.warnings)]
}

function tasksSection(m: AssessmentReportModel, theme: DocumentTheme): FileChild[] {
  if (!m.tasks.length) return body('The plan holds no fractional work.')
  const marks = { audit: ' †', feasibility: ' §' } as const
  const rows: CellContent[][] = m.tasks.map((t) => [
    {
      paragraphs: [
        safeParagraph(`${t.title}${t.pending ? marks[t.pending] : ''}`, { style: STYLE.tableText, run: { bold: true, color: theme.colours.ink } }),
        safeParagraph([t.why, `${t.weeks}. ${t.owner}.`].filter(Boolean).join(' '), { style: STYLE.tableText, run: { color: theme.colours.muted, size: 17 } })
      ]
    },
    t.effort,
    t.cost
  ])
  if (m.taskTotals) {
    const shade = theme.colours.tableHead
    rows.push([
      { text: `The plan, committed (${m.taskTotals.weeks})`, run: { bold: true, color: theme.colours.ink }, shade },
      { text: m.taskTotals.days, run: { bold: true, color: theme.colours.ink }, shade },
      { text: m.taskTotals.cost, run: { bold: true, color: theme.colours.ink }, shade }
    ])
    if (m.taskTotals.optional) {
      rows.push([
        { text: 'Waiting outside the committed total', run: { color: theme.colours.muted }, shade },
        { text: m.taskTotals.optional.days, run: { color: theme.colours.muted }, shade },
        { text: m.taskTotals.optional.cost, run: { color: theme.colours.muted }, shade }
      ])
    }
  }
  const anyAudit = m.tasks.some((t) => t.pending === 'audit')
  const anyFeasibility = m.tasks.some((t) => t.pending === 'feasibility')
  return [
    ...safeParagraphs(
      `The work in the plan made from this assessment, with our days and fees at the day rate of ${m.meta.dayRate}. They are the figures the proposal prices for the same plan, before any discount, expenses or tax.`
    ),
    table(theme, {
      columns: [
        { header: 'Work', width: 6 },
        { header: 'Our effort', width: 1.7, align: 'right' },
        { header: 'Fees', width: 1.6, align: 'right' }
      ],
      rows,
      zebra: true
    }),
    ...(anyAudit
      ? [safeParagraph('† Pending the objectives and data audit: listed, but committed only once the audit is done.', { style: STYLE.caption })]
      : []),
    ...(anyFeasibility
      ? [
          safeParagraph('§ Pending the answer on feasibility: committed only once the experiments show a valuable model can be built.', {
            style: STYLE.caption
          })
        ]
      : [])
  ]
}

function scalesSection(m: AssessmentReportModel, theme: DocumentTheme): FileChild[] {
  return [
    // The note goes before the table, with the introduction: after it, a page filled by the scales could leave it alone on the next.
    safeParagraph('Where the scores place the client on two public MLOps maturity models, for comparison with its cloud vendor’s material.', {
      keepNext: true,
      spacing: { after: 60 }
    }),
    safeParagraph(m.scales.note, { style: STYLE.caption, keepNext: true }),
    table(theme, {
      columns: [
        { header: 'Scale', width: 2.2 },
        { header: 'Level', width: 3.4 },
        { header: 'Next level needs', width: 3.8 }
      ],
      rows: m.scales.placements.map((p) => [
        { text: p.scaleName, run: { bold: true, color: theme.colours.ink } },
        {
          paragraphs: [
            safeParagraph(`${p.level}: ${p.name}`, { style: STYLE.tableText, run: { bold: true } }),
            safeParagraph(p.description, { style: STYLE.tableText, run: { color: theme.colours.muted, size: 17 } })
          ]
        },
        p.next ? [p.next, ...p.missing.map((x) => `• ${x}`)].join('\n') : 'Top of the scale.'
      ]),
      keepTogether: true
    })
  ]
}

function answersSections(m: AssessmentReportModel, theme: DocumentTheme): OutlineSection[] {
  return m.answerSections.map((s) => ({
    key: `answers_${s.id}`,
    title: s.name,
    // Each question stays with its answer and note, and the last two answers of a part stay
    // together, so no page ends the report with a lone answer.
    content: s.answers.flatMap((a, i) => {
      const keepWithLast = i === s.answers.length - 2
      return [
        safeParagraph(a.question, { run: { bold: true, color: theme.colours.ink }, spacing: { before: 140, after: 20 }, keepNext: true }),
        new Paragraph({
          spacing: { after: a.note ? 40 : 100 },
          ...(a.note || keepWithLast ? { keepNext: true } : {}),
          children: textRuns(a.answer, a.unknown ? { color: theme.colours.muted, italics: true } : {})
        }),
        ...safeParagraphs(a.note, { style: STYLE.note, ...(keepWithLast ? { keepNext: true } : {}) })
      ]
    })
  }))
}

export interface BuildOptions {
  /**
   * How page numbers are worked out while packing: by default docx's own layout (as Word
   * lays out pages), so the contents' page references are written with their numbers and
   * Word opens the file without asking to update fields; `false` leaves them for the reader.
   */
  pageNumbers?: DocumentFrame['pageNumbers'] | false
}

/** Builds the workshop report. Throws BrandingLogoError only when the model's logo was never checked. */
export function buildAssessmentReport(m: AssessmentReportModel, options: BuildOptions = {}): Document {
  const theme = createTheme(m.branding, m.logo)
  const on = m.sections
  const sections: OutlineSection[] = []
  if (on.about) sections.push({ key: 'about', title: 'About this assessment', content: aboutSection(m, theme) })
  // Where the client stands (chart and scores on one page), then what to do about it.
  if (on.readiness || on.scores) sections.push({ key: 'readiness', title: 'Readiness by dimension', newPage: true, content: readinessSection(m, theme) })
  if (on.recommendation) sections.push({ key: 'recommendation', title: 'Recommendation', newPage: true, content: recommendationSection(m, theme) })
  if (on.sequence) sections.push({ key: 'sequence', title: 'Hiring sequence', content: sequenceSection(m, theme) })
  if (on.findings) sections.push({ key: 'findings', title: 'Findings', content: findingsSection(m) })
  if (on.assumptions) sections.push({ key: 'assumptions', title: 'Assumptions to verify', content: assumptionsSection(m, theme) })
  if (on.warnings) sections.push({ key: 'warnings', title: 'Answers to double-check', content: warningsSection(m) })
  if (on.tasks) sections.push({ key: 'tasks', title: 'Proposed fractional work', content: tasksSection(m, theme) })
  // What to do next closes the argument, on the page of the work it starts; the public scales
  // follow as reference on a page of their own (their two-row table fills most of one, and
  // sharing a page with the steps put their heading on the line where Word and LibreOffice
  // break pages differently).
  if (on.nextSteps) sections.push({ key: 'next', title: 'Next steps', content: numberedList(m.nextSteps, 1) })
  if (on.scales) sections.push({ key: 'scales', title: 'Public maturity scales', newPage: true, content: scalesSection(m, theme) })
  // The answers close the report, as an appendix.
  if (on.answers) {
    sections.push({
      key: 'answers',
      title: 'Workshop answers',
      newPage: true,
      content: body('Every answer given in the workshop, with the notes recorded for the client.'),
      subsections: answersSections(m, theme)
    })
  }
  if (sections[0] && (on.cover || on.contents)) sections[0].newPage = true

  const {
    contents,
    body: main,
    pageNumbers
  } = renderOutline(theme, sections, {
    contents: on.contents,
    newPage: on.cover,
    title: 'Contents'
  })
  const cover = on.cover
    ? coverPage(theme, {
        kicker: ASSESSMENT_REPORT_KICKER,
        title: m.meta.clientName,
        subtitle: m.meta.engagementTitle,
        details: [
          ['Prepared for', m.meta.industry ? `${m.meta.clientName} (${m.meta.industry})` : m.meta.clientName],
          ['Prepared by', `${m.meta.consultant}, ${m.meta.consultancyName}`],
          ['Workshop', m.meta.assessedOn ? `${m.meta.assessmentTitle}, ${m.meta.assessedOn}` : m.meta.assessmentTitle],
          ['Date', m.meta.date],
          ['Version', m.meta.version]
        ]
      })
    : []

  return new Document(
    documentOptions({
      theme,
      title: `${ASSESSMENT_REPORT_KICKER}: ${m.meta.clientName}`,
      subject: m.meta.engagementTitle,
      keywords: 'AI readiness, MLOps, hiring',
      pageNumbers: options.pageNumbers === false ? undefined : (options.pageNumbers ?? pageNumbers),
      cover,
      body: [...contents, ...main]
    })
  )
}
