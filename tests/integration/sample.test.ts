/**
 * The sample client reads as a real engagement whatever day it is created: a first workshop
 * thirteen weeks ago, the engagement starting the Monday after it, and the re-assessment
 * today, with the infrastructure engineer it recommended present at the second.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { sampleDates } from '../../app/sample.service'
import type { Assessment } from '../../shared/schemas/assessment.schema'
import type { Engagement } from '../../shared/schemas/engagement.schema'
import { callAs, testBackend, valueOf } from '../helpers/backend'

type TB = Awaited<ReturnType<typeof testBackend>>
const backends: TB[] = []
afterEach(async () => {
  for (const b of backends.splice(0)) await b.dispose()
})

const DAY = 86_400_000

describe('the sample client', () => {
  it('dates its first workshop 13 weeks before today and starts on the Monday after, on any weekday', () => {
    for (let d = 0; d < 14; d++) {
      const now = new Date(Date.parse('2026-12-03T16:00:00Z') + d * DAY)
      const { firstWorkshop, startDate } = sampleDates(now)
      const today = Date.parse(now.toISOString().slice(0, 10))
      expect((today - Date.parse(firstWorkshop)) / DAY).toBe(91)
      const gap = (Date.parse(startDate) - Date.parse(firstWorkshop)) / DAY
      expect(gap).toBeGreaterThanOrEqual(1)
      expect(gap).toBeLessThanOrEqual(7)
      expect(new Date(startDate).getUTCDay()).toBe(1)
    }
  })

  it('is a three-month re-assessment, not an eleven-month one, with coherent people', async () => {
    const b = await testBackend()
    backends.push(b)
    const sample = await valueOf<{ engagementId: string; assessmentId: string }>(callAs(b, 'samples:create', {}))
    const engagement = await valueOf<Engagement>(callAs(b, 'engagements:get', { id: sample.engagementId }))
    const list = await valueOf<{ id: string; createdAt: string }[]>(callAs(b, 'assessments:list', { engagementId: sample.engagementId }))
    const all = await Promise.all(list.map((a) => valueOf<Assessment>(callAs(b, 'assessments:get', { id: a.id }))))
    const [first, second] = all.sort((x, y) => x.createdAt.localeCompare(y.createdAt))
    const months = (Date.parse(second!.createdAt) - Date.parse(first!.completedAt!)) / (30.4 * DAY)
    expect(months).toBeGreaterThan(2.8)
    expect(months).toBeLessThan(3.2)
    expect(Date.parse(engagement.startDate!)).toBeGreaterThan(Date.parse(first!.completedAt!))
    expect(Date.parse(engagement.startDate!)).toBeLessThan(Date.parse(second!.createdAt))
    expect(second!.present.some((p) => /infrastructure engineer/.test(p))).toBe(true)
    expect(first!.present.some((p) => /infrastructure engineer/.test(p))).toBe(false)
  })
})
