import AxeBuilder from '@axe-core/playwright'
import { updateEngagement } from '../../db/repositories/engagement.repository'
import { addUser } from '../../server/auth'
import { removeMember } from '../../server/sync'
import { ensurePostgres } from '../helpers/postgres'
import { startTeam, teamDeps, type Team } from '../helpers/team'
import { backendCaller, expect, test } from './support/fixtures'

/**
 * Team mode through the screens, against a real team server on a real PostgreSQL: a
 * consultant joins from Settings with existing work, the status line follows, a
 * disagreement over the day rate lands in the conflict inbox and is settled there.
 */
/** Serious or critical WCAG 2.2 AA findings on what is on screen. */
async function accessibilityProblems(page: import('@playwright/test').Page): Promise<string[]> {
  await page.waitForTimeout(250)
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** A consultant account on the team server, and its one-time code entered in Settings → Team. */
async function joinFromSettings(page: import('@playwright/test').Page, server: Team, email: string, name: string): Promise<void> {
  const { code } = await addUser(server.db, { email, name, role: 'consultant' })
  await page.getByLabel('Server address').fill(server.url)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Sign-in code').fill(code)
  await page.getByRole('button', { name: 'Sign in and join' }).click()
}

let team: Team
let postgres: { stop: () => void }

test.beforeAll(async () => {
  test.setTimeout(120_000)
  postgres = ensurePostgres()
  team = await startTeam()
})

test.afterAll(async () => {
  await team?.close()
  postgres?.stop()
})

test('working alone shows no sync status, and a bad server address is refused before anything changes', async ({ app }) => {
  const { page } = app
  await page.goto(page.url().replace(/#.*$/, '#/settings'))
  await expect(page.getByRole('heading', { name: 'Team' })).toBeVisible()
  await expect(page.getByTestId('sync-status')).toHaveCount(0)
  await page.getByLabel('Server address').fill('http://stagecraft.example.com')
  await page.getByLabel('Email').fill('not-an-email')
  await page.getByLabel('Sign-in code').fill('short')
  await page.getByRole('button', { name: 'Sign in and join' }).click()
  await expect(page.getByText('must be an https:// address')).toBeVisible()
  await expect(page.getByText('is not an email address')).toBeVisible()
  const call = backendCaller(app)
  expect(await call('team:status', {})).toEqual({ mode: 'solo' })
})

test('joining from Settings uploads the work, and a day-rate disagreement is settled in the inbox', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  const call = backendCaller(app)
  const sample = (await call('samples:create', {})) as { engagementId: string }
  await page.goto(page.url().replace(/#.*$/, '#/settings'))
  await joinFromSettings(page, team, 'quinn@example.com', 'Quinn')
  await expect(page.getByTestId('sync-status')).toContainText('Synced', { timeout: 30_000 })
  await expect(page.getByText('quinn@example.com on')).toBeVisible()
  const uploaded = await team.db
    .selectFrom('sync_row')
    .select('fields')
    .where('tbl', '=', 'engagement')
    .where('engagement_id', '=', sample.engagementId)
    .executeTakeFirst()
  expect(uploaded).toBeDefined()

  // A partner changes the rate elsewhere while Quinn, offline in a workshop, changes it too.
  const rae = await team.person('rae@example.com', 'Rae', 'partner')
  const other = await team.laptop(rae)
  await other.engine.syncOnce()
  await updateEngagement(other.handle.db, teamDeps(), sample.engagementId, { dayRate: 1750 })
  await other.engine.syncOnce()
  await call('engagements:update', { id: sample.engagementId, patch: { dayRate: 1100 } })
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect(page.getByTestId('sync-status')).toContainText('1 to settle')
  await app.shot('settings-attention')
  expect(await accessibilityProblems(page)).toEqual([])

  await page.getByTestId('sync-status').click()
  await expect(page.getByRole('heading', { name: 'Conflict inbox', level: 1 })).toBeVisible()
  const conflict = page.locator('[aria-label^="Day rate"]')
  await expect(conflict).toContainText('1,750 EUR a day')
  await expect(conflict).toContainText('by Rae')
  await expect(conflict).toContainText('1,100')
  await expect(conflict).toContainText('by Quinn')

  // On the projector, in the dark and in large type, both versions are readable side by side.
  await call('preferences:update', { theme: 'dark', presentationScale: 'large' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.reload()
  await expect(conflict).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await app.shot('inbox-projector-dark-large')
  expect(await accessibilityProblems(page)).toEqual([])

  await conflict.getByRole('button', { name: 'Keep this' }).last().click()
  await expect(page.getByText('Nothing to settle')).toBeVisible()
  await expect(page.getByText(/Day rate — .*: 1,100 EUR a day, chosen by Quinn/)).toBeVisible()
  await other.engine.syncOnce()
  expect(other.handle.sqlite.prepare('SELECT day_rate FROM engagement WHERE id = ?').get(sample.engagementId)).toEqual({ day_rate: 1100 })
})

test('taken off an engagement by the team: the notice says what left and where the backup is, and can be dismissed', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  const call = backendCaller(app)
  const sample = (await call('samples:create', {})) as { engagementId: string }
  await call('preferences:update', { theme: 'dark', presentationScale: 'large' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(page.url().replace(/#.*$/, '#/settings'))
  await page.reload()
  // A server of its own: the app's ids in these tests repeat from one test to the next.
  const own = await startTeam()
  try {
    await joinFromSettings(page, own, 'sol@example.com', 'Sol')
    await expect(page.getByText('sol@example.com on')).toBeVisible({ timeout: 30_000 })

    expect(await removeMember(own.db, 'sol@example.com', sample.engagementId)).toBe(true)
    await page.getByRole('button', { name: 'Sync now' }).click()
    const notice = page.getByRole('status').filter({ hasText: 'The team took you off' })
    await expect(notice).toContainText(
      'The team took you off “AI platform and first hires”, the engagement with Harbour Freight (sample), so it has left this computer.'
    )
    await expect(notice).toContainText('The backup “Before leaving an engagement” in Backups holds it as it was here.')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await app.shot('left-engagement-notice-projector-dark-large')
    expect(await accessibilityProblems(page)).toEqual([])

    // From anywhere, the sidebar's status opens Settings at the Team card.
    await page.getByRole('link', { name: 'Clients' }).first().click()
    await page.getByTestId('sync-status').click()
    await expect(page.getByRole('heading', { name: 'Team' })).toBeFocused()
    await expect(page.getByRole('heading', { name: 'Team' })).toBeInViewport()
    await expect(notice).toBeInViewport()
    await notice.getByRole('link', { name: 'Open Backups' }).click()
    await expect(page.getByRole('table', { name: 'Backups' })).toContainText('Before leaving an engagement')
    await page.goBack()
    await page.getByRole('button', { name: 'Dismiss this notice' }).click()
    await expect(page.getByText('The team took you off')).toHaveCount(0)
    // In the narrow rail the status is an icon, named for screen readers.
    await expect(page.getByTestId('sync-status')).toHaveAccessibleName('Team sync: Synced')
  } finally {
    await own.close()
  }
})
