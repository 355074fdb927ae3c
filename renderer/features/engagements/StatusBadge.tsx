import { Badge } from '@mantine/core'
import type { EngagementStatus } from '../../../shared/schemas/engagement.schema'

export const STATUS_LABEL: Record<EngagementStatus, string> = {
  lead: 'Lead',
  proposal: 'Proposal',
  active: 'Active',
  complete: 'Complete',
  lost: 'Lost'
}

const STATUS_COLOR: Record<EngagementStatus, string> = {
  lead: 'gray',
  proposal: 'blue',
  active: 'teal',
  complete: 'grape',
  lost: 'red'
}

export function StatusBadge({ status }: { status: EngagementStatus }) {
  return <Badge color={STATUS_COLOR[status]}>{STATUS_LABEL[status]}</Badge>
}
