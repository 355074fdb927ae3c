/**
 * The progress report opened by the readers a client's document meets: every XML part
 * through xmllint, LibreOffice to PDF (pages, text), and python-docx. One realistic
 * engagement (two phases, every status, a blocked task, a slip against the signed
 * baseline, time entries over three months) and one full of hostile text.
 */
import { readFileSync } from 'node:fs'
import { estimatePageNumbers } from 'docx/layout'
import { describe, expect, it } from 'vitest'
import { answersForContext, answersForMaturity } from '../../shared/domain/assessment/question-bank'
import { TrackingViewSchema, type TrackedItem, type TrackingView } from '../../shared/schemas/tracking.schema'
import { buildProgressReport, buildProgressReportModel, packDocument, renderTemplate, TEMPLATES, type ProgressReportInput } from '../../templates/index'
import { documentDefects } from '../helpers/document-lint.helper'
import { countPhrase, openDocx, visibleText, writtenPageNumbers, type DocxReport } from '../helpers/readers'
import { TEST_BRANDING } from '../helpers/proposal-input.helper'

const PRIVATE_MARKER = 'do-not-share'
const ENGAGEMENT_ID = '3f0c6a52-8f7e-4a35-9a8e-0d2b8d7c1a11'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function item(o: Partial<TrackedItem> & Pick<TrackedItem, 'itemId' | 'title' | 'phase' | 'status'>): TrackedItem {
  return {
    kind: 'task',
    owner: 'Consultant',
    blockedReason: null,
    blockedSince: null,
    plannedStart: null,
    plannedEnd: null,
    baselineStart: null,
    baselineEnd: null,
    actualStart: null,
    actualEnd: null,
    effortDays: 3,
    baselineEffortDays: 3,
    cost: 3600,
    baselineCost: 3600,
    loggedDays: 0,
    notes: null,
    inPlan: true,
    overdueDays: 0,
    slipDays: 0,
    updatedAt: '2025-03-20T09:00:00.000Z',
    ...o
  }
}

interface Titles {
  audit: string
  objectives: string
  terraform: string
  billing: string
  monitoring: string
  recruit: string
  blockedReason: string
}

const NORMAL_TITLES: Titles = {
  audit: 'Objectives & data audit',
  objectives: 'Agree business objectives',
  terraform: 'Terraform the training cluster',
  billing: 'Billing alerts and budgets',
  monitoring: 'Model monitoring dashboards',
  recruit: 'Recruit the MLOps engineer',
  blockedReason: 'Waiting for the client’s security team to grant access to the production AWS account.'
}

