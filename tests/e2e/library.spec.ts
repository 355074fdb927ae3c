import { expect, test } from './support/fixtures'

test('the consultant edits a task and adds a question in the library; an impossible effort range is refused', async ({ app }) => {
  const { page, shot } = app
  await page.getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('table', { name: 'Task templates' })).toContainText('Cloud infrastructure as code with Terraform')
  await shot('01-library')
  await page.getByRole('button', { name: 'Edit Cloud infrastructure as code with Terraform' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Default days').fill('11')
  await dialog.getByLabel('Most').fill('16')
  await shot('02-edit-task')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('row', { name: /Terraform/ })).toContainText('11 days')

  // An invalid range is refused with a clear message and nothing changes.
  await page.getByRole('button', { name: 'Edit Cloud infrastructure as code with Terraform' }).click()
  await page.getByRole('dialog').getByLabel('Most').fill('3')
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/effort must satisfy min/)).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await page.reload()
  await expect(page.getByRole('row', { name: /Terraform/ })).toContainText('11 days')

  await page.getByRole('tab', { name: /Interview questions/ }).click()
  await page.getByRole('button', { name: 'New question' }).click()
  await page.getByRole('dialog').getByLabel('Question').fill('Walk me through the last model you took from notebook to production.')
  await page.getByRole('dialog').getByLabel('What a good answer covers').fill('Packaging, serving, monitoring, and what broke.')
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('table', { name: 'Interview questions' })).toContainText('notebook to production')
})
