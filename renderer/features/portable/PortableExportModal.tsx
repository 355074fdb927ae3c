import { Alert, Button, Group, Modal, PasswordInput, Stack, Switch, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api'
import { notifyError, notifySaved } from '../../components/notify'

/** Saves one engagement as a .stagecraft file to move it to another machine. */
export function PortableExportModal({ engagementId, opened, onClose }: { engagementId: string; opened: boolean; onClose: () => void }) {
  const [encrypt, setEncrypt] = useState(true)
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  const run = useMutation({
    mutationFn: () => call(api.portable.export({ engagementId, ...(encrypt ? { passphrase } : {}) })),
    onSuccess: (r) => {
      if (r.status !== 'exported') return
      notifySaved(`Saved ${r.fileName}. ${r.notice}`)
      setPassphrase('')
      setAgain('')
      onClose()
    },
    onError: (e) => notifyError(e, 'The engagement was not exported')
  })
  const mismatch = encrypt && again.length > 0 && again !== passphrase
  const tooShort = encrypt && passphrase.length > 0 && passphrase.length < 8
  const ready = !encrypt || (passphrase.length >= 8 && passphrase === again)
  return (
    <Modal opened={opened} onClose={onClose} title="Export this engagement as a file" size="lg">
      <Stack>
        <Text size="sm">
          One <b>.stagecraft</b> file with the client, the engagement, every assessment with its notes (your private notes too), the plan
          and the record of documents sent. Import it on another machine from the Clients screen.
        </Text>
        <Switch label="Protect the file with a passphrase" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
        {encrypt && (
          <>
            <PasswordInput
              label="Passphrase"
              description="At least 8 characters. Without it the file cannot be opened: Stagecraft cannot recover it."
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={tooShort ? 'Use at least 8 characters' : undefined}
              leftSection={<IconLock size={16} />}
              data-autofocus
            />
            <PasswordInput label="Passphrase again" value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={mismatch ? 'The two do not match' : undefined} />
          </>
        )}
        {!encrypt && (
          <Alert color="yellow" variant="light">
            Anyone with the file can read the client's data and your private notes.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => run.mutate()} disabled={!ready} loading={run.isPending}>Save file…</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
