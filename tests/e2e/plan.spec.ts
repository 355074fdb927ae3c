import { backendCaller, expect, pickUpBar, test, type AppFixture } from './support/fixtures'

async function samplePlan(app: AppFixture) {
  const sender = { url: app.page.url(), isMainFrame: true }
  const sample = (await app.backend.dispatch('samples:create', {}, sender)) as { value: { engagementId: string } }
  await app.page.goto(app.page.url().replace(/#.*$/, `#/engagements/${sample.value.engagementId}/plan`))
  await app.page.getByRole('button', { name: 'Generate plan' }).click()
  await expect(app.page.getByRole('heading', { name: 'Phased plan' })).toBeVisible()
  await expect(app.page.locator('[data-bar-id]').first()).toBeVisible()
}

const weeksOf = async (app: AppFixture, id: string) => {
  const label = (await app.page.locator(`[data-bar-id="${id}"]`).getAttribute('aria-label'))!
  const m = /weeks (\d+) to (\d+)/.exec(label)!
  return { start: Number(m[1]), end: Number(m[2]) }
}

async function drag(app: AppFixture, id: string, weeks: number) {
  const bar = app.page.locator(`[data-bar-id="${id}"]`)
  await bar.scrollIntoViewIfNeeded()
  const box = (await bar.boundingBox())!
  const x = box.x + Math.min(12, box.width / 2)
  const y = box.y + box.height / 2
  await app.page.mouse.move(x, y)
  await app.page.mouse.down()
  for (let step = 1; step <= 10; step++) await app.page.mouse.move(x + (weeks * 34 * step) / 10, y)
  await app.page.mouse.up()
}

test('the plan timeline: drag a bar later, a drag that breaks a dependency is refused and the bar returns', async ({ app }) => {
  const { page, shot } = app
  await samplePlan(app)
  await shot('01-timeline')

  const before = await weeksOf(app, 'billing_alerts')
  await drag(app, 'billing_alerts', 2)
  await expect(page.getByText(/Moved “Cloud billing alerts/)).toBeVisible()
  await expect.poll(async () => (await weeksOf(app, 'billing_alerts')).start).toBe(before.start + 2)

  // model_monitoring waits for the deployment pipeline and prediction logging: it cannot go to week 1.
  const monitoring = await weeksOf(app, 'model_monitoring')
  await drag(app, 'model_monitoring', -(monitoring.start - 1))
  await expect(page.getByText('That move would break a dependency')).toBeVisible()
  expect(await weeksOf(app, 'model_monitoring')).toEqual(monitoring)
  await shot('02-refused')

  await page.reload()
  await expect.poll(async () => (await weeksOf(app, 'billing_alerts')).start).toBe(before.start + 2)
})

test('the plan timeline by keyboard: Enter picks a bar up, arrows move it a week, Enter drops, Escape puts it back, a broken dependency is refused', async ({
  app
}) => {
  const { page, shot } = app
  await samplePlan(app)
  const before = await weeksOf(app, 'billing_alerts')
  await pickUpBar(app, 'billing_alerts')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/Moved “Cloud billing alerts/)).toBeVisible()
  await expect.poll(async () => (await weeksOf(app, 'billing_alerts')).start).toBe(before.start + 2)

  // Escape cancels: the bar stays where it was.
  await pickUpBar(app, 'billing_alerts')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Escape')
  await page.waitForTimeout(300)
  expect((await weeksOf(app, 'billing_alerts')).start).toBe(before.start + 2)

  // The same refusal as a drag: monitoring cannot move before what it waits for.
  const monitoring = await weeksOf(app, 'model_monitoring')
  await pickUpBar(app, 'model_monitoring')
  for (let i = 1; i < monitoring.start; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Enter')
  await expect(page.getByText('That move would break a dependency')).toBeVisible()
  expect(await weeksOf(app, 'model_monitoring')).toEqual(monitoring)
  await shot('keyboard-refused')
})

test('pricing saves as it is typed; a change that cannot be saved yet says why and leaving asks first', async ({ app }) => {
  const { page, shot } = app
  await samplePlan(app)
  await page.getByRole('tab', { name: 'Pricing' }).click()
  const status = page.getByTestId('pricing-save-status')
  await expect(status).toHaveText('All changes saved')
  const before = await page.getByTestId('committed-total').textContent()
  await page.getByLabel('Discount %').fill('5')
  await expect(page.getByTestId('committed-total')).not.toHaveText(before!)
  // Saved a moment after typing, with no button: the database has it, and the panel says so.
  const call = backendCaller(app)
  const engagementId = /engagements\/([^/]+)\/plan/.exec(page.url())![1]
  await expect.poll(async () => (await call('plans:get', { engagementId })).pricing.discountPercent).toBe(5)
  await expect(status).toHaveText('All changes saved')
  // No Save button: switching tabs and reloading straight away keeps the discount.
  await page.getByRole('tab', { name: 'Timeline' }).click()
  await page.getByRole('tab', { name: 'Pricing' }).click()
  await expect(page.getByLabel('Discount %')).toHaveValue('5')
  await page.reload()
  await page.getByRole('tab', { name: 'Pricing' }).click()
  await expect(page.getByLabel('Discount %')).toHaveValue('5')

  // Payments that no longer add up to 100% cannot be saved: the panel says why.
  await page.getByRole('textbox', { name: 'Percent' }).first().fill('35')
  await expect(status).toContainText('Not saved yet')
  await expect(status).toContainText('100')
  await shot('pricing-not-saved')
  // Leaving asks; staying keeps what was typed.
  await page.getByRole('link', { name: 'Clients' }).click()
  await expect(page.getByRole('dialog', { name: 'Leave without the pricing changes?' })).toBeVisible()
  await page.getByRole('button', { name: 'Stay and fix them' }).click()
  await expect(page).toHaveURL(/\/plan$/)
  await expect(page.getByRole('textbox', { name: 'Percent' }).first()).toHaveValue('35%')
  // Going back to the saved terms puts the panel right, and leaving no longer asks.
  await page.getByRole('button', { name: 'Go back to the saved terms' }).click()
  await expect(status).toHaveText('All changes saved')
  await page.getByRole('link', { name: 'Clients' }).click()
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible()
})

test('closing a dialog returns focus to what opened it, from a button and from a row menu', async ({ app }) => {
  const { page } = app
  await samplePlan(app)
  const add = page.getByRole('button', { name: 'Add task' })
  await add.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(add).toBeFocused()

  await page.getByRole('tab', { name: 'Table' }).click()
  const more = page.getByRole('button', { name: 'More for Cloud billing alerts and cost dashboard' })
  await more.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menuitem', { name: 'Edit details and notes…' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(more).toBeFocused()
})

test('a plan page with no assessment yet says what to do and leads to it', async ({ app }) => {
  const { page } = app
  const call = backendCaller(app)
  const client = await call('clients:create', { name: 'Fabrikam' })
  const engagement = await call('engagements:create', { clientId: client.id, title: 'First AI team', consultant: 'Dana', currency: 'EUR', dayRate: 1000 })
  await page.goto(page.url().replace(/#.*$/, `#/engagements/${engagement.id}/plan`))
  await expect(page.getByRole('heading', { name: 'Run an assessment first' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the engagement to start one' }).click()
  await expect(page).toHaveURL(new RegExp(`#/engagements/${engagement.id}$`))
  await expect(page.getByRole('button', { name: 'Start the workshop' })).toBeVisible()
})

test('the task dialog moves work by its start week, with the timeline’s dependency rule', async ({ app }) => {
  const { page } = app
  await samplePlan(app)
  const before = await weeksOf(app, 'model_monitoring')
  await page.getByRole('tab', { name: 'Table' }).click()
  await page.getByRole('button', { name: /^More for Model monitoring/ }).click()
  await page.getByRole('menuitem', { name: 'Edit details and notes…' }).click()
  const start = page.getByLabel('Starts in week')
  await expect(start).toHaveValue(String(before.start))
  await start.fill('1')
  await expect(page.getByRole('dialog')).toContainText('cannot start before')
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled()
  await start.fill(String(before.start + 3))
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('tab', { name: 'Timeline' }).click()
  // At the earliest that week: the consultant's capacity may push it a little later.
  await expect.poll(async () => (await weeksOf(app, 'model_monitoring')).start).toBeGreaterThanOrEqual(before.start + 3)
})

test('the plan table: change an effort, undo it, reload and find the result kept', async ({ app }) => {
  const { page, shot } = app
  await samplePlan(app)
  await page.getByRole('tab', { name: 'Table' }).click()
  const effort = page.getByLabel('Effort in days: Cloud infrastructure as code with Terraform')
  await expect(effort).toHaveValue('8')
  await effort.fill('12')
  await effort.press('Enter')
  await expect(page.getByLabel('Effort in days: Cloud infrastructure as code with Terraform')).toHaveValue('12')
  await expect(page.getByRole('heading', { name: 'Phased plan' })).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByLabel('Effort in days: Cloud infrastructure as code with Terraform')).toHaveValue('8')
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(page.getByLabel('Effort in days: Cloud infrastructure as code with Terraform')).toHaveValue('12')
  await shot('table')
  await page.reload()
  await page.getByRole('tab', { name: 'Table' }).click()
  await expect(page.getByLabel('Effort in days: Cloud infrastructure as code with Terraform')).toHaveValue('12')

  await page.getByRole('tab', { name: 'Pricing' }).click()
  await expect(page.getByTestId('committed-total')).toContainText('€')
  await shot('pricing')
  await page.getByRole('tab', { name: 'Scenarios' }).click()
  // The plan's own milestone on both routes: a chart, or words when both reach it in the same week.
  await expect(page.getByRole('img', { name: /^Infrastructure engineer first: .* by week \d+/ }).or(page.getByText(/^Both routes reach/))).toBeVisible()
  await expect(page.getByText('Recommended: this plan')).toBeVisible()
  await shot('scenarios')
})

test('on a projector (1280×720, dark, large type): the plan tabs, the objective and the proposal settings fit and read', async ({ app }) => {
  const { page, shot } = app
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByText('Dark', { exact: true }).click()
  await page.getByText('Large', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'large')
  await expect(page.getByLabel('About your consultancy')).toBeVisible()
  await expect(page.getByLabel('Governing law')).toBeVisible()
  const fits = async (where: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${where}: nothing runs off the right of the screen`).toBeLessThanOrEqual(0)
  }
  await fits('settings')
  await shot('projector-settings')

  await samplePlan(app)
  await fits('timeline')
  await shot('projector-timeline')
  for (const [tab, check] of [
    ['Table', page.getByLabel('Effort in days: Cloud infrastructure as code with Terraform')],
    ['Pricing', page.getByTestId('committed-total')],
    ['Scenarios', page.getByText('Recommended: this plan')]
  ] as const) {
    await page.getByRole('tab', { name: tab }).click()
    await expect(check).toBeVisible()
    await fits(tab)
    await shot(`projector-${tab.toLowerCase()}`)
  }

  // The engagement's objective, set in the form and shown on its page.
  await page.goto(page.url().replace(/\/plan$/, ''))
  await page.getByRole('button', { name: 'Edit' }).click()
  await page
    .getByLabel('Objective and success metric')
    .fill('Cut the time from a trained model to production from six weeks to one, measured on the next three releases.')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByText('Cut the time from a trained model to production from six weeks to one')).toBeVisible()
  await fits('engagement')
  await shot('projector-engagement')
})
