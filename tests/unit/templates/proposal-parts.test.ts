import { describe, expect, it } from 'vitest'
import { buildProposalModel } from '../../../templates/proposal.model'
import { proposalInputFrom } from '../../helpers/proposal-input.helper'

describe('what a professional proposal has', () => {
  it('the objective: the client’s own words when recorded, else agreed at the kick-off', () => {
    const without = buildProposalModel(proposalInputFrom('api-startup'))
    expect(without.summary.objective).toMatchObject({ agreed: false, text: expect.stringMatching(/agreed with your leadership at the kick-off in week 1/) })
    const withIt = buildProposalModel(
      proposalInputFrom('api-startup', { engagement: { ...proposalInputFrom('api-startup').engagement, objective: "Cut the team's triage time in half" } })
    )
    // What the consultant typed keeps its own characters.
    expect(withIt.summary.objective).toEqual({ agreed: true, text: "Cut the team's triage time in half" })
  })

  it('deliverables with acceptance criteria for the plan’s work, pending work marked', () => {
    const m = buildProposalModel(proposalInputFrom('no-data'))
    const terraform = m.plan.deliverables.find((d) => d.title.startsWith('Cloud infrastructure as code'))!
    expect(terraform.delivers.length).toBeGreaterThan(0)
    expect(terraform.accepted.length).toBeGreaterThan(0)
    expect(terraform.optional).toBe(false)
    expect(m.plan.deliverables.find((d) => d.title.startsWith('Deployment pipeline'))!.optional).toBe(true)
  })

  it('governance with a cadence, risks from the findings, about us, and the terms a consultant in production systems needs', () => {
    const m = buildProposalModel(proposalInputFrom('mlops-pain'))
    expect(m.governance.cadence.map((c) => c.when)).toEqual([
      'Weekly, 30 minutes',
      'Every two weeks',
      'At the end of each of the five phases',
      'After each interview round'
    ])
    const risks = m.risks.map((r) => r.risk).join('\n')
    expect(risks).toMatch(/degrades again before the platform core is in place \(week 9\)/)
    expect(risks).toMatch(/pulled back into infrastructure/)
    expect(risks).toMatch(/Relief from the production pain comes later than week 9/)
    expect(m.about[0]).toMatch(/^Northwind Advisory helps companies build their AI teams/)
    expect(m.terms.clauses.map((c) => c.title)).toEqual(expect.arrayContaining(['Access and data protection', 'Non-solicitation', 'Governing law']))
    expect(m.acceptance.statement).toMatch(/chooses the option “Full build-out” \(phases 1–5, to week \d+\)/)
  })

  it('the consultancy’s own words from Settings replace the standard ones', () => {
    const m = buildProposalModel(
      proposalInputFrom('api-startup', {
        aboutUs: 'We are a two-person practice.\n\nWe have done this forty times.',
        governance: 'A call every Monday.',
        governingLaw: 'the law of England and Wales'
      })
    )
    expect(m.about).toEqual(['We are a two-person practice.', 'We have done this forty times.'])
    expect(m.governance).toEqual({ paragraphs: ['A call every Monday.'], cadence: [] })
    expect(m.terms.clauses.at(-1)!.text).toMatch(/governed by the law of England and Wales/)
  })
})
