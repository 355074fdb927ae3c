import { Alert, Badge, Button, Card, Group, Modal, PasswordInput, Stack, Switch, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { IconAlertTriangle, IconFolderShare, IconLock, IconLockOpen } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ChannelOutput } from '../../../shared/ipc/contract'
import { api, call } from '../../api'
import { NewPassphraseFields, useNewPassphrase } from '../../components/NewPassphrase'
import { notifyError, notifySaved } from '../../components/notify'
import { formatDateTime } from '../../format'
import { BackupTable } from './BackupTable'
import { backupKeys } from './backups.queries'

type Copies = ChannelOutput<'backups:list'>['copies']
type CopyItem = Copies['items'][number]

/** Choosing the folder, with or without a passphrase; main opens the folder dialog. */
function FolderModal({ opened, onClose, changing }: { opened: boolean; onClose: () => void; changing: boolean }) {
  const qc = useQueryClient()
  const [seal, setSeal] = useState(true)
  const secret = useNewPassphrase()
  const run = useMutation({
    mutationFn: () => call(api.backups.setFolder({ passphrase: seal ? secret.passphrase : null })),
    onSuccess: async (r) => {
      if (r.status !== 'set') return
      secret.reset()
      await qc.invalidateQueries({ queryKey: backupKeys.all })
      onClose()
      if (r.copies.lastCopy && !r.copies.lastCopy.ok)
        notifyError(new Error(r.copies.lastCopy.message ?? 'The copies could not be written.'), 'Folder chosen, but copying failed')
      else notifySaved(`Backups are now copied to ${r.copies.folder ?? 'the folder'}${r.copies.sealed ? ', sealed with your passphrase' : ''}.`)
    },
    onError: (e) => notifyError(e, 'The folder was not set')
  })
  const ready = !seal || secret.ready
  return (
    <Modal opened={opened} onClose={onClose} title={changing ? 'Change the backup folder' : 'Copy backups to another folder'} size="lg">
      <Stack>
        <Text size="sm">
          Every backup Stagecraft takes is also copied to a folder you choose, such as an external drive, so losing this laptop or its disk does not take every
          copy with it. Copies go into a <b>Stagecraft backups</b> folder inside the one you choose.
        </Text>
        <Switch label="Seal the copies with a passphrase" checked={seal} onChange={(e) => setSeal(e.currentTarget.checked)} />
        {seal ? (
          <>
            <NewPassphraseFields
              state={secret}
              description="At least 8 characters. You need it to restore a copy; Stagecraft cannot recover a forgotten one."
            />
            <Text size="sm" c="dimmed">
              Plain copies Stagecraft made in that folder before are sealed too, each checked before its plain file is removed.
            </Text>
          </>
        ) : (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />}>
            Anyone with the drive can open the copies and read every client’s data and your private notes.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => run.mutate()} disabled={!ready} loading={run.isPending} leftSection={<IconFolderShare size={16} />}>
            Choose folder…
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** Restoring a sealed copy: asks for its passphrase; a wrong one is said in place and changes nothing. */
function UnsealModal({ item, onClose, onRestored }: { item: CopyItem | null; onClose: () => void; onRestored: (undo: string | null) => Promise<void> }) {
  const [passphrase, setPassphrase] = useState('')
  const run = useMutation({
    mutationFn: (fileName: string) => call(api.backups.restoreCopy({ fileName, passphrase })),
    onSuccess: async (r) => {
      setPassphrase('')
      onClose()
      await onRestored(r.undoFileName)
    }
  })
  const close = () => {
    setPassphrase('')
    run.reset()
    onClose()
  }
  return (
    <Modal opened={item !== null} onClose={close} title={item ? `Restore the sealed copy from ${formatDateTime(item.createdAt)}?` : ''} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (item && passphrase) run.mutate(item.fileName)
        }}
      >
        <Stack>
          <Text size="sm">
            Your data goes back to how it was then. Stagecraft first saves what you have now as a backup, so you can undo this straight after.
          </Text>
          <PasswordInput
            label="Passphrase of the copies"
            value={passphrase}
            onChange={(e) => {
              setPassphrase(e.currentTarget.value)
              if (run.isError) run.reset()
            }}
            error={run.isError ? (run.error instanceof Error ? run.error.message : String(run.error)) : undefined}
            leftSection={<IconLock size={16} />}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={!passphrase} loading={run.isPending}>
              Restore
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** The Backups screen's second card: copies kept in a folder the consultant chose. */
export function BackupCopies({ copies, onRestored }: { copies: Copies; onRestored: (undoFileName: string | null) => Promise<void> }) {
  const qc = useQueryClient()
  const [choosing, setChoosing] = useState(false)
  const [unsealing, setUnsealing] = useState<CopyItem | null>(null)
  const stop = useMutation({
    mutationFn: () => call(api.backups.stopCopies({})),
    onSuccess: () => {
      notifySaved('Backups are no longer copied. The copies already made stay in the folder.')
      return qc.invalidateQueries({ queryKey: backupKeys.all })
    },
    onError: (e) => notifyError(e, 'That did not work')
  })
  const restorePlain = useMutation({ mutationFn: (fileName: string) => call(api.backups.restoreCopy({ fileName, passphrase: null })) })

  const askRestore = (item: CopyItem) => {
    if (item.sealed) {
      setUnsealing(item)
      return
    }
    modals.openConfirmModal({
      title: `Restore the copy from ${formatDateTime(item.createdAt)}?`,
      children: (
        <Text size="sm">
          Your data goes back to how it was then. Stagecraft first saves what you have now as a backup, so you can undo this straight after.
        </Text>
      ),
      labels: { confirm: 'Restore', cancel: 'Cancel' },
      onConfirm: () =>
        void restorePlain
          .mutateAsync(item.fileName)
          .then((r) => onRestored(r.undoFileName))
          .catch((e: unknown) => notifyError(e, 'The copy was not restored'))
    })
  }

  const confirmStop = () =>
    modals.openConfirmModal({
      title: 'Stop copying backups to this folder?',
      children: <Text size="sm">The copies already there stay where they are. Backups carry on in Stagecraft’s own folder.</Text>,
      labels: { confirm: 'Stop copying', cancel: 'Cancel' },
      onConfirm: () => stop.mutate()
    })

  return (
    <Card withBorder radius="lg" mt="lg" padding="lg" aria-labelledby="backup-copies-title" component="section">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2} size="h4" id="backup-copies-title">
            Copies in another folder
          </Title>
          {copies.folder ? (
            <Group gap="xs">
              <Text size="sm">
                Every backup is also copied to <b>{copies.folder}</b>.
              </Text>
              {copies.sealed ? (
                <Badge color="teal" variant="light" leftSection={<IconLock size={12} />}>
                  Sealed with a passphrase
                </Badge>
              ) : (
                <Badge color="yellow" variant="light" leftSection={<IconLockOpen size={12} />}>
                  Not sealed
                </Badge>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Keep a second set of backups on an external drive or another folder, sealed with a passphrase if you like.
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {copies.folder && (
            <Button variant="subtle" color="gray" onClick={confirmStop} loading={stop.isPending}>
              Stop copying
            </Button>
          )}
          <Button variant={copies.folder ? 'default' : 'filled'} leftSection={<IconFolderShare size={16} />} onClick={() => setChoosing(true)}>
            {copies.folder ? 'Change folder…' : 'Choose a folder…'}
          </Button>
        </Group>
      </Group>

      {copies.folder && copies.lastCopy && !copies.lastCopy.ok && (
        <Alert mt="md" color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="The last copy was not made">
          {copies.lastCopy.message}
        </Alert>
      )}
      {copies.folder && copies.lastCopy?.ok && (
        <Text size="sm" c="dimmed" mt="xs">
          Last copied {formatDateTime(copies.lastCopy.at)}.
        </Text>
      )}

      {copies.folder && copies.items.length > 0 && (
        <Card withBorder radius="md" padding={0} mt="md">
          <BackupTable
            label="Backup copies"
            horizontalSpacing="md"
            items={copies.items}
            detail={{
              header: 'Protection',
              cell: (item) => (
                <Group gap={6} wrap="nowrap">
                  {item.sealed ? <IconLock size={14} aria-hidden /> : <IconLockOpen size={14} aria-hidden />}
                  <Text size="sm">{item.sealed ? 'Sealed' : 'Not sealed'}</Text>
                </Group>
              )
            }}
            onRestore={askRestore}
            restoring={restorePlain.isPending ? restorePlain.variables : null}
          />
        </Card>
      )}
      {copies.folder && copies.items.length === 0 && (!copies.lastCopy || copies.lastCopy.ok) && (
        <Text size="sm" c="dimmed" mt="md">
          {copies.available ? 'No copies yet: the next backup is copied here.' : 'The folder is not available right now. Is the drive connected?'}
        </Text>
      )}

      <FolderModal opened={choosing} onClose={() => setChoosing(false)} changing={copies.folder !== null} />
      <UnsealModal item={unsealing} onClose={() => setUnsealing(null)} onRestored={onRestored} />
    </Card>
  )
}
