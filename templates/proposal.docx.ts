/**
 * The proposal: what the client reads and signs. Cover, contents, executive summary, current
 * state, the phased plan with its timeline, the hiring plan with job descriptions, the
 * investment, assumptions and exclusions, terms, the acceptance block and, as an appendix,
 * the interview kits. Every part can be left out; the contents list what is in.
 *
 * Pure builder: the model in, a docx Document out (charts are rasterised with the bundled
 * font; nothing is written anywhere).
 */
import { AlignmentType, Document, Paragraph, type FileChild } from 'docx'
import { PRINT_PALETTE, type ChartPalette } from '../shared/charts/svg'
import { splitTimeline, type TimelineChartSpec } from '../shared/charts/timeline.chart'
import type { BuildOptions } from './assessment.docx'
import { chartImage, prerenderCharts, radarDrawing, scenarioDrawing, timelineDrawing, type ChartDrawing } from './charts'
import {
  body,
  bulletList,
  callout,
  coverPage,
  figure,
  heading,
  keyFigures,
  label,
  labelled,
  lead,
  numberedList,
  signatureBlock,
  spacer,
  table,
  type CellContent
} from './primitives'
import type { PlanPhaseView, ProposalModel } from './proposal.model'
import { hiringOrderTable, interviewKitBlocks, jobDescriptionBlocks } from './role-blocks'
import { mix, STYLE, createTheme, documentOptions, type DocumentTheme } from './styles'
import { renderOutline, type OutlineSection } from './toc'
import { safeParagraph, safeParagraphs, textRuns } from './text'

export const PROPOSAL_KICKER = 'Proposal'

/**
 * Charts go into the document as vector SVG (crisp at any size in Word); the PNG fallback, for
 * readers without SVG, is rasterised at twice the display size: about 190 dpi, quick to make.
 */
const CHART_SCALE = 2

/** Phase colours for the timeline: slate for Discovery, the brand accent for Foundations, then blue, violet, rust. */
export function phasePalette(theme: DocumentTheme): ChartPalette {
  return { ...PRINT_PALETTE, series: ['#64748B', `#${theme.colours.accent}`, '#3B6FB6', '#8A63D2', '#C2410C'] }
}

/** A chart palette whose first series is the brand accent. */
function accentPalette(theme: DocumentTheme): ChartPalette {
  return { ...PRINT_PALETTE, series: [`#${theme.colours.accent}`, '#8A63D2', ...PRINT_PALETTE.series.slice(2)] }
}

// ---------------------------------------------------------------------------------------
// Executive summary

function summarySection(m: ProposalModel, theme: DocumentTheme): FileChild[] {
  const s = m.summary
  const c = theme.colours
  const rec = s.recommendation
  const out: FileChild[] = []
  out.push(...lead(s.situation[0] ?? ''), ...s.situation.slice(1).flatMap((p) => body(p)))
  out.push(label(s.objective.agreed ? 'The objective and how success is measured' : 'The objective'), ...body(s.objective.text))
  out.push(spacer(4))
  out.push(
    callout(theme, {
      lines: [
        textRuns(rec.label, { bold: true, color: c.accentText, size: 17, allCaps: true, characterSpacing: 10 }),
        textRuns(rec.title, { bold: true, color: c.ink, size: 30 }),
        textRuns(rec.reason)
      ]
    })
  )
  out.push(label('Why this order'), ...bulletList(rec.why))
  out.push(spacer(6), keyFigures(theme, s.keyFigures), spacer(4))
  out.push(label(s.milestone.heading), ...s.milestone.text.flatMap((t) => body(t)), ...(s.observed ? safeParagraphs(s.observed, { style: STYLE.note }) : []))
  if (s.approach.length) {
    out.push(label('How the work is organised'))
    out.push(
      table(theme, {
        columns: [
          { header: 'Phase', width: 2.2 },
          { header: 'What happens', width: 7 }
        ],
        rows: s.approach.map((a) => [{ text: a.name, run: { bold: true, color: c.ink } }, a.text]),
        keepTogether: true
      })
    )
  }
  out.push(label('Next steps'), ...numberedList(s.nextSteps, 1))
  return out
}

// ---------------------------------------------------------------------------------------
// Charts