/** A realistic tracking view on 24 March 2025: two phases, items in every status, a slip, time logged over three months. */
function trackingView(t: Titles): TrackingView {
  const discovery = [
    item({
      itemId: 'objectives_audit',
      title: t.audit,
      phase: 'discovery',
      status: 'done',
      plannedStart: '2025-01-06',
      plannedEnd: '2025-01-17',
      baselineStart: '2025-01-06',
      baselineEnd: '2025-01-17',
      actualStart: '2025-01-06',
      actualEnd: '2025-01-16',
      loggedDays: 5,
      effortDays: 5,
      baselineEffortDays: 5,
      cost: 6000,
      baselineCost: 6000
    }),
    item({
      itemId: 'objectives',
      title: t.objectives,
      phase: 'discovery',
      status: 'done',
      plannedStart: '2025-01-20',
      plannedEnd: '2025-02-07',
      baselineStart: '2025-01-20',
      baselineEnd: '2025-02-07',
      actualStart: '2025-01-22',
      actualEnd: '2025-02-20',
      loggedDays: 3.5
    })
  ]
  const foundations = [
    item({
      itemId: 'terraform',
      title: t.terraform,
      phase: 'foundations',
      status: 'blocked',
      blockedReason: t.blockedReason,
      blockedSince: '2025-03-12',
      plannedStart: '2025-03-03',
      plannedEnd: '2025-03-21',
      baselineStart: '2025-02-24',
      baselineEnd: '2025-03-14',
      actualStart: '2025-03-03',
      loggedDays: 2.5,
      effortDays: 6,
      baselineEffortDays: 5,
      cost: 7200,
      baselineCost: 6000,
      overdueDays: 3,
      slipDays: 7
    }),
    item({
      itemId: 'billing_alerts',
      title: t.billing,
      phase: 'foundations',
      status: 'in_progress',
      owner: 'Sam Ortiz',
      plannedStart: '2025-03-17',
      plannedEnd: '2025-03-28',
      baselineStart: '2025-03-17',
      baselineEnd: '2025-03-28',
      actualStart: '2025-03-18',
      loggedDays: 1
    }),
    item({
      itemId: 'monitoring',
      title: t.monitoring,
      phase: 'foundations',
      status: 'planned',
      plannedStart: '2025-03-31',
      plannedEnd: '2025-04-11',
      baselineStart: '2025-03-24',
      baselineEnd: '2025-04-04',
      slipDays: 7
    }),
    item({
      itemId: 'recruit_mlops',
      title: t.recruit,
      kind: 'hire',
      phase: 'foundations',
      status: 'planned',
      owner: null,
      plannedStart: '2025-04-14',
      plannedEnd: '2025-06-20',
      baselineStart: null,
      baselineEnd: null,
      baselineEffortDays: null,
      baselineCost: null,
      slipDays: null,
      effortDays: 2,
      cost: 2400
    })
  ]
  const entries = [
    ['2025-01-06', 1],
    ['2025-01-07', 1],
    ['2025-01-08', 1],
    ['2025-01-09', 1],
    ['2025-01-16', 1],
    ['2025-02-03', 1],
    ['2025-02-10', 1],
    ['2025-02-20', 0.5],
    ['2025-02-21', 1],
    ['2025-03-03', 1],
    ['2025-03-04', 1],
    ['2025-03-05', 0.5],
    ['2025-03-18', 1],
    ['2025-03-19', 0.25]
  ] as const
  const view: TrackingView = {
    engagementId: ENGAGEMENT_ID,
    status: 'active',
    signedAt: '2025-01-03T12:00:00.000Z',
    today: '2025-03-24',
    tracked: true,
    plan: { startDate: '2025-01-06', weeks: 24, endDate: '2025-06-20', effortDays: 22.5, cost: 27000, currency: 'EUR' },
    baseline: {
      startDate: '2025-01-06',
      weeks: 23,
      endDate: '2025-06-13',
      effortDays: 19,
      cost: 22800,
      currency: 'EUR',
      signedAt: '2025-01-03T12:00:00.000Z',
      exportSnapshotId: null
    },
    phases: [
      {
        id: 'discovery',
        name: 'Discovery',
        estimateDays: 8,
        baselineDays: 8,
        loggedDays: 8.5,
        doneDays: 8,
        progressPercent: 100,
        plannedStart: '2025-01-06',
        plannedEnd: '2025-02-07',
        baselineStart: '2025-01-06',
        baselineEnd: '2025-02-07',
        items: discovery,
        gates: [
          { id: uuid(1), phaseId: 'discovery', criterion: 'Objectives signed off by the CTO', doneAt: '2025-02-20T16:00:00.000Z', position: 0 },
          { id: uuid(2), phaseId: 'discovery', criterion: 'Data audit report delivered', doneAt: '2025-01-17T10:00:00.000Z', position: 1 }
        ],
        gatesDone: 2
      },
      {
        id: 'foundations',
        name: 'Foundations',
        estimateDays: 14,
        baselineDays: 11,
        loggedDays: 3.5,
        doneDays: 0,
        progressPercent: 0,
        plannedStart: '2025-03-03',
        plannedEnd: '2025-06-20',
        baselineStart: '2025-02-24',
        baselineEnd: '2025-04-04',
        items: foundations,
        gates: [
          { id: uuid(3), phaseId: 'foundations', criterion: 'Training cluster reproducible from code', doneAt: null, position: 0 },
          { id: uuid(4), phaseId: 'foundations', criterion: 'Cloud spend alerts in place', doneAt: null, position: 1 }
        ],
        gatesDone: 0
      }
    ],
    totals: {
      estimateDays: 22,
      baselineDays: 19,
      loggedDays: 12.25,
      doneDays: 8,
      progressPercent: 36,
      unassignedLoggedDays: 0.25,
      plannedCost: 27000,
      baselineCost: 22800,
      overdueItems: 1,
      blockedItems: 1,
      dueSoonItems: 2
    },
    rag: {
      level: 'red',
      word: 'At risk',
      icon: '●',
      reasons: [`${t.terraform} has been blocked for 12 days`, 'Remaining work ends 7 days after the signed baseline'],
      reason: `${t.terraform} has been blocked for 12 days`
    },
    timeEntries: entries.map(([date, days], i) => ({ id: uuid(100 + i), itemId: null, date, days, note: null, createdAt: `${date}T18:00:00.000Z` })).reverse(),
    timeEntryCount: entries.length
  }
  return TrackingViewSchema.parse(view)
}

