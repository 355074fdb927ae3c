import {
  ActionIcon,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { IconAlertTriangle, IconCheck, IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useBlocker } from 'react-router'
import { describeIssues } from '../../../shared/ipc/describe-issues'
import { useRemWidth } from '../../components/useRemWidth'
import type { Plan } from '../../../shared/domain/planning/plan.model'
import { pricePlan } from '../../../shared/domain/planning/pricing'
import { MILESTONE_IDS } from '../../../shared/domain/planning/plan.model'
import { PRICING_TIER_IDS, PricingTermsSchema, type PricingTerms } from '../../../shared/schemas/pricing.schema'
import { formatDate, formatMoney } from '../../format'

const TIER_LABEL: Record<(typeof PRICING_TIER_IDS)[number], string> = {
  foundations: 'Foundations',
  first_hire: 'Foundations + first hire',
  full: 'Full build-out',
  pending: 'With the pending work'
}

/** The bottom line's name says what it adds to the fees, so it is never mistaken for them. */
function totalLabel(t: { discount: number; expenses: number; tax: number }, taxLabel: string): string {
  const added = [t.discount > 0 && 'discount', t.expenses > 0 && 'expenses', t.tax > 0 && taxLabel].filter(Boolean) as string[]
  if (added.length === 0) return 'Total (no discount, expenses or tax)'
  return `Total with ${added.length === 1 ? added[0] : `${added.slice(0, -1).join(', ')} and ${added.at(-1)}`}`
}

/** How long typing may pause before the terms are saved. */
const SAVE_AFTER_MS = 600

/**
 * The pricing terms, saved as they are typed, like the workshop's answers: each valid change
 * a moment after the last keystroke, and any pending change when the tab or page is left. A
 * change that cannot be saved yet (payments not adding up to 100%) says why, and leaving the
 * page with it asks first.
 */
export function PricingPanel({ plan, terms, onSave }: { plan: Plan; terms: PricingTerms; onSave: (t: PricingTerms) => Promise<unknown> }) {
  const form = useForm<PricingTerms>({
    mode: 'controlled',
    initialValues: terms,
    validate: schemaResolver(PricingTermsSchema, { sync: true })
  })
  const live = PricingTermsSchema.safeParse(form.values)
  const priced = useMemo(() => pricePlan(plan, live.success ? live.data : terms), [plan, live, terms])
  const money = (n: number) => formatMoney(n, priced.currency)
  const milestoneOptions = MILESTONE_IDS.map((id) => ({
    value: id,
    label: plan.milestones.find((m) => m.id === id)?.title ?? (id === 'work_complete' ? 'Work complete' : id)
  }))

  // Side by side only when the window has room in type units (not on a projector in large type).
  const wide = useRemWidth() >= 76

  // Autosave: what was saved last, what is being saved, and why the last save failed.
  const valuesKey = JSON.stringify(form.values)
  const [savedKey, setSavedKey] = useState(() => JSON.stringify(terms))
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const pending = useRef<PricingTerms | null>(null)
  const save = useRef(async (values: PricingTerms, key: string) => {
    setSaving(true)
    try {
      await onSave(values)
      setSavedKey(key)
      setSaveError(null)
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error))
    } finally {
      setSaving(false)
    }
  })
  const dirty = valuesKey !== savedKey
  useEffect(() => {
    if (!dirty || !live.success) {
      pending.current = null
      return
    }
    const values = live.data
    pending.current = values
    const timer = setTimeout(() => {
      pending.current = null
      void save.current(values, valuesKey)
    }, SAVE_AFTER_MS)
    return () => clearTimeout(timer)
    // valuesKey stands for the values: the effect runs once per change of what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valuesKey, dirty])
  // Leaving the tab or the page within the pause still saves the last valid change.
  useEffect(
    () => () => {
      if (pending.current) void onSave(pending.current).catch(() => undefined)
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  )
  const problem = !live.success ? describeIssues(live.error.issues) : null
  // A change that cannot be saved yet is not lost silently: leaving the page asks first.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && problem !== null && currentLocation.pathname !== nextLocation.pathname)
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    modals.openConfirmModal({
      title: 'Leave without the pricing changes?',
      children: (
        <Text size="sm">
          The last changes to the pricing cannot be saved yet: {problem}. Leaving the page discards them; the terms saved before stay as they were.
        </Text>
      ),
      labels: { confirm: 'Leave and discard them', cancel: 'Stay and fix them' },
      confirmProps: { color: 'red' },
      onConfirm: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
      onClose: () => blocker.state === 'blocked' && blocker.reset()
    })
  }, [blocker, problem])

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: wide ? 7 : 12 }}>
        <Stack gap="lg">
          <Card withBorder radius="lg" padding={0}>
            <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Cost by phase">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Phase</Table.Th>
                  <Table.Th ta="right">Days</Table.Th>
                  <Table.Th ta="right">Committed</Table.Th>
                  <Table.Th ta="right">Optional</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {priced.phases.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td ta="right">{p.effortDays}</Table.Td>
                    <Table.Td ta="right">{money(p.cost)}</Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {p.optionalCost ? money(p.optionalCost) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {priced.tiers
              .filter((t) => t.offered)
              .map((t) => (
                <Card key={t.id} withBorder radius="lg" padding="md" className={t.committed ? 'sc-recommendation' : undefined}>
                  <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                    {t.committed ? 'Committed' : t.id === 'pending' ? 'If the pending work goes ahead' : 'Option'}
                  </Text>
                  <Text fw={700}>{t.name}</Text>
                  <Text size="xl" fw={700} mt={4} data-testid={`tier-${t.id}`}>
                    {money(t.total)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t.effortDays} days{t.fees !== t.total ? ` · fees ${money(t.fees)}` : ''} · to week {t.lastWeek}
                    {t.tax > 0 && ` · total incl. ${priced.taxLabel}`}
                  </Text>
                </Card>
              ))}
          </SimpleGrid>
          <Card withBorder radius="lg" padding="lg">
            <Table verticalSpacing={4} aria-label="Committed total">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>
                    Fees ({priced.committed.effortDays} days at {money(priced.dayRate)})
                  </Table.Td>
                  <Table.Td ta="right">{money(priced.committed.fees)}</Table.Td>
                </Table.Tr>
                {priced.committed.discount > 0 && (
                  <Table.Tr>
                    <Table.Td>Discount ({priced.discountPercent}%)</Table.Td>
                    <Table.Td ta="right">−{money(priced.committed.discount)}</Table.Td>
                  </Table.Tr>
                )}
                {priced.committed.expenses > 0 && (
                  <Table.Tr>
                    <Table.Td>Expenses</Table.Td>
                    <Table.Td ta="right">{money(priced.committed.expenses)}</Table.Td>
                  </Table.Tr>
                )}
                {priced.committed.tax > 0 && (
                  <Table.Tr>
                    <Table.Td>
                      {priced.taxLabel} ({priced.taxRatePercent}%)
                    </Table.Td>
                    <Table.Td ta="right">{money(priced.committed.tax)}</Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Td fw={700}>{totalLabel(priced.committed, priced.taxLabel)}</Table.Td>
                  <Table.Td ta="right" fw={700} data-testid="committed-total">
                    {money(priced.committed.total)}
                  </Table.Td>
                </Table.Tr>
                {priced.withOptions.total !== priced.committed.total && (
                  <Table.Tr>
                    <Table.Td c="dimmed">Total if the pending and optional work goes ahead too</Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {money(priced.withOptions.total)}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h5" mt="md" mb={4}>
              Payments
            </Title>
            {priced.payments.map((p) => (
              <Group key={p.label} justify="space-between">
                <Text size="sm">
                  {p.label} ({p.percent}%) · due {formatDate(p.dueDate)}
                </Text>
                <Text size="sm">{money(p.amount)}</Text>
              </Group>
            ))}
            <Text size="xs" c="dimmed" mt="sm">
              Offer valid until {formatDate(priced.validUntil)}.
            </Text>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: wide ? 5 : 12 }}>
        <Card withBorder radius="lg" padding="lg">
          <form onSubmit={(e) => e.preventDefault()} aria-label="Pricing terms">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Title order={3} size="h5">
                  Terms
                </Title>
                <SaveStatus saving={saving || (dirty && problem === null && saveError === null)} dirty={dirty} problem={problem} error={saveError} />
              </Group>
              <SegmentedControl
                data={[
                  { value: 'time_and_materials', label: 'Time and materials' },
                  { value: 'fixed_fee', label: 'Fixed fee' }
                ]}
                {...form.getInputProps('model')}
                onChange={(v) => {
                  form.setFieldValue('model', v as PricingTerms['model'])
                  form.setFieldValue('fixedFee', v === 'fixed_fee' ? Math.round(priced.committed.netFees) : undefined)
                }}
              />
              {form.values.model === 'fixed_fee' && <NumberInput label="Fixed fee" min={0} thousandSeparator="," {...form.getInputProps('fixedFee')} />}
              <SimpleGrid cols={3}>
                <NumberInput label="Discount %" min={0} max={100} decimalScale={2} {...form.getInputProps('discountPercent')} />
                <TextInput label="Tax name" {...form.getInputProps('taxLabel')} />
                <NumberInput label="Tax %" min={0} max={100} decimalScale={2} {...form.getInputProps('taxRatePercent')} />
              </SimpleGrid>
              <SimpleGrid cols={2}>
                <TextInput label="Valid until" type="date" {...form.getInputProps('validUntil')} />
                <Select
                  label="Committed scope"
                  allowDeselect={false}
                  data={plan.tiers.filter((t) => t.id !== 'pending').map((t) => ({ value: t.id, label: TIER_LABEL[t.id] }))}
                  {...form.getInputProps('tiers.committed')}
                />
              </SimpleGrid>
              <Group justify="space-between" mt="xs">
                <Text fw={600} size="sm">
                  Expenses
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPlus size={12} />}
                  onClick={() => form.insertListItem('expenses', { label: 'Travel', amount: 0 })}
                >
                  Add
                </Button>
              </Group>
              {form.values.expenses.map((_, i) => (
                <Group key={i} gap="xs" wrap="nowrap">
                  <TextInput aria-label="Expense" style={{ flex: 1 }} {...form.getInputProps(`expenses.${i}.label`)} />
                  <NumberInput aria-label="Amount" w={120} min={0} thousandSeparator="," {...form.getInputProps(`expenses.${i}.amount`)} />
                  <ActionIcon variant="subtle" color="red" aria-label="Remove expense" onClick={() => form.removeListItem('expenses', i)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between" mt="xs">
                <Text fw={600} size="sm">
                  Payment milestones
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPlus size={12} />}
                  onClick={() => form.insertListItem('paymentMilestones', { label: 'Instalment', percent: 0, dueWeek: 1 })}
                >
                  Add
                </Button>
              </Group>
              {form.values.paymentMilestones.map((m, i) => (
                // Two lines each, so a payment's name and the milestone it falls due at read in full.
                <Stack key={i} gap={6}>
                  <TextInput aria-label="Payment" {...form.getInputProps(`paymentMilestones.${i}.label`)} />
                  <Group gap="xs" wrap="nowrap">
                    <NumberInput aria-label="Percent" w={96} min={0} max={100} suffix="%" {...form.getInputProps(`paymentMilestones.${i}.percent`)} />
                    {'milestone' in m && m.milestone ? (
                      <Select
                        aria-label="Due at"
                        style={{ flex: 1 }}
                        data={milestoneOptions}
                        allowDeselect={false}
                        {...form.getInputProps(`paymentMilestones.${i}.milestone`)}
                      />
                    ) : (
                      <NumberInput aria-label="Due week" style={{ flex: 1 }} min={1} prefix="week " {...form.getInputProps(`paymentMilestones.${i}.dueWeek`)} />
                    )}
                    <ActionIcon variant="subtle" color="red" aria-label="Remove payment" onClick={() => form.removeListItem('paymentMilestones', i)}>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                </Stack>
              ))}
              {form.errors.paymentMilestones && (
                <Text size="xs" c="red">
                  {String(form.errors.paymentMilestones)}
                </Text>
              )}
              {dirty && problem !== null && (
                <Group justify="flex-end" mt="xs">
                  <Button variant="default" size="xs" onClick={() => form.setValues(JSON.parse(savedKey) as PricingTerms)}>
                    Go back to the saved terms
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </Card>
      </Grid.Col>
    </Grid>
  )
}

/** Where the terms stand: saved, saving, or not saved and why. Announced politely to screen readers. */
function SaveStatus({ saving, dirty, problem, error }: { saving: boolean; dirty: boolean; problem: string | null; error: string | null }) {
  const [icon, text, colour] = error
    ? [<IconAlertTriangle key="e" size={14} />, `Not saved: ${error}`, 'red']
    : dirty && problem
      ? [<IconAlertTriangle key="p" size={14} />, `Not saved yet: ${problem}`, 'orange']
      : saving
        ? [<Loader key="s" size={12} />, 'Saving…', 'dimmed']
        : [<IconCheck key="c" size={14} />, 'All changes saved', 'dimmed']
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="pricing-save-status" style={{ minWidth: 0 }}>
      <Text span c={colour} style={{ display: 'inline-flex' }}>
        {icon}
      </Text>
      <Text size="xs" c={colour}>
        {text}
      </Text>
    </Group>
  )
}