function radarOf(m: ProposalModel, theme: DocumentTheme): ChartDrawing {
  return radarDrawing(m.currentState.radar, { width: 560, height: 340, palette: accentPalette(theme), fontSize: 12, scale: CHART_SCALE })
}

/** The plan's timeline; long plans are cut into several charts so each stays readable on a page. */
function timelinesOf(m: ProposalModel, theme: DocumentTheme): { spec: TimelineChartSpec; drawing: ChartDrawing }[] {
  return splitTimeline(m.plan.timeline, 34).map((spec) => ({
    spec,
    drawing: timelineDrawing(spec, { width: theme.page.textWidthPx, palette: phasePalette(theme), fontSize: 10.5, scale: CHART_SCALE })
  }))
}

/** The first-hire scenario, drawn at the plan screen's size and shown scaled to the text width, so its notes fit. */
function scenarioOf(m: ProposalModel, theme: DocumentTheme): ChartDrawing | undefined {
  const spec = m.plan.scenario
  return spec ? scenarioDrawing(spec, { width: 900, height: 360, palette: accentPalette(theme), fontSize: 14.5, scale: 1.5 }) : undefined
}

/**
 * Draws the proposal's charts ahead of `buildProposal`, several at once off this thread, so the
 * build finds them drawn (rasterising them one after another is most of a first build).
 */
export function prepareProposal(m: ProposalModel): Promise<void> {
  return prerenderCharts(proposalDrawings(m))
}

/** The charts a proposal shows, in order. */
export function proposalDrawings(m: ProposalModel): ChartDrawing[] {
  const theme = createTheme(m.branding, m.logo)
  const drawings: ChartDrawing[] = []
  if (m.sections.currentState) drawings.push(radarOf(m, theme))
  if (m.sections.plan) {
    drawings.push(...timelinesOf(m, theme).map((t) => t.drawing))
    const scenario = scenarioOf(m, theme)
    if (scenario) drawings.push(scenario)
  }
  return drawings
}

// ---------------------------------------------------------------------------------------
// Current state

function currentStateSection(m: ProposalModel, theme: DocumentTheme): { content: FileChild[]; subsections: OutlineSection[] } {
  const cs = m.currentState
  const c = theme.colours
  const image = chartImage(radarOf(m, theme))
  const content: FileChild[] = [
    ...body(`${m.meta.clientName} scores ${cs.overall} of 4 overall and ${cs.platform} of 4 on the platform. ${cs.intro}`),
    ...figure(theme, {
      png: image.png,
      svg: image.svg,
      width: image.width,
      height: image.height,
      altText: image.title,
      keepWithNext: true,
      caption: 'Readiness by dimension, 0–4, from the workshop.'
    }),
    table(theme, {
      columns: [
        { header: 'Dimension', width: 2.6 },
        { header: 'Level', width: 0.8, align: 'center' },
        { header: 'What that level means', width: 6.2 }
      ],
      rows: cs.scores.map((s) => [
        { text: s.name, run: { bold: true, color: c.ink } },
        { text: s.unknown ? `${s.level}*` : String(s.level), run: { bold: true } },
        s.meaning
      ]),
      zebra: true,
      keepTogether: true
    }),
    cs.anyUnknown
      ? safeParagraph('* Some answers were not known in the workshop; they count as 0 until checked in Discovery.', { style: STYLE.caption })
      : new Paragraph({ style: STYLE.caption, children: [] })
  ]
  const subsections: OutlineSection[] = [
    {
      key: 'scales',
      title: 'Against public maturity models',
      content: [
        ...body('Where the scores place you on two widely used MLOps maturity models, for comparison with your cloud vendor’s material.'),
        table(theme, {
          columns: [
            { header: 'Model', width: 2 },
            { header: 'Level reached', width: 3.4 },
            { header: 'The next level needs', width: 4.2 }
          ],
          rows: cs.scales.map((p) => [
            { text: p.scaleName, run: { bold: true, color: c.ink } },
            {
              paragraphs: [
                safeParagraph(p.level, { style: STYLE.tableText, run: { bold: true } }),
                safeParagraph(p.description, { style: STYLE.tableText, run: { color: c.muted, size: 17 } })
              ]
            },
            p.next
          ]),
          keepTogether: true
        }),
        safeParagraph(cs.scalesNote, { style: STYLE.caption })
      ]
    },
    {
      key: 'findings',
      title: 'Findings',
      content: cs.findings.length
        ? cs.findings.flatMap((f) => [
            heading(f.title, 3),
            new Paragraph({ keepNext: true, children: labelled('What we saw', f.observed) }),
            new Paragraph({ children: labelled('What it means for the plan', f.meaning) })
          ])
        : body('The answers raise none of the warning signs the assessment looks for.')
    },
    ...(cs.warnings.length
      ? [
          {
            key: 'double_check',
            title: 'Answers to double-check',
            content: [...body('These answers contradict each other; the plan uses them as given and we check them in Discovery.'), ...bulletList(cs.warnings)]
          }
        ]
      : [])
  ]
  return { content, subsections }
}