const stored = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, note: 'Shareable note.', privateNote: `PRIVATE-${id}-do-not-share` }]))

const CONTEXT = (JSON.parse(readFileSync('tests/fixtures/intake/mlops-pain.json', 'utf8')) as { context: Parameters<typeof answersForContext>[0] }).context

function inputWith(t: Titles, overrides: Partial<ProgressReportInput> = {}): ProgressReportInput {
  const now = { deploy: 2, monitor: 1, experiment: 2, logging: 1, data: 3, cicd: 2, infra: 2, tracking: 2 }
  const before = { ...now, deploy: 0, monitor: 0, cicd: 1 }
  return {
    client: { name: 'Parcelwise', industry: 'Logistics' },
    engagement: { title: 'Stabilise the ML platform', consultant: 'Dana Meyer', currency: 'EUR', dayRate: 1200 },
    tracking: trackingView(t),
    assessment: {
      title: 'March check-in',
      completedAt: '2025-03-20T15:00:00Z',
      answers: stored({ ...answersForMaturity(now), ...answersForContext(CONTEXT) }) as never
    },
    previous: {
      title: 'January baseline',
      completedAt: '2025-02-01T10:00:00Z',
      answers: stored({ ...answersForMaturity(before), ...answersForContext(CONTEXT) }) as never
    },
    branding: TEST_BRANDING,
    generatedAt: '2025-03-24T10:00:00Z',
    ...overrides
  }
}

async function docxOf(input: ProgressReportInput): Promise<Buffer> {
  return packDocument(buildProgressReport(buildProgressReportModel(input)))
}

function expectReadable(report: DocxReport, clientName: string, titles: readonly string[]): void {
  expect(report.xmlErrors).toBe('')
  expect(report.pages).toBeGreaterThanOrEqual(3)
  expect(countPhrase(report.pdfText, clientName)).toBeGreaterThanOrEqual(1)
  for (const title of titles) expect(countPhrase(report.pdfText, title), title).toBeGreaterThanOrEqual(1)

  const h1 = report.python.headings.filter((h) => h.style === 'Heading 1').map((h) => h.text)
  expect(h1).toEqual(['Summary', 'Phases', 'Readiness', 'Work completed', 'Time logged'])
  for (const title of h1) expect(countPhrase(report.pdfText, title), title).toBeGreaterThanOrEqual(2)
  expect(report.python.headings.filter((h) => h.style === 'Heading 2').map((h) => h.text)).toEqual(['Discovery', 'Foundations'])
  expect(report.python.tables).toBeGreaterThanOrEqual(5)
  expect(report.python.inlineImages).toBeGreaterThanOrEqual(1)

  const xml = report.parts.get('word/document.xml')!
  const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1])
  const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]))
  expect(anchors.length).toBeGreaterThanOrEqual(5)
  for (const a of anchors) expect(bookmarks.has(a), `bookmark ${a}`).toBe(true)
  for (const [part, x] of report.parts) expect(x.includes(PRIVATE_MARKER), part).toBe(false)
  expect(report.pdfText).not.toContain(PRIVATE_MARKER)
  expect(report.pdfText).not.toContain('Shareable note.')
}

