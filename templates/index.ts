/**
 * The Word templates by name, and packing a document into the bytes of a .docx file.
 * Builders are pure (model in, Document out); packing is the only step that does work
 * beyond building objects, and writing the bytes somewhere is the caller's business.
 */
import { Packer, type Document } from 'docx'
import { buildAssessmentReport } from './assessment.docx'
import { buildAssessmentReportModel, type AssessmentReportInput, type AssessmentReportModel } from './assessment-report.model'
import { buildHiringPack } from './hiring.docx'
import { buildHiringPackModel, type HiringPackInput, type HiringPackModel } from './hiring.model'
import { buildProgressReport } from './progress.docx'
import { buildProgressReportModel, type ProgressReportInput, type ProgressReportModel } from './progress.model'
import { buildProposal, prepareProposal } from './proposal.docx'
import { buildProposalModel, type ProposalInput, type ProposalModel } from './proposal.model'

export interface TemplateDefinition<Input, Model> {
  name: string
  /** What the user picks from. */
  title: string
  description: string
  /** Works out everything the document shows (may throw for invalid input, e.g. a broken logo). */
  buildModel: (input: Input) => Model
  /** The document itself. */
  build: (model: Model) => Document
  /** Work that can be done ahead of `build`, in parallel (drawing charts); optional. */
  prepare?: (model: Model) => Promise<void>
  /** A file name to suggest (without folder), from the model. */
  fileName: (model: Model) => string
}

import { safeFileName } from '../shared/file-names'
import { DOCUMENT_CATALOGUE, type DocumentName } from '../shared/domain/documents'
export { MAX_FILE_NAME_BYTES, safeFileName } from '../shared/file-names'

export const assessmentTemplate: TemplateDefinition<AssessmentReportInput, AssessmentReportModel> = {
  name: 'assessment',
  title: DOCUMENT_CATALOGUE.assessment.title,
  description: DOCUMENT_CATALOGUE.assessment.description,
  buildModel: buildAssessmentReportModel,
  build: buildAssessmentReport,
  fileName: (m) => safeFileName(`AI readiness assessment - ${m.meta.clientName}`)
}

export const proposalTemplate: TemplateDefinition<ProposalInput, ProposalModel> = {
  name: 'proposal',
  title: DOCUMENT_CATALOGUE.proposal.title,
  description: DOCUMENT_CATALOGUE.proposal.description,
  buildModel: buildProposalModel,
  build: (m) => buildProposal(m),
  prepare: prepareProposal,
  fileName: (m) => safeFileName(`Proposal - ${m.meta.clientName} - ${m.meta.engagementTitle}`)
}

export const hiringTemplate: TemplateDefinition<HiringPackInput, HiringPackModel> = {
  name: 'hiring',
  title: DOCUMENT_CATALOGUE.hiring.title,
  description: DOCUMENT_CATALOGUE.hiring.description,
  buildModel: buildHiringPackModel,
  build: (m) => buildHiringPack(m),
  fileName: (m) => safeFileName(`Hiring pack - ${m.meta.clientName}`)
}

export const progressTemplate: TemplateDefinition<ProgressReportInput, ProgressReportModel> = {
  name: 'progress',
  title: DOCUMENT_CATALOGUE.progress.title,
  description: DOCUMENT_CATALOGUE.progress.description,
  buildModel: buildProgressReportModel,
  build: (m) => buildProgressReport(m),
  fileName: (m) => safeFileName(`Progress report - ${m.meta.clientName} - ${m.meta.engagementTitle}`)
}

/** Every template by name. */
export const TEMPLATES = {
  proposal: proposalTemplate,
  assessment: assessmentTemplate,
  hiring: hiringTemplate,
  progress: progressTemplate
} as const satisfies Record<DocumentName, TemplateDefinition<any, any>>

export type TemplateName = keyof typeof TEMPLATES
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[]

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name)
}

/** Packs a document into the bytes of a .docx file. */
export async function packDocument(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc)
}

export type TemplateInput<N extends TemplateName> = Parameters<(typeof TEMPLATES)[N]['buildModel']>[0]

/**
 * Model, document and bytes in one call, with the file name to suggest: what the CLI's
 * export and the app's save dialog need. Throws what the template's buildModel throws
 * (ZodError for invalid branding, BrandingLogoError for a broken logo).
 */
export async function renderTemplate<N extends TemplateName>(name: N, input: TemplateInput<N>): Promise<{ fileName: string; bytes: Buffer }> {
  const template = TEMPLATES[name] as unknown as TemplateDefinition<TemplateInput<N>, unknown>
  const model = template.buildModel(input)
  await template.prepare?.(model)
  return { fileName: template.fileName(model), bytes: await packDocument(template.build(model)) }
}

/** A document to render: its template's name with that template's input, so each is type-checked. */
export type DocumentJob = { [N in TemplateName]: { name: N; input: TemplateInput<N> } }[TemplateName]

/** `renderTemplate` for a job whose template is known only at run time. */
export function renderJob(job: DocumentJob): Promise<{ fileName: string; bytes: Buffer }> {
  switch (job.name) {
    case 'proposal':
      return renderTemplate('proposal', job.input)
    case 'assessment':
      return renderTemplate('assessment', job.input)
    case 'hiring':
      return renderTemplate('hiring', job.input)
    case 'progress':
      return renderTemplate('progress', job.input)
  }
}

export { buildAssessmentReport } from './assessment.docx'
export {
  buildAssessmentReportModel,
  ASSESSMENT_REPORT_SECTIONS,
  type AssessmentReportInput,
  type AssessmentReportModel,
  type AssessmentReportSectionId
} from './assessment-report.model'
export { buildProposal } from './proposal.docx'
export { buildProposalModel, PROPOSAL_SECTIONS, type ProposalInput, type ProposalModel, type ProposalSectionId } from './proposal.model'
export { buildHiringPack } from './hiring.docx'
export { buildHiringPackModel, HIRING_PACK_SECTIONS, type HiringPackInput, type HiringPackModel, type HiringPackSectionId } from './hiring.model'
export { buildProgressReport } from './progress.docx'
export {
  buildProgressReportModel,
  PROGRESS_REPORT_SECTIONS,
  type ProgressReportInput,
  type ProgressReportModel,
  type ProgressReportSectionId
} from './progress.model'
export type { DocumentAssessmentInput, EngagementDocumentInput } from './engagement-basis'
export { BrandingLogoError, BrandingSchema, DEFAULT_BRANDING, parseBranding, prepareLogo, type Branding, type Logo } from './branding'
