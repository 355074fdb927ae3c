/**
 * The progress report: the progress model in, a Word document out. Cover, contents, a
 * summary (status word and reason, progress, days and cost against the signed baseline,
 * what is late or blocked and why, the next two weeks), each phase with its gates and
 * tasks, readiness against the earlier assessment, work closed since then, and days logged
 * per month. Every part can be left out through the model's `sections`.
 *
 * Node only (the radar is rasterised with the bundled font), otherwise pure: no file writes.
 */
import { Document, Paragraph, type FileChild } from 'docx'
import { PRINT_PALETTE } from '../shared/charts/svg'
import { renderRadarPng } from './charts'
import { body, bulletList, callout, coverPage, figure, keyFigures, keyValues, label, labelled, lead, spacer, table, type CellContent } from './primitives'
import type { ProgressIssue, ProgressPhase, ProgressReportModel } from './progress.model'
import { STYLE, createTheme, documentOptions, type DocumentFrame, type DocumentTheme } from './styles'
import { renderOutline, type OutlineSection } from './toc'
import { safeParagraph, safeParagraphs } from './text'

export const PROGRESS_REPORT_KICKER = 'Engagement progress report'

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0')

function issueList(theme: DocumentTheme, items: readonly ProgressIssue[], empty: string): FileChild[] {
  if (!items.length) return body(empty)
  return items.flatMap((i) => [
    safeParagraph(`${i.title} (${i.phase})`, { run: { bold: true, color: theme.colours.ink }, spacing: { before: 100, after: 20 }, keepNext: true }),
    ...safeParagraphs(i.detail, { spacing: { after: 80 } })
  ])
}

function summarySection(m: ProgressReportModel, theme: DocumentTheme): FileChild[] {
  const s = m.summary
  return [
    ...lead(`Where the engagement “${m.meta.engagementTitle}” with ${m.meta.clientName} stands on ${m.meta.asOf}.`),
    callout(theme, {
      title: `Status: ${s.ragWord}`,
      body: [s.ragReason, ...s.ragReasons.filter((r) => r !== s.ragReason).map((r) => `• ${r}`)].filter((x) => x.trim() !== '').join('\n') || 'No reason given.'
    }),
    spacer(6),
    keyFigures(theme, [
      { label: 'Progress', value: s.progress, note: 'of the estimated work done' },
      { label: 'Days logged', value: s.loggedDays, note: s.days },
      { label: 'Planned cost', value: s.plannedCost, note: s.cost }
    ]),
    spacer(6),
    keyValues(theme, [
      ['Days', [s.days, s.daysNote].filter(Boolean).join('\n')],
      ['Cost', [s.cost, s.costNote].filter(Boolean).join('\n')]
    ]),
    label('Late'),
    ...issueList(theme, s.late, 'Nothing is late: every open task is within its planned and signed dates.'),
    label('Blocked'),
    ...issueList(theme, s.blocked, 'Nothing is blocked.'),
    label('The next two weeks'),
    ...issueList(theme, s.nextTwoWeeks, 'No task is planned in the next two weeks.')
  ]
}

function phaseContent(p: ProgressPhase, theme: DocumentTheme): FileChild[] {
  const rows: CellContent[][] = p.tasks.map((t) => [
    {
      paragraphs: [
        safeParagraph(t.title, { style: STYLE.tableText, run: { bold: true, color: theme.colours.ink } }),
        ...(t.owner || !t.inPlan
          ? [
              safeParagraph([t.owner ? `Owner: ${t.owner}` : '', t.inPlan ? '' : 'Taken out of the plan'].filter(Boolean).join('. '), {
                style: STYLE.tableText,
                run: { color: theme.colours.muted, size: 17 }
              })
            ]
          : [])
      ]
    },
    { text: t.statusText, run: { bold: t.status === 'blocked' || t.status === 'done' } },
    t.plannedEnd,
    t.slip ? `${t.baselineEnd}\n${t.slip}` : t.baselineEnd,
    `${t.logged} / ${t.estimate}`
  ])
  return [
    new Paragraph({ keepNext: true, children: labelled('Progress', `${p.progress} done; ${p.logged} logged of ${p.estimate} estimated.`) }),
    new Paragraph({ keepNext: true, children: labelled('Dates', p.dates) }),
    new Paragraph({ keepNext: true, children: labelled('Gates', p.gatesLine) }),
    ...(p.gates.length ? bulletList(p.gates.map((g) => `${g.done ? 'Done' : 'Open'}: ${g.criterion}`)) : []),
    ...(rows.length
      ? [
          table(theme, {
            columns: [
              { header: 'Task', width: 3.4 },
              { header: 'Status', width: 1.7 },
              { header: 'Planned end', width: 1.4 },
              { header: 'Signed end', width: 1.6 },
              { header: 'Days logged / estimate', width: 1.3, align: 'right' }
            ],
            rows,
            zebra: true,
            allowRowBreaks: true
          })
        ]
      : body('No tasks in this phase.'))
  ]
}

