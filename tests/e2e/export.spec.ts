import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { backendCaller, expect, test } from './support/fixtures'

test('export the workshop report with a preview, then find it recorded exactly as sent', async ({ app }) => {
  const { page, shot } = app
  const sender = { url: page.url(), isMainFrame: true }
  const sample = (await app.backend.dispatch('samples:create', {}, sender)) as { value: { engagementId: string } }

  // Branding first: the document carries the consultancy's name.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Consultancy name').fill('Northwind Advisory')
  await page.getByRole('button', { name: 'Save branding' }).click()
  await expect(page.getByText('Branding saved')).toBeVisible()
  await shot('01-branding')

  await page.goto(page.url().replace(/#.*$/, `#/engagements/${sample.value.engagementId}/export`))
  await expect(page.getByRole('heading', { name: 'Export a Word document' })).toBeVisible()
  // The proposal needs a plan; this engagement has none yet, and the screen says so.
  await expect(page.getByRole('link', { name: 'Make the plan' })).toBeVisible()
  await page.getByRole('radio', { name: 'Workshop report' }).check()
  const preview = page.getByLabel('Preview of the first pages')
  await expect(preview).toContainText('Harbour Freight', { timeout: 20_000 })
  await expect(preview).toContainText('Northwind Advisory')
  // Readers number the pages as they lay them out; the preview does not, so its footers
  // leave out the words around the numbers rather than show "Page  of ".
  const footers = preview.locator('footer')
  await expect.poll(() => footers.count()).toBeGreaterThan(1)
  await expect.poll(async () => (await footers.allTextContents()).join('|')).not.toMatch(/Page\s*of/)
  await page.getByRole('checkbox', { name: 'Answers and notes' }).uncheck()
  await expect(preview).toContainText('Harbour Freight', { timeout: 20_000 })
  await shot('02-export-preview')

  app.dialogs.nextSave = join(app.dir, 'Harbour report.docx')
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByText(/Saved .*Harbour report\.docx/).first()).toBeVisible()
  expect(existsSync(app.dialogs.nextSave)).toBe(true)
  const hash = createHash('sha256').update(readFileSync(app.dialogs.nextSave)).digest('hex')
  const table = page.getByRole('table', { name: 'Past exports' })
  await expect(table).toContainText('Harbour report.docx')
  await expect(table).toContainText(hash.slice(0, 12))
  await expect(page.getByRole('button', { name: 'Open file' })).toBeVisible()
  await shot('03-exported')
})

test('a proposal for an engagement that started in the past is flagged before it is sent', async ({ app }) => {
  const { page, shot } = app
  const call = backendCaller(app)
  const sample = await call('samples:create', {})
  await call('plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId })
  await call('engagements:update', { id: sample.engagementId, patch: { startDate: '2024-03-04' } })

  await page.goto(page.url().replace(/#.*$/, `#/engagements/${sample.engagementId}/export`))
  const alert = page.getByRole('alert').filter({ hasText: 'The plan starts in the past' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('would set weeks of work that are already over')
  await shot('04-start-in-the-past')
  // The workshop report states no plan dates: nothing to warn about.
  await page.getByRole('radio', { name: 'Workshop report' }).check()
  await expect(alert).toHaveCount(0)
  // Moved to a date to come, the proposal is fine to send.
  await page.getByRole('radio', { name: 'Proposal' }).check()
  await call('engagements:update', { id: sample.engagementId, patch: { startDate: '2099-01-05' } })
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Export a Word document' })).toBeVisible()
  await expect(page.getByText('The plan starts in the past')).toHaveCount(0)
})

test('on a projector in large type, the preview shows whole pages, scaled to its frame, and says when it is busy', async ({ app }) => {
  const { page } = app
  const call = backendCaller(app)
  const sample = await call('samples:create', {})
  await call('preferences:update', { theme: 'dark', presentationScale: 'large' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(page.url().replace(/#.*$/, `#/engagements/${sample.engagementId}/export`))
  await page.reload()
  await page.getByRole('radio', { name: 'Workshop report' }).check()
  const preview = page.getByLabel('Preview of the first pages')
  await expect(preview).toContainText('Harbour Freight', { timeout: 30_000 })
  await expect(page.getByTestId('preview-status')).toHaveCount(0)
  await expect(preview).toHaveAttribute('aria-busy', 'false')
  // A whole page across the frame: nothing to scroll sideways to.
  const fit = await preview.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    page: el.querySelector('section.sc-docx')!.getBoundingClientRect().width
  }))
  expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1)
  expect(fit.page).toBeLessThanOrEqual(fit.client)
  expect(fit.page).toBeGreaterThan(fit.client * 0.6)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'test-results/screenshots/projector-export-preview-large.png' })
})
