/**
 * Importing an intake file that matches records already here, through the app's channel with
 * a real SQLite file: nothing changes until the consultant has seen how, field by field, and
 * chosen; a signed engagement's terms are flagged.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callAs, testBackend, valueOf } from '../helpers/backend'

const ROOT = resolve(import.meta.dirname, '../..')
const FIXTURE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/intake/api-startup.json'), 'utf8'))

type TB = Awaited<ReturnType<typeof testBackend>>
let b: TB
let nextOpen: string | null = null
beforeEach(async () => {
  b = await testBackend({ dialogs: { chooseFileToOpen: async () => nextOpen, chooseFileToSave: async () => null } })
})
afterEach(async () => {
  await b.dispose()
})

/** Writes an intake file (the fixture, edited) and makes it the next file chosen. */
function chooseFile(name: string, edit: (doc: any) => void = () => {}): void {
  const doc = structuredClone(FIXTURE)
  edit(doc)
  nextOpen = join(b.dir, name)
  writeFileSync(nextOpen, JSON.stringify(doc))
}
const engagementRow = () =>
  b.database.sqlite.prepare(`SELECT consultant, currency, day_rate AS dayRate, start_date AS startDate FROM engagement`).get() as Record<string, unknown>
const count = (table: string) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const importChosen = (payload: unknown = {}) => callAs(b, 'intake:import', payload)

describe('importing an intake file over records already here', () => {
  it('imports at once when nothing here would change, and asks when something would, writing nothing until then', async () => {
    chooseFile('first.json')
    expect(await valueOf(importChosen())).toMatchObject({ status: 'imported', clientCreated: true, engagementCreated: true })
    // The same file again changes nothing already here: it only adds its assessment.
    chooseFile('again.json')
    expect(await valueOf(importChosen())).toMatchObject({ status: 'imported', clientCreated: false, engagementCreated: false })
    expect(count('assessment')).toBe(2)

    chooseFile('changed.json', (doc) => {
      doc.engagement.consultant = 'Sam Okafor'
      doc.engagement.day_rate = 1450
      doc.client.industry = 'Freight software'
    })
    const asked = await valueOf<any>(importChosen())
    expect(asked).toMatchObject({ status: 'confirm', clientName: 'Parcelwise', engagementTitle: 'First AI feature', engagementExists: true, signed: false })
    expect(asked.changes).toEqual([
      { record: 'client', field: 'industry', label: 'Industry', from: 'Logistics software', to: 'Freight software', commercial: false },
      { record: 'engagement', field: 'consultant', label: 'Consultant', from: 'Dana Meyer', to: 'Sam Okafor', commercial: false },
      { record: 'engagement', field: 'dayRate', label: 'Day rate', from: '1200', to: '1450', commercial: true }
    ])
    // Nothing written yet.
    expect(engagementRow()).toMatchObject({ consultant: 'Dana Meyer', dayRate: 1200 })
    expect(count('assessment')).toBe(2)

    // Keep: the records stay as they were, and the assessment is added.
    expect(await valueOf(importChosen({ token: asked.token, mode: 'keep' }))).toMatchObject({ status: 'imported' })
    expect(engagementRow()).toMatchObject({ consultant: 'Dana Meyer', dayRate: 1200 })
    expect(count('assessment')).toBe(3)
    // The token is used up.
    expect(await importChosen({ token: asked.token, mode: 'update' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    // Update: the file's values are taken.
    const again = await valueOf<any>(importChosen())
    expect(again.status).toBe('confirm')
    expect(await importChosen({ token: again.token })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await valueOf(importChosen({ token: again.token, mode: 'update' }))
    expect(engagementRow()).toMatchObject({ consultant: 'Sam Okafor', dayRate: 1450 })
  })

  it('flags a signed engagement’s terms, and keeps them unless the consultant chooses otherwise', async () => {
    chooseFile('first.json')
    await valueOf(importChosen())
    b.database.sqlite.prepare(`UPDATE engagement SET signed_at = '2025-03-01T10:00:00.000Z', status = 'active'`).run()
    chooseFile('new-terms.json', (doc) => {
      doc.engagement.currency = 'GBP'
      doc.engagement.day_rate = 990
    })
    const asked = await valueOf<any>(importChosen())
    expect(asked).toMatchObject({ status: 'confirm', signed: true })
    expect(asked.changes.filter((c: any) => c.commercial).map((c: any) => c.field)).toEqual(['currency', 'dayRate'])
    await valueOf(importChosen({ token: asked.token, mode: 'keep' }))
    expect(engagementRow()).toMatchObject({ currency: 'EUR', dayRate: 1200 })
  })

  it('a token that was never given out is refused', async () => {
    expect(await importChosen({ token: '00000000-0000-4000-8000-000000000001', mode: 'update' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(count('client')).toBe(0)
  })
})
