import { closeSync, copyFileSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs'
import Sqlite from 'better-sqlite3'
import { dirname, join } from 'node:path'
import { pagesOf, scribblePages } from '../helpers/damage'
import { tempDir } from '../helpers/temp'
import { backendCaller, expect, test, type AppFixture } from './support/fixtures'

test('back up, restore, and undo the restore from the Backups screen', async ({ app }) => {
  const { page, shot } = app
  const addClient = async (name: string) => {
    await page.getByRole('link', { name: 'Clients' }).first().click()
    await page.getByRole('button', { name: 'New client' }).first().click()
    await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill(name)
    await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  }
  await addClient('Kept Before Backup')
  await page.getByRole('link', { name: 'Backups' }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('table', { name: 'Backups' })).toContainText('1 client ·')
  await addClient('Added After Backup')

  await page.getByRole('link', { name: 'Backups' }).click()
  const manual = page.getByRole('row', { name: /Backed up by you/ })
  await manual.getByRole('button', { name: 'Restore…' }).click()
  await shot('01-confirm-restore')
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByText('Backup restored')).toBeVisible()
  await shot('02-restored')
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(1)

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Restore undone')).toBeVisible()
  await page.getByRole('link', { name: 'Engagements' }).click()
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(2)
})

test('a damaged database opens on the recovery screen and the newest backup brings the data back', async ({ app }) => {
  const { page, shot } = app
  await page.getByRole('button', { name: 'New client' }).first().click()
  await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Survives The Damage')
  await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: 'Survives The Damage', level: 1 })).toBeVisible()

  // Quit (which takes a backup), then the file is cut to nothing before the next start.
  await app.restart(() => truncateSync(app.databasePath, 0))
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Your Stagecraft database file is empty.' })).toBeVisible()
  await expect(page.getByText('The newest backup passed every check')).toBeVisible()
  await shot('recovery-screen')
  await page.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  // The window was on the client's page before the restart; it comes back there, with the data.
  await expect(page.getByRole('heading', { name: 'Survives The Damage', level: 1 })).toBeVisible()
})

test('a database another program holds is not damage: the screen says so and “Try again” opens it once it is free', async ({ app }) => {
  const { page, shot } = app
  await page.getByRole('button', { name: 'New client' }).first().click()
  await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Held By Another Program')
  await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: 'Held By Another Program', level: 1 })).toBeVisible()

  let other: Sqlite.Database | undefined
  await app.restart(() => {
    other = new Sqlite(app.databasePath)
    other.pragma('locking_mode = EXCLUSIVE')
    other.exec('BEGIN EXCLUSIVE')
  })
  await expect(page.getByRole('heading', { name: 'Stagecraft cannot open your data right now.' })).toBeVisible()
  await expect(page.getByText('Your data is not damaged')).toBeVisible()
  await expect(page.getByText(/Another program is using your database/)).toBeVisible()
  // Nothing to restore over data that is fine: the only ways on are to try again or quit.
  await expect(page.getByRole('button', { name: 'Restore this backup' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Start empty' })).toHaveCount(0)
  await shot('locked')
  other!.exec('ROLLBACK')
  other!.close()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Held By Another Program', level: 1 })).toBeVisible()
})

test('damage deep inside the file, found by the checks that run after the first screen, brings up the recovery screen', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'New client' }).first().click()
  await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Checked After Opening')
  await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
  await expect(page.getByRole('heading', { name: 'Checked After Opening', level: 1 })).toBeVisible()
  await app.restart(() => {
    // The header page stays intact, so the file opens; pages near the end are garbage.
    const size = statSync(app.databasePath).size
    const fd = openSync(app.databasePath, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.max(4096, size - 16384))
    closeSync(fd)
  })
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await expect(page.getByRole('heading', { name: /damaged|point at data/ })).toBeVisible()
  await page.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' })).toContainText('Checked After Opening')
})

