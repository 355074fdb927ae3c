import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { backendCaller, expect, test } from './support/fixtures'

test('an engagement leaves as an encrypted .stagecraft file and comes back in beside the original', async ({ app }) => {
  const { page, shot } = app
  const sender = { url: page.url(), isMainFrame: true }
  const sample = (await app.backend.dispatch('samples:create', {}, sender)) as { value: { engagementId: string } }
  await page.goto(page.url().replace(/#.*$/, `#/engagements/${sample.value.engagementId}`))
  await page.getByRole('button', { name: 'More actions', exact: true }).click()
  await page.getByRole('menuitem', { name: /stagecraft file/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Export this engagement as a file' })
  await dialog.getByLabel('Passphrase', { exact: true }).fill('correct horse battery')
  await dialog.getByLabel('Passphrase again').fill('correct horse battery')
  await shot('01-export')
  app.dialogs.nextSave = join(app.dir, 'harbour.stagecraft')
  await dialog.getByRole('button', { name: 'Save file…' }).click()
  await expect(page.getByText(/Saved harbour\.stagecraft/)).toBeVisible()

  await page.getByRole('link', { name: 'Clients' }).first().click()
  app.dialogs.nextOpen = app.dialogs.nextSave
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.getByRole('menuitem', { name: /Engagement file/ }).click()
  const importer = page.getByRole('dialog', { name: 'Import an engagement file' })
  await importer.getByLabel('Passphrase').fill('not the passphrase')
  await importer.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByText('The file stays locked')).toBeVisible()
  await importer.getByLabel('Passphrase').fill('correct horse battery')
  await importer.getByRole('button', { name: 'Unlock' }).click()
  await expect(importer.getByText('This engagement is already here')).toBeVisible()
  await shot('02-import')
  await importer.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('heading', { name: /\(imported\)/, level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(2)
})

test('an intake file that would change a signed engagement shows what changes and keeps the agreed terms unless told otherwise', async ({ app }) => {
  const { page, shot } = app
  const intake = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/intake/api-startup.json'), 'utf8'))
  app.dialogs.nextOpen = join(app.dir, 'parcelwise.json')
  writeFileSync(app.dialogs.nextOpen, JSON.stringify(intake))
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.getByRole('menuitem', { name: 'Intake file (.json)' }).click()
  await expect(page.getByText('Imported a new client from the intake file')).toBeVisible()
  // The client signs meanwhile.
  const call = backendCaller(app)
  const id = (await call('engagements:list', {})).items[0].id as string
  const db = new Sqlite(app.databasePath)
  db.prepare(`UPDATE engagement SET signed_at = '2025-03-01T10:00:00.000Z', status = 'active'`).run()
  db.close()

  intake.engagement.day_rate = 1500
  intake.engagement.consultant = 'Sam Okafor'
  writeFileSync(app.dialogs.nextOpen, JSON.stringify(intake))
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.getByRole('menuitem', { name: 'Intake file (.json)' }).click()
  const dialog = page.getByRole('dialog', { name: 'This intake file changes what is here' })
  await expect(dialog).toBeVisible()
  const changes = dialog.getByRole('table', { name: 'Changes from the file' })
  await expect(changes).toContainText('Day rate')
  await expect(changes).toContainText('1200')
  await expect(changes).toContainText('1500')
  await expect(dialog).toContainText('This engagement is signed')
  await expect(dialog.getByRole('button', { name: 'Update, including the signed terms' })).toBeVisible()
  await shot('intake-confirm')
  await dialog.getByRole('button', { name: 'Keep what is here' }).click()
  await expect(page.getByText(/kept as they were/)).toBeVisible()
  const after = await call('engagements:get', { id })
  expect(after).toMatchObject({ dayRate: 1200, consultant: 'Dana Meyer' })
})
