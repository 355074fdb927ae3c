import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unzip } from '../helpers/readers'
import { callAs, testBackend, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

async function documentText(bytes: Uint8Array): Promise<string> {
  const parts = await unzip(Buffer.from(bytes))
  const xml = [...parts.entries()].filter(([name]) => name.startsWith('word/') && name.endsWith('.xml')).map(([, data]) => data.toString('utf8'))
  return xml.join('\n')
}

describe('exports and their snapshots', () => {
  let b: TB
  const dialogs = { nextOpen: null as string | null, nextSave: null as string | null }
  let engagementId: string
  beforeEach(async () => {
    b = await testBackend({ dialogs: { chooseFileToOpen: async () => dialogs.nextOpen, chooseFileToSave: async () => dialogs.nextSave } })
    const sample = await valueOf<{ engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
    engagementId = sample.engagementId
    await valueOf(
      callAs(b, 'assessments:set-note', {
        assessmentId: sample.assessmentId,
        questionId: 'gpu_workloads',
        kind: 'note',
        text: 'Fine-tuning runs happen on a single rented GPU box'
      })
    )
  })
  afterEach(async () => {
    await b.dispose()
  })

  it('writes the workshop report, records what was sent, and never includes private notes', async () => {
    dialogs.nextSave = join(b.dir, 'report.docx')
    const r = await valueOf<{ status: string; snapshot: { id: string; sha256: string; fileName: string } }>(
      callAs(b, 'exports:create', { engagementId, template: 'assessment', sections: {} })
    )
    expect(r.status).toBe('exported')
    const written = readFileSync(dialogs.nextSave)
    expect(r.snapshot.sha256).toBe(sha(written))
    const text = await documentText(written)
    expect(text).toContain('Harbour Freight')
    expect(text).not.toContain('Aiko started in March') // the private note in the sample
    expect(text).toContain('Fine-tuning runs happen on a single rented GPU box') // a shared note

    // Later edits never change a past snapshot: a saved copy is byte-for-byte what was sent.
    await valueOf(callAs(b, 'engagements:update', { id: engagementId, patch: { title: 'Renamed later' } }))
    dialogs.nextSave = join(b.dir, 'copy.docx')
    expect(await valueOf(callAs(b, 'exports:save-copy', { snapshotId: r.snapshot.id }))).toMatchObject({ status: 'saved' })
    expect(sha(readFileSync(dialogs.nextSave))).toBe(r.snapshot.sha256)
    const list = await valueOf<{ id: string; template: string }[]>(callAs(b, 'exports:list', { engagementId }))
    expect(list).toEqual([expect.objectContaining({ id: r.snapshot.id, template: 'assessment' })])
  })

  it('exports the very document the preview showed, and builds afresh once anything changes', async () => {
    const request = { engagementId, template: 'assessment', sections: {} }
    const preview = await valueOf<{ dataBase64: string }>(callAs(b, 'exports:preview', request))
    const previewed = Buffer.from(preview.dataBase64, 'base64')
    dialogs.nextSave = join(b.dir, 'same.docx')
    const r = await valueOf<{ snapshot: { sha256: string } }>(callAs(b, 'exports:create', request))
    // Two builds never give the same bytes (the embedded font keys are random): equal means reused.
    expect(r.snapshot.sha256).toBe(sha(previewed))
    expect(sha(readFileSync(dialogs.nextSave))).toBe(sha(previewed))

    // Another section choice, or changed data, is another document.
    const fewer = await valueOf<{ dataBase64: string }>(callAs(b, 'exports:preview', { ...request, sections: { scales: false } }))
    expect(sha(Buffer.from(fewer.dataBase64, 'base64'))).not.toBe(sha(previewed))
    const client = await valueOf<{ clientId: string }>(callAs(b, 'engagements:get', { id: engagementId }))
    await valueOf(callAs(b, 'clients:update', { id: client.clientId, patch: { name: 'Harbour Freight Group' } }))
    dialogs.nextSave = join(b.dir, 'renamed.docx')
    const after = await valueOf<{ snapshot: { sha256: string } }>(callAs(b, 'exports:create', request))
    expect(after.snapshot.sha256).not.toBe(sha(previewed))
    expect(await documentText(readFileSync(dialogs.nextSave))).toContain('Harbour Freight Group')
  })

  it('leaves sections out when switched off', async () => {
    const preview = await valueOf<{ dataBase64: string }>(
      callAs(b, 'exports:preview', { engagementId, template: 'assessment', sections: { answers: false, scales: false } })
    )
    const text = await documentText(Buffer.from(preview.dataBase64, 'base64'))
    expect(text).toContain('Harbour Freight')
    expect(text).not.toContain('Fine-tuning runs happen on a single rented GPU box')
  })

  it('uses the branding and refuses a broken logo with a clear message, keeping the old settings', async () => {
    const settings = await valueOf<Record<string, unknown>>(callAs(b, 'branding:get', {}))
    const good = { ...settings, consultancyName: 'Northwind Advisory', logo: { mime: 'image/png', dataBase64: PNG_1PX } }
    await valueOf(callAs(b, 'branding:update', good))
    const bad = await callAs(b, 'branding:update', { ...good, logo: { mime: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await valueOf<{ consultancyName: string; logo: unknown }>(callAs(b, 'branding:get', {}))).consultancyName).toBe('Northwind Advisory')
    const preview = await valueOf<{ dataBase64: string }>(callAs(b, 'exports:preview', { engagementId, template: 'assessment', sections: {} }))
    expect(await documentText(Buffer.from(preview.dataBase64, 'base64'))).toContain('Northwind Advisory')
  })

  it("exports the proposal and the hiring pack from the stored plan, with the consultant's edits", async () => {
    const missing = await callAs(b, 'exports:preview', { engagementId, template: 'proposal', sections: {} })
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Make the plan first: the proposal presents it.' } })
    const list = await valueOf<{ id: string; status: string }[]>(callAs(b, 'assessments:list', { engagementId }))
    const plan = await valueOf<{ id: string }>(callAs(b, 'plans:create', { engagementId, assessmentId: list[0]!.id }))
    await valueOf(
      callAs(b, 'plans:save-edits', {
        planId: plan.id,
        edits: {
          overrides: {},
          removed: [],
          custom: [{ id: 'custom_security_review', title: 'Security review of the LLM gateway', phase: 'foundations', effortDays: 2, owner: 'consultant' }]
        }
      })
    )
    dialogs.nextSave = join(b.dir, 'proposal.docx')
    const r = await valueOf<{ status: string }>(callAs(b, 'exports:create', { engagementId, template: 'proposal', sections: { interviewKits: false } }))
    expect(r.status).toBe('exported')
    const text = await documentText(readFileSync(dialogs.nextSave))
    expect(text).toContain('Security review of the LLM gateway')
    expect(text).toContain('Harbour Freight')
    expect(text).not.toContain('Aiko started in March')
    const hiring = await valueOf<{ dataBase64: string }>(callAs(b, 'exports:preview', { engagementId, template: 'hiring', sections: {} }))
    expect(await documentText(Buffer.from(hiring.dataBase64, 'base64'))).toContain('Harbour Freight')
  })

  it('exports the progress report from the tracked engagement', async () => {
    const list = await valueOf<{ id: string }[]>(callAs(b, 'assessments:list', { engagementId }))
    await valueOf(callAs(b, 'plans:create', { engagementId, assessmentId: list[0]!.id }))
    await valueOf(callAs(b, 'tracking:mark-signed', { engagementId }))
    await valueOf(
      callAs(b, 'tracking:update-item', { engagementId, itemId: 'terraform', patch: { status: 'blocked', blockedReason: 'Waiting for cloud account access' } })
    )
    const preview = await valueOf<{ dataBase64: string; fileName: string }>(callAs(b, 'exports:preview', { engagementId, template: 'progress', sections: {} }))
    expect(preview.fileName).toMatch(/^Progress report/)
    const text = await documentText(Buffer.from(preview.dataBase64, 'base64'))
    expect(text).toContain('Harbour Freight')
    expect(text).toContain('Waiting for cloud account access')
    expect(text).not.toContain('Aiko started in March')
  })

  it('treats a cancelled save dialog as a cancel and records nothing', async () => {
    dialogs.nextSave = null
    expect(await valueOf(callAs(b, 'exports:create', { engagementId, template: 'assessment', sections: {} }))).toEqual({ status: 'cancelled' })
    expect(await valueOf(callAs(b, 'exports:list', { engagementId }))).toEqual([])
  })
})
