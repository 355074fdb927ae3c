import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconScale } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import type { TeamConflict } from '../../../shared/schemas/team.schema'
import { useConflicts, useResolve, useTeamStatus } from './team.queries'

/**
 * Disagreements over money or commitments (day rates, prices, a signed baseline, gate
 * outcomes) made in two places at once. Each waits here, both versions side by side,
 * until someone chooses; the choice reaches everyone with the next sync.
 */
export function ConflictInboxPage() {
  const status = useTeamStatus()
  const conflicts = useConflicts()
  if (conflicts.isPending || status.isPending) return <LoadingState label="Loading the conflict inbox" rows={3} />
  if (conflicts.isError) return <ErrorState error={conflicts.error} onRetry={() => void conflicts.refetch()} />
  const open = conflicts.data.filter((c) => c.status === 'open')
  const settled = conflicts.data.filter((c) => c.status === 'resolved').slice(0, 20)
  return (
    <Stack maw={980}>
      <PageHeader title="Conflict inbox" description="Where two people changed the same price or commitment without seeing each other's change." />
      {status.data?.mode !== 'team' ? (
        <EmptyState icon={IconScale} title="Not signed in to a team">
          Conflicts only arise when several people work on the same engagements. Sign in to your team in Settings.
        </EmptyState>
      ) : open.length === 0 ? (
        <EmptyState icon={IconScale} title="Nothing to settle">
          Every price and commitment agrees across the team.
        </EmptyState>
      ) : (
        open.map((c) => <ConflictCard key={c.id} conflict={c} />)
      )}
      {settled.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>Settled recently</Title>
          {settled.map((c) => (
            <Text key={c.id} size="sm">
              {c.subject}: {c.resolvedDisplay}, chosen by {c.resolvedBy}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  )
}

function ConflictCard({ conflict: c }: { conflict: TeamConflict }) {
  const resolve = useResolve()
  const side = (title: string, display: string, by: string, choice: 'current' | 'proposed') => (
    <Card withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {title}
        </Text>
        <Text fw={700} size={display.length > 40 ? 'md' : 'xl'}>
          {display}
        </Text>
        <Text size="sm">by {by}</Text>
        <Button variant="default" onClick={() => resolve.mutate({ id: c.id, choice })} loading={resolve.isPending}>
          Keep this
        </Button>
      </Stack>
    </Card>
  )
  return (
    <Card withBorder radius="lg" padding="lg" aria-label={c.subject}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{c.subject}</Title>
        <Badge color="orange" variant="light">
          Needs a decision
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {side('On the server now', c.current.display, c.current.by, 'current')}
        {side('Changed without seeing it', c.proposed.display, c.proposed.by, 'proposed')}
      </SimpleGrid>
    </Card>
  )
}