describe('the progress report', () => {
  it('works out the summary, slips, closed work and months from the tracking view', () => {
    const m = buildProgressReportModel(inputWith(NORMAL_TITLES))
    expect(JSON.stringify(m)).not.toContain(PRIVATE_MARKER)
    expect(m.summary.ragWord).toBe('Red: At risk')
    expect(m.summary.progress).toBe('36%')
    expect(m.summary.days).toBe('12.25 days logged of 22 days estimated')
    expect(m.summary.cost).toBe('€27,000 planned against €22,800 signed')
    expect(m.summary.costNote).toContain('Over the signed baseline by €4,200')
    expect(m.summary.blocked.map((b) => b.title)).toEqual([NORMAL_TITLES.terraform])
    expect(m.summary.blocked[0]!.detail).toContain('security team')
    expect(m.summary.late.map((l) => l.title)).toEqual([NORMAL_TITLES.terraform, NORMAL_TITLES.monitoring])
    expect(m.summary.nextTwoWeeks.map((l) => l.title)).toEqual([NORMAL_TITLES.billing, NORMAL_TITLES.monitoring])
    // Only work finished on or after the earlier assessment (1 February 2025).
    expect(m.closed.items.map((c) => c.title)).toEqual([NORMAL_TITLES.objectives])
    expect(m.time.months.map((x) => [x.month, x.days])).toEqual([
      ['January 2025', '5'],
      ['February 2025', '3.5'],
      ['March 2025', '3.75']
    ])
    expect(m.readiness!.rows.find((r) => r.id === 'deploy')).toMatchObject({ level: 2, previous: 0, change: 2 })
    expect(m.phases[1]!.tasks.map((t) => t.statusText)).toEqual(['Blocked since 12 March 2025', 'In progress', 'Planned', 'Planned'])
    // Sections can be switched off; readiness goes without an assessment.
    const lean = buildProgressReportModel(inputWith(NORMAL_TITLES, { assessment: null, sections: { time: false } }))
    expect(lean.sections.readiness).toBe(false)
    expect(lean.sections.time).toBe(false)
    expect(TEMPLATES.progress.fileName(m)).toBe('Progress report - Parcelwise - Stabilise the ML platform.docx')
  })

  it('a realistic engagement reads everywhere: statuses in words, every task, contents and radar', async () => {
    const input = inputWith(NORMAL_TITLES)
    const rendered = await renderTemplate('progress', input)
    const report = openDocx('progress-normal', rendered.bytes, { pngPages: 4 })
    expectReadable(
      report,
      'Parcelwise',
      Object.values(NORMAL_TITLES).filter((t) => t !== NORMAL_TITLES.blockedReason)
    )
    expect(countPhrase(report.pdfText, NORMAL_TITLES.blockedReason)).toBeGreaterThanOrEqual(1)
    for (const word of ['Red: At risk', 'Blocked since 12 March 2025', 'In progress', 'Planned', 'Done', 'January baseline', 'March 2025'])
      expect(countPhrase(report.pdfText, word), word).toBeGreaterThanOrEqual(1)
    expect(report.pdfText).toMatch(/€\s?27,000/)
    // Nothing a client must not read (the titles and notes are the consultant's own words).
    expect(documentDefects(report.python.text, { allowed: [...Object.values(NORMAL_TITLES), 'Parcelwise'] })).toEqual([])
  }, 120_000)

  it('writes the contents page numbers the full page layout gives', async () => {
    const model = buildProgressReportModel(inputWith(NORMAL_TITLES))
    const fast = writtenPageNumbers(await packDocument(buildProgressReport(model)))
    const full = writtenPageNumbers(await packDocument(buildProgressReport(model, { pageNumbers: estimatePageNumbers })))
    expect(fast.references.size).toBeGreaterThan(2)
    for (const page of full.references.values()) expect(page).toMatch(/^\d+$/)
    expect(fast.references).toEqual(full.references)
  })

  it('hostile text: control characters, RTL, emoji and a 10,000-character blocked reason', async () => {
    const longReason = 'The vendor has not answered the procurement questionnaire yet. '.repeat(200).slice(0, 10_000)
    const hostile: Titles = {
      audit: 'Audit\u0000 with \u000Bcontrols\u0007 and \uFFFE',
      objectives: 'שלום עולם — יעדים עסקיים',
      terraform: 'Terraform 🚀👩‍💻 the cluster',
      billing: 'مرحبا بالعالم، تنبيهات الفوترة',
      monitoring: 'Monitoring <dashboards> & "alerts"',
      recruit: 'Recruit\tthe\nMLOps engineer \uD800 lone',
      blockedReason: longReason
    }
    const clientName = 'CON<>:"/\\|?*. Ünïcödé & <Partners>'
    const input = inputWith(hostile, { client: { name: clientName, industry: '\u0000' }, locale: 'he-IL' })
    const model = buildProgressReportModel(input)
    expect(JSON.stringify(model)).not.toContain(PRIVATE_MARKER)
    const report = openDocx('progress-hostile', await docxOf(input), { pngPages: 3 })
    // The PDF's text layer keeps emoji only in part (font fallback), so the PDF is read for the words around them.
    expectReadable(report, 'Ünïcödé & <Partners>', [
      'Audit with',
      'controls',
      'Terraform',
      'the cluster',
      'Monitoring <dashboards> & "alerts"',
      'MLOps engineer'
    ])
    expect(report.python.text).toContain('Terraform 🚀👩‍💻 the cluster')

    const bodyText = visibleText(report.parts.get('word/document.xml')!).join('\n')
    expect(bodyText).toContain(longReason.trim())
    for (const rtl of [hostile.objectives, hostile.billing]) expect(report.python.text).toContain(rtl)
    expect(report.parts.get('word/document.xml')).toContain('<w:bidi/>')
    // eslint-disable-next-line no-control-regex -- the point is that none of these reach the document
    expect(bodyText).not.toMatch(/[\u0000\u0007\u000B\uFFFE]/)
  }, 180_000)
})