// ---------------------------------------------------------------------------------------
// The plan

function phaseContent(phase: PlanPhaseView, theme: DocumentTheme): FileChild[] {
  const c = theme.colours
  const out: FileChild[] = []
  if (phase.span) out.push(safeParagraph(phase.span, { style: STYLE.label, spacing: { before: 0, after: 80 } }))
  out.push(...body(phase.intro))
  if (phase.rows.length === 0) return out
  const muted = { color: c.muted, size: 17 }
  const long = phase.rows.some((r) => (r.note?.length ?? 0) + r.title.length > 1500)
  const rows: CellContent[][] = phase.rows.map((r) => {
    const mark = r.pending === 'audit' ? ' †' : r.pending === 'feasibility' ? ' §' : r.optional ? ' ‡' : ''
    return [
      {
        paragraphs: [
          safeParagraph(`${r.title}${mark}`, { style: STYLE.tableText, run: { bold: true, color: c.ink } }),
          ...(r.summary ? [safeParagraph(r.summary, { style: STYLE.tableText, run: muted })] : []),
          ...safeParagraphs(r.note, { style: STYLE.tableText, run: { ...muted, italics: true, color: c.body } })
        ]
      },
      {
        paragraphs: [
          safeParagraph(r.owner, { style: STYLE.tableText }),
          ...(r.ownerNote ? [safeParagraph(r.ownerNote, { style: STYLE.tableText, run: muted })] : [])
        ]
      },
      { paragraphs: [safeParagraph(r.weeks, { style: STYLE.tableText }), safeParagraph(r.dates, { style: STYLE.tableText, run: muted })] },
      {
        paragraphs: [
          safeParagraph(r.effort, { style: STYLE.tableText, alignment: AlignmentType.RIGHT }),
          ...(r.effortNote ? [safeParagraph(r.effortNote, { style: STYLE.tableText, alignment: AlignmentType.RIGHT, run: muted })] : [])
        ]
      },
      { text: r.cost, run: r.optional ? { color: c.muted } : {} }
    ]
  })
  const shade = c.tableHead
  const strong = { bold: true, color: c.ink }
  const anyEffort = phase.rows.some((r) => r.kind !== 'hire')
  if (anyEffort) {
    rows.push([
      { text: `${phase.name} total`, run: strong, shade },
      { text: '', shade },
      { text: '', shade },
      { text: phase.committed.days, run: strong, shade },
      { text: phase.committed.cost, run: strong, shade }
    ])
  }
  if (phase.optional) {
    rows.push([
      { text: 'Optional, not in the total', run: { color: c.muted }, shade },
      { text: '', shade },
      { text: '', shade },
      { text: phase.optional.days, run: { color: c.muted }, shade },
      { text: phase.optional.cost, run: { color: c.muted }, shade }
    ])
  }
  out.push(
    table(theme, {
      columns: [
        { header: 'Work', width: 3.95 },
        { header: 'Owner', width: 1.85 },
        { header: 'When', width: 1.25 },
        { header: 'Our effort', width: 1.25, align: 'right' },
        { header: 'Cost', width: 1.6, align: 'right' }
      ],
      rows,
      zebra: true,
      allowRowBreaks: long
    })
  )
  return out
}

