import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answersForContext, answersForMaturity } from '../../shared/domain/assessment/question-bank'
import { DEFAULT_LIBRARY } from '../../shared/content/library.content'
import type { Library } from '../../shared/schemas/library.schema'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import type { StoredPlan } from '../../shared/schemas/plan.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'intake', 'api-startup.json'), 'utf8')))

describe('the content library', () => {
  let b: TB
  const dialogs = { nextOpen: null as string | null, nextSave: null as string | null }
  beforeEach(async () => {
    b = await testBackend({ dialogs: { chooseFileToOpen: async () => dialogs.nextOpen, chooseFileToSave: async () => dialogs.nextSave } })
  })
  afterEach(async () => {
    await b.dispose()
  })

  async function planFor(): Promise<StoredPlan> {
    const client = await valueOf<{ id: string }>(callAs(b, 'clients:create', { name: `C ${Math.random()}` }))
    const engagement = await valueOf<{ id: string }>(
      callAs(b, 'engagements:create', { clientId: client.id, title: 'AI', consultant: 'D', currency: 'EUR', dayRate: 1000, startDate: '2026-01-05' })
    )
    const a = await valueOf<{ id: string }>(callAs(b, 'assessments:create', { engagementId: engagement.id }))
    for (const [questionId, value] of Object.entries({ ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) })) {
      await valueOf(callAs(b, 'assessments:set-answer', { assessmentId: a.id, questionId, value }))
    }
    return valueOf<StoredPlan>(callAs(b, 'plans:create', { engagementId: engagement.id, assessmentId: a.id }))
  }

  it('is seeded with the built-in content on first run', async () => {
    const lib = await valueOf<Library>(callAs(b, 'library:get', {}))
    expect(lib.tasks.map((t) => t.id)).toEqual(DEFAULT_LIBRARY.tasks.map((t) => t.id))
    expect(lib.roles).toHaveLength(DEFAULT_LIBRARY.roles.length)
    expect(lib.questions).toHaveLength(DEFAULT_LIBRARY.questions.length)
  })

  it('edits an item for new plans without changing a plan already made', async () => {
    const before = await planFor()
    const lib = await valueOf<Library>(callAs(b, 'library:get', {}))
    const terraform = lib.tasks.find((t) => t.id === 'terraform')!
    await valueOf(callAs(b, 'library:save-task', { item: { ...terraform, effort: { ...terraform.effort, default: 12, max: 20 } } }))
    const after = await valueOf<StoredPlan>(callAs(b, 'plans:get', { engagementId: before.engagementId }))
    expect(after.library.tasks.terraform?.effort.default).toBe(8)
    const fresh = await planFor()
    expect(fresh.library.tasks.terraform?.effort.default).toBe(12)
  })

  it('adds a custom item and retires an item (retired ones stay listed but are not used)', async () => {
    await valueOf(
      callAs(b, 'library:save-question', {
        item: {
          id: 'my_question',
          group: 'culture',
          text: 'Tell me about a post-mortem you ran.',
          lookFor: 'Blameless framing.',
          seniority: 'core',
          custom: true,
          retired: false
        }
      })
    )
    const lib = await valueOf<Library>(callAs(b, 'library:get', {}))
    expect(lib.questions.at(-1)?.id).toBe('my_question')
    const role = lib.roles.find((r) => r.id === 'ml_scientist')!
    await valueOf(callAs(b, 'library:save-role', { item: { ...role, retired: true } }))
    const again = await valueOf<Library>(callAs(b, 'library:get', {}))
    expect(again.roles.find((r) => r.id === 'ml_scientist')?.retired).toBe(true)
  })

  it('refuses an invalid item with a message naming the field', async () => {
    const lib = await valueOf<Library>(callAs(b, 'library:get', {}))
    const bad = { ...lib.tasks[0]!, effort: { unit: 'days', default: 30, min: 1, max: 10 } }
    const r = await callAs(b, 'library:save-task', { item: bad })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((r as { error: { message: string } }).error.message).toMatch(/effort/)
  })

  it('exports the library as one JSON file and imports it into another database', async () => {
    dialogs.nextSave = join(b.dir, 'library.json')
    const lib = await valueOf<Library>(callAs(b, 'library:get', {}))
    const terraform = lib.tasks.find((t) => t.id === 'terraform')!
    await valueOf(callAs(b, 'library:save-task', { item: { ...terraform, title: 'Terraform, our way' } }))
    expect(await valueOf(callAs(b, 'library:export', {}))).toMatchObject({ status: 'exported', fileName: 'library.json' })

    const other = await testBackend({ dialogs: { chooseFileToOpen: async () => dialogs.nextSave, chooseFileToSave: async () => null } })
    try {
      expect(await valueOf(callAs(other, 'library:import', {}))).toMatchObject({ status: 'imported' })
      const imported = await valueOf<Library>(callAs(other, 'library:get', {}))
      expect(imported.tasks.find((t) => t.id === 'terraform')?.title).toBe('Terraform, our way')
      expect(imported.tasks).toHaveLength(lib.tasks.length)
    } finally {
      await other.dispose()
    }
  })

  it('refuses a library file that is not valid and changes nothing', async () => {
    dialogs.nextOpen = join(b.dir, 'bad.json')
    writeFileSync(dialogs.nextOpen, JSON.stringify({ format: 'stagecraft-library', version: 1, tasks: [{ id: 'x' }], roles: [], questions: [] }))
    const r = await callAs(b, 'library:import', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const lib = await valueOf<Library>(callAs(b, 'library:get', {}))
    expect(lib.tasks.some((t) => t.id === 'x')).toBe(false)
  })
})
