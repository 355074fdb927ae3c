import { ActionIcon, Badge, Tooltip, UnstyledButton } from '@mantine/core'
import { IconCloud, IconCloudOff, IconAlertTriangle, IconCloudUpload } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'
import { describeSync } from './sync-words'
import { refreshAfterSync, useTeamStatus } from './team.queries'

/**
 * Always in the sidebar while signed in to a team; nothing at all when working alone.
 * Opens the conflict inbox when something needs settling, Settings otherwise.
 */
export function SyncStatus({ compact }: { compact: boolean }) {
  const status = useTeamStatus()
  const navigate = useNavigate()
  const qc = useQueryClient()
  // A background sync may have brought other people's changes: refresh what is on screen.
  const lastSync = status.data?.mode === 'team' ? status.data.lastSyncAt : null
  const seen = useRef(lastSync)
  useEffect(() => {
    if (lastSync === seen.current) return
    seen.current = lastSync
    refreshAfterSync(qc)
  }, [lastSync, qc])
  if (status.data?.mode !== 'team') return null
  const s = status.data
  const words = describeSync(s)
  const Icon = s.state === 'offline' ? IconCloudOff : s.state === 'attention' ? IconAlertTriangle : s.state === 'synced' ? IconCloud : IconCloudUpload
  const label = `Team sync: ${words.label}`
  const open = () => (s.openConflicts > 0 ? navigate('/team') : navigate('/settings', { state: { show: 'team' } }))
  return (
    <Tooltip label={s.message ?? label} multiline maw={320} position="right">
      {compact ? (
        <ActionIcon variant="light" color={words.color} size="xl" aria-label={label} onClick={open} data-testid="sync-status" data-state={s.state}>
          <Icon size={22} />
        </ActionIcon>
      ) : (
        <UnstyledButton aria-label={label} onClick={open} data-testid="sync-status" data-state={s.state}>
          <Badge color={words.color} variant="light" size="lg" fullWidth leftSection={<Icon size={14} />}>
            {words.label}
          </Badge>
        </UnstyledButton>
      )}
    </Tooltip>
  )
}
