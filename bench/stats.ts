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

/**
 * Times `fn` over `runs` runs after `warmup` discarded ones. `setup`, when given, runs before
 * each call outside the timing, and its result is what `fn` gets.
 */
export async function time<T = void>(
  fn: (prepared: T) => unknown | Promise<unknown>,
  { runs, warmup, setup }: { runs: number; warmup: number; setup?: () => T | Promise<T> }
): Promise<Timing> {
  const prepare = async () => (setup ? await setup() : (undefined as T))
  for (let i = 0; i < warmup; i++) await fn(await prepare())
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const prepared = await prepare()
    const start = performance.now()
    await fn(prepared)
    samples.push(performance.now() - start)
  }
  return summarise(samples)
}
