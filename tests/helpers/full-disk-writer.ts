// Child process for the full-disk tests (run with a small file-size limit, `ulimit -f` or
// `prlimit --fsize`). Node ignores SIGXFSZ, so a write past the limit fails with EFBIG
// instead of killing the process, which is how a full disk looks to the app.
//
//   write PATH BYTES   writeFileAtomic over PATH; prints the outcome as one JSON line
//   export DIR         builds a backend in DIR with a sample engagement, exports it to
//                      DIR/earlier.stagecraft, prints "ready", waits for a line on stdin
//                      (the parent lowers the limit meanwhile), exports again over the same
//                      file and prints the dispatcher's answer as one JSON line
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { startBackend } from '../../electron/backend'
import { describeWriteError, writeFileAtomic } from '../../app/files'
import { fixedDeps } from './deps'

const [mode, target, size] = process.argv.slice(2)
const sender = { url: 'app://stagecraft/index.html', isMainFrame: true }

if (mode === 'write') {
  try {
    writeFileAtomic(target!, Buffer.alloc(Number(size), 0x61))
    console.log(JSON.stringify({ ok: true }))
  } catch (error) {
    console.log(JSON.stringify({ ok: false, code: (error as { code?: string }).code, message: describeWriteError(error, target!) }))
  }
} else if (mode === 'export') {
  const out = join(target!, 'earlier.stagecraft')
  const backend = await startBackend({
    databasePath: join(target!, 'stagecraft.db'),
    deps: fixedDeps(),
    appVersion: '0.0.0-test',
    trustedOrigin: 'app://stagecraft',
    dialogs: { chooseFileToOpen: async () => null, chooseFileToSave: async () => out }
  })
  const sample = await backend.dispatch('samples:create', {}, sender)
  if (!sample.ok) throw new Error(JSON.stringify(sample.error))
  const { engagementId, assessmentId } = sample.value as { engagementId: string; assessmentId: string }
  await backend.dispatch('plans:create', { engagementId, assessmentId }, sender)
  const first = await backend.dispatch('portable:export', { engagementId }, sender)
  if (!first.ok) throw new Error(JSON.stringify(first.error))
  console.log('ready')
  const lines = createInterface({ input: process.stdin })
  for await (const _line of lines) break
  const second = await backend.dispatch('portable:export', { engagementId, passphrase: 'a long enough passphrase' }, sender)
  console.log(JSON.stringify(second))
  // Closing may fail to checkpoint under the limit; the test only needs the answer above.
  process.exit(0)
}