function planSection(m: ProposalModel, theme: DocumentTheme): { content: FileChild[]; subsections: OutlineSection[] } {
  const p = m.plan
  const c = theme.colours
  const content: FileChild[] = [...body(p.intro)]
  const charts = timelinesOf(m, theme)
  charts.forEach(({ spec, drawing }, i) => {
    const image = chartImage(drawing)
    content.push(
      ...figure(theme, {
        png: image.png,
        svg: image.svg,
        width: image.width,
        height: image.height,
        altText: `${spec.title}: ${spec.lanes.map((l) => `${l.label} (${l.rows.length})`).join(', ')}`,
        caption:
          charts.length > 1 ? `Timeline, part ${i + 1} of ${charts.length}: weeks from ${m.meta.startDate}.` : `Timeline in weeks from ${m.meta.startDate}.`
      })
    )
  })
  const footnotes = [
    ...(p.anyPendingAudit ? ['† Pending the objectives and data audit: outside the committed total until the audit confirms it.'] : []),
    ...(p.anyPendingFeasibility
      ? ['§ Pending the answer on feasibility: outside the committed total until the experiments show a valuable model can be built.']
      : []),
    ...(p.anyOptional ? ['‡ Optional: offered, but outside the committed total.'] : [])
  ]
  const subsections: OutlineSection[] = p.phases.map((phase, i) => ({
    key: `phase_${phase.id}`,
    title: phase.title,
    newPage: i === 0,
    content: [
      ...phaseContent(phase, theme),
      ...footnotes.filter(() => phase.rows.some((r) => r.optional)).map((f) => safeParagraph(f, { style: STYLE.caption }))
    ]
  }))
  subsections.push({
    key: 'milestones',
    title: 'Milestones',
    content: [
      table(theme, {
        columns: [
          { header: 'Milestone', width: 5 },
          { header: 'Week', width: 1.4 },
          { header: 'Date', width: 2.6 }
        ],
        rows: p.milestones.map((ms) => [{ text: ms.title, run: { bold: true, color: c.ink } }, ms.week, ms.date]),
        keepTogether: true
      }),
      new Paragraph({ spacing: { before: 160, after: 60 }, children: labelled('Committed effort', `${p.totals.days}, ${p.totals.cost}`) }),
      ...(p.totals.optionalDays
        ? [new Paragraph({ children: labelled('Optional work', `${p.totals.optionalDays}, ${p.totals.optionalCost}`, { color: c.muted }) })]
        : [])
    ]
  })
  const scenario = scenarioOf(m, theme)
  const image = scenario ? chartImage(scenario) : null
  subsections.push({
    key: 'routes',
    title: p.routes.heading,
    content: [
      // The chart stays on the page with the words that explain it.
      ...p.routes.text.flatMap((t) => safeParagraphs(t, image ? { keepNext: true } : {})),
      ...(image
        ? figure(theme, {
            png: image.png,
            svg: image.svg,
            width: image.width,
            height: image.height,
            altText: image.title,
            caption: 'Both first hires scheduled for this engagement, in weeks from the start.'
          })
        : [])
    ]
  })
  if (p.deliverables.length) subsections.push({ key: 'deliverables', title: 'Deliverables and acceptance', content: deliverablesSection(m, theme) })
  return { content, subsections }
}

// ---------------------------------------------------------------------------------------
// Hiring, investment, assumptions, terms, acceptance

function hiringSection(m: ProposalModel, theme: DocumentTheme): { content: FileChild[]; subsections: OutlineSection[] } {
  return {
    content: [...body(m.hiring.intro), ...hiringOrderTable(theme, m.hiring.steps)],
    subsections: m.hiring.roles.map((r, i) => ({
      key: `job_${r.role}`,
      title: `Job description: ${r.title}`,
      newPage: i > 0,
      content: jobDescriptionBlocks(theme, r.job)
    }))
  }
}

