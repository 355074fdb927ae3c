import { Alert, Button, Card, Center, Group, Loader, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconDatabaseExclamation, IconFolderShare, IconLifebuoy, IconLock, IconRefresh, IconRestore } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import type { ChannelOutput } from '../../../shared/ipc/contract'
import { api, call } from '../../api'
import { notifyError } from '../../components/notify'
import { describeCounts, formatDateTime } from '../../format'
import { recoveryKeys } from './recovery.queries'

const recoveryKey = recoveryKeys.status

export const useRecoveryStatus = () => useQuery({ queryKey: recoveryKey, queryFn: () => call(api.recovery.status({})), staleTime: Number.POSITIVE_INFINITY })

function RecoveryScreen({ status }: { status: Extract<ChannelOutput<'recovery:status'>, { mode: 'recovery' }> }) {
  const qc = useQueryClient()
  const done = async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== recoveryKey[0] })
    qc.setQueryData(recoveryKey, { mode: 'normal' as const })
  }
  const restore = useMutation({
    mutationFn: () => call(api.recovery.restoreLatest({})),
    onSuccess: done,
    onError: (e) => notifyError(e, 'The backup was not restored')
  })
  const retry = useMutation({
    mutationFn: () => call(api.recovery.retry({})),
    onSuccess: async (after) => {
      if (after.mode === 'normal') await done()
      else qc.setQueryData(recoveryKey, after)
    },
    onError: (e) => notifyError(e)
  })
  const empty = useMutation({ mutationFn: () => call(api.recovery.startEmpty({})), onSuccess: done, onError: (e) => notifyError(e) })
  const setAside = useMutation({
    mutationFn: () => call(api.recovery.setAsideJournal({})),
    onSuccess: async (after) => {
      if (after.mode === 'normal') {
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== recoveryKey[0] })
        qc.setQueryData(recoveryKey, after)
      } else qc.setQueryData(recoveryKey, after)
    },
    onError: (e) => notifyError(e, 'The journal file was not set aside')
  })
  const confirmSetAside = () =>
    modals.openConfirmModal({
      title: 'Set the journal file aside?',
      children: (
        <Text size="sm">
          Do this only when no other program has your data open (quit the Stagecraft command line and any other copy of Stagecraft first): changes such a
          program has not yet saved into the file would be set aside with the journal. Your data opens as you left it, and the journal is kept, unapplied, in
          the quarantine folder.
        </Text>
      ),
      labels: { confirm: 'Set it aside and open', cancel: 'Go back' },
      confirmProps: { color: 'orange' },
      onConfirm: () => setAside.mutate()
    })
  const salvaged = useMutation({
    mutationFn: () => call(api.recovery.useSalvage({})),
    onSuccess: done,
    onError: (e) => notifyError(e, 'What was salvaged could not be opened')
  })
  const quit = useMutation({ mutationFn: () => call(api.recovery.quit({})) })
  const b = status.newestBackup
  const copy = status.newestCopy
  const [passphrase, setPassphrase] = useState('')
  // A wrong passphrase is said beside the field; other failures as a notice.
  const fromCopy = useMutation({
    mutationFn: () => call(api.backups.restoreCopy({ fileName: copy!.fileName, passphrase: copy!.sealed ? passphrase : null })),
    onSuccess: done
  })

  const confirmEmpty = () =>
    modals.openConfirmModal({
      title: 'Start with an empty database?',
      children: (
        <Text size="sm">
          Stagecraft opens with no clients. The damaged file stays in the quarantine folder and your backups stay where they are, so you can still restore one
          later from Settings → Backups.
        </Text>
      ),
      labels: { confirm: 'Start empty', cancel: 'Go back' },
      onConfirm: () => empty.mutate()
    })

  if (status.retry) {
    // Locked, read-only or not permitted: the data is fine where it is, so the only way forward is to try again.
    return (
      <RecoveryFrame
        icon={<IconLock size={30} />}
        colour="blue"
        title={status.message}
        about={
          <>
            <Text mt={4}>Your data is not damaged, and Stagecraft has not moved or changed it.</Text>
            <Text size="sm" c="dimmed" mt="xs">
              {status.detail}
            </Text>
          </>
        }
      >
        <Group justify="flex-end">
          <Button variant="subtle" color="gray" onClick={() => quit.mutate()}>
            Quit
          </Button>
          {status.problem === 'stale-journal' && (
            <Button variant="default" onClick={confirmSetAside} loading={setAside.isPending}>
              Set the journal aside…
            </Button>
          )}
          <Button leftSection={<IconRefresh size={16} />} onClick={() => retry.mutate()} loading={retry.isPending} data-autofocus>
            Try again
          </Button>
        </Group>
      </RecoveryFrame>
    )
  }

  return (
    <RecoveryFrame
      icon={<IconDatabaseExclamation size={30} />}
      colour="orange"
      title={status.message}
      about={
        <>
          <Text c="dimmed" mt={4}>
            Stagecraft has not changed or overwritten anything. {status.quarantineFolder ? 'The file has been moved aside, untouched, to:' : ''}
          </Text>
          {status.quarantineFolder && (
            <Text size="sm" ff="monospace" mt={4} style={{ wordBreak: 'break-all' }}>
              {status.quarantineFolder}
            </Text>
          )}
          <Text size="sm" c="dimmed" mt="xs">
            What was found: {status.detail}
          </Text>
        </>
      }
    >
      {b ? (
        <Alert color="teal" variant="light" radius="md" icon={<IconRestore />} title="The newest backup passed every check">
          {formatDateTime(b.createdAt)}
          {b.counts && ` · ${describeCounts(b.counts)}`}
        </Alert>
      ) : (
        !copy && (
          <Alert color="gray" variant="light" radius="md" title="No usable backup was found">
            You can start with an empty database, or quit and bring back a copy of your data by hand.
          </Alert>
        )
      )}
      {status.salvage && (
        <Alert color="blue" variant="light" radius="md" icon={<IconLifebuoy />} title="What could still be read from the damaged file">
          <Stack gap="xs">
            <Text size="sm">{describeSalvage(status.salvage)}</Text>
            <Text size="sm" c="dimmed">
              Choose it when it holds work done since the newest backup. Both files stay in the quarantine folder, so you can still restore a backup later from
              Settings → Backups.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" leftSection={<IconLifebuoy size={16} />} onClick={() => salvaged.mutate()} loading={salvaged.isPending}>
                Open what was salvaged
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {copy && (
        <Alert
          color={b ? 'gray' : 'teal'}
          variant="light"
          radius="md"
          icon={<IconFolderShare />}
          title={b ? 'Or the newest copy in your backup folder' : 'The newest copy in your backup folder'}
        >
          <Stack gap="xs">
            <Text size="sm">
              {formatDateTime(copy.createdAt)} · {copy.sealed ? 'sealed with your passphrase' : 'not sealed'} · in {copy.folder}
            </Text>
            <form
              onSubmit={(e) => {
                e.preventDefault()
                fromCopy.mutate()
              }}
            >
              <Stack gap="xs">
                {copy.sealed && (
                  <PasswordInput
                    label="Passphrase of the copies"
                    value={passphrase}
                    onChange={(e) => {
                      setPassphrase(e.currentTarget.value)
                      if (fromCopy.isError) fromCopy.reset()
                    }}
                    error={fromCopy.isError ? (fromCopy.error instanceof Error ? fromCopy.error.message : String(fromCopy.error)) : undefined}
                  />
                )}
                <Group justify="flex-end">
                  <Button
                    type="submit"
                    variant={b ? 'default' : 'filled'}
                    leftSection={<IconRestore size={16} />}
                    loading={fromCopy.isPending}
                    disabled={copy.sealed && !passphrase}
                  >
                    Restore this copy
                  </Button>
                </Group>
              </Stack>
            </form>
          </Stack>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="subtle" color="gray" onClick={() => quit.mutate()}>
          Quit
        </Button>
        <Button variant="default" onClick={confirmEmpty} loading={empty.isPending}>
          Start empty
        </Button>
        {b && (
          <Button leftSection={<IconRestore size={16} />} onClick={() => restore.mutate()} loading={restore.isPending} data-autofocus>
            Restore this backup
          </Button>
        )}
      </Group>
    </RecoveryFrame>
  )
}

/** What the records of each table are, in the consultant's words. */
const TABLE_WORDS: Readonly<Record<string, string>> = {
  client: 'clients',
  engagement: 'engagements',
  assessment: 'assessments',
  assessment_answer: 'assessment answers',
  plan: 'plans',
  plan_baseline: 'signed plans',
  phase_gate: 'phase sign-offs',
  tracking_item: 'tracked tasks',
  time_entry: 'logged time',
  engagement_status_change: 'status history',
  export_snapshot: 'export records',
  library_item: 'library entries',
  setting: 'settings'
}
const wordsFor = (table: string): string => TABLE_WORDS[table] ?? table.replace(/_/g, ' ')

/** One sentence on what was salvaged and what was not. */
export function describeSalvage(s: { rows: number; incomplete: readonly string[]; orphansRemoved: number }): string {
  const lost = s.incomplete.map(wordsFor)
  const list = lost.length <= 1 ? (lost[0] ?? '') : `${lost.slice(0, -1).join(', ')} and ${lost.at(-1)}`
  const some = lost.length ? ` Some ${list} could not be read and are missing from it.` : ''
  const orphans = s.orphansRemoved
    ? ` ${s.orphansRemoved} ${s.orphansRemoved === 1 ? 'record that belonged' : 'records that belonged'} to them ${s.orphansRemoved === 1 ? 'was' : 'were'} left out too.`
    : ''
  return `${s.rows.toLocaleString()} records were read and copied into a new, healthy file.${some}${orphans}`
}

/** The recovery screen's card: an icon, the headline and what it means, then the choices. */
function RecoveryFrame({ icon, colour, title, about, children }: { icon: ReactNode; colour: string; title: string; about: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" p="xl">
      <Card withBorder radius="lg" padding="xl" maw={680} w="100%" role="alertdialog" aria-labelledby="recovery-title">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={52} radius="xl" color={colour} variant="light">
              {icon}
            </ThemeIcon>
            <div>
              <Title order={1} size="h2" id="recovery-title">
                {title}
              </Title>
              {about}
            </div>
          </Group>
          {children}
        </Stack>
      </Card>
    </Center>
  )
}

/** Shows the recovery screen instead of the app while the database is set aside. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const status = useRecoveryStatus()
  const qc = useQueryClient()
  // The slow start-up checks finish after the first screen: once they report, a damaged
  // file turns the window into the recovery screen, as damage found later in use does.
  useQuery({
    queryKey: recoveryKeys.checksDone,
    queryFn: async () => {
      const after = await call(api.recovery.checksDone({}))
      if (after.mode === 'recovery' || after.repaired) qc.setQueryData(recoveryKey, after)
      return after.mode
    },
    enabled: status.data?.mode === 'normal',
    staleTime: Number.POSITIVE_INFINITY
  })
  // Damage only to what is rebuilt from the rest was repaired at start: said once, and kept on screen until read.
  const repaired = status.data?.mode === 'normal' ? status.data.repaired : undefined
  useEffect(() => {
    if (!repaired) return
    notifications.show({
      id: 'data-repaired',
      title: repaired.title,
      message: `${repaired.detail}${repaired.quarantineFolder ? ` The file set aside is kept in ${repaired.quarantineFolder}.` : ''}`,
      color: 'teal',
      autoClose: false
    })
  }, [repaired])
  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Opening your data" />
      </Center>
    )
  }
  if (status.data?.mode === 'recovery') return <RecoveryScreen status={status.data} />
  return <>{children}</>
}
