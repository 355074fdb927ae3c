import { expect, test } from './support/fixtures'

test('a consultant adds, edits, searches and deletes clients and engagements, and nothing is lost on reload', async ({ app }) => {
  const { page, shot } = app

  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible()
  await shot('01-empty')

  // Inline validation: an empty name is refused with a clear message and nothing is saved.
  await page.getByRole('button', { name: 'New client' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New client' })
  await dialog.getByRole('button', { name: 'Add client' }).click()
  await expect(dialog.getByText('Client name is required')).toBeVisible()
  await dialog.getByLabel('Contact email').fill('not-an-email')
  await dialog.getByLabel('Contact email').blur()
  await expect(dialog.getByText('Contact email is not a valid address')).toBeVisible()
  await shot('02-validation')

  await dialog.getByLabel('Client name').fill('Northwind Logistics')
  await dialog.getByLabel('Industry').fill('Logistics')
  await dialog.getByLabel('Headcount').fill('240')
  await dialog.getByLabel('Contact name').fill('Priya Raman')
  await dialog.getByLabel('Contact email').fill('priya@northwind.example')
  await dialog.getByLabel('Notes').fill('Wants a first AI feature in route planning.\nCTO sponsors it.')
  await dialog.getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: 'Northwind Logistics', level: 1 })).toBeVisible()
  await expect(page.getByText('Logistics · 240 people')).toBeVisible()

  // An engagement for this client.
  await page.getByRole('button', { name: 'New engagement' }).click()
  const eDialog = page.getByRole('dialog', { name: 'New engagement' })
  await eDialog.getByLabel('Title').fill('ML platform foundations')
  await eDialog.getByLabel('Consultant').fill('Dana Whitfield')
  await eDialog.getByLabel('Day rate').fill('1250')
  await eDialog.getByLabel('Start date').fill('2026-01-12')
  await eDialog.getByRole('button', { name: 'Add engagement' }).click()
  await expect(page.getByRole('heading', { name: /ML platform foundations/, level: 1 })).toBeVisible()
  await expect(page.getByText('€1,250')).toBeVisible()
  await shot('03-engagement')

  // Edit it.
  await page.getByRole('button', { name: 'Edit' }).click()
  const edit = page.getByRole('dialog', { name: /Edit ML platform foundations/ })
  await edit.getByLabel('Title').fill('ML platform foundations, phase 1')
  await edit.getByRole('combobox', { name: 'Status' }).click()
  await page.getByRole('option', { name: 'Active' }).click()
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('heading', { name: /phase 1/, level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 }).getByText('Active')).toBeVisible()

  // A second client, then search.
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await page.getByRole('button', { name: 'New client' }).click()
  await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Cobalt Health')
  await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: 'Cobalt Health', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Clients' }).first().click()
  const rows = page.getByRole('table', { name: 'Clients' }).locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await shot('04-client-list')
  await page.keyboard.press('/')
  await page.keyboard.type('cobalt')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Cobalt Health')
  await page.getByLabel('Search clients').fill('route')
  await expect(page.getByRole('heading', { name: 'No matching clients' })).toBeVisible()
  await page.getByLabel('Search clients').fill('')
  await expect(rows).toHaveCount(2)

  // Reload: everything is still there.
  await page.reload()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(2)
  await page.getByRole('link', { name: 'Engagements' }).click()
  await expect(page.getByRole('table', { name: 'Engagements' })).toContainText('ML platform foundations, phase 1')
  await shot('05-engagements')

  // Delete a client: the confirmation says which engagement goes with it.
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await page.getByRole('row', { name: /Northwind Logistics/ }).click()
  await page.getByRole('button', { name: 'More actions', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Delete client…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete Northwind Logistics?' })
  await expect(confirm).toContainText('This also deletes 1 engagement')
  await expect(confirm).toContainText('ML platform foundations, phase 1')
  await shot('06-delete-confirm')
  await confirm.getByRole('button', { name: 'Delete client and 1 engagement' }).click()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(1)
  await page.reload()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(1)
  await page.getByRole('link', { name: 'Engagements' }).click()
  await expect(page.getByRole('heading', { name: 'No engagements yet' })).toBeVisible()
})

test('dark theme and projector type size are remembered', async ({ app }) => {
  const { page, shot } = app
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByText('Dark', { exact: true }).click()
  await page.getByText('Large', { exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'large')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'large')
  // The settings themselves, not their loading skeleton, in the picture.
  await expect(page.getByLabel('Consultancy name')).toBeVisible()
  await shot('settings-dark-large')
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible()
  await shot('clients-dark-large')
})

test('keyboard shortcuts are listed in a help screen', async ({ app }) => {
  const { page } = app
  await page.keyboard.press('Shift+?')
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible()
  await expect(page.getByText('Go to Engagements')).toBeVisible()
  await page.keyboard.press('g')
  await page.keyboard.press('e')
  await expect(page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible()
  // Search opens from anywhere, also while the consultant is typing in a field.
  await page.getByRole('link', { name: 'Settings' }).first().click()
  await page.getByLabel('Consultancy name').focus()
  await page.keyboard.press('Control+k')
  await expect(page.getByLabel('Search everything')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByLabel('Search everything')).toHaveCount(0)
})