function investmentSection(m: ProposalModel, theme: DocumentTheme): { content: FileChild[]; subsections: OutlineSection[] } {
  const inv = m.investment
  const c = theme.colours
  const strong = { bold: true, color: c.ink }
  const shade = c.tableHead
  const tiers = inv.tiers
  const tierRow = (name: string, pick: (t: (typeof tiers)[number]) => string, bold = false): CellContent[] => [
    { text: name, run: bold ? strong : { color: c.body }, ...(bold ? { shade } : {}) },
    ...tiers.map((t) => ({ text: pick(t), run: bold ? strong : {}, ...(t.proposed ? { shade: mix(c.accent, 'FFFFFF', 0.86) } : bold ? { shade } : {}) }))
  ]
  const tierRows: CellContent[][] = [
    tierRow('Phases', (t) => t.phases),
    [
      { text: 'Runs to', run: { color: c.body } },
      ...tiers.map((t) => ({
        paragraphs: [
          safeParagraph(t.runsTo, { style: STYLE.tableText, alignment: AlignmentType.RIGHT }),
          safeParagraph(t.runsToDate, { style: STYLE.tableText, alignment: AlignmentType.RIGHT, run: { color: c.muted, size: 17 } })
        ],
        ...(t.proposed ? { shade: mix(c.accent, 'FFFFFF', 0.86) } : {})
      }))
    ],
    tierRow('Consultant days', (t) => t.days),
    tierRow(m.investment.basis.startsWith('Fixed') ? 'Fees' : 'Fees (time and materials)', (t) => t.fees),
    ...(inv.showDiscount ? [tierRow(inv.discountLabel, (t) => t.discount), tierRow('Net fees', (t) => t.netFees)] : []),
    ...(inv.showExpenses ? [tierRow('Expenses', (t) => t.expenses)] : []),
    ...(inv.showTax ? [tierRow(inv.taxLabel, (t) => t.tax)] : []),
    tierRow('Total', (t) => t.total, true)
  ]
  const content: FileChild[] = [...lead(inv.intro), ...body(inv.basis)]
  const subsections: OutlineSection[] = [
    {
      key: 'by_phase',
      title: 'By phase',
      content: [
        table(theme, {
          columns: [
            { header: 'Phase', width: 3.2 },
            { header: 'Weeks', width: 1.3, align: 'center' },
            { header: 'Consultant days', width: 1.6, align: 'right' },
            { header: 'Committed fees', width: 1.7, align: 'right' },
            { header: 'Optional', width: 1.5, align: 'right' }
          ],
          rows: [
            ...inv.phases.map((p): CellContent[] => [{ text: p.name, run: strong }, p.weeks, p.days, p.cost, { text: p.optional, run: { color: c.muted } }]),
            [
              { text: 'Total', run: strong, shade },
              { text: '', shade },
              { text: inv.phaseTotals.days, run: strong, shade },
              { text: inv.phaseTotals.cost, run: strong, shade },
              { text: inv.phaseTotals.optional, run: { color: c.muted }, shade }
            ]
          ],
          zebra: true,
          keepTogether: true
        }),
        safeParagraph('Fees before any discount, expenses or tax, at the day rate.', { style: STYLE.caption })
      ]
    },
    {
      key: 'options',
      title: 'Options',
      content: [
        ...safeParagraphs(
          tiers.length > 1
            ? 'Each option covers the phases listed and can be extended later at the same rates. The proposed option is shaded.'
            : 'The proposed scope, line by line.',
          { keepNext: true }
        ),
        table(theme, {
          columns: [
            { header: '', width: 2.4 },
            ...tiers.map((t) => ({ header: t.proposed ? `${t.name} (proposed)` : t.name, width: 7 / Math.max(1, tiers.length), align: 'right' as const }))
          ],
          rows: tierRows,
          keepTogether: true
        }),
        ...(inv.weeklyNote ? [safeParagraph(inv.weeklyNote, { style: STYLE.caption })] : []),
        ...(inv.expenses.length ? [label('Expenses included'), ...bulletList(inv.expenses.map((e) => `${e.label}: ${e.amount}`))] : []),
        ...(inv.withOptions ? [spacer(8), callout(theme, { title: `Total including every option: ${inv.withOptions.total}`, body: inv.withOptions.text })] : [])
      ]
    },
    {
      key: 'payments',
      title: 'Payment schedule',
      content: [
        ...body('Invoiced when each milestone is reached, as shares of the proposed total.'),
        table(theme, {
          columns: [
            { header: 'Instalment', width: 3.6 },
            { header: 'Due', width: 3.2 },
            { header: 'Share', width: 1, align: 'right' },
            { header: 'Amount', width: 1.6, align: 'right' }
          ],
          rows: [
            ...inv.payments.map((p): CellContent[] => [{ text: p.label, run: strong }, p.due, p.share, p.amount]),
            [
              { text: 'Total', run: strong, shade },
              { text: '', shade },
              { text: '', shade },
              { text: inv.paymentsTotal, run: strong, shade }
            ]
          ],
          keepTogether: true
        }),
        spacer(8),
        callout(theme, { title: `This proposal is valid until ${inv.validUntil}.` })
      ]
    }
  ]
  return { content, subsections }
}

