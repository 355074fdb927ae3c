import { readFileSync } from 'node:fs'
import { unzip, visibleText } from '../helpers/readers'
import { backendCaller, expect, test, type AppFixture } from './support/fixtures'

async function signedSample(app: AppFixture) {
  const call = backendCaller(app)
  const sample = await call('samples:create', {})
  await call('plans:create', { engagementId: sample.engagementId, assessmentId: sample.assessmentId })
  return sample.engagementId as string
}

test('track delivery: statuses, a blocked task, logged days, the portfolio and search', async ({ app }) => {
  const { page, shot } = app
  const engagementId = await signedSample(app)
  // The proposal went out before the client signed.
  app.dialogs.nextSave = `${app.dir}/Proposal sent.docx`
  await backendCaller(app)('exports:create', { engagementId, template: 'proposal', sections: {} })
  await page.goto(page.url().replace(/#.*$/, `#/engagements/${engagementId}/tracking`))
  // The header and the breadcrumb name the engagement and its client.
  await expect(page.getByRole('heading', { name: /Delivery: AI platform and first hires/ })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Harbour Freight (sample)' })).toBeVisible()
  // Before signing nothing is late: the old start date is said instead.
  await expect(page.getByText('Counted once signed')).toBeVisible()
  await expect(page.getByText(/days late/i)).toHaveCount(0)
  await expect(page.getByText('The plan’s start date has passed')).toBeVisible()
  await page.getByRole('button', { name: 'Mark as signed' }).click()
  // The proposal sent last is offered as the signed document.
  await expect(page.getByRole('dialog').getByLabel('The document that was signed')).toHaveValue(/Proposal sent\.docx/)
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as signed' }).click()
  await expect(page.getByText('Signed: the plan is now the baseline')).toBeVisible()
  await expect(page.getByText('Counted once signed')).toHaveCount(0)
  await expect(page.getByText('The plan’s start date has passed')).toHaveCount(0)

  await page.getByRole('combobox', { name: 'Status: Cloud infrastructure as code with Terraform' }).click()
  await page.getByRole('option', { name: 'In progress' }).click()
  await expect(page.getByRole('combobox', { name: 'Status: Cloud infrastructure as code with Terraform' })).toHaveValue('In progress')
  await page.getByRole('combobox', { name: 'Status: Cloud infrastructure as code with Terraform' }).click()
  await page.getByRole('option', { name: 'Done' }).click()
  await expect(page.getByRole('combobox', { name: 'Status: Cloud infrastructure as code with Terraform' })).toHaveValue('Done')

  // A hire is made, not 'done': its row offers the words for recruiting.
  const hire = page.getByRole('combobox', { name: /^Status: Recruit the / }).first()
  await hire.click()
  await expect(page.getByRole('option', { name: 'Recruiting' })).toBeVisible()
  await expect(page.getByRole('option', { name: 'Hired' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(hire).toHaveValue('Not started')

  await page.getByRole('combobox', { name: 'Status: CI/CD with GPU runners' }).click()
  await page.getByRole('option', { name: 'Blocked' }).click()
  await page.getByRole('dialog').getByLabel('Reason').fill('Waiting for the GPU quota increase from the cloud provider')
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as blocked' }).click()
  await expect(page.getByText('Blocked: Waiting for the GPU quota increase')).toBeVisible()

  await page.getByRole('button', { name: 'Notes and dates: Cloud billing alerts and cost dashboard' }).click()
  await page.getByRole('dialog').getByLabel('Notes').fill('Finance wants a weekly anomaly digest in Slack')
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('table', { name: 'Foundations tracking' }).getByText('Finance wants a weekly anomaly digest in Slack')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // More than a day in one entry is said, not silently capped, and cannot be logged.
  await page.getByLabel('Days', { exact: true }).fill('3')
  await expect(page.getByText('At most 1 day per entry: log each day worked on its own date.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Log', exact: true })).toBeDisabled()
  await page.getByLabel('Days', { exact: true }).fill('0.5')
  await page.getByRole('textbox', { name: 'Note' }).fill('Terraform review with the platform team')
  await page.getByRole('button', { name: 'Log', exact: true }).click()
  await expect(page.getByTestId('logged-days')).toHaveText('0.5')
  // Enter adds a criterion for leaving a phase, as the Add button does.
  await page.getByRole('textbox', { name: 'New criterion for Foundations' }).fill('Runbooks reviewed with the platform team')
  await page.getByRole('textbox', { name: 'New criterion for Foundations' }).press('Enter')
  await expect(page.getByText('Runbooks reviewed with the platform team')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'New criterion for Foundations' })).toHaveValue('')
  await shot('01-tracking')

  await page.getByRole('link', { name: 'Portfolio' }).first().click()
  await expect(page.getByRole('table', { name: 'Portfolio' })).toContainText('AI platform and first hires')
  // Signed with late and blocked work: the engagement shows as at risk, in words as well as colour.
  await expect(page.getByTestId('rag-red')).toHaveText('1')
  await expect(page.getByRole('table', { name: 'Portfolio' }).getByText('At risk')).toBeVisible()
  await page.getByRole('combobox', { name: 'Client' }).click()
  await page.getByRole('combobox', { name: 'Client' }).fill('Harbour')
  await page.getByRole('option', { name: /Harbour Freight/ }).click()
  await expect(page.getByRole('table', { name: 'Portfolio' }).locator('tbody tr')).toHaveCount(1)
  await shot('02-portfolio')

  // Send the client a progress report in one click from the Export screen.
  await page.goto(page.url().replace(/#.*$/, `#/engagements/${engagementId}/export`))
  await page.getByRole('radio', { name: 'Progress report' }).check()
  await expect(page.getByLabel('Preview of the first pages')).toContainText('Harbour Freight', { timeout: 30_000 })
  app.dialogs.nextSave = `${app.dir}/progress.docx`
  await page.getByRole('button', { name: 'Export…' }).click()
  // Branding was never set: the first export asks whose name goes on the document, instead of sending "Your consultancy".
  const ask = page.getByRole('dialog', { name: 'Whose name goes on the document?' })
  await expect(ask).toBeVisible()
  await expect(ask.getByLabel('Consultancy name')).toBeFocused()
  await ask.getByLabel('Consultancy name').fill('Kestrel Advisory')
  await ask.getByLabel('Consultancy name').press('Enter')
  await expect(page.getByText(/Saved progress\.docx/).first()).toBeVisible()
  await expect(ask).toBeHidden()
  expect((await backendCaller(app)('branding:get', {})).consultancyName).toBe('Kestrel Advisory')
  // And the document sent carries it.
  const xml = unzip(readFileSync(`${app.dir}/progress.docx`))
    .get('word/document.xml')!
    .toString('utf8')
  expect(visibleText(xml).join('')).toContain('Kestrel Advisory')
  await shot('04-progress-report')

  await page.keyboard.press('Control+k')
  await page.getByLabel('Search everything').fill('anomaly digest')
  await expect(
    page
      .getByRole('dialog')
      .getByText(/weekly/)
      .first()
  ).toBeVisible()
  await shot('03-search')
})
