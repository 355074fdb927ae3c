import { Alert, Button, Group, Modal, Stack, Switch, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api'
import { NewPassphraseFields, useNewPassphrase } from '../../components/NewPassphrase'
import { notifyError, notifySaved } from '../../components/notify'

/** Saves one engagement as a .stagecraft file to move it to another machine. */
export function PortableExportModal({ engagementId, opened, onClose }: { engagementId: string; opened: boolean; onClose: () => void }) {
  const [encrypt, setEncrypt] = useState(true)
  const secret = useNewPassphrase()
  const run = useMutation({
    mutationFn: () => call(api.portable.export({ engagementId, ...(encrypt ? { passphrase: secret.passphrase } : {}) })),
    onSuccess: (r) => {
      if (r.status !== 'exported') return
      notifySaved(`Saved ${r.fileName}. ${r.notice}`)
      secret.reset()
      onClose()
    },
    onError: (e) => notifyError(e, 'The engagement was not exported')
  })
  const ready = !encrypt || secret.ready
  return (
    <Modal opened={opened} onClose={onClose} title="Export this engagement as a file" size="lg">
      <Stack>
        <Text size="sm">
          One <b>.stagecraft</b> file with the client, the engagement, every assessment with its notes (your private notes too), the plan, the tracking (status
          history, items and their notes, time logged, gates, the signed baseline) and the documents sent. Import it on another machine from the Clients screen.
        </Text>
        <Switch label="Protect the file with a passphrase" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
        {encrypt && (
          <NewPassphraseFields state={secret} description="At least 8 characters. Without it the file cannot be opened: Stagecraft cannot recover it." />
        )}
        {!encrypt && (
          <Alert color="yellow" variant="light">
            Anyone with the file can read the client's data and your private notes.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => run.mutate()} disabled={!ready} loading={run.isPending}>
            Save file…
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
