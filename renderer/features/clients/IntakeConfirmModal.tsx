import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ChannelOutput } from '../../../shared/ipc/contract'

export type IntakeConfirm = Extract<ChannelOutput<'intake:import'>, { status: 'confirm' }>

/**
 * What an intake file would change on records already here, field by field, and the choice:
 * update them from the file, or keep them and only add the file's assessment. On a signed
 * engagement, changing the agreed currency or day rate takes its own, explicit button.
 */
export function IntakeConfirmModal({
  pending,
  busy,
  onChoose,
  onCancel
}: {
  pending: IntakeConfirm | null
  busy: boolean
  onChoose: (mode: 'update' | 'keep') => void
  onCancel: () => void
}) {
  const signedTerms = Boolean(pending?.signed && pending.changes.some((c) => c.commercial))
  return (
    <Modal opened={pending !== null} onClose={onCancel} title="This intake file changes what is here" size="lg">
      {pending && (
        <Stack gap="md">
          <Text size="sm">
            {pending.clientName}
            {pending.engagementExists ? ` and its engagement “${pending.engagementTitle}” are` : ' is'} already here. Importing the file adds its assessment
            either way; choose whether the details below are updated from the file.
          </Text>
          <Table withTableBorder verticalSpacing="xs" aria-label="Changes from the file">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Here now</Table.Th>
                <Table.Th>In the file</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.changes.map((c) => (
                <Table.Tr key={`${c.record}.${c.field}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.record === 'client' ? 'Client' : 'Engagement'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{c.from}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }} fw={c.commercial && pending.signed ? 600 : undefined}>
                    {c.to}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {signedTerms && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="This engagement is signed">
              Its currency and day rate are the terms the client agreed. They change only if you choose so below.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button variant={signedTerms ? 'default' : 'light'} color={signedTerms ? 'orange' : undefined} onClick={() => onChoose('update')} loading={busy}>
              {signedTerms ? 'Update, including the signed terms' : 'Update from the file'}
            </Button>
            <Button onClick={() => onChoose('keep')} loading={busy} data-autofocus>
              Keep what is here
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
