import { describe, expect, it } from 'vitest'
import { typographic } from '../../../templates/words'
import { planIntake } from '../../../cli/commands/plan.command'
import { DEFAULT_LIBRARY } from '../../../shared/content/library.content'
import { answersForContext, answersForMaturity } from '../../../shared/domain/assessment/question-bank'
import { planFromStored, basisFrom } from '../../../shared/domain/planning/stored-plan'
import { assess } from '../../../shared/domain/assessment/engine'
import {
  buildHiringPack,
  buildHiringPackModel,
  buildProposal,
  buildProposalModel,
  HIRING_PACK_SECTIONS,
  packDocument,
  PROPOSAL_SECTIONS,
  TEMPLATES
} from '../../../templates/index'
import { lookForIn } from '../../../templates/hiring.model'
import { unzip, visibleText } from '../../helpers/readers'
import { intakeFixture, proposalInputFrom } from '../../helpers/proposal-input.helper'

const headingsOf = async (bytes: Buffer): Promise<string[]> => {
  const xml = unzip(bytes).get('word/document.xml')!.toString('utf8')
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading1"\/>[\s\S]*?<\/w:p>/g)].map((m) => visibleText(m[0]).join(''))
}

const textOf = (bytes: Buffer): string => visibleText(unzip(bytes).get('word/document.xml')!.toString('utf8')).join('\n')

