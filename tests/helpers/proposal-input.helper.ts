/**
 * Proposal and hiring-pack inputs from the intake fixtures, as the CLI builds them: the
 * intake's maturity and context, the built-in library, Northwind Advisory's branding.
 */
import { readFileSync } from 'node:fs'
import { IntakeFileSchema, type IntakeFile } from '../../shared/schemas/intake.schema'
import type { ProposalInput } from '../../templates/proposal.model'

export function intakeFixture(name: string): IntakeFile {
  return IntakeFileSchema.parse(JSON.parse(readFileSync(`tests/fixtures/intake/${name}.json`, 'utf8')))
}

export const TEST_BRANDING = {
  consultancyName: 'Northwind Advisory',
  accentColour: '#0D9084',
  fontFamily: 'Inter',
  footerText: 'Confidential: prepared for the client named on the cover.',
  locale: 'en-GB'
} as const

export function proposalInputFrom(name: string, overrides: Partial<ProposalInput> = {}): ProposalInput {
  const i = intakeFixture(name)
  return {
    client: { name: i.client.name, industry: i.client.industry, headcount: i.client.headcount ?? null },
    engagement: {
      title: i.engagement.title,
      consultant: i.engagement.consultant,
      currency: i.engagement.currency,
      dayRate: i.engagement.day_rate,
      startDate: i.engagement.start_date
    },
    assessment: { maturity: i.maturity, context: i.context },
    branding: TEST_BRANDING,
    generatedAt: '2025-02-20T10:00:00Z',
    ...overrides
  }
}
