import type { TeamStatus } from '../../../shared/schemas/team.schema'

/** The status line's words and colour for each sync state. */
export function describeSync(status: Extract<TeamStatus, { mode: 'team' }>): { label: string; color: string } {
  switch (status.state) {
    case 'synced':
      return { label: 'Synced', color: 'teal' }
    case 'pending':
      return { label: `${status.pending} change${status.pending === 1 ? '' : 's'} to send`, color: 'blue' }
    case 'syncing':
      return { label: 'Syncing…', color: 'blue' }
    case 'offline':
      return { label: status.pending > 0 ? `Offline · ${status.pending} to send` : 'Offline', color: 'gray' }
    case 'attention':
      return { label: status.openConflicts > 0 ? `${status.openConflicts} to settle` : 'Needs attention', color: 'orange' }
  }
}