test('copies backups to a chosen folder sealed with a passphrase, and restores one from there', async ({ app }) => {
  const { page, shot, dialogs } = app
  const { dir: drive, cleanup } = tempDir('stagecraft-drive-')
  try {
    await page.getByRole('button', { name: 'New client' }).first().click()
    await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Sealed Away Ltd')
    await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
    await expect(page.getByRole('heading', { name: 'Sealed Away Ltd', level: 1 })).toBeVisible()

    await page.getByRole('link', { name: 'Backups' }).click()
    const card = page.getByRole('region', { name: 'Copies in another folder' })
    await card.getByRole('button', { name: 'Choose a folder…' }).click()
    const modal = page.getByRole('dialog', { name: 'Copy backups to another folder' })
    await modal.getByLabel('Passphrase', { exact: true }).fill('short')
    await expect(modal.getByText('Use at least 8 characters')).toBeVisible()
    await expect(modal.getByRole('button', { name: 'Choose folder…' })).toBeDisabled()
    await modal.getByLabel('Passphrase', { exact: true }).fill('drive passphrase 42')
    await modal.getByLabel('Passphrase again').fill('drive passphrase 42')
    await shot('01-choose-folder')
    dialogs.nextFolder = drive
    await modal.getByRole('button', { name: 'Choose folder…' }).click()
    await expect(card.getByText('Sealed with a passphrase', { exact: true })).toBeVisible()
    await expect(card.getByRole('table', { name: 'Backup copies' }).locator('tbody tr')).toHaveCount(1)
    await expect(card).toContainText(drive)

    // Added after the copy: a restore of the copy takes it away again, and Undo brings it back.
    await page.getByRole('link', { name: 'Clients' }).first().click()
    await page.getByRole('button', { name: 'New client' }).first().click()
    await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Added After The Copy')
    await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
    await expect(page.getByRole('heading', { name: 'Added After The Copy', level: 1 })).toBeVisible()

    await page.getByRole('link', { name: 'Backups' }).click()
    await card.getByRole('table', { name: 'Backup copies' }).getByRole('button', { name: 'Restore…' }).first().click()
    const unseal = page.getByRole('dialog', { name: /Restore the sealed copy/ })
    await unseal.getByLabel('Passphrase of the copies').fill('not the passphrase')
    await unseal.getByRole('button', { name: 'Restore' }).click()
    await expect(unseal.getByText('The passphrase is not right, or the file has been changed.')).toBeVisible()
    await shot('02-wrong-passphrase')
    await unseal.getByLabel('Passphrase of the copies').fill('drive passphrase 42')
    await unseal.getByRole('button', { name: 'Restore' }).click()
    await expect(page.getByText('Backup restored')).toBeVisible()
    await shot('03-restored')
    await page.getByRole('link', { name: 'Clients' }).first().click()
    await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(1)
    await expect(page.getByRole('table', { name: 'Clients' })).toContainText('Sealed Away Ltd')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByText('Restore undone')).toBeVisible()
    await page.getByRole('link', { name: 'Engagements' }).click()
    await page.getByRole('link', { name: 'Clients' }).first().click()
    await expect(page.getByRole('table', { name: 'Clients' }).locator('tbody tr')).toHaveCount(2)

    // The drive is unplugged: backing up still works, and the screen says the copy was not made.
    rmSync(drive, { recursive: true, force: true })
    await page.getByRole('link', { name: 'Backups' }).click()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect(card.getByText('The last copy was not made')).toBeVisible()
    await expect(card).toContainText('Is the drive connected?')
    await shot('04-drive-unplugged')
  } finally {
    cleanup()
  }
})

