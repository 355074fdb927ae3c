import { expect, test, backendCaller, pickUpBar, type AppFixture } from './support/fixtures'

/**
 * The workshop, results and plan on a projector: at 1280×720 and 1366×768, in light and dark,
 * at normal, large and extra-large type. What the room must see is above the fold, and no page
 * scrolls sideways.
 */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 }
] as const
const LOOKS = [
  { theme: 'light', presentationScale: 'normal' },
  { theme: 'dark', presentationScale: 'large' },
  { theme: 'light', presentationScale: 'xlarge' }
] as const

async function setup(app: AppFixture) {
  const call = backendCaller(app)
  const sample = (await call('samples:create', {})) as { engagementId: string; assessmentId: string }
  const fresh = (await call('assessments:create', { engagementId: sample.engagementId, title: 'Projector check' })) as { id: string }
  return { ...sample, freshId: fresh.id, call }
}

/** What the room sees: the viewport only, not the whole page. */
const screen = (app: AppFixture, name: string) => app.page.screenshot({ path: `test-results/screenshots/projector-${name}.png` })

const noSidewaysScroll = async (app: AppFixture, where: string) => {
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `${where}: nothing runs off the right of the screen`).toBeLessThanOrEqual(0)
}

/** The element is fully inside the viewport, with no scrolling. */
const aboveTheFold = async (
  app: AppFixture,
  locator: ReturnType<AppFixture['page']['locator']>,
  what: string,
  fold?: ReturnType<AppFixture['page']['locator']>
) => {
  const box = await locator.boundingBox()
  const vp = app.page.viewportSize()!
  const bottom = fold ? (await fold.boundingBox())!.y : vp.height
  expect(box, `${what} is on the page`).not.toBeNull()
  expect(box!.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${what} ends above the fold (${bottom}px)`).toBeLessThanOrEqual(bottom + 0.5)
  expect(box!.x + box!.width, `${what} is inside the width`).toBeLessThanOrEqual(vp.width + 0.5)
}

for (const size of SIZES) {
  for (const look of LOOKS) {
    const name = `${size.width}x${size.height}-${look.theme}-${look.presentationScale}`
    test(`projector ${name}: the workshop, the results, the plan, export, tracking and the portfolio fit`, async ({ app }) => {
      test.setTimeout(120_000)
      const { page } = app
      const s = await setup(app)
      await s.call('preferences:update', look)
      await page.setViewportSize(size)
      await page.reload()
      await expect(page.locator('html')).toHaveAttribute('data-presentation', look.presentationScale)

      // The workshop: question, answers, Back/Next and the key legend without scrolling.
      await page.goto(page.url().replace(/#.*$/, `#/workshop/${s.freshId}`))
      const question = page.locator('[data-question-id]')
      await expect(question).toBeVisible()
      await aboveTheFold(app, page.getByRole('button', { name: /^(Next|Skip for now)$/ }), 'Next')
      await aboveTheFold(app, page.getByRole('button', { name: /^Back/ }), 'Back')
      const controls = page.locator('.sc-workshop-controls')
      await aboveTheFold(app, page.getByRole('radio').last(), 'the last answer', controls)
      await noSidewaysScroll(app, 'workshop')
      await screen(app, `${name}-workshop`)
      await page.keyboard.press('n')
      const note = page.getByLabel(/Note for the report/)
      await expect(note).toBeFocused()
      await page.keyboard.type('The CTO says models are retrained by hand about once a quarter, when someone remembers. '.repeat(3))
      // The whole field, its label to its bottom edge, above the controls.
      await expect
        .poll(
          async () => {
            const field = (await page.locator('.mantine-InputWrapper-root', { has: note }).boundingBox())!
            return field.y >= 0 && field.y + field.height <= (await controls.boundingBox())!.y + 0.5
          },
          { message: 'the note being typed is fully visible' }
        )
        .toBe(true)
      await screen(app, `${name}-workshop-note`)

      // The results: the recommendation and the radar above the fold.
      await page.goto(page.url().replace(/#.*$/, `#/assessments/${s.assessmentId}/results`))
      await expect(page.getByTestId('recommendation')).toBeVisible()
      await aboveTheFold(app, page.getByTestId('recommendation'), 'the recommendation')
      await aboveTheFold(app, page.getByTestId('maturity-radar'), 'the radar')
      await noSidewaysScroll(app, 'results')
      const radar = (await page.getByRole('img', { name: /Readiness by dimension|readiness/i }).boundingBox())!
      expect(radar.height, 'the radar is drawn at a readable size').toBeGreaterThanOrEqual(240)
      await screen(app, `${name}-results`)
      // Presenting: the same, with nothing but the client's results on screen.
      await page.goto(page.url().replace(/#.*$/, `#/present/${s.assessmentId}/results`))
      await expect(page.getByTestId('recommendation')).toBeVisible()
      await aboveTheFold(app, page.getByTestId('recommendation'), 'the recommendation, presenting')
      await aboveTheFold(app, page.getByTestId('maturity-radar'), 'the radar, presenting')
      await noSidewaysScroll(app, 'presenting')
      await screen(app, `${name}-presenting`)

      // The plan.
      await page.goto(page.url().replace(/#.*$/, `#/engagements/${s.engagementId}/plan`))
      await page.getByRole('button', { name: 'Generate plan' }).click()
      await expect(page.locator('[data-bar-id]').first()).toBeVisible()
      await aboveTheFold(app, page.getByRole('tab', { name: 'Timeline' }), 'the plan tabs')
      await aboveTheFold(app, page.getByRole('button', { name: 'Add task' }), 'Add task')
      // In large type the secondary action goes into a menu rather than off the screen.
      if (look.presentationScale === 'normal') {
        await aboveTheFold(app, page.getByRole('button', { name: 'Regenerate' }), 'Regenerate')
      } else {
        await expect(page.getByRole('button', { name: 'Regenerate' })).toHaveCount(0)
        await page.getByRole('button', { name: 'More actions' }).click()
        await expect(page.getByRole('menuitem', { name: 'Regenerate' })).toBeVisible()
        await page.keyboard.press('Escape')
      }
      await noSidewaysScroll(app, 'plan')
      await screen(app, `${name}-plan`)
      for (const [tab, key] of [
        ['Table', page.getByLabel('Effort in days: Cloud infrastructure as code with Terraform')],
        ['Pricing', page.getByTestId('pricing-save-status')],
        ['Scenarios', page.getByText('Recommended: this plan')]
      ] as const) {
        await page.getByRole('tab', { name: tab }).click()
        await expect(key).toBeVisible()
        await aboveTheFold(app, page.getByRole('tab', { name: tab }), `the ${tab} tab`)
        await noSidewaysScroll(app, `plan ${tab}`)
        await screen(app, `${name}-plan-${tab.toLowerCase()}`)
      }

      // Export, tracking and the portfolio.
      await page.goto(page.url().replace(/#.*$/, `#/engagements/${s.engagementId}/export`))
      await expect(page.getByRole('heading', { name: 'Export a Word document' })).toBeVisible()
      await aboveTheFold(app, page.getByRole('button', { name: 'Export…' }), 'Export…')
      await expect(page.getByLabel('Preview of the first pages')).toContainText('Harbour Freight', { timeout: 30_000 })
      await noSidewaysScroll(app, 'export')
      await screen(app, `${name}-export`)
      await page.goto(page.url().replace(/#.*$/, `#/engagements/${s.engagementId}/tracking`))
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      await noSidewaysScroll(app, 'tracking')
      await screen(app, `${name}-tracking`)
      await page.goto(page.url().replace(/#.*$/, '#/dashboard'))
      await expect(page.getByRole('table', { name: 'Portfolio' })).toBeVisible()
      // The table is further down the page; across, its key columns are all in view.
      const nextDue = page.getByRole('columnheader', { name: 'Next due' })
      await nextDue.scrollIntoViewIfNeeded()
      await aboveTheFold(app, nextDue, 'the Next due column')
      await noSidewaysScroll(app, 'portfolio')
      await screen(app, `${name}-portfolio`)
    })
  }
}

test('on a projector in large type, a toast never covers an action', async ({ app }) => {
  const { page } = app
  const s = await setup(app)
  await s.call('preferences:update', { theme: 'dark', presentationScale: 'large' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(page.url().replace(/#.*$/, `#/engagements/${s.engagementId}/plan`))
  await page.getByRole('button', { name: 'Generate plan' }).click()
  await pickUpBar(app, 'billing_alerts')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  const toast = page.locator('.mantine-Notification-root').filter({ hasText: /Moved/ })
  await expect(toast).toBeVisible()
  await page.waitForTimeout(400) // the toast has slid into place
  const t = (await toast.boundingBox())!
  const buttons = await page.getByRole('button').evaluateAll((els) =>
    els
      // Timeline bars are drag handles, not actions: a toast may pass over the chart.
      .filter((el) => !el.closest('.mantine-Notification-root') && !el.hasAttribute('data-bar-id'))
      .map((el) => {
        const r = el.getBoundingClientRect()
        return { name: el.getAttribute('aria-label') ?? el.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height }
      })
      .filter((b) => b.w > 0 && b.h > 0 && b.y < window.innerHeight && b.y + b.h > 0)
  )
  const covered = buttons.filter((b) => b.x < t.x + t.width && b.x + b.w > t.x && b.y < t.y + t.height && b.y + b.h > t.y)
  expect(covered.map((b) => b.name)).toEqual([])
  await screen(app, 'toast-large')
})

test('the portfolio keeps engagement, status, health and next due in view, and says which columns are hidden', async ({ app }) => {
  const { page } = app
  const s = await setup(app)
  const headers = () => page.getByRole('table', { name: 'Portfolio' }).getByRole('columnheader').allTextContents()
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto(page.url().replace(/#.*$/, '#/dashboard'))
  await expect(page.getByRole('table', { name: 'Portfolio' })).toBeVisible()
  expect(await headers()).toHaveLength(10)
  await expect(page.getByTestId('hidden-columns')).toHaveCount(0)

  await s.call('preferences:update', { theme: 'light', presentationScale: 'xlarge' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.reload()
  await expect(page.getByRole('table', { name: 'Portfolio' })).toBeVisible()
  const shown = await headers()
  expect(shown.slice(0, 4)).toEqual(['Engagement', 'Status', 'Health', 'Next due'])
  expect(shown.length).toBeLessThan(10)
  await expect(page.getByTestId('hidden-columns')).toContainText('Pipeline')
  await noSidewaysScroll(app, 'portfolio')
  await screen(app, 'portfolio-xlarge')
})
