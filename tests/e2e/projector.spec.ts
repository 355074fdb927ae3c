import { expect, test, backendCaller, type AppFixture } from './support/fixtures'

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
const aboveTheFold = async (app: AppFixture, locator: ReturnType<AppFixture['page']['locator']>, what: string, fold?: ReturnType<AppFixture['page']['locator']>) => {
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
    test(`projector ${name}: the workshop, the results and the plan fit`, async ({ app }) => {
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
      await expect.poll(async () => {
        const field = (await page.locator('.mantine-InputWrapper-root', { has: note }).boundingBox())!
        return field.y >= 0 && field.y + field.height <= (await controls.boundingBox())!.y + 0.5
      }, { message: 'the note being typed is fully visible' }).toBe(true)
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

      // The plan.
      await page.goto(page.url().replace(/#.*$/, `#/engagements/${s.engagementId}/plan`))
      await page.getByRole('button', { name: 'Generate plan' }).click()
      await expect(page.locator('[data-bar-id]').first()).toBeVisible()
      await aboveTheFold(app, page.getByRole('tab', { name: 'Timeline' }), 'the plan tabs')
      await noSidewaysScroll(app, 'plan')
      await screen(app, `${name}-plan`)
    })
  }
}
