import { join } from 'node:path'
import { expect, test } from './support/fixtures'

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
