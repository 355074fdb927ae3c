import { Alert, Button, Card, Group, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconArchive, IconDeviceFloppy } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api'
import { notifyError, notifySaved } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { describeCounts, formatDateTime } from '../../format'
import { BackupCopies } from './BackupCopies'
import { BackupTable } from './BackupTable'
import { backupKeys } from './backups.queries'

let restoreNotices = 0

/** The failed backup's kind, as the warning names it. */
const FAILED_KIND: Record<string, string> = {
  daily: 'daily',
  'on-quit': 'on-quit',
  manual: 'manual',
  'pre-restore': 'pre-restore safety',
  'pre-import': 'pre-import safety',
  'pre-team': 'pre-team safety',
  'pre-leave': 'before-leaving safety'
}

export function BackupsPage() {
  const qc = useQueryClient()
  const list = useQuery({ queryKey: backupKeys.all, queryFn: () => call(api.backups.list({})) })
  const create = useMutation({
    mutationFn: () => call(api.backups.create({})),
    onSuccess: () => {
      notifySaved('Backed up. The copy was checked before it was kept.')
      return qc.invalidateQueries({ queryKey: backupKeys.all })
    },
    onError: (e) => notifyError(e, 'The backup was not made')
  })
  const restore = useMutation({ mutationFn: (fileName: string) => call(api.backups.restore({ fileName })) })

  /** Says a restore is done and offers to undo it (the data before it was saved first). */
  const showRestored = async (undoFileName: string | null, isUndo: boolean) => {
    qc.clear()
    await qc.invalidateQueries()
    const id = `restore-${++restoreNotices}`
    notifications.show({
      id,
      color: 'teal',
      autoClose: 15_000,
      title: isUndo ? 'Restore undone' : 'Backup restored',
      message: undoFileName ? (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{isUndo ? 'Your data is back as it was.' : 'Your previous data was saved first.'}</Text>
          {!isUndo && (
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                notifications.hide(id)
                void doRestore(undoFileName, true)
              }}
            >
              Undo
            </Button>
          )}
        </Group>
      ) : (
        'Done.'
      )
    })
  }

  const doRestore = async (fileName: string, isUndo = false) => {
    try {
      const { undoFileName } = await restore.mutateAsync(fileName)
      await showRestored(undoFileName, isUndo)
    } catch (error) {
      notifyError(error, 'The backup was not restored')
    }
  }

  const confirmRestore = (fileName: string, when: string) =>
    modals.openConfirmModal({
      title: `Restore the backup from ${when}?`,
      children: (
        <Text size="sm">
          Your data goes back to how it was then. Stagecraft first saves what you have now as a backup, so you can undo this straight after.
        </Text>
      ),
      labels: { confirm: 'Restore', cancel: 'Cancel' },
      onConfirm: () => void doRestore(fileName)
    })

  return (
    <>
      <PageHeader
        title="Backups"
        description={
          list.data
            ? `Kept in ${list.data.folder}: the last seven daily backups, the last ten safety copies made before an update, import or restore, and the last ten others.`
            : 'Verified copies of your data.'
        }
        actions={
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => create.mutate()} loading={create.isPending}>
            Back up now
          </Button>
        }
      />
      {list.data?.lastFailure && (
        <Alert
          color="red"
          variant="light"
          radius="md"
          mb="md"
          icon={<IconAlertTriangle size={18} />}
          title={`The ${FAILED_KIND[list.data.lastFailure.kind] ?? 'last'} backup on ${formatDateTime(list.data.lastFailure.at)} was not made`}
        >
          {list.data.lastFailure.message} The backups listed below are intact; “Back up now” tries again.
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState label="Loading backups" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={IconArchive} title="No backups yet">
          Stagecraft backs up on the first start of each day, before updates and restores, and when you quit.
        </EmptyState>
      ) : (
        <Card withBorder radius="lg" padding={0}>
          <BackupTable
            label="Backups"
            items={list.data.items}
            detail={{
              header: 'Contents',
              cell: (b) =>
                b.counts ? (
                  describeCounts(b.counts)
                ) : (
                  <Text c="red" size="sm">
                    Unreadable
                  </Text>
                )
            }}
            onRestore={(b) => confirmRestore(b.fileName, formatDateTime(b.createdAt))}
            canRestore={(b) => b.counts !== null}
          />
        </Card>
      )}
      {list.data && <BackupCopies copies={list.data.copies} onRestored={(undo) => showRestored(undo, false)} />}
    </>
  )
}
