/**
 * The document catalogue: every Word document a consultant can export, its title and
 * description for the Export screen, what it needs, and its sections in order. The
 * templates' section lists, the IPC contract's template names and the Export screen all
 * derive from here (tests/unit/documents/catalogue.test.ts checks they agree).
 */
export interface DocumentSection {
  id: string
  label: string
}

/** The documents, in the order the Export screen lists them. */
export const DOCUMENT_NAMES = ['proposal', 'assessment', 'hiring', 'progress'] as const
export type DocumentName = (typeof DOCUMENT_NAMES)[number]

export interface DocumentInfo {
  name: DocumentName
  title: string
  description: string
  /** Needs a plan (proposal, hiring pack) or only an assessment. */
  needs: 'assessment' | 'plan'
  /** The sections a consultant can leave out (the cover is always there). */
  sections: readonly DocumentSection[]
}

export const DOCUMENT_CATALOGUE = {
  proposal: {
    title: 'Proposal',
    description: 'What the client reads and signs: the recommendation, the phased plan with its costs, the hiring plan, the investment and the terms.',
    needs: 'plan',
    sections: [
      { id: 'contents', label: 'Contents' },
      { id: 'summary', label: 'Executive summary' },
      { id: 'currentState', label: 'Current state' },
      { id: 'plan', label: 'The phased plan' },
      { id: 'hiring', label: 'Hiring plan and job descriptions' },
      { id: 'investment', label: 'Investment' },
      { id: 'governance', label: 'How we work together' },
      { id: 'risks', label: 'Risks' },
      { id: 'assumptions', label: 'Assumptions and exclusions' },
      { id: 'about', label: 'About your consultancy' },
      { id: 'terms', label: 'Terms' },
      { id: 'acceptance', label: 'Acceptance and signatures' },
      { id: 'interviewKits', label: 'Appendix: interview kits' }
    ]
  },
  assessment: {
    title: 'Workshop report',
    description: 'The readiness assessment as the client saw it: scores, radar, recommendation, findings and every answer with its shared notes.',
    needs: 'assessment',
    sections: [
      { id: 'contents', label: 'Contents' },
      { id: 'about', label: 'About this assessment' },
      { id: 'recommendation', label: 'Recommendation' },
      { id: 'readiness', label: 'Readiness chart' },
      { id: 'scores', label: 'Scores' },
      { id: 'sequence', label: 'Hiring sequence' },
      { id: 'findings', label: 'Findings' },
      { id: 'assumptions', label: 'Assumptions to verify' },
      { id: 'warnings', label: 'Answers that do not fit' },
      { id: 'tasks', label: 'Fractional work' },
      { id: 'scales', label: 'Maturity scales' },
      { id: 'answers', label: 'Answers and notes' },
      { id: 'nextSteps', label: 'Next steps' }
    ]
  },
  hiring: {
    title: 'Hiring pack',
    description: 'For the client’s recruiters and interviewers: the job descriptions and interview kits with scorecards, in hiring order.',
    needs: 'plan',
    sections: [
      { id: 'contents', label: 'Contents' },
      { id: 'overview', label: 'Hiring overview' },
      { id: 'jobDescriptions', label: 'Job descriptions' },
      { id: 'interviewKits', label: 'Interview kits' }
    ]
  },
  progress: {
    title: 'Progress report',
    description:
      'A status report for the client: health with its reason, phases and tasks against the signed plan, readiness now against before, work completed and time logged.',
    needs: 'plan',
    sections: [
      { id: 'contents', label: 'Contents' },
      { id: 'summary', label: 'Summary' },
      { id: 'phases', label: 'Phases and tasks' },
      { id: 'readiness', label: 'Readiness, now and before' },
      { id: 'closed', label: 'Work completed' },
      { id: 'time', label: 'Time logged' }
    ]
  }
} as const satisfies Record<DocumentName, Omit<DocumentInfo, 'name'>>

/** A section of the named document, the cover included. */
export type DocumentSectionId<N extends DocumentName> = 'cover' | (typeof DOCUMENT_CATALOGUE)[N]['sections'][number]['id']

/** The named document's section ids in order, the cover first: what its template builds. */
export function sectionIdsOf<N extends DocumentName>(name: N): readonly DocumentSectionId<N>[] {
  const sections: readonly { id: string }[] = DOCUMENT_CATALOGUE[name].sections
  return ['cover', ...sections.map((s) => s.id)] as DocumentSectionId<N>[]
}

/** The documents as the Export screen lists them. */
export const DOCUMENTS: readonly DocumentInfo[] = DOCUMENT_NAMES.map((name) => ({ name, ...DOCUMENT_CATALOGUE[name] }))

/** Today's date where the consultant is, as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * Whether a document would set the plan's work in the past: it presents the plan's dates
 * (proposal, hiring pack) and the engagement starts before the day it is exported, so the
 * proposal dated today would promise weeks that are already over.
 */
export function startsInThePast(doc: Pick<DocumentInfo, 'name'>, startDate: string | null, today: string): boolean {
  if (doc.name !== 'proposal' && doc.name !== 'hiring') return false
  return startDate !== null && startDate < today
}