test('after the laptop loses its own backups, the recovery screen restores the sealed copy from the backup drive', async ({ app }) => {
  const { page, shot, dialogs } = app
  const { dir: drive, cleanup } = tempDir('stagecraft-drive-')
  try {
    await page.getByRole('button', { name: 'New client' }).first().click()
    await page.getByRole('dialog', { name: 'New client' }).getByLabel('Client name').fill('Saved On The Drive')
    await page.getByRole('dialog', { name: 'New client' }).getByRole('button', { name: 'Add client' }).click()
    await expect(page.getByRole('heading', { name: 'Saved On The Drive', level: 1 })).toBeVisible()
    await page.getByRole('link', { name: 'Backups' }).click()
    await page.getByRole('button', { name: 'Choose a folder…' }).click()
    const modal = page.getByRole('dialog', { name: 'Copy backups to another folder' })
    await modal.getByLabel('Passphrase', { exact: true }).fill('drive passphrase 42')
    await modal.getByLabel('Passphrase again').fill('drive passphrase 42')
    dialogs.nextFolder = drive
    await modal.getByRole('button', { name: 'Choose folder…' }).click()
    await expect(page.getByRole('table', { name: 'Backup copies' }).locator('tbody tr')).toHaveCount(1)
    await app.restart(() => {
      truncateSync(app.databasePath, 0)
      rmSync(join(dirname(app.databasePath), 'backups'), { recursive: true, force: true })
    })
    await expect(page.getByRole('alertdialog')).toBeVisible()
    await expect(page.getByText('The newest copy in your backup folder')).toBeVisible()
    await page.getByLabel('Passphrase of the copies').fill('wrong passphrase')
    await page.getByRole('button', { name: 'Restore this copy' }).click()
    await expect(page.getByText('The passphrase is not right, or the file has been changed.')).toBeVisible()
    await shot('recovery-from-copy')
    await page.getByLabel('Passphrase of the copies').fill('drive passphrase 42')
    await page.getByRole('button', { name: 'Restore this copy' }).click()
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
    await page.getByRole('link', { name: 'Clients' }).first().click()
    await expect(page.getByRole('table', { name: 'Clients' })).toContainText('Saved On The Drive')
  } finally {
    cleanup()
  }
})

async function manyClients(app: AppFixture, count: number): Promise<void> {
  const call = backendCaller(app)
  for (let i = 0; i < count; i++) await call('clients:create', { name: `Salvage Client ${String(i).padStart(3, '0')}`, notes: 'Osprey notes '.repeat(60) })
  await call('backups:create', {})
}

test('a damaged search index is rebuilt at start: the app opens with everything and says what it did', async ({ app }) => {
  const { page, shot } = app
  await manyClients(app, 60)
  await app.restart(() => scribblePages(app.databasePath, pagesOf(app.databasePath, 'search_index_data', 'leaf')))
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expect(page.getByText('Your data was repaired')).toBeVisible()
  await expect(page.getByText(/Everything you entered could still be read/)).toBeVisible()
  await shot('repaired-notice')
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' })).toContainText('Salvage Client 000')
})

test('damage to the work itself offers what could still be read beside the newest backup', async ({ app }) => {
  const { page, shot } = app
  await manyClients(app, 60)
  await app.restart(() => {
    const leaves = pagesOf(app.databasePath, 'client', 'leaf')
    scribblePages(app.databasePath, [leaves[Math.floor(leaves.length / 2)]!])
  })
  await expect(page.getByRole('alertdialog')).toBeVisible()
  const salvage = page.getByRole('alert').filter({ hasText: 'What could still be read from the damaged file' })
  await expect(salvage).toContainText(/records were read and copied into a new, healthy file\. Some clients could not be read/)
  await expect(page.getByRole('button', { name: 'Restore this backup' })).toBeVisible()
  await shot('salvage-offered')
  await page.getByRole('button', { name: 'Open what was salvaged' }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' })).toContainText('Salvage Client 000')
})

test('a journal file found beside cleanly closed data is not applied: the screen asks, and setting it aside opens the data as it was', async ({ app }) => {
  const { page, shot } = app
  await backendCaller(app)('clients:create', { name: 'As Left', notes: '' })
  await app.restart(() => {
    // Another copy of the file, with a change only in its journal, whose journal lands beside ours.
    const other = join(app.dir, 'other-copy.db')
    copyFileSync(app.databasePath, other)
    const db = new Sqlite(other)
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.prepare(`UPDATE client SET name = 'From Another Copy'`).run()
    copyFileSync(`${other}-wal`, `${app.databasePath}-wal`)
    db.close()
  })
  await expect(page.getByRole('heading', { name: 'Stagecraft found a journal file beside your data that it did not leave there.' })).toBeVisible()
  await expect(page.getByText(/close it and try again/)).toBeVisible()
  await shot('stale-journal')
  await page.getByRole('button', { name: 'Set the journal aside…' }).click()
  await page.getByRole('dialog', { name: 'Set the journal file aside?' }).getByRole('button', { name: 'Set it aside and open' }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expect(page.getByText('The journal file was set aside')).toBeVisible()
  await page.getByRole('link', { name: 'Clients' }).first().click()
  await expect(page.getByRole('table', { name: 'Clients' })).toContainText('As Left')
  await expect(page.getByRole('table', { name: 'Clients' })).not.toContainText('From Another Copy')
})
