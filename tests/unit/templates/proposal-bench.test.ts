import { describe, expect, it } from 'vitest'
import { benchmarkProposal, syntheticProposalInput } from '../../../bench/proposal.bench'

describe('the proposal benchmark', () => {
  it('builds a large engagement: 60 work items and all seven roles', () => {
    const { plan, input } = syntheticProposalInput(60, 7)
    expect(plan.phases.flatMap((p) => p.items).filter((i) => ['task', 'activity', 'custom'].includes(i.kind))).toHaveLength(60)
    expect(plan.hires).toHaveLength(7)
    expect(input.sections).toBeUndefined() // every part, appendices included
  })

  it('runs once on small sizes and reports median and p95 for the export and the docx floor', async () => {
    const r = await benchmarkProposal({ runs: 1, warmup: 0, taskCount: 20, roleCount: 2 })
    expect(r).toMatchObject({ taskCount: 20, roleCount: 2, runs: 1, warmup: 0 })
    expect(r.bytes).toBeGreaterThan(10_000)
    expect(r.proposal.p95).toBeGreaterThanOrEqual(r.proposal.median)
    expect(r.packOnly.median).toBeGreaterThanOrEqual(0)
  }, 60_000)
})
