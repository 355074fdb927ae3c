/** The Word documents a consultant can export, described for the Export screen. */
export interface DocumentSection {
  id: string
  label: string
}

export interface DocumentInfo {
  name: 'assessment' | 'proposal' | 'hiring'
  title: string
  description: string
  /** Needs a plan (proposal, hiring pack) or only an assessment. */
  needs: 'assessment' | 'plan'
  sections: readonly DocumentSection[]
}

export const DOCUMENTS: readonly DocumentInfo[] = [
  {
    name: 'assessment',
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
  }
]