describe('the proposal model', () => {
  it('presents the plan the CLI plans, priced with the default terms and valid 30 days', () => {
    const m = buildProposalModel(proposalInputFrom('api-startup'))
    const plan = planIntake(intakeFixture('api-startup'))
    expect(m.summary.recommendation.role).toBe('infra_engineer')
    expect(m.plan.phases.flatMap((p) => p.rows.map((r) => r.id))).toEqual(
      plan.phases.flatMap((p) => p.items.filter((i) => i.kind !== 'milestone').map((i) => i.id))
    )
    expect(m.investment.tiers.map((t) => [t.name, t.proposed])).toEqual([
      ['Foundations', false],
      ['Foundations and first hire', false],
      ['Full build-out', true]
    ])
    expect(m.investment.tiers.at(-1)!.total).toBe('€81,000')
    expect(m.meta.validUntil).toBe('22 March 2025') // generated 20 February
    expect(m.investment.payments.map((p) => [p.label, p.share])).toEqual([
      ['On signing', '30%'],
      ['Foundations ready', '30%'],
      // The milestone falls in the plan's last week: one invoice, not two on the same date.
      ['Milestone reached and work complete', '40%']
    ])
    expect(m.investment.payments.at(-1)!.due).toMatch(/^Week 22, \d+ \w+ 2025$/)
    expect(m.investment.payments.at(-1)!.amount).toBe('€32,400')
    expect(m.investment.paymentsTotal).toBe('€81,000')
    expect(m.summary.observed).toMatch(/dozen or so companies of 50 to 500 people/)
    expect(m.summary.observed).toMatch(/not as a promise/)
  })

  it('reconciles the options with the by-phase table: each option’s days are its phases’ days less the weekly work it ends early, as the note says', () => {
    const ORDER = ['Discovery', 'Foundations', 'First hire', 'Team build-out', 'Scale']
    const num = (s: string) => Number(s.replace(/[^0-9.]/g, ''))
    let notes = 0
    for (const name of ['api-startup', 'custom-exploration', 'custom-scientist', 'mature-api', 'mlops-pain', 'no-data']) {
      const inv = buildProposalModel(proposalInputFrom(name)).investment
      const weekly = [...(inv.weeklyNote ?? '').matchAll(/runs every week to week \d+ \(([\d.]+) days?\)/g)].map((m) => Number(m[1]))
      for (const tier of inv.tiers.filter((t) => !/pending work/.test(t.name))) {
        const last = ORDER.indexOf(/to (.+)$/.exec(tier.phases)?.[1] ?? 'Discovery')
        const phaseDays = inv.phases.filter((p) => ORDER.indexOf(p.name) <= last).reduce((s, p) => s + num(p.days), 0)
        const kept = [...(inv.weeklyNote ?? '').matchAll(new RegExp(`in the ${tier.name.toLowerCase()} option to week \\d+ \\(([\\d.]+) days?\\)`, 'g'))].map(
          (m) => Number(m[1])
        )
        // Each weekly item the option ends early is named with the days it keeps.
        const cut = kept.length ? weekly.reduce((s, full) => s + full, 0) - kept.reduce((s, k) => s + k, 0) : 0
        expect(num(tier.days), `${name}: ${tier.name}`).toBeCloseTo(phaseDays - cut, 2)
      }
      if (inv.weeklyNote) notes++
    }
    // Most fixtures have interim leadership that a smaller option ends early.
    expect(notes).toBeGreaterThanOrEqual(3)
  })

  it('keeps instalments due in different weeks apart: the urgent milestone comes first and is its own invoice', () => {
    const m = buildProposalModel(proposalInputFrom('mlops-pain'))
    expect(m.investment.payments.map((p) => p.label)).toEqual(['On signing', 'Milestone reached', 'Foundations ready', 'Work complete'])
    expect(new Set(m.investment.payments.map((p) => p.due.split(',')[0])).size).toBe(4)
  })

  it('shows discount, expenses, tax and a fixed fee when the terms have them', () => {
    const m = buildProposalModel(
      proposalInputFrom('api-startup', {
        pricing: {
          model: 'fixed_fee',
          fixedFee: 70_000,
          discountPercent: 5,
          taxRatePercent: 20,
          taxLabel: 'VAT',
          expenses: [{ label: 'Travel to two on-site workshops', amount: 1_500 }],
          paymentMilestones: [
            { label: 'On signing', percent: 50, dueWeek: 1 },
            { label: 'First hire starts', percent: 50, milestone: 'first_hire_starts' }
          ],
          validUntil: '2025-04-30',
          tiers: { committed: 'foundations_first_hire', offered: ['foundations_first_hire', 'full_build_out'] }
        }
      })
    )
    const proposed = m.investment.tiers.find((t) => t.proposed)!
    expect(proposed.name).toBe('Foundations and first hire')
    expect(proposed.fees).toBe('€70,000')
    expect(proposed.discount).toBe('−€3,500')
    expect(proposed.expenses).toBe('€1,500')
    expect(proposed.tax).toBe('€13,600') // 20% of (66,500 + 1,500)
    expect(proposed.total).toBe('€81,600')
    expect(m.investment.showDiscount && m.investment.showExpenses && m.investment.showTax).toBe(true)
    expect(m.investment.basis).toMatch(/^Fixed fee/)
    expect(m.investment.validUntil).toBe('30 April 2025')
    expect(m.terms.clauses.find((c) => c.title === 'Fees and invoices')!.text).toMatch(/fixed/)
  })

  it('lists the unknown answers, the decisive ones first, as assumptions to confirm', () => {
    const i = intakeFixture('api-startup')
    const raw: Record<string, unknown> = {
      ...answersForMaturity(i.maturity),
      ...answersForContext(i.context),
      deploy_path: 'unknown',
      deploy_is_bottleneck: 'unknown'
    }
    const answers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, { value: v as string, note: null }]))
    const m = buildProposalModel(proposalInputFrom('api-startup', { assessment: { answers } }))
    expect(m.assumptions.toVerify.length).toBeGreaterThanOrEqual(2)
    expect(m.assumptions.toVerify[0]!.decisive).toBe(true)
    expect(m.assumptions.toVerify[0]!.changes.length).toBeGreaterThan(0)
  })

  it('takes a stored plan with its edits and the consultant notes on its items', () => {
    const i = intakeFixture('api-startup')
    const result = assess({ maturity: i.maturity, context: i.context })
    const plan = planFromStored(
      {
        basis: basisFrom(result, i.context, i.maturity),
        keptStale: [],
        library: { tasks: {}, roles: {} },
        settings: { capacityDaysPerWeek: 3 },
        edits: {
          overrides: { terraform: { effortDays: 10, notes: 'Two AWS accounts' } },
          custom: [{ id: 'security_review', title: 'Security review of the platform', phase: 'first_hire', effortDays: 2, owner: 'consultant' }],
          removed: ['billing_alerts']
        },
        createdAt: '2025-02-01T00:00:00Z'
      },
      { startDate: '2025-03-03', dayRate: 1200, currency: 'EUR' }
    )
    const m = buildProposalModel(proposalInputFrom('api-startup', { plan, itemNotes: { terraform: 'Two AWS accounts' } }))
    const rows = m.plan.phases.flatMap((p) => p.rows)
    expect(rows.find((r) => r.id === 'terraform')).toMatchObject({ effort: '10 days', note: 'Two AWS accounts', cost: '€12,000' })
    expect(rows.find((r) => r.id === 'security_review')!.title).toBe('Security review of the platform')
    expect(rows.some((r) => r.id === 'billing_alerts')).toBe(false)
  })

  it('prints the consultant’s own terms instead of the standard ones', () => {
    const m = buildProposalModel(proposalInputFrom('api-startup', { terms: 'Our terms.\n\nSecond paragraph.' }))
    expect(m.terms).toEqual({ clauses: [], custom: 'Our terms.\n\nSecond paragraph.' })
  })

  it('leaves out each part that is switched off, and the contents follow', async () => {
    const all = await headingsOf(await packDocument(buildProposal(buildProposalModel(proposalInputFrom('api-startup')))))
    expect(all).toEqual([
      'Executive summary',
      'Current state',
      'The plan',
      'Hiring plan',
      'Investment',
      'How we work together',
      'Risks and how we manage them',
      'Assumptions and exclusions',
      'About Northwind Advisory',
      'Terms',
      'Acceptance',
      'Appendix: interview kits'
    ])
    const some = await packDocument(
      buildProposal(
        buildProposalModel(proposalInputFrom('api-startup', { sections: { interviewKits: false, terms: false, currentState: false, risks: false } }))
      )
    )
    const h1 = await headingsOf(some)
    expect(h1).not.toContain('Appendix: interview kits')
    expect(h1).not.toContain('Terms')
    expect(h1).not.toContain('Current state')
    expect(h1).not.toContain('Risks and how we manage them')
    expect(h1).toContain('Acceptance')
    const none = Object.fromEntries(PROPOSAL_SECTIONS.map((s) => [s, false]))
    const empty = await packDocument(buildProposal(buildProposalModel(proposalInputFrom('api-startup', { sections: none }))))
    expect(await headingsOf(empty)).toEqual([])
    expect(unzip(empty).get('word/document.xml')!.toString('utf8')).toContain('<w:body>')
  })

  it('writes the same document for the same input', async () => {
    const a = textOf(await packDocument(buildProposal(buildProposalModel(proposalInputFrom('mlops-pain')))))
    const b = textOf(await packDocument(buildProposal(buildProposalModel(proposalInputFrom('mlops-pain')))))
    expect(a).toBe(b)
  })

  it('is registered with the assessment and hiring templates, with safe file names', () => {
    expect(Object.keys(TEMPLATES)).toEqual(['proposal', 'assessment', 'hiring', 'progress'])
    const m = buildProposalModel(proposalInputFrom('api-startup'))
    expect(TEMPLATES.proposal.fileName(m)).toBe('Proposal - Parcelwise - First AI feature.docx')
    expect(TEMPLATES.hiring.fileName(buildHiringPackModel(proposalInputFrom('api-startup')))).toBe('Hiring pack - Parcelwise.docx')
  })
})

