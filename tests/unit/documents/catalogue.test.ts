import { describe, expect, it } from 'vitest'
import { DOCUMENT_CATALOGUE, DOCUMENT_NAMES, DOCUMENTS, sectionIdsOf } from '../../../shared/domain/documents'
import { contract } from '../../../shared/ipc/contract'
import {
  ASSESSMENT_REPORT_SECTIONS,
  HIRING_PACK_SECTIONS,
  PROGRESS_REPORT_SECTIONS,
  PROPOSAL_SECTIONS,
  TEMPLATE_NAMES,
  TEMPLATES
} from '../../../templates/index'

describe('the document catalogue is the one list of documents and sections', () => {
  it('names the same documents as the templates and the IPC contract', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual([...DOCUMENT_NAMES].sort())
    expect(DOCUMENTS.map((d) => d.name)).toEqual([...DOCUMENT_NAMES])
    const templateInput = contract['exports:preview'].input
    for (const name of DOCUMENT_NAMES) {
      expect(templateInput.safeParse({ engagementId: '00000000-0000-4000-8000-000000000000', template: name, sections: {} }).success, name).toBe(true)
    }
    expect(templateInput.safeParse({ engagementId: '00000000-0000-4000-8000-000000000000', template: 'invoice', sections: {} }).success).toBe(false)
  })

  it('gives every template its sections in the catalogue order, the cover first', () => {
    const templates = { proposal: PROPOSAL_SECTIONS, assessment: ASSESSMENT_REPORT_SECTIONS, hiring: HIRING_PACK_SECTIONS, progress: PROGRESS_REPORT_SECTIONS }
    for (const name of DOCUMENT_NAMES) {
      expect(templates[name]).toEqual(['cover', ...DOCUMENT_CATALOGUE[name].sections.map((s) => s.id)])
      expect(sectionIdsOf(name)).toEqual(templates[name])
      expect(TEMPLATES[name].title).toBe(DOCUMENT_CATALOGUE[name].title)
      expect(TEMPLATES[name].description).toBe(DOCUMENT_CATALOGUE[name].description)
    }
  })

  it('has unique section ids and a label for every section', () => {
    for (const doc of DOCUMENTS) {
      const ids = doc.sections.map((s) => s.id)
      expect(new Set(ids).size, doc.name).toBe(ids.length)
      expect(ids).not.toContain('cover')
      for (const s of doc.sections) expect(s.label.trim().length, `${doc.name}.${s.id}`).toBeGreaterThan(2)
    }
  })
})
