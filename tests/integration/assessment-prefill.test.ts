/** A new assessment starts with what the client record already knows, so the workshop does not ask it again. */
import { afterEach, describe, expect, it } from 'vitest'
import type { Assessment } from '../../shared/schemas/assessment.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
const backends: TB[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})

describe('a new assessment', () => {
  it('has the client’s headcount answered, and asks it when the record has none', async () => {
    const b = await testBackend()
    backends.push(b)
    const known = await valueOf<{ id: string }>(callAs(b, 'clients:create', { name: 'Northwind Trading', headcount: 240 }))
    const unknown = await valueOf<{ id: string }>(callAs(b, 'clients:create', { name: 'Fabrikam' }))
    const engagementOf = (clientId: string) =>
      valueOf<{ id: string }>(callAs(b, 'engagements:create', { clientId, title: 'AI team', consultant: 'Dana', currency: 'EUR', dayRate: 1000 }))
    const a = await valueOf<Assessment>(callAs(b, 'assessments:create', { engagementId: (await engagementOf(known.id)).id }))
    expect(a.answers['headcount']?.value).toBe(240)
    const c = await valueOf<Assessment>(callAs(b, 'assessments:create', { engagementId: (await engagementOf(unknown.id)).id }))
    expect(c.answers['headcount']).toBeUndefined()
  })
})
