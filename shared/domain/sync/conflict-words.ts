import { PricingTermsSchema } from '../../schemas/pricing.schema'
import { TIER_NAMES } from '../planning/stages/tiers'

type Value = string | number | null

const amount = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 })
const date = (iso: string) => iso.slice(0, 10)

/**
 * A guarded value as the conflict inbox shows it, so the person choosing reads terms,
 * not stored JSON: "1,750 EUR a day", "Fixed fee 84,000 EUR, 10% discount, committed:
 * Foundations", "Met on 2026-05-01".
 */
export function describeGuardedValue(field: string, value: Value, currency: string | null): string {
  if (value === null) return field === 'done_at' ? 'Not met' : 'None'
  const money = (n: number) => (currency ? `${amount(n)} ${currency}` : amount(n))
  switch (field) {
    case 'day_rate':
      return typeof value === 'number' ? `${money(value)} a day` : String(value)
    case 'cost':
      return typeof value === 'number' ? money(value) : String(value)
    case 'effort_days':
      return typeof value === 'number' ? `${amount(value)} days` : String(value)
    case 'done_at':
      return `Met on ${date(String(value))}`
    case 'signed_at':
      return `Signed on ${date(String(value))}`
    case 'pricing':
      return describePricing(String(value), money)
    case 'plan':
      return describeBaseline(String(value), money)
    default:
      return String(value)
  }
}

function describePricing(json: string, money: (n: number) => string): string {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return 'Unreadable pricing'
  }
  const parsed = PricingTermsSchema.safeParse(raw)
  if (!parsed.success) return 'Pricing in a form this version cannot read'
  const p = parsed.data
  const parts = [p.model === 'fixed_fee' ? `Fixed fee ${money(p.fixedFee ?? 0)}` : 'Time and materials']
  if (p.discountPercent > 0) parts.push(`${amount(p.discountPercent)}% discount`)
  if (p.taxRatePercent > 0) parts.push(`${p.taxLabel || 'tax'} ${amount(p.taxRatePercent)}%`)
  parts.push(`committed: ${TIER_NAMES[p.tiers.committed]}`)
  if (p.tiers.offered.length > 1) parts.push(`options: ${p.tiers.offered.map((t) => TIER_NAMES[t]).join(', ')}`)
  parts.push(`${p.paymentMilestones.length} payment${p.paymentMilestones.length === 1 ? '' : 's'}`)
  if (p.expenses.length) parts.push(`${p.expenses.length} expense line${p.expenses.length === 1 ? '' : 's'}`)
  parts.push(`valid until ${p.validUntil}`)
  return parts.join(', ')
}

/** A signed baseline's group (plan, effort, cost, currency, date) as one sentence. */
function describeBaseline(json: string, money: (n: number) => string): string {
  let b: Record<string, unknown>
  try {
    b = JSON.parse(json) as Record<string, unknown>
  } catch {
    return 'The signed plan'
  }
  if (typeof b !== 'object' || b === null || !('cost' in b)) return 'The signed plan'
  const parts = ['Signed plan']
  if (typeof b.effort_days === 'number') parts.push(`${amount(b.effort_days)} days`)
  if (typeof b.cost === 'number') parts.push(typeof b.currency === 'string' ? `${amount(b.cost)} ${b.currency}` : money(b.cost))
  if (typeof b.signed_at === 'string') parts.push(`signed on ${date(b.signed_at)}`)
  return parts.join(', ')
}
