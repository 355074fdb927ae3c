import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedLargeDatabase } from '../../bench/seed'
import { benchDashboard, benchSearch } from '../../bench/tracking.bench'
import { tempDir } from '../helpers/temp'

describe('the dashboard and search benchmarks', () => {
  it('run once on a small seed and report median, p95 and the raw-SQL floor', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const path = join(dir, 'bench.db')
      await seedLargeDatabase(path, { clients: 20, engagements: 120, seed: 5 })
      for (const figure of [await benchDashboard(path, { runs: 1, warmup: 0 }), await benchSearch(path, { runs: 2, warmup: 0 })]) {
        for (const t of [figure.app, figure.floor]) {
          expect(t.median).toBeGreaterThan(0)
          expect(t.p95).toBeGreaterThanOrEqual(t.median)
        }
      }
    } finally {
      cleanup()
    }
  })
})
