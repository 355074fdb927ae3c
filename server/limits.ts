/**
 * Failed attempts per key (an address, an email) in a sliding window. Past the limit the
 * key waits until its oldest failure leaves the window; the server answers 429 without
 * doing the expensive hash check, so guessing codes or tokens cannot wear the server down.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  waitFor(key: string): number {
    const times = this.recent(key)
    return times.length >= this.limit ? Math.max(1, times[0]! + this.windowMs - this.now()) : 0
  }

  fail(key: string): void {
    const times = this.recent(key)
    times.push(this.now())
    this.failures.set(key, times)
    // Keys with no recent failure are dropped, so a flood of new addresses cannot grow the map for long.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) if (!this.recent(k).length) this.failures.delete(k)
  }

  succeed(key: string): void {
    this.failures.delete(key)
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff)
  }
}

/** How long to wait, in words: "in 14 minutes", "in 1 minute". */
export const retryWords = (ms: number): string => {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`
}
