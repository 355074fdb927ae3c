import AxeBuilder from '@axe-core/playwright'
import { expect, test, backendCaller, pickUpBar, type AppFixture } from './support/fixtures'

/**
 * axe-core on every screen at 1280×720, in light at normal type, in dark at large type and in
 * light at extra-large type: the
 * suite fails on any serious or critical violation (contrast included, WCAG 2.2 AA).
 */
const LOOKS = [
  { theme: 'light', presentationScale: 'normal' },
  { theme: 'dark', presentationScale: 'large' },
  { theme: 'light', presentationScale: 'xlarge' }
] as const

async function violations(app: AppFixture, screen: string): Promise<string[]> {
  // Let transitions settle: axe reads colours as they are drawn.
  await app.page.waitForTimeout(250)
  const result = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join(' | ')}`
    )
}

for (const look of LOOKS) {
  test(`accessibility ${look.theme} ${look.presentationScale}: no serious or critical axe violation on any screen`, async ({ app }) => {
    test.setTimeout(180_000)
    const { page } = app
    const call = backendCaller(app)
    const sample = (await call('samples:create', {})) as { clientId: string; engagementId: string; assessmentId: string }
    const fresh = (await call('assessments:create', { engagementId: sample.engagementId, title: 'Accessibility check' })) as { id: string }
    await call('preferences:update', look)
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-presentation', look.presentationScale)
    const base = page.url().replace(/#.*$/, '')
    const found: string[] = []
    const visit = async (screen: string, hash: string, ready: () => Promise<unknown>) => {
      await page.goto(`${base}#${hash}`)
      await ready()
      found.push(...(await violations(app, screen)))
    }
    const heading = () => page.getByRole('heading', { level: 1 }).first().waitFor()

    await visit('portfolio', '/dashboard', heading)
    await visit('clients', '/clients', heading)
    await visit('client', `/clients/${sample.clientId}`, heading)
    await visit('engagements', '/engagements', heading)
    await visit('engagement', `/engagements/${sample.engagementId}`, heading)
    await visit('answers', `/assessments/${sample.assessmentId}`, heading)
    await visit('results', `/assessments/${sample.assessmentId}/results`, () => page.getByTestId('recommendation').waitFor())
    await visit('presenting', `/present/${sample.assessmentId}/results`, () => page.getByTestId('recommendation').waitFor())
    await visit('workshop', `/workshop/${fresh.id}`, () => page.locator('[data-question-id]').waitFor())
    await visit('plan (none yet)', `/engagements/${sample.engagementId}/plan`, () => page.getByRole('button', { name: 'Generate plan' }).waitFor())
    await page.getByRole('button', { name: 'Generate plan' }).click()
    await page.locator('[data-bar-id]').first().waitFor()
    found.push(...(await violations(app, 'plan timeline')))
    // A dialog and a toast on screen: their close buttons are named.
    await page.getByRole('button', { name: 'Add task' }).click()
    await page.getByRole('dialog').waitFor()
    found.push(...(await violations(app, 'add-task dialog')))
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Close the dialog' })).toBeVisible()
    await page.keyboard.press('Escape')
    await pickUpBar(app, 'billing_alerts')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await page.locator('.mantine-Notification-root').first().waitFor()
    found.push(...(await violations(app, 'toast')))
    await expect(page.getByRole('button', { name: 'Close the message' }).first()).toBeVisible()
    for (const tab of ['Table', 'Pricing', 'Scenarios']) {
      await page.getByRole('tab', { name: tab }).click()
      await page.getByRole('tabpanel').waitFor()
      found.push(...(await violations(app, `plan ${tab.toLowerCase()}`)))
    }
    await visit('export', `/engagements/${sample.engagementId}/export`, heading)
    await visit('tracking', `/engagements/${sample.engagementId}/tracking`, heading)
    await visit('library', '/library', heading)
    await visit('settings', '/settings', heading)
    await visit('backups', '/backups', heading)
    await visit('shortcuts', '/shortcuts', heading)

    expect(found, found.join('\n')).toEqual([])
  })
}
