import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { IconFileSpreadsheet, IconNote, IconPlus, IconSignature, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../../../shared/schemas/engagement.schema'
import type { ItemStatus, TrackedItem } from '../../../shared/schemas/tracking.schema'
import { api, call } from '../../api'
import { keys } from '../../query'
import { notifyError, notifySaved } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { formatDate, formatMoney } from '../../format'
import { STATUS_LABEL } from '../engagements/StatusBadge'
import { useEngagement } from '../engagements/engagements.queries'
import { RagBadge } from './RagBadge'
import { trackingKeys } from './tracking.queries'
import { exportKeys } from '../export/export.queries'

/** Status choices in words that fit the row: work is done, a hire is made, a milestone reached. */
const ITEM_STATUS: Record<'work' | 'hire' | 'milestone', { value: ItemStatus; label: string }[]> = {
  work: [
    { value: 'planned', label: 'Planned' },
    { value: 'in_progress', label: 'In progress' },
    { value: 'blocked', label: 'Blocked' },
    { value: 'done', label: 'Done' }
  ],
  hire: [
    { value: 'planned', label: 'Not started' },
    { value: 'in_progress', label: 'Recruiting' },
    { value: 'blocked', label: 'Blocked' },
    { value: 'done', label: 'Hired' }
  ],
  milestone: [
    { value: 'planned', label: 'Not reached' },
    { value: 'blocked', label: 'Blocked' },
    { value: 'done', label: 'Reached' }
  ]
}
const statusChoices = (item: TrackedItem) => {
  const choices = ITEM_STATUS[item.kind === 'hire' ? 'hire' : item.kind === 'milestone' ? 'milestone' : 'work']
  // An older status outside the kind's usual ones (a milestone marked in progress) still shows.
  return choices.some((c) => c.value === item.status) ? choices : [...ITEM_STATUS.work.filter((c) => c.value === item.status), ...choices]
}
const today = () => new Date().toISOString().slice(0, 10)

export function TrackingPage() {
  const { engagementId = '' } = useParams()
  const qc = useQueryClient()
  const key = trackingKeys.view(engagementId)
  const view = useQuery({ queryKey: key, queryFn: () => call(api.tracking.get({ engagementId })) })
  const history = useQuery({ queryKey: trackingKeys.history(engagementId), queryFn: () => call(api.engagements.history({ id: engagementId })) })
  const snapshots = useQuery({ queryKey: exportKeys.snapshots(engagementId), queryFn: () => call(api.exports.list({ engagementId })) })
  const engagement = useEngagement(engagementId)
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: key }),
      qc.invalidateQueries({ queryKey: trackingKeys.history(engagementId) }),
      qc.invalidateQueries({ queryKey: trackingKeys.dashboards }),
      qc.invalidateQueries({ queryKey: keys.anyEngagement })
    ])
  const act = <T,>(fn: () => Promise<T>, done?: string) =>
    fn()
      .then(async (r) => {
        await refresh()
        if (done) notifySaved(done)
        return r
      })
      .catch((e) => notifyError(e))

  const [blocking, setBlocking] = useState<TrackedItem | null>(null)
  const [editing, setEditing] = useState<TrackedItem | null>(null)
  const [draft, setDraft] = useState({ notes: '', owner: '', actualStart: '', actualEnd: '' })
  const openEditor = (item: TrackedItem) => {
    setDraft({ notes: item.notes ?? '', owner: item.owner ?? '', actualStart: item.actualStart ?? '', actualEnd: item.actualEnd ?? '' })
    setEditing(item)
  }
  const [reason, setReason] = useState('')
  const [log, setLog] = useState({ date: today(), days: 1 as number | string, itemId: null as string | null, note: '' })
  const [signOpen, setSignOpen] = useState(false)
  const [signedExport, setSignedExport] = useState<string | null>(null)
  const [gateText, setGateText] = useState<Record<string, string>>({})
  const csv = useMutation({ mutationFn: () => call(api.time.exportCsv({ engagementId })) })

  if (view.isPending) return <LoadingState label="Loading the engagement" />
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />
  const v = view.data
  // Late and due soon are counted in delivery only, once signed (the portfolio says the same).
  const inDelivery = v.tracked && v.status === 'active'

  const setItemStatus = (item: TrackedItem, status: ItemStatus) => {
    if (status === 'blocked') {
      setBlocking(item)
      setReason(item.blockedReason ?? '')
      return
    }
    void act(() => call(api.tracking.updateItem({ engagementId, itemId: item.itemId, patch: { status } })))
  }
  const changeStatus = (status: EngagementStatus) =>
    modals.openConfirmModal({
      title: `Move the engagement to “${STATUS_LABEL[status]}”?`,
      children: <Text size="sm">The change is recorded in the engagement's history with today's date.</Text>,
      labels: { confirm: 'Move', cancel: 'Cancel' },
      onConfirm: () => void act(() => call(api.engagements.setStatus({ id: engagementId, status })), `Now ${STATUS_LABEL[status]}`)
    })

  const allItems = v.phases.flatMap((p) => p.items)
  // Said, not silently capped: an entry is one day's work at most.
  const days = log.days === '' ? Number.NaN : Number(log.days)
  const daysProblem = Number.isNaN(days)
    ? 'Enter the days worked, from 0.25 to 1.'
    : days > 1
      ? 'At most 1 day per entry: log each day worked on its own date.'
      : days < 0.25
        ? 'At least a quarter of a day (0.25).'
        : null
  const addCriterion = (phaseId: (typeof v.phases)[number]['id']) => {
    const criterion = gateText[phaseId]?.trim()
    if (!criterion) return
    void act(() => call(api.tracking.setGate({ action: 'add', engagementId, phaseId, criterion }))).then(() => setGateText({ ...gateText, [phaseId]: '' }))
  }
  // What the client signed is most likely the proposal sent last: offered first, and changeable.
  const openSign = () => {
    const proposals = (snapshots.data ?? []).filter((x) => x.template === 'proposal').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    setSignedExport(proposals[0]?.id ?? null)
    setSignOpen(true)
  }
  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs>
            <Anchor component={Link} to="/dashboard" size="sm">
              Portfolio
            </Anchor>
            {engagement.data && (
              <Anchor component={Link} to={`/clients/${engagement.data.clientId}`} size="sm">
                {engagement.data.clientName}
              </Anchor>
            )}
            <Anchor component={Link} to={`/engagements/${engagementId}`} size="sm">
              {engagement.data?.title ?? 'Engagement'}
            </Anchor>
            <Text size="sm">Tracking</Text>
          </Breadcrumbs>
        }
        title={
          <Group gap="sm">
            {engagement.data ? `Delivery: ${engagement.data.title}` : 'Delivery'} <RagBadge rag={v.rag} />
          </Group>
        }
        description={
          v.signedAt
            ? `Signed ${formatDate(v.signedAt)}: planned dates and costs are compared with the signed baseline.`
            : 'Not signed yet: mark it as signed to freeze the plan as the baseline.'
        }
        actions={
          <>
            <Select
              aria-label="Engagement status"
              data={ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              value={v.status}
              onChange={(s) => s && s !== v.status && changeStatus(s as EngagementStatus)}
              allowDeselect={false}
              w={150}
            />
            {!v.signedAt && v.plan && (
              <Button leftSection={<IconSignature size={16} />} onClick={openSign}>
                Mark as signed
              </Button>
            )}
          </>
        }
        more={[
          {
            label: 'Time sheet (CSV)…',
            icon: <IconFileSpreadsheet size={16} />,
            loading: csv.isPending,
            onClick: () =>
              csv.mutate(undefined, {
                onSuccess: (r) => r.status === 'exported' && notifySaved(`Saved ${r.fileName} (${r.rows} rows)`),
                onError: (e) => notifyError(e, 'The time sheet was not saved')
              })
          }
        ]}
      />
      {!v.plan && (
        <Alert color="gray" mb="md">
          This engagement has no plan yet. Make the plan to track its phases and tasks.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 5 }} mb="lg">
        <Card withBorder radius="lg" padding="md">
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            Progress
          </Text>
          <Text size="xl" fw={700}>
            {Math.round(v.totals.progressPercent)}%
          </Text>
          <Progress value={v.totals.progressPercent} mt={4} aria-label={`Engagement progress: ${Math.round(v.totals.progressPercent)}%`} />
        </Card>
        <Card withBorder radius="lg" padding="md">
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            Days logged
          </Text>
          <Text size="xl" fw={700} data-testid="logged-days">
            {v.totals.loggedDays}
          </Text>
          <Text size="xs" c="dimmed">
            of {v.totals.estimateDays} estimated
          </Text>
        </Card>
        <Card withBorder radius="lg" padding="md">
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            Late
          </Text>
          <Text size="xl" fw={700}>
            {inDelivery ? v.totals.overdueItems : '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {inDelivery
              ? `${v.totals.blockedItems} blocked`
              : v.status === 'complete' || v.status === 'lost'
                ? 'Not counted once closed'
                : 'Counted once signed'}
          </Text>
        </Card>
        <Card withBorder radius="lg" padding="md">
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            Due in 2 weeks
          </Text>
          <Text size="xl" fw={700}>
            {inDelivery ? v.totals.dueSoonItems : '—'}
          </Text>
        </Card>
        <Card withBorder radius="lg" padding="md">
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            Fees
          </Text>
          <Text size="xl" fw={700}>
            {v.plan ? formatMoney(v.totals.plannedCost, v.plan.currency) : '—'}
          </Text>
          {v.totals.baselineCost !== null && v.plan && (
            <Text size="xs" c="dimmed">
              signed: {formatMoney(v.totals.baselineCost, v.plan.currency)}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Text size="sm" mb="md">
        {v.rag.reason}
      </Text>
      {!v.tracked && v.plan && v.plan.startDate < v.today && v.status !== 'complete' && v.status !== 'lost' && (
        <Alert color="orange" mb="md" title="The plan’s start date has passed">
          The plan starts on {formatDate(v.plan.startDate)}. Signed as it is, its first tasks would be late on the first day: change the engagement’s start date
          before marking it as signed.{' '}
          <Anchor component={Link} to={`/engagements/${engagementId}`}>
            Open the engagement
          </Anchor>
        </Alert>
      )}

      {v.phases.map((phase) => (
        <Card key={phase.id} withBorder radius="lg" padding={0} mb="lg">
          <Group justify="space-between" p="md" pb="xs">
            <div>
              <Text fw={700} size="lg">
                {phase.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(phase.plannedStart)} – {formatDate(phase.plannedEnd)}
                {phase.baselineEnd && phase.baselineEnd !== phase.plannedEnd && ` (signed: to ${formatDate(phase.baselineEnd)})`}
                {' · '}
                {phase.loggedDays} of {phase.estimateDays} days logged
              </Text>
            </div>
            <Group gap={6}>
              <Progress value={phase.progressPercent} w={120} aria-label={`${phase.name}: ${Math.round(phase.progressPercent)}% done`} />
              <Text size="xs">{Math.round(phase.progressPercent)}%</Text>
            </Group>
          </Group>
          {phase.items.length > 0 && (
            <Table verticalSpacing={6} horizontalSpacing="md" aria-label={`${phase.name} tracking`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Task</Table.Th>
                  <Table.Th w={150}>Status</Table.Th>
                  <Table.Th>Planned</Table.Th>
                  <Table.Th ta="right">Days</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {phase.items.map((item) => (
                  <Table.Tr key={item.itemId} data-item-id={item.itemId}>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {item.title}
                        </Text>
                        <ActionIcon variant="subtle" size="sm" aria-label={`Notes and dates: ${item.title}`} onClick={() => openEditor(item)}>
                          <IconNote size={14} />
                        </ActionIcon>
                      </Group>
                      {item.notes && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {item.notes}
                        </Text>
                      )}
                      {item.status === 'blocked' && item.blockedReason && (
                        <Text size="xs" c="red">
                          Blocked: {item.blockedReason}
                        </Text>
                      )}
                      {item.overdueDays > 0 && (
                        <Badge size="xs" color="red" variant="light">
                          {item.overdueDays} days late
                        </Badge>
                      )}
                      {!item.inPlan && (
                        <Badge size="xs" color="gray">
                          No longer in the plan
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Status: ${item.title}`}
                        size="xs"
                        data={statusChoices(item)}
                        value={item.status}
                        allowDeselect={false}
                        onChange={(s) => s && s !== item.status && setItemStatus(item, s as ItemStatus)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {formatDate(item.plannedStart)} – {formatDate(item.plannedEnd)}
                      </Text>
                      {item.slipDays !== null && item.slipDays !== 0 && (
                        <Text size="xs" c={item.slipDays > 0 ? 'orange' : 'teal'}>
                          {item.slipDays > 0 ? `${item.slipDays} days later` : `${-item.slipDays} days earlier`} than signed
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">
                        {item.loggedDays} / {item.effortDays}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Stack gap={4} p="md" pt="xs">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              To leave this phase ({phase.gatesDone}/{phase.gates.length})
            </Text>
            {phase.gates.map((g) => (
              <Group key={g.id} gap="xs" wrap="nowrap">
                <Checkbox
                  label={g.criterion}
                  checked={g.doneAt !== null}
                  onChange={(e) => void act(() => call(api.tracking.setGate({ action: 'tick', engagementId, id: g.id, done: e.currentTarget.checked })))}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Remove criterion ${g.criterion}`}
                  onClick={() => void act(() => call(api.tracking.setGate({ action: 'remove', engagementId, id: g.id })))}
                >
                  <IconTrash size={12} />
                </ActionIcon>
              </Group>
            ))}
            <Group gap="xs">
              <TextInput
                size="xs"
                placeholder="Add a criterion to leave the phase"
                value={gateText[phase.id] ?? ''}
                onChange={(e) => setGateText({ ...gateText, [phase.id]: e.currentTarget.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault()
                    addCriterion(phase.id)
                  }
                }}
                w={360}
                aria-label={`New criterion for ${phase.name}`}
              />
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={12} />}
                disabled={!gateText[phase.id]?.trim()}
                onClick={() => addCriterion(phase.id)}
              >
                Add
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Card withBorder radius="lg" padding="lg">
          <Title order={2} size="h4" mb="sm">
            Log time
          </Title>
          <Stack gap="sm">
            <Group grow>
              <TextInput label="Date" type="date" value={log.date} onChange={(e) => setLog({ ...log, date: e.currentTarget.value })} />
              <NumberInput
                label="Days"
                min={0.25}
                max={1}
                step={0.25}
                decimalScale={2}
                clampBehavior="none"
                value={log.days}
                onChange={(d) => setLog({ ...log, days: d })}
                error={daysProblem}
              />
            </Group>
            <Select
              label="Task"
              placeholder="Not tied to a task"
              clearable
              data={allItems.filter((i) => i.kind !== 'hire' && i.kind !== 'milestone').map((i) => ({ value: i.itemId, label: i.title }))}
              value={log.itemId}
              onChange={(id) => setLog({ ...log, itemId: id })}
              searchable
            />
            <TextInput label="Note" value={log.note} onChange={(e) => setLog({ ...log, note: e.currentTarget.value })} maxLength={2000} />
            <Group justify="flex-end">
              <Button
                disabled={daysProblem !== null}
                onClick={() =>
                  void act(
                    () =>
                      call(
                        api.tracking.logTime({
                          engagementId,
                          date: log.date,
                          days: Number(log.days),
                          ...(log.itemId ? { itemId: log.itemId } : {}),
                          ...(log.note ? { note: log.note } : {})
                        })
                      ),
                    'Time logged'
                  ).then(() => setLog({ ...log, note: '' }))
                }
              >
                Log
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder radius="lg" padding="lg">
          <Title order={2} size="h4" mb="sm">
            Logged ({v.timeEntryCount})
          </Title>
          {v.timeEntries.length === 0 ? (
            <Text c="dimmed" size="sm">
              Nothing logged yet.
            </Text>
          ) : (
            <Table verticalSpacing={4} aria-label="Time entries">
              <Table.Tbody>
                {v.timeEntries.slice(0, 50).map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Text size="sm">{formatDate(t.date)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t.days} d</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={1}>
                        {allItems.find((i) => i.itemId === t.itemId)?.title ?? '—'}
                        {t.note ? ` · ${t.note}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label="Delete entry"
                        onClick={() => void act(() => call(api.tracking.deleteTime({ engagementId, id: t.id })), 'Entry deleted')}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {history.data && history.data.length > 0 && (
            <>
              <Title order={3} size="h5" mt="lg" mb={4}>
                Status history
              </Title>
              {history.data.map((h) => (
                <Text key={`${h.at}-${h.to}`} size="xs" c="dimmed">
                  {formatDate(h.at)}: {h.from ? `${STATUS_LABEL[h.from]} → ` : ''}
                  {STATUS_LABEL[h.to]}
                  {h.note ? ` (${h.note})` : ''}
                </Text>
              ))}
            </>
          )}
        </Card>
      </SimpleGrid>

      <Modal opened={blocking !== null} onClose={() => setBlocking(null)} title={`What is blocking “${blocking?.title ?? ''}”?`}>
        <Stack>
          <Textarea
            label="Reason"
            description="Shown on the portfolio and in progress reports."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setBlocking(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={!reason.trim()}
              onClick={() => {
                const item = blocking!
                setBlocking(null)
                void act(
                  () => call(api.tracking.updateItem({ engagementId, itemId: item.itemId, patch: { status: 'blocked', blockedReason: reason.trim() } })),
                  'Marked as blocked'
                )
              }}
            >
              Mark as blocked
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `“${editing.title}”` : ''} size="lg">
        <Stack>
          <TextInput label="Owner" value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.currentTarget.value })} maxLength={200} />
          <Group grow>
            <TextInput
              label="Actually started"
              type="date"
              value={draft.actualStart}
              onChange={(e) => setDraft({ ...draft, actualStart: e.currentTarget.value })}
            />
            <TextInput
              label="Actually finished"
              type="date"
              value={draft.actualEnd}
              onChange={(e) => setDraft({ ...draft, actualEnd: e.currentTarget.value })}
            />
          </Group>
          <Textarea
            label="Notes"
            description="Searchable with Ctrl/⌘+K; they go into progress reports."
            autosize
            minRows={3}
            maxLength={20000}
            value={draft.notes}
            onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(null)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                const item = editing!
                setEditing(null)
                void act(
                  () =>
                    call(
                      api.tracking.updateItem({
                        engagementId,
                        itemId: item.itemId,
                        patch: { notes: draft.notes, owner: draft.owner, actualStart: draft.actualStart || null, actualEnd: draft.actualEnd || null }
                      })
                    ),
                  'Saved'
                )
              }}
            >
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={signOpen} onClose={() => setSignOpen(false)} title="Mark as signed">
        <Stack>
          <Text size="sm">The plan as it stands now becomes the baseline: later changes show against it. The engagement becomes active.</Text>
          <Select
            label="The document that was signed"
            placeholder="None recorded"
            clearable
            data={(snapshots.data ?? []).map((s) => ({ value: s.id, label: `${s.fileName} · ${formatDate(s.createdAt)}` }))}
            value={signedExport}
            onChange={setSignedExport}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSignOpen(false)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                setSignOpen(false)
                void act(
                  () => call(api.tracking.markSigned({ engagementId, ...(signedExport ? { exportSnapshotId: signedExport } : {}) })),
                  'Signed: the plan is now the baseline'
                )
              }}
            >
              Mark as signed
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