function assumptionsSection(m: ProposalModel, theme: DocumentTheme): { content: FileChild[]; subsections: OutlineSection[] } {
  const a = m.assumptions
  const decisive = a.toVerify.filter((t) => t.decisive)
  const others = a.toVerify.filter((t) => !t.decisive)
  const subsections: OutlineSection[] = [
    { key: 'assumed', title: 'What we assume', content: [...bulletList(a.standard), ...(a.extra.length ? bulletList(a.extra) : [])] }
  ]
  if (a.toVerify.length) {
    const content: FileChild[] = [...body('Some workshop answers were not known. The plan assumes the values below until Discovery confirms them.')]
    for (const d of decisive) {
      content.push(callout(theme, { title: 'Could change the first hire', body: [d.text, ...d.changes].join('\n') }), spacer(6))
    }
    if (others.length) content.push(...bulletList(others.map((o) => o.text)))
    subsections.push({ key: 'to_verify', title: 'To confirm in Discovery', content })
  }
  subsections.push({ key: 'excluded', title: 'Not included', content: [...body('The fees in this proposal do not cover:'), ...bulletList(a.exclusions)] })
  return {
    content: body('The plan, the dates and the fees rest on the following. If one of them turns out not to hold, we agree what changes before going on.'),
    subsections
  }
}

function governanceSection(m: ProposalModel, theme: DocumentTheme): FileChild[] {
  const g = m.governance
  const out: FileChild[] = g.paragraphs.flatMap((p) => body(p))
  if (g.cadence.length) {
    out.push(
      table(theme, {
        columns: [
          { header: 'What', width: 4.6 },
          { header: 'When', width: 2.2 },
          { header: 'Who', width: 2.6 }
        ],
        rows: g.cadence.map((c) => [{ text: c.what, run: { bold: true, color: theme.colours.ink } }, c.when, c.who]),
        zebra: true,
        keepTogether: true
      })
    )
  }
  return out
}

function risksSection(m: ProposalModel, theme: DocumentTheme): FileChild[] {
  return [
    ...body('What could move the plan, and what we do about each.'),
    table(theme, {
      columns: [
        { header: 'Risk', width: 4.2 },
        { header: 'What we do about it', width: 5.2 }
      ],
      rows: m.risks.map((r) => [{ text: r.risk, run: { bold: true, color: theme.colours.ink } }, r.response]),
      zebra: true
    })
  ]
}

function deliverablesSection(m: ProposalModel, theme: DocumentTheme): FileChild[] {
  const c = theme.colours
  const out: FileChild[] = [...body('What each piece of work leaves behind, and what has to be true for it to count as done.')]
  for (const d of m.plan.deliverables) {
    out.push(
      safeParagraph(`${d.title}${d.optional ? ' (optional)' : ''}`, { run: { bold: true, color: c.ink }, spacing: { before: 160, after: 20 }, keepNext: true }),
      safeParagraph(`${d.weeks} · ${d.by}`, { style: STYLE.caption, keepNext: true }),
      ...(d.delivers.length ? [label('Delivers'), ...bulletList(d.delivers)] : []),
      ...(d.accepted.length ? [label('Accepted when'), ...bulletList(d.accepted)] : [])
    )
  }
  return out
}

function termsSection(m: ProposalModel, theme: DocumentTheme): FileChild[] {
  if (m.terms.custom !== null) return body(m.terms.custom)
  return m.terms.clauses.map(
    (clause, i) =>
      new Paragraph({
        spacing: { after: 110 },
        keepLines: true,
        children: [...textRuns(`${i + 1}.  ${clause.title}. `, { bold: true, color: theme.colours.ink }), ...textRuns(clause.text)]
      })
  )
}

