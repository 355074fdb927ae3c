import { expect, test, type AppFixture } from './support/fixtures'

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

/** Focuses a bar and picks it up with Enter, as a keyboard user does (the arrows work once it is lifted). */
async function pickUp(app: AppFixture, id: string) {
  const bar = app.page.locator(`[data-bar-id="${id}"]`)
  await bar.focus()
  await app.page.keyboard.press('Enter')
  await expect(bar).toHaveAttribute('data-dragging', 'true')
  // dnd-kit listens for the arrows from the next tick after the pick-up.
  await app.page.waitForTimeout(50)
}

test('the plan timeline by keyboard: Enter picks a bar up, arrows move it a week, Enter drops, Escape puts it back, a broken dependency is refused', async ({ app }) => {
  const { page, shot } = app
  await samplePlan(app)
  const before = await weeksOf(app, 'billing_alerts')
  await pickUp(app, 'billing_alerts')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/Moved “Cloud billing alerts/)).toBeVisible()
  await expect.poll(async () => (await weeksOf(app, 'billing_alerts')).start).toBe(before.start + 2)

  // Escape cancels: the bar stays where it was.
  await pickUp(app, 'billing_alerts')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Escape')
  await page.waitForTimeout(300)
  expect((await weeksOf(app, 'billing_alerts')).start).toBe(before.start + 2)

  // The same refusal as a drag: monitoring cannot move before what it waits for.
  const monitoring = await weeksOf(app, 'model_monitoring')
  await pickUp(app, 'model_monitoring')
  for (let i = 1; i < monitoring.start; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Enter')
  await expect(page.getByText('That move would break a dependency')).toBeVisible()
  expect(await weeksOf(app, 'model_monitoring')).toEqual(monitoring)
  await shot('keyboard-refused')
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
  await page.getByLabel('Objective and success metric').fill('Cut the time from a trained model to production from six weeks to one, measured on the next three releases.')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByText('Cut the time from a trained model to production from six weeks to one')).toBeVisible()
  await fits('engagement')
  await shot('projector-engagement')
})
