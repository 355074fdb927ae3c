// Child process for the crash test: writes in a loop through the app's own database code
// and prints each id only after its commit has returned.
import { openDatabase } from '../../db/connection'
import { insertClient } from '../../db/repositories/client.repository'
import { insertEngagement } from '../../db/repositories/engagement.repository'
import { upsertAnswerField, insertAssessment } from '../../db/repositories/assessment.repository'
import { systemDeps } from '../../db/deps'

const path = process.argv[2]!
const handle = await openDatabase(path, { now: systemDeps.now })
let n = 0
for (;;) {
  n += 1
  const id = await handle.db.transaction().execute(async (trx) => {
    const client = await insertClient(trx, systemDeps, {
      name: `Crash client ${process.pid}-${n}`,
      industry: 'Test',
      headcount: n,
      contactName: null,
      contactEmail: null,
      notes: 'x'.repeat(n % 2000)
    })
    const engagement = await insertEngagement(trx, systemDeps, client.id, {
      title: `Engagement ${n}`,
      status: 'active',
      consultant: 'Crash',
      currency: 'EUR',
      dayRate: 1000,
      startDate: '2026-01-01',
      notes: null
    })
    const assessment = await insertAssessment(trx, systemDeps, { engagementId: engagement.id, title: 'A', present: [] })
    for (const q of ['cloud', 'stage', 'ai_approach']) {
      await upsertAnswerField(trx, systemDeps, assessment, q, 'value', JSON.stringify('A'))
    }
    return client.id
  })
  // Reported only now: the commit has returned, so with synchronous=FULL it must survive.
  process.stdout.write(`${id}\n`)
}