function acceptanceSection(m: ProposalModel, theme: DocumentTheme): FileChild[] {
  const acc = m.acceptance
  return [
    ...lead(acc.statement),
    spacer(18),
    signatureBlock(
      theme,
      acc.parties.map((p) => ({
        heading: `For ${p.organisation}`,
        fields: [{ label: 'Signature' }, { label: 'Name', value: p.name }, { label: 'Title', value: p.title }, { label: 'Date' }]
      }))
    )
  ]
}

// ---------------------------------------------------------------------------------------
// The document

/** Builds the proposal. */
export function buildProposal(m: ProposalModel, options: BuildOptions = {}): Document {
  const theme = createTheme(m.branding, m.logo)
  const on = m.sections
  const sections: OutlineSection[] = []
  if (on.summary) sections.push({ key: 'summary', title: 'Executive summary', content: summarySection(m, theme) })
  if (on.currentState) sections.push({ key: 'current_state', title: 'Current state', newPage: true, ...currentStateSection(m, theme) })
  if (on.plan) sections.push({ key: 'plan', title: 'The plan', newPage: true, ...planSection(m, theme) })
  if (on.hiring) sections.push({ key: 'hiring', title: 'Hiring plan', newPage: true, ...hiringSection(m, theme) })
  if (on.investment) sections.push({ key: 'investment', title: 'Investment', newPage: true, ...investmentSection(m, theme) })
  if (on.governance) sections.push({ key: 'governance', title: 'How we work together', newPage: true, content: governanceSection(m, theme) })
  if (on.risks && m.risks.length) sections.push({ key: 'risks', title: 'Risks and how we manage them', content: risksSection(m, theme) })
  if (on.assumptions) sections.push({ key: 'assumptions', title: 'Assumptions and exclusions', newPage: true, ...assumptionsSection(m, theme) })
  if (on.about && m.about.length) sections.push({ key: 'about', title: `About ${m.meta.consultancyName}`, content: m.about.flatMap((p) => body(p)) })
  if (on.terms) sections.push({ key: 'terms', title: 'Terms', newPage: true, content: termsSection(m, theme) })
  // The acceptance gets a page of its own, so the statement and both signatures stay together.
  if (on.acceptance) sections.push({ key: 'acceptance', title: 'Acceptance', newPage: true, content: acceptanceSection(m, theme) })
  if (on.interviewKits && m.interviewKits.length) {
    sections.push({
      key: 'interview_kits',
      title: 'Appendix: interview kits',
      newPage: true,
      content: body(
        'One kit per role in the hiring plan: the questions grouped by the scorecard criterion they probe, what to listen for, and the scorecard with its weights.'
      ),
      subsections: m.interviewKits.map((r, i) => ({ key: `kit_${r.role}`, title: r.title, newPage: i > 0, content: interviewKitBlocks(theme, r.kit) }))
    })
  }
  if (sections[0] && (on.cover || on.contents)) sections[0].newPage = true

  const { contents, body: main, pageNumbers } = renderOutline(theme, sections, { contents: on.contents, newPage: on.cover, title: 'Contents' })
  const cover = on.cover
    ? coverPage(theme, {
        kicker: PROPOSAL_KICKER,
        title: m.meta.engagementTitle,
        subtitle: `For ${m.meta.clientName}`,
        details: [
          ['Prepared for', m.meta.industry ? `${m.meta.clientName} (${m.meta.industry})` : m.meta.clientName],
          ['Prepared by', `${m.meta.consultant}, ${m.meta.consultancyName}`],
          ['Date', m.meta.date],
          ['Version', m.meta.version],
          ['Valid until', m.meta.validUntil]
        ]
      })
    : []
  // A document with every part switched off still needs one paragraph to be valid.
  const closing: FileChild[] = cover.length + contents.length + main.length === 0 ? [new Paragraph({ children: [] })] : []

  return new Document(
    documentOptions({
      theme,
      title: `${PROPOSAL_KICKER}: ${m.meta.engagementTitle} for ${m.meta.clientName}`,
      subject: m.meta.engagementTitle,
      keywords: 'AI team, MLOps, hiring plan, proposal',
      pageNumbers: options.pageNumbers === false ? undefined : (options.pageNumbers ?? pageNumbers),
      cover,
      body: [...contents, ...main, ...closing]
    })
  )
}
