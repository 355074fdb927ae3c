/**
 * The engagement's objective and success metric: kept with the engagement, carried by intake
 * and .stagecraft files both ways (older files without it still import), and printed in
 * the proposal and the workshop report.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildExport } from '../../app/export.service'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import type { Engagement } from '../../shared/schemas/engagement.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'
import { fixedDeps } from '../helpers/deps'
import { pythonDocx } from '../helpers/readers'

type TB = Awaited<ReturnType<typeof testBackend>>
const OBJECTIVE = 'Answer 30% of support tickets without a person, with customer satisfaction unchanged, by the end of Q3.'

const backends: TB[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})

async function backend(dialogs: { nextOpen: string | null; nextSave: string | null }): Promise<TB> {
  const b = await testBackend({ dialogs: { chooseFileToOpen: async () => dialogs.nextOpen, chooseFileToSave: async () => dialogs.nextSave } })
  backends.push(b)
  return b
}

describe('the engagement objective', () => {
  it('is kept, edited, and travels in intake and .stagecraft files', async () => {
    const dialogs = { nextOpen: null as string | null, nextSave: null as string | null }
    const b = await backend(dialogs)
    const sample = await valueOf<{ engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
    const before = await valueOf<Engagement>(callAs(b, 'engagements:get', { id: sample.engagementId }))
    expect(before.objective).toBeNull()
    const values = { title: before.title }
    const updated = await valueOf<Engagement>(callAs(b, 'engagements:update', { id: sample.engagementId, patch: { ...values, objective: OBJECTIVE } }))
    expect(updated.objective).toBe(OBJECTIVE)
    // Too long is refused with a message, and nothing changes.
    const refused = await callAs(b, 'engagements:update', { id: sample.engagementId, patch: { objective: 'x'.repeat(2001) } })
    expect(refused.ok).toBe(false)
    expect((await valueOf<Engagement>(callAs(b, 'engagements:get', { id: sample.engagementId }))).objective).toBe(OBJECTIVE)

    // Out in an intake file, and back in to another database.
    dialogs.nextSave = join(b.dir, 'intake.json')
    await valueOf(callAs(b, 'intake:export', { assessmentId: sample.assessmentId }))
    const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(dialogs.nextSave, 'utf8')))
    expect(intake.engagement.objective).toBe(OBJECTIVE)

    // Out in a .stagecraft file; an older file with no objective still imports.
    dialogs.nextSave = join(b.dir, 'engagement.stagecraft')
    await valueOf(callAs(b, 'portable:export', { engagementId: sample.engagementId }))
    const file = JSON.parse(readFileSync(dialogs.nextSave, 'utf8')) as { data: { engagement: Record<string, unknown> } }
    expect(file.data.engagement.objective).toBe(OBJECTIVE)
    delete file.data.engagement.objective
    const older = join(b.dir, 'older.stagecraft')
    writeFileSync(older, JSON.stringify(file))

    const other = await backend(dialogs)
    dialogs.nextOpen = older
    const inspected = await valueOf<{ token: string }>(callAs(other, 'portable:inspect', {}))
    const imported = await valueOf<{ engagementId: string }>(callAs(other, 'portable:import', { token: inspected.token, mode: 'keep-both' }))
    expect((await valueOf<Engagement>(callAs(other, 'engagements:get', { id: imported.engagementId }))).objective).toBeNull()
  })

  it('is printed in the proposal and the workshop report', async () => {
    const dialogs = { nextOpen: null as string | null, nextSave: null as string | null }
    const b = await backend(dialogs)
    const sample = await valueOf<{ engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
    const e = await valueOf<Engagement>(callAs(b, 'engagements:get', { id: sample.engagementId }))
    const values = { title: e.title }
    await valueOf(callAs(b, 'engagements:update', { id: sample.engagementId, patch: { ...values, objective: OBJECTIVE } }))
    await valueOf(callAs(b, 'plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId }))
    for (const template of ['proposal', 'assessment'] as const) {
      const built = await buildExport(b.database.db, fixedDeps(), { engagementId: sample.engagementId, template, sections: {} })
      const path = join(b.dir, `${template}.docx`)
      writeFileSync(path, built.bytes)
      expect(pythonDocx(path).text.replace(/’/g, "'")).toContain(OBJECTIVE)
    }
  })
})
