import { truncateSync } from 'node:fs'
import { expect, test } from './support/fixtures'

test('back up, restore, and undo the restore from the Backups screen', async ({ app }) => {
  const { page, shot } = app
  const addClient = async (name: string) => {
    await page.getByRole('link', { name: 'Clients' }).first().click()
    await page.getByRole('button', { name: 'New client' }).first().click()
    await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill(name)
    await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  }
  await addClient('Kept Before Backup')
  await page.getByRole('link', { name: 'Backups' }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('table', { name: 'Backups' })).toContainText('1 client ·')
  await addClient('Added After Backup')

  await page.getByRole('link', { name: 'Backups' }).click()
  const manual = page.getByRole('row', { name: /Backed up by you/ })
  await manual.getByRole('button', { name: 'Restore…' }).click()
  await shot('01-confirm-restore')
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByText('Backup restored')).toBeVisible()
  await shot('02-restored')
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(1)

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Restore undone')).toBeVisible()
  await page.getByRole('link', { name: 'Engagements' }).click()
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(2)
})

test('a damaged database opens on the recovery screen and the newest backup brings the data back', async ({ app }) => {
  const { page, shot } = app
  await page.getByRole('button', { name: 'New client' }).first().click()
  await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Survives The Damage')
  await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: 'Survives The Damage', level: 1 })).toBeVisible()

  // Quit (which takes a backup), then the file is cut to nothing before the next start.
  await app.restart(() => truncateSync(app.databasePath, 0))
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Your Stagecraft database file is empty.' })).toBeVisible()
  await expect(page.getByText('The newest backup passed every check')).toBeVisible()
  await shot('recovery-screen')
  await page.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  // The window was on the client's page before the restart; it comes back there, with the data.
  await expect(page.getByRole('heading', { name: 'Survives The Damage', level: 1 })).toBeVisible()
})