function readinessSection(m: ProgressReportModel, theme: DocumentTheme): FileChild[] {
  const r = m.readiness
  if (!r) return body('No assessment was given.')
  const withPrevious = m.meta.previousTitle !== null
  const palette = { ...PRINT_PALETTE, series: [`#${theme.colours.accent}`, ...PRINT_PALETTE.series.slice(1)] }
  const image = renderRadarPng(r.radar, { width: 600, height: withPrevious ? 400 : 370, palette, fontSize: 12.5 })
  return [
    ...figure(theme, {
      png: image.png,
      svg: image.svg,
      width: image.width,
      height: image.height,
      altText: image.title,
      keepWithNext: true,
      caption: withPrevious
        ? `Readiness by dimension, 0–4: ${m.meta.assessmentTitle} (solid) against ${m.meta.previousTitle} (dashed).`
        : 'Readiness by dimension, 0–4, as scored in the workshop.'
    }),
    table(theme, {
      columns: [
        { header: 'Dimension', width: 4 },
        { header: 'Now', width: 1, align: 'center' },
        ...(withPrevious
          ? [
              { header: 'Before', width: 1, align: 'center' as const },
              { header: 'Change', width: 1.2, align: 'center' as const }
            ]
          : [])
      ],
      rows: r.rows.map((row) => [
        { text: row.name, run: { bold: true, color: theme.colours.ink } },
        String(row.level),
        ...(withPrevious ? [row.previous === null ? '–' : String(row.previous), row.change === null ? '–' : signed(row.change)] : [])
      ]),
      zebra: true,
      keepTogether: true
    })
  ]
}

function closedSection(m: ProgressReportModel, theme: DocumentTheme): FileChild[] {
  const intro = m.closed.since ? `Tasks finished since the earlier assessment on ${m.closed.since}.` : 'Every task finished so far.'
  if (!m.closed.items.length) return body(`${intro} None yet.`)
  return [
    ...safeParagraphs(intro, { keepNext: true }),
    table(theme, {
      columns: [
        { header: 'Task', width: 4 },
        { header: 'Phase', width: 2 },
        { header: 'Finished', width: 1.8 },
        { header: 'Days logged', width: 1.4, align: 'right' }
      ],
      rows: m.closed.items.map((i) => [i.title, i.phase, i.finished, i.logged]),
      zebra: true,
      allowRowBreaks: true
    })
  ]
}

function timeSection(m: ProgressReportModel, theme: DocumentTheme): FileChild[] {
  if (!m.time.months.length) return body('No time has been logged yet.')
  const shade = theme.colours.tableHead
  return [
    table(theme, {
      columns: [
        { header: 'Month', width: 3 },
        { header: 'Days logged', width: 1.5, align: 'right' }
      ],
      rows: [
        ...m.time.months.map((r) => [r.month, r.days]),
        [
          { text: 'Total', run: { bold: true, color: theme.colours.ink }, shade },
          { text: m.time.total, run: { bold: true, color: theme.colours.ink }, shade }
        ]
      ],
      zebra: true
    }),
    ...(m.time.note ? [safeParagraph(m.time.note, { style: STYLE.caption })] : [new Paragraph({ style: STYLE.caption, children: [] })])
  ]
}

export interface BuildOptions {
  /** How page numbers are worked out while packing (docx's layout by default); `false` leaves them for the reader. */
  pageNumbers?: DocumentFrame['pageNumbers'] | false
}

/** Builds the progress report. */
export function buildProgressReport(m: ProgressReportModel, options: BuildOptions = {}): Document {
  const theme = createTheme(m.branding, m.logo)
  const on = m.sections
  const sections: OutlineSection[] = []
  if (on.summary) sections.push({ key: 'summary', title: 'Summary', content: summarySection(m, theme) })
  if (on.phases) {
    sections.push({
      key: 'phases',
      title: 'Phases',
      newPage: true,
      content: m.phases.length ? body('Each phase of the plan: its progress, the gates that close it and every task.') : body('The plan has no phases yet.'),
      subsections: m.phases.map((p) => ({ key: `phase_${p.id}`, title: p.name, content: phaseContent(p, theme) }))
    })
  }
  if (on.readiness && m.readiness) sections.push({ key: 'readiness', title: 'Readiness', newPage: true, content: readinessSection(m, theme) })
  if (on.closed) sections.push({ key: 'closed', title: 'Work completed', content: closedSection(m, theme) })
  if (on.time) sections.push({ key: 'time', title: 'Time logged', content: timeSection(m, theme) })
  if (sections[0] && (on.cover || on.contents)) sections[0].newPage = true

  const { contents, body: main, pageNumbers } = renderOutline(theme, sections, { contents: on.contents, newPage: on.cover, title: 'Contents' })
  const cover = on.cover
    ? coverPage(theme, {
        kicker: PROGRESS_REPORT_KICKER,
        title: m.meta.clientName,
        subtitle: m.meta.engagementTitle,
        details: [
          ['Prepared for', m.meta.industry ? `${m.meta.clientName} (${m.meta.industry})` : m.meta.clientName],
          ['Prepared by', `${m.meta.consultant}, ${m.meta.consultancyName}`],
          ['Status', m.summary.ragWord],
          ['Progress as of', m.meta.asOf],
          ['Date', m.meta.date],
          ['Version', m.meta.version]
        ]
      })
    : []

  return new Document(
    documentOptions({
      theme,
      title: `${PROGRESS_REPORT_KICKER}: ${m.meta.clientName}`,
      subject: m.meta.engagementTitle,
      keywords: 'progress, status, delivery',
      pageNumbers: options.pageNumbers === false ? undefined : (options.pageNumbers ?? pageNumbers),
      cover,
      body: [...contents, ...main]
    })
  )
}
