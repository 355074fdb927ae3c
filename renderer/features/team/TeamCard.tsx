import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { IconCloudCheck } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { Link, useLocation } from 'react-router'
import { TeamSignInSchema, type TeamSignIn, type TeamStatus } from '../../../shared/schemas/team.schema'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { describeSync } from './sync-words'
import { useDismissNotice, useSignIn, useSignOut, useSyncNow, useTeamStatus } from './team.queries'

/** Settings → Team: join a consultancy's server, see how sync is doing, sign out. */
export function TeamCard() {
  const status = useTeamStatus()
  // Opened from the sidebar's sync status: the card comes into view and its heading takes focus.
  const location = useLocation()
  const heading = useRef<HTMLHeadingElement>(null)
  const show = (location.state as { show?: string } | null)?.show === 'team'
  useEffect(() => {
    if (!show) return
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus({ preventScroll: true })
  }, [show, location.key])
  return (
    <Card withBorder radius="lg" padding="lg" aria-labelledby="team-title">
      <Title order={4} id="team-title" mb="xs" ref={heading} tabIndex={-1}>
        Team
      </Title>
      {status.isPending ? (
        <LoadingState label="Loading team settings" rows={2} />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.mode === 'solo' ? (
        <SignInForm />
      ) : (
        <SignedIn status={status.data} />
      )}
    </Card>
  )
}

function SignInForm() {
  const signIn = useSignIn()
  const form = useForm<TeamSignIn>({
    mode: 'controlled',
    initialValues: { serverUrl: '', email: '', code: '' },
    validate: schemaResolver(TeamSignInSchema, { sync: true })
  })
  return (
    <form onSubmit={form.onSubmit((values) => signIn.mutate(values))}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Working alone, Stagecraft needs no server. To share a portfolio with your consultancy, sign in to its team server with the one-time code your
          administrator gave you. A backup is taken first; then your engagements are uploaded as yours.
        </Text>
        <TextInput label="Server address" placeholder="https://stagecraft.your-firm.example" autoComplete="url" {...form.getInputProps('serverUrl')} />
        <Group grow align="flex-start">
          <TextInput label="Email" autoComplete="email" {...form.getInputProps('email')} />
          <TextInput label="Sign-in code" autoComplete="one-time-code" {...form.getInputProps('code')} />
        </Group>
        <Group>
          <Button type="submit" loading={signIn.isPending}>
            Sign in and join
          </Button>
          {signIn.isPending && (
            <Text size="sm" c="dimmed" role="status">
              Backing up and uploading your engagements…
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  )
}

function SignedIn({ status }: { status: Extract<TeamStatus, { mode: 'team' }> }) {
  const sync = useSyncNow()
  const signOut = useSignOut()
  const dismiss = useDismissNotice()
  const words = describeSync(status)
  const confirmSignOut = () =>
    modals.openConfirmModal({
      title: 'Sign out of the team?',
      children: (
        <Text size="sm">
          Your data stays on this computer.{' '}
          {status.pending > 0
            ? `${status.pending} change${status.pending === 1 ? ' has' : 's have'} not reached the server yet; they are kept and sent when you sign in again.`
            : 'Everything has reached the server.'}
        </Text>
      ),
      labels: { confirm: 'Sign out', cancel: 'Stay signed in' },
      confirmProps: { color: 'red' },
      onConfirm: () => signOut.mutate(undefined)
    })
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>
            {status.user.name} · {status.user.role}
          </Text>
          <Text size="sm" c="dimmed">
            {status.user.email} on <code>{status.serverUrl}</code>
          </Text>
        </div>
        <Badge color={words.color} variant="light" size="lg" leftSection={<IconCloudCheck size={14} />}>
          {words.label}
        </Badge>
      </Group>
      {status.notices.map((n) => (
        <Alert
          key={n.id}
          color="orange"
          variant="light"
          role="status"
          title={`From the team, ${new Date(n.at).toLocaleString()}`}
          withCloseButton
          closeButtonLabel="Dismiss this notice"
          onClose={() => dismiss.mutate(n.id)}
        >
          {n.message}{' '}
          <Anchor component={Link} to="/backups">
            Open Backups
          </Anchor>
        </Alert>
      ))}
      {status.message && !status.notices.some((n) => n.message === status.message) && (
        <Alert color={words.color} variant="light" role="status">
          {status.message}{' '}
          {status.openConflicts > 0 && (
            <Anchor component={Link} to="/team">
              Open the conflict inbox
            </Anchor>
          )}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {status.lastSyncAt ? `Last synced ${new Date(status.lastSyncAt).toLocaleString()}.` : 'Not synced yet.'} Stagecraft syncs every minute while the server
        can be reached; you can keep working offline.
      </Text>
      <Group>
        <Button onClick={() => sync.mutate(undefined)} loading={sync.isPending || status.state === 'syncing'}>
          Sync now
        </Button>
        <Button variant="default" color="red" onClick={confirmSignOut} loading={signOut.isPending}>
          Sign out
        </Button>
      </Group>
    </Stack>
  )
}
