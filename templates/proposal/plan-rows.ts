/** The plan section's table rows: owner, weeks, dates, effort and cost of each item. */
import { ROLE_BY_ID, type RoleId } from '../../shared/domain/catalogue'
import type { PlanItem } from '../../shared/domain/planning/plan.model'
import { weekEndDate, weekStartDate } from '../../shared/domain/planning/weeks'
import { plural, type EngagementBasis } from '../engagement-basis'
import { formatShortDate } from '../format'
import { singleLine } from '../text'
import type { PlanRow, ProposalInput } from '../proposal.model'
import { daysText } from './days'

/** A role title without its parenthesis, short enough for a table column. */
const shortRole = (basis: EngagementBasis, role: RoleId): string =>
  singleLine(basis.library.role(role).title).replace(/\s*\([^)]*\)\s*$/, '') || ROLE_BY_ID[role].name

const ownerText = (basis: EngagementBasis, item: PlanItem): { owner: string; note: string | null } => {
  if (item.kind === 'hire') return { owner: basis.clientName, note: 'recruiting' }
  if (item.owner === 'consultant') return { owner: basis.consultancyName, note: null }
  const pairing = item.effortDays > 0 && (item.kind === 'task' || item.kind === 'custom')
  return { owner: shortRole(basis, item.owner), note: pairing ? `with ${basis.consultancyName} pairing` : null }
}

export function planRow(basis: EngagementBasis, item: PlanItem, notes: ProposalInput['itemNotes']): PlanRow {
  const start = weekStartDate(basis.plan.engagement.startDate, item.startWeek)
  const end = weekEndDate(basis.plan.engagement.startDate, item.endWeek)
  const short = (iso: string) => formatShortDate(iso, basis.locale)
  const note = notes && Object.prototype.hasOwnProperty.call(notes, item.id) ? notes[item.id] : null
  const effort = daysText(basis, item.effortDays)
  let effortNote: string | null = null
  if (item.daysPerWeek !== undefined) effortNote = `${basis.num(item.daysPerWeek)} ${plural(item.daysPerWeek, 'day', 'days')} a week`
  else if (item.owner !== 'consultant' && item.fullEffortDays > item.effortDays) effortNote = `of ${basis.num(item.fullEffortDays)} in all`
  const hire = item.kind === 'hire' ? basis.plan.hires.find((h) => `hire_${h.role}` === item.id) : undefined
  const owner = ownerText(basis, item)
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    summary: hire
      ? `Recruiting from week ${hire.recruitStartWeek}, with our support; first day in week ${hire.startWeek}.`
      : item.kind === 'task' || item.kind === 'activity'
        ? (basis.library.task(item.id)?.summary ?? null)
        : null,
    note: note && note.trim() !== '' ? note : null,
    owner: owner.owner,
    ownerNote: owner.note,
    effortNote,
    weeks: item.startWeek === item.endWeek ? `Wk ${item.startWeek}` : `Wk ${item.startWeek}–${item.endWeek}`,
    dates: `${short(start)} – ${short(end)}`,
    effort,
    cost: basis.money(Math.round(item.cost * 100) / 100),
    optional: item.optional,
    pending: item.pending
  }
}
