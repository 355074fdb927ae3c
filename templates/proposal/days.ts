import { plural, type EngagementBasis } from '../engagement-basis'

/** "3 days", "1 day", "2.5 days" in the document's locale. */
export const daysText = (basis: EngagementBasis, days: number): string => `${basis.num(days)} ${plural(days, 'day', 'days')}`
