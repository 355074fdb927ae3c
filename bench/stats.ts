/** Median and 95th percentile of repeated timings, after warm-up runs that are discarded. */
export interface Timing {
  median: number
  p95: number
  runs: number
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
  return { median: at(0.5), p95: at(0.95), runs: sorted.length }
}

export async function time(fn: () => unknown | Promise<unknown>, { runs, warmup }: { runs: number; warmup: number }): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  return summarise(samples)
}