describe('the summary names each piece of work once, and says who delivers the milestone', () => {
  it('mature-api: the platform parts are not listed again as setup, and the ML staff’s feature is not read as the hire’s', () => {
    const m = buildProposalModel(proposalInputFrom('mature-api'))
    const why = m.summary.recommendation.why
    expect(why.some((w) => /builds the missing parts \(a deployment pipeline, prediction logging, model monitoring/.test(w))).toBe(true)
    const setup = why.find((w) => /one-off setup/.test(w))
    expect(setup).toMatch(/also does the rest of the one-off setup \(versioned datasets\)/)
    expect(setup).not.toMatch(/deployment pipeline|prediction logging|model monitoring/)
    expect(m.summary.milestone.text.join(' ')).toMatch(
      /own ML staff then build the feature in about 4 weeks\. The ML engineer, who starts in week 12, joins as it is being finished: the hire is for the features that come after it\./
    )
  })

  it('the key figures lead with the milestone, and say so when the client’s own staff reach it before the hire', () => {
    for (const fixture of ['api-startup', 'mlops-pain', 'custom-exploration', 'custom-scientist', 'no-data', 'mature-api']) {
      const plan = planIntake(intakeFixture(fixture))
      const m = buildProposalModel(proposalInputFrom(fixture))
      const [milestone, hire] = m.summary.keyFigures
      expect(milestone!.value, fixture).toBe(`Week ${plan.milestone.week}`)
      expect(hire!.label, fixture).toMatch(/hire starts$/)
      const b = plan.milestone.basis
      const staffFirst = b.by === 'platform_and_builder' && b.builder === 'existing_staff'
      expect(/own ML staff/.test(milestone!.note), fixture).toBe(staffFirst)
      expect(/for the work after it/.test(hire!.note), fixture).toBe(staffFirst)
    }
    expect(buildProposalModel(proposalInputFrom('mature-api')).summary.keyFigures[0]!.note).toMatch(/, by .+’s own ML staff$/)
  })
})

describe('the hiring pack model', () => {
  it('has a job description with the client’s context and a kit for every hire, in plan order', () => {
    const input = proposalInputFrom('custom-exploration')
    const m = buildHiringPackModel(input)
    const plan = planIntake(intakeFixture('custom-exploration'))
    expect(m.roles.map((r) => r.role)).toEqual(plan.hires.map((h) => h.role))
    for (const r of m.roles) {
      const profile = DEFAULT_LIBRARY.roles.find((p) => p.id === r.role)!
      expect(r.kit.aiDomain).toBe(false)
      // The library's words, set with typographic apostrophes.
      expect(r.job.mustHaves).toEqual(profile.mustHaves.map(typographic))
      expect(r.kit.scorecard.map((s) => s.criterion)).toEqual(profile.scorecard.map((s) => typographic(s.criterion)))
      expect(r.job.context).toMatch(/^Verdant Imaging \(/)
      expect(r.job.context).toMatch(/reporting to /)
    }
    expect(m.roles[0]!.job.context).toMatch(/This is the first AI hire/)
    expect(m.roles[1]!.job.context).toMatch(/The role follows the ML engineer in the hiring plan/)
    // R3: the infrastructure engineer waits for the answer on feasibility.
    expect(m.roles.find((r) => r.role === 'infra_engineer')!.job.context).toMatch(
      /the offer waits for the answer on whether a valuable model can be built, due by week 24; recruiting opens in week 15/
    )
    expect(m.steps.map((s) => s.startWeek)).toEqual(plan.hires.map((h) => h.startWeek))
    // The scientist joins before the production platform, which waits for the answer on feasibility: the description says so.
    const scientist = m.roles.find((r) => r.role === 'ml_scientist')!.job.context
    expect(scientist).toMatch(/By then, the ML engineer \(from week 12\) and the senior infrastructure engineer \(from week 25\) will have joined\./)
    expect(scientist).toMatch(
      /experiment tracking, versioned data and training infrastructure in place; the production platform is built in their first weeks, once the answer on feasibility has come in/
    )
  })

  it('never calls a hire the first AI hire when the client has ML staff', () => {
    const m = buildHiringPackModel(proposalInputFrom('mlops-pain'))
    expect(m.roles[0]!.job.context).toMatch(/This is the next AI hire, joining the existing ML staff/)
    expect(JSON.stringify(m)).not.toMatch(/first AI hire/)
  })

  it('what to listen for is addressed to this role: the note for infrastructure candidates stays in their kits', () => {
    const note = 'Curiosity. For infrastructure candidates, genuine interest in how ML systems behave is a good sign.'
    expect(lookForIn('ml_lead', note)).toBe('Curiosity.')
    expect(lookForIn('infra_engineer', note)).toBe(note)
    for (const client of ['mlops-pain', 'api-startup', 'no-data'] as const) {
      const m = buildHiringPackModel(proposalInputFrom(client))
      for (const r of m.roles) {
        const notes = [...r.kit.scorecard.flatMap((c) => c.questions), ...r.kit.addOn].map((q) => q.lookFor).join(' ')
        if (!['infra_engineer', 'mlops_engineer', 'data_engineer'].includes(r.role))
          expect(notes, `${client}: ${r.role}`).not.toMatch(/infrastructure candidates/)
      }
    }
  })

  it('no job description promises work the plan does not hold', () => {
    for (const client of ['mature-api', 'mlops-pain', 'custom-scientist'] as const) {
      const m = buildHiringPackModel(proposalInputFrom(client))
      const plan = planIntake(intakeFixture(client))
      const terraform = plan.phases.some((p) => p.items.some((i) => i.id === 'terraform'))
      for (const r of m.roles) if (!terraform) expect(JSON.stringify(r.job), `${client}: ${r.role}`).not.toMatch(/consultant has already set up/)
    }
  })

  it('adds the foundation-model questions for API clients', () => {
    const m = buildHiringPackModel(proposalInputFrom('api-startup'))
    expect(m.roles.every((r) => r.kit.addOn.length > 0 && r.kit.aiDomain)).toBe(true)
  })

  it('builds with any part switched off', async () => {
    for (const off of HIRING_PACK_SECTIONS) {
      const bytes = await packDocument(buildHiringPack(buildHiringPackModel(proposalInputFrom('api-startup', { sections: { [off]: false } as never }))))
      expect(unzip(bytes).get('word/document.xml')!.length).toBeGreaterThan(1000)
    }
  })
})
