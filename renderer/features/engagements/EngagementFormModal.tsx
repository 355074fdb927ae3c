import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useEffect, useMemo } from 'react'
import { CURRENCY_CODES } from '../../../shared/schemas/currency'
import {
  ENGAGEMENT_STATUSES,
  EngagementInputSchema,
  type Engagement,
  type EngagementInput,
  type EngagementStatus
} from '../../../shared/schemas/engagement.schema'
import { notifyError, notifySaved } from '../../components/notify'
import { useCreateEngagement, useUpdateEngagement } from './engagements.queries'
import { STATUS_LABEL } from './StatusBadge'

interface FormValues {
  title: string
  status: EngagementStatus
  consultant: string
  currency: string
  dayRate: number | string
  startDate: string
  notes: string
  objective: string
}

const toValues = (e: Engagement): FormValues => ({
  title: e.title,
  status: e.status,
  consultant: e.consultant,
  currency: e.currency,
  dayRate: e.dayRate,
  startDate: e.startDate ?? '',
  notes: e.notes ?? '',
  objective: e.objective ?? ''
})

const toInput = (clientId: string, v: FormValues): EngagementInput => ({
  clientId,
  title: v.title,
  status: v.status,
  consultant: v.consultant,
  currency: v.currency,
  dayRate: v.dayRate === '' ? Number.NaN : Number(v.dayRate),
  startDate: v.startDate || null,
  notes: v.notes,
  objective: v.objective
})

export function EngagementFormModal({
  opened,
  onClose,
  clientId,
  engagement,
  defaults,
  onSaved
}: {
  opened: boolean
  onClose: () => void
  clientId: string
  engagement?: Engagement
  defaults?: Partial<FormValues>
  onSaved?: (engagement: Engagement) => void
}) {
  const create = useCreateEngagement()
  const update = useUpdateEngagement()
  const blank: FormValues = useMemo(
    () => ({
      title: '',
      status: 'lead',
      consultant: '',
      currency: 'EUR',
      dayRate: '',
      startDate: '',
      notes: '',
      objective: '',
      ...defaults
    }),
    [defaults]
  )
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank,
    validateInputOnBlur: true,
    validate: (values) => schemaResolver(EngagementInputSchema, { sync: true })(toInput(clientId, values))
  })

  useEffect(() => {
    if (!opened) return
    form.setValues(engagement ? toValues(engagement) : blank)
    form.resetDirty()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, engagement])

  const saving = create.isPending || update.isPending
  const submit = form.onSubmit(async (values) => {
    const { clientId: _client, ...patch } = toInput(clientId, values)
    try {
      const saved = engagement ? await update.mutateAsync({ id: engagement.id, patch }) : await create.mutateAsync({ clientId, ...patch })
      notifySaved(engagement ? `Saved ${saved.title}` : `Added ${saved.title}`)
      onClose()
      onSaved?.(saved)
    } catch (error) {
      notifyError(error, engagement ? 'The engagement was not saved' : 'The engagement was not added')
    }
  })

  return (
    <Modal opened={opened} onClose={onClose} title={engagement ? `Edit ${engagement.title}` : 'New engagement'} size="lg">
      <form onSubmit={submit} noValidate aria-label={engagement ? 'Edit engagement' : 'New engagement'}>
        <Stack>
          <TextInput label="Title" required data-autofocus maxLength={200} placeholder="e.g. ML platform foundations" {...form.getInputProps('title')} />
          <SimpleGrid cols={2}>
            <Select
              label="Status"
              allowDeselect={false}
              data={ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              {...form.getInputProps('status')}
            />
            <TextInput label="Consultant" required maxLength={200} {...form.getInputProps('consultant')} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <Select
              label="Currency"
              searchable
              allowDeselect={false}
              data={CURRENCY_CODES as unknown as string[]}
              limit={50}
              {...form.getInputProps('currency')}
            />
            <NumberInput label="Day rate" required min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('dayRate')} />
            <TextInput label="Start date" type="date" {...form.getInputProps('startDate')} />
          </SimpleGrid>
          <Textarea
            label="Objective and success metric"
            description="What the client wants from the work, and the number that will show it worked. Printed in the proposal."
            placeholder="e.g. Answer 30% of support tickets automatically by Q3, with customer satisfaction unchanged."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            {...form.getInputProps('objective')}
          />
          <Textarea label="Notes" autosize minRows={3} maxRows={10} maxLength={20000} {...form.getInputProps('notes')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {engagement ? 'Save changes' : 'Add engagement'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
