/**
 * Job descriptions, interview kits and the hiring-order table, laid out the same way in the
 * proposal and in the hiring pack.
 */
import { Paragraph, type FileChild } from 'docx'
import type { HiringStepView, InterviewKit, JobDescription } from './hiring.model'
import { body, bulletList, heading, keyValues, label, lead, table, type CellContent } from './primitives'
import { STYLE, type DocumentTheme } from './styles'
import { safeParagraph, safeParagraphs, textRuns } from './text'

/** The hiring order: who, why, and when recruiting opens, the person starts and owns work. */
export function hiringOrderTable(theme: DocumentTheme, steps: readonly HiringStepView[]): FileChild[] {
  if (steps.length === 0) return body('No hires are planned.')
  const muted = { color: theme.colours.muted, size: 17 }
  const rows: CellContent[][] = steps.map((s) => [
    { text: String(s.position), run: { bold: true, color: theme.colours.accentText } },
    {
      paragraphs: [
        safeParagraph(s.title, { style: STYLE.tableText, run: { bold: true, color: theme.colours.ink } }),
        safeParagraph(s.why, { style: STYLE.tableText, run: muted })
      ]
    },
    {
      paragraphs: [
        safeParagraph(`Week ${s.recruitingWeek}`, { style: STYLE.tableText }),
        safeParagraph(s.recruitingOpens.replace(/^week \d+ \((.*)\)$/, '$1'), { style: STYLE.tableText, run: muted })
      ]
    },
    {
      paragraphs: [
        safeParagraph(`Week ${s.startWeek}`, { style: STYLE.tableText, run: { bold: true } }),
        safeParagraph(s.starts.replace(/^week \d+ \((.*)\)$/, '$1'), { style: STYLE.tableText, run: muted })
      ]
    },
    {
      paragraphs: [
        safeParagraph(`Week ${s.readyWeek}`, { style: STYLE.tableText }),
        safeParagraph(`${s.onboardingWeeks} ${s.onboardingWeeks === 1 ? 'week' : 'weeks'} onboarding`, { style: STYLE.tableText, run: muted })
      ]
    }
  ])
  return [
    table(theme, {
      columns: [
        { header: '#', width: 0.45, align: 'center' },
        { header: 'Role and why', width: 4.6 },
        { header: 'Recruiting opens', width: 1.5 },
        { header: 'First day', width: 1.4 },
        { header: 'Owns work from', width: 1.5 }
      ],
      rows,
      zebra: true
    })
  ]
}

export interface JobDescriptionOptions {
  /** Level of the sub-headings inside the description (default: labels, no headings). */
  subheadings?: 3 | null
}

/** A job description: the role in one line, what it does here, must-haves, nice-to-haves and what is deliberately not asked for. */
export function jobDescriptionBlocks(theme: DocumentTheme, job: JobDescription, options: JobDescriptionOptions = {}): FileChild[] {
  const sub = (text: string): Paragraph => (options.subheadings ? heading(text, options.subheadings) : label(text))
  const out: FileChild[] = [...lead(job.oneLine)]
  out.push(
    keyValues(
      theme,
      [
        ['Time to hire', job.timeToHire],
        ['Onboarding', job.onboarding]
      ],
      0.24
    )
  )
  out.push(sub('The role here'), ...body(job.context))
  out.push(sub('What the role does'), ...body(job.situation))
  if (job.mustHaves.length) out.push(sub('Must-haves'), ...bulletList(job.mustHaves))
  if (job.niceToHaves.length) out.push(sub('Nice to have'), ...bulletList(job.niceToHaves))
  if (job.deliberatelyAbsent.length) {
    out.push(sub('Deliberately not asked for'), ...bulletList(job.deliberatelyAbsent))
  }
  return out
}

/**
 * An interview kit: the questions, grouped by the scorecard criterion each probes (with the
 * criterion's weight, the kit's only weighting), what to listen for, the exercise when the
 * scorecard names one, and the scorecard interviewers fill in.
 */
export function interviewKitBlocks(theme: DocumentTheme, kit: InterviewKit, options: { headingLevel?: 3 } = {}): FileChild[] {
  const c = theme.colours
  const level = options.headingLevel ?? 3
  const out: FileChild[] = []
  const core = kit.questionCount - kit.addOn.length
  out.push(
    ...body(
      `${core} questions, each probing one criterion of the scorecard below` +
        (kit.addOn.length ? `, plus ${kit.addOn.length} on working with foundation models. ` : '. ') +
        'Spread the criteria over two or three interviewers; each scores the candidate on the scorecard before the debrief.'
    )
  )
  if (kit.exercise) out.push(label('The exercise'), ...body(kit.exercise))
  let n = 0
  const question = (q: InterviewKit['addOn'][number]): FileChild[] => {
    n += 1
    return [
      new Paragraph({
        keepNext: true,
        keepLines: true,
        spacing: { before: 140, after: 40 },
        children: [
          ...textRuns(`Q${n}  `, { bold: true, color: c.accentText }),
          ...textRuns(q.text, { color: c.ink }),
          ...(q.level ? textRuns(`  ${q.level}`, { color: c.muted, size: 16 }) : [])
        ]
      }),
      ...safeParagraphs(`Listen for: ${q.lookFor}`, { style: STYLE.note })
    ]
  }
  for (const s of kit.scorecard) {
    out.push(heading(`${s.criterion} (${s.weight})`, level))
    for (const q of s.questions) out.push(...question(q))
  }
  if (kit.addOn.length) {
    out.push(heading('Working with foundation models', level))
    out.push(...safeParagraphs('Asked on top of the loop; score what you hear under the criterion it touches.', { style: STYLE.caption, keepNext: true }))
    for (const q of kit.addOn) out.push(...question(q))
  }
  // The scorecard starts a page of its own, so interviewers can print it as one sheet.
  out.push(heading(`Scorecard: ${kit.title}`, level, { pageBreakBefore: true }))
  out.push(...safeParagraphs('Score each criterion from 1 (no evidence) to 4 (strong evidence) and note what you heard.', { keepNext: true }))
  out.push(
    table(theme, {
      columns: [
        { header: 'Criterion and what strong looks like', width: 5 },
        { header: 'Weight', width: 1, align: 'center' },
        { header: 'Score 1–4', width: 1.15, align: 'center' },
        { header: 'Evidence', width: 2.6 }
      ],
      rows: kit.scorecard.map((s) => [
        {
          paragraphs: [
            safeParagraph(s.criterion, { style: STYLE.tableText, run: { bold: true, color: c.ink } }),
            safeParagraph(s.strong, { style: STYLE.tableText, run: { color: c.muted, size: 17 } })
          ]
        },
        s.weight,
        '',
        ''
      ]),
      keepTogether: true
    })
  )
  out.push(
    safeParagraph('Overall (circle one):   Strong hire   ·   Hire   ·   No hire   ·   Strong no hire', {
      spacing: { before: 200, after: 60 },
      run: { bold: true, color: c.ink },
      keepNext: true
    }),
    safeParagraph('Interviewer: ______________________________     Date: ________________', { spacing: { before: 160, after: 120 }, run: { color: c.muted } })
  )
  return out
}
