import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { answersForContext, answersForMaturity } from '../../shared/domain/assessment/question-bank'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import { expect, test } from './support/fixtures'

const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'intake', 'api-startup.json'), 'utf8')))
// The answers that reproduce the fixture: the engine says infra_engineer (rule R4) for it.
const wanted: Record<string, string | number> = { ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) }

async function seed(app: {
  backend: { dispatch: (c: string, p: unknown, s: { url: string; isMainFrame: boolean }) => Promise<any> }
  page: { url: () => string }
}) {
  const sender = { url: app.page.url(), isMainFrame: true }
  const client = await app.backend.dispatch('clients:create', { name: intake.client.name, industry: intake.client.industry }, sender)
  const engagement = await app.backend.dispatch(
    'engagements:create',
    { clientId: client.value.id, title: intake.engagement.title, consultant: 'Dana Meyer', currency: 'EUR', dayRate: 1200 },
    sender
  )
  // Another client exists too: it must never appear while presenting.
  await app.backend.dispatch('clients:create', { name: 'Confidential Other Client' }, sender)
  return engagement.value as { id: string }
}

test('a consultant runs a whole workshop by keyboard, reloads half-way, and sees the recommendation', async ({ app }) => {
  const { page, shot } = app
  const engagement = await seed(app)
  await page.goto(page.url().replace(/#.*$/, `#/engagements/${engagement.id}`))
  await page.getByRole('button', { name: 'Start the workshop' }).focus()
  await page.keyboard.press('Enter')
  const question = page.locator('[data-question-id]')
  await expect(question).toBeVisible()
  await shot('01-first-question')

  const total = Object.keys(wanted).length
  let reloaded = false
  for (let i = 0; i < total; i++) {
    const id = (await question.getAttribute('data-question-id'))!
    const value = wanted[id]
    expect(value, `no answer prepared for ${id}`).toBeDefined()
    if (typeof value === 'number') {
      await page.keyboard.type(String(value))
    } else {
      await page.keyboard.press(value!.toLowerCase())
      await expect(page.getByRole('radio', { checked: true })).toContainText(/./)
    }
    if (i === 3) {
      // A note typed and the page reloaded 50 ms later is still there.
      await page.keyboard.press('n')
      await page.keyboard.type('CTO: "we ship features on the GPT API, no models of our own"')
      await page.waitForTimeout(50)
      await page.reload()
      await expect(question).toHaveAttribute('data-question-id', id) // resumed on the same question
      await expect(page.getByLabel(/Note for the report/)).toHaveValue('CTO: "we ship features on the GPT API, no models of our own"')
      await page.keyboard.press('Escape') // Escape never leaves the workshop
      await expect(question).toHaveAttribute('data-question-id', id)
    }
    if (i === Math.floor(total / 2) && !reloaded) {
      reloaded = true
      await shot('02-half-way')
      await page.reload()
      await expect(question).toHaveAttribute('data-question-id', id)
      await expect(page.getByText(`${i + 1} of ${total} answered`)).toBeVisible()
    }
    await page.keyboard.press('Enter')
    // The next question is on screen before its answer is typed.
    if (i < total - 1) await expect(question).not.toHaveAttribute('data-question-id', id)
  }

  await expect(page.getByRole('heading', { name: 'Every question is answered' })).toBeVisible()
  // Presenting privacy: no other client, no day rate, nothing from the sidebar.
  await expect(page.getByText('Confidential Other Client')).toHaveCount(0)
  await expect(page.getByText(/€|1,200|1200/)).toHaveCount(0)
  await shot('03-review')
  // Who was present: focused at the end, Enter adds a name, a name typed but not entered is kept, and Enter on the empty field shows the results.
  const present = page.getByRole('combobox', { name: 'Who was present' })
  await expect(present).toBeFocused()
  await page.keyboard.type('Priya Raman (CTO)')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Every question is answered' })).toBeVisible()
  await page.keyboard.type('Tom Ito')
  await present.blur()
  await expect(page.getByText('Tom Ito', { exact: true })).toBeVisible()
  await present.focus()
  await page.keyboard.press('Enter')

  await expect(page.getByTestId('first-hire')).toHaveText('Senior infrastructure engineer (ML platform)')
  // The reason in plain words; never the engine's rule ids on the projector.
  await expect(page.getByTestId('recommendation')).not.toContainText(/\bR\d\b/)
  const chart = page.getByRole('img', { name: /Readiness by dimension/ })
  await expect(chart).toBeVisible()
  expect((await chart.boundingBox())!.width).toBeGreaterThan(300)
  await expect(page.getByText('Confidential Other Client')).toHaveCount(0)
  await shot('04-results-presenting')

  // The note survives in the answers review, with the private notes that presenting never shows.
  await page.getByRole('button', { name: 'Stop presenting' }).click()
  await expect(page.getByRole('heading', { name: /Results:/ })).toBeVisible()
  await shot('05-results')
  // The next step is offered: the plan that follows from these results.
  await page.getByRole('link', { name: 'Make the plan' }).click()
  await expect(page).toHaveURL(/#\/engagements\/[^/]+\/plan$/)
})

test('the sample client shows results with the earlier assessment overlaid and the deltas listed', async ({ app }) => {
  const { page, shot } = app
  await page.getByRole('button', { name: 'Explore a sample client' }).click()
  await expect(page.getByRole('table', { name: 'Assessments' }).locator('tbody tr')).toHaveCount(2)
  await page.getByRole('button', { name: 'Results' }).first().click()
  await expect(page.getByRole('columnheader', { name: /Since Initial assessment/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Scores' })).toContainText('+1')
  await expect(page.getByRole('img', { name: /against Initial assessment/ })).toBeVisible()
  await shot('sample-results-light')
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByText('Dark', { exact: true }).click()
  await page.goBack()
  await expect(page.getByRole('img', { name: /against Initial assessment/ })).toBeVisible()
  await shot('sample-results-dark')
  // Private notes are visible only on the review page.
  await page.getByRole('link', { name: /AI platform and first hires/ }).click()
  await page.getByRole('button', { name: /More actions for Three-month/ }).click()
  await page.getByRole('menuitem', { name: /Review answers/ }).click()
  await expect(page.getByLabel(/Private note: .*infrastructure/i).first()).toHaveValue(/Aiko/)
  await shot('sample-answers')
})
