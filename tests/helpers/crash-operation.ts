// Child process for the crash test of the safety net: runs one operation (a backup, a restore
// or an import) in a loop through the app controller, as the app does, and prints what each
// one made only after the call has answered. The parent kills it at a random moment.
//   crash-operation.ts backup|restore|import DIR
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAppController } from '../../electron/app-controller'
import { systemDeps } from '../../db/deps'
import { TRUSTED } from './backend'

const [op, dir] = [process.argv[2]!, process.argv[3]!]
const path = join(dir, 'stagecraft.db')
const intake = join(dir, 'intake.json')
const template = JSON.parse(process.env.CRASH_INTAKE ?? '{}') as { client: { name: string } }

const controller = createAppController({
  databasePath: path,
  deps: systemDeps,
  appVersion: 'crash',
  trustedOrigin: 'app://stagecraft',
  dialogs: { chooseFileToOpen: async () => intake, chooseFileToSave: async () => null }
})
if ((await controller.start()) !== 'ready') {
  console.error('the data did not open')
  process.exit(3)
}
const call = async (channel: string, payload: unknown = {}) => {
  const r = (await controller.dispatch(channel, payload, TRUSTED)) as { ok: boolean; value?: any; error?: unknown }
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
  return r.value
}

const targets = (process.env.CRASH_RESTORE ?? '').split(',').filter(Boolean)
for (let n = 1; ; n++) {
  if (op === 'backup') {
    const made = await call('backups:create')
    process.stdout.write(`${made.fileName}\n`)
  } else if (op === 'restore') {
    const fileName = targets[n % targets.length]!
    await call('backups:restore', { fileName })
    process.stdout.write(`${fileName}\n`)
  } else if (op === 'import') {
    const name = `Imported ${process.pid}-${n}`
    writeFileSync(intake, JSON.stringify({ ...template, client: { ...template.client, name } }))
    const done = await call('intake:import', {})
    if (done.status !== 'imported') throw new Error(`import answered ${done.status}`)
    process.stdout.write(`${name}\n`)
  } else {
    throw new Error(`unknown operation ${op}`)
  }
}
