import { Button, Group, Modal, NumberInput, Stack, Textarea, TextInput, SimpleGrid } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useEffect } from 'react'
import { ClientInputSchema, type Client, type ClientInput } from '../../../shared/schemas/client.schema'
import { notifyError, notifySaved } from '../../components/notify'
import { useCreateClient, useUpdateClient } from './clients.queries'

interface FormValues {
  name: string
  industry: string
  headcount: number | string
  contactName: string
  contactEmail: string
  notes: string
}

const empty: FormValues = { name: '', industry: '', headcount: '', contactName: '', contactEmail: '', notes: '' }

const toValues = (c: Client): FormValues => ({
  name: c.name,
  industry: c.industry ?? '',
  headcount: c.headcount ?? '',
  contactName: c.contactName ?? '',
  contactEmail: c.contactEmail ?? '',
  notes: c.notes ?? ''
})

const toInput = (v: FormValues): ClientInput => ({
  ...v,
  headcount: v.headcount === '' ? null : Number(v.headcount)
})

export function ClientFormModal({
  opened,
  onClose,
  client,
  onSaved
}: {
  opened: boolean
  onClose: () => void
  client?: Client
  onSaved?: (client: Client) => void
}) {
  const create = useCreateClient()
  const update = useUpdateClient()
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: empty,
    validateInputOnBlur: true,
    validate: (values) => schemaResolver(ClientInputSchema, { sync: true })(toInput(values))
  })

  useEffect(() => {
    if (opened) form.setValues(client ? toValues(client) : empty)
    if (opened) form.resetDirty()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, client])

  const saving = create.isPending || update.isPending
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = client ? await update.mutateAsync({ id: client.id, patch: toInput(values) }) : await create.mutateAsync(toInput(values))
      notifySaved(client ? `Saved ${saved.name}` : `Added ${saved.name}`)
      onClose()
      onSaved?.(saved)
    } catch (error) {
      notifyError(error, client ? 'The client was not saved' : 'The client was not added')
    }
  })

  return (
    <Modal opened={opened} onClose={onClose} title={client ? `Edit ${client.name}` : 'New client'} size="lg">
      <form onSubmit={submit} noValidate aria-label={client ? 'Edit client' : 'New client'}>
        <Stack>
          <TextInput label="Client name" required data-autofocus maxLength={200} {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <TextInput label="Industry" placeholder="e.g. Logistics" maxLength={120} {...form.getInputProps('industry')} />
            <NumberInput
              label="Headcount"
              placeholder="People in the company"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              {...form.getInputProps('headcount')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label="Contact name" maxLength={200} {...form.getInputProps('contactName')} />
            <TextInput label="Contact email" type="email" maxLength={254} {...form.getInputProps('contactEmail')} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={3} maxRows={10} maxLength={20000} {...form.getInputProps('notes')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {client ? 'Save changes' : 'Add client'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
