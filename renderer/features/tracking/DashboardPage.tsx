import { Badge, Card, Group, MultiSelect, Pagination, Progress, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconLayoutDashboard } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useDebouncedValue } from '@mantine/hooks'
import { useNavigate } from 'react-router'
import { PHASE_BY_ID } from '../../../shared/domain/catalogue'
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../../../shared/schemas/engagement.schema'
import type { DashboardRow, DashboardSort } from '../../../shared/schemas/tracking.schema'
import { api, call } from '../../api'
import { keys } from '../../query'
import { PageHeader } from '../../components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { rowKeyHandlers } from '../../components/useListKeyboard'
import { useRemWidth } from '../../components/useRemWidth'
import { formatDate, formatMoney } from '../../format'
import { STATUS_LABEL, StatusBadge } from '../engagements/StatusBadge'
import { RagBadge } from './RagBadge'
import { trackingKeys } from './tracking.queries'

const PAGE = 100
const SORTS: { value: DashboardSort; label: string }[] = [
  { value: 'rag', label: 'Most at risk' },
  { value: 'nextDue', label: 'Next due' },
  { value: 'client', label: 'Client' },
  { value: 'title', label: 'Engagement' },
  { value: 'status', label: 'Status' },
  { value: 'progress', label: 'Progress' }
]

function LoadChart({ consultant }: { consultant: string | null }) {
  const load = useQuery({
    queryKey: trackingKeys.load(consultant),
    queryFn: () => call(api.dashboard.load({ ...(consultant ? { consultant } : {}), weeks: 12 }))
  })
  const title = `${consultant ? `${consultant}'s load` : 'Load across engagements'}, next 12 weeks`
  if (load.isPending) return <LoadingState label={`Loading ${title.toLowerCase()}`} rows={2} />
  // A refresh that fails keeps the chart already shown (the failure is reported on its own).
  if (!load.data) return <ErrorState error={load.error} onRetry={() => void load.refetch()} />
  const max = Math.max(load.data.limitDaysPerWeek, ...load.data.weeks.map((w) => w.days), 1)
  const idle = load.data.weeks.every((w) => w.days === 0)
  return (
    <Card withBorder radius="lg" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          Overbooked above {load.data.limitDaysPerWeek} days a week
        </Text>
      </Group>
      {idle && (
        <Text size="sm" c="dimmed" mb="xs">
          No work is planned in these weeks. Work whose planned dates have passed shows as late in the table below.
        </Text>
      )}
      <div
        className="sc-load"
        role="img"
        aria-label={load.data.weeks.map((w) => `${w.isoWeek}: ${w.days} days${w.overbooked ? ', overbooked' : ''}`).join('; ')}
      >
        {load.data.weeks.map((w) => (
          <Tooltip
            key={w.weekStart}
            label={`Week of ${formatDate(w.weekStart)}: ${w.days} days on ${w.engagements} engagement${w.engagements === 1 ? '' : 's'}${w.overbooked ? ' — overbooked' : ''}`}
          >
            <div className="sc-load-col">
              <div className="sc-load-bar" data-over={w.overbooked || undefined} style={{ height: `${(w.days / max) * 100}%` }} />
              <span>{w.isoWeek.replace(/^\d{4}-W/, 'W')}</span>
            </div>
          </Tooltip>
        ))}
      </div>
    </Card>
  )
}

interface Column {
  id: string
  label: string
  /** About how wide it needs to be, in rem. */
  rem: number
  align?: 'right'
  cell: (r: DashboardRow) => React.ReactNode
}

/**
 * The portfolio's columns, most important first: engagement, status, health and next due are
 * always shown; the others join as the window (in type units) has room for them.
 */
const COLUMNS: readonly Column[] = [
  {
    id: 'engagement',
    label: 'Engagement',
    rem: 17,
    cell: (r) => (
      <>
        <Text fw={600} size="sm">
          {r.title}
        </Text>
        <Text size="xs" c="dimmed">
          {r.clientName} · {r.consultant}
        </Text>
      </>
    )
  },
  { id: 'status', label: 'Status', rem: 8, cell: (r) => <StatusBadge status={r.status} /> },
  { id: 'health', label: 'Health', rem: 7, cell: (r) => <RagBadge rag={r.rag} /> },
  { id: 'next', label: 'Next due', rem: 8, cell: (r) => <Text size="sm">{formatDate(r.nextDue)}</Text> },
  {
    id: 'late',
    label: 'Late',
    rem: 4.5,
    align: 'right',
    cell: (r) =>
      r.overdueItems ? (
        <Badge color="red" variant="light">
          {r.overdueItems}
        </Badge>
      ) : (
        '—'
      )
  },
  {
    id: 'progress',
    label: 'Progress',
    rem: 10,
    cell: (r) => (
      <Group gap={6} wrap="nowrap">
        <Progress value={r.progressPercent} w={80} aria-label={`${r.progressPercent}% done`} />
        <Text size="xs">{Math.round(r.progressPercent)}%</Text>
      </Group>
    )
  },
  { id: 'phase', label: 'Phase', rem: 10, cell: (r) => <Text size="sm">{r.currentPhase ? PHASE_BY_ID[r.currentPhase].name : '—'}</Text> },
  { id: 'soon', label: 'Due 2 wks', rem: 6.5, align: 'right', cell: (r) => r.dueSoonItems || '—' },
  {
    id: 'days',
    label: 'Days',
    rem: 6,
    align: 'right',
    cell: (r) => (
      <Text size="sm">
        {r.loggedDays}
        {r.plannedDays !== null ? ` / ${r.plannedDays}` : ''}
      </Text>
    )
  },
  {
    id: 'pipeline',
    label: 'Pipeline',
    rem: 9,
    align: 'right',
    cell: (r) => <Text size="sm">{r.pipelineValue !== null ? formatMoney(r.pipelineValue, r.currency) : '—'}</Text>
  }
]
const ALWAYS = 4

/** The columns that fit in `available` rem, in priority order (the first four always). */
export function portfolioColumns(available: number): { shown: Column[]; hidden: Column[] } {
  const shown: Column[] = []
  let used = 0
  for (const [i, c] of COLUMNS.entries()) {
    if (i < ALWAYS || used + c.rem <= available) {
      shown.push(c)
      used += c.rem
    } else break
  }
  return { shown, hidden: COLUMNS.slice(shown.length) }
}

export function DashboardPage() {
  // The page's width in rem, less the navigation and the page's padding.
  const remWidth = useRemWidth()
  const { shown: columns, hidden } = portfolioColumns(remWidth - (remWidth < 70 ? 4 : 15) - 5)
  const navigate = useNavigate()
  const [status, setStatus] = useState<string[]>(['lead', 'proposal', 'active'])
  const [consultant, setConsultant] = useState<string | null>(null)
  const [clientId, setClientId] = useState<string | null>(null)
  const [clientSearch, setClientSearch] = useState('')
  const [clientTerm] = useDebouncedValue(clientSearch, 150)
  const clientOptions = useQuery({
    queryKey: keys.clients({ search: clientTerm, limit: 50 }),
    queryFn: () => call(api.clients.list({ search: clientTerm || undefined, limit: 50 })),
    placeholderData: keepPreviousData
  })
  const [sort, setSort] = useState<DashboardSort>('rag')
  const [page, setPage] = useState(1)
  const query = {
    ...(status.length ? { status: status as EngagementStatus[] } : {}),
    ...(consultant ? { consultant } : {}),
    ...(clientId ? { clientId } : {}),
    sort,
    direction: (sort === 'rag' || sort === 'progress' ? 'desc' : 'asc') as 'asc' | 'desc',
    offset: (page - 1) * PAGE,
    limit: PAGE
  }
  const dashboard = useQuery({ queryKey: trackingKeys.dashboard(query), queryFn: () => call(api.dashboard.get(query)), placeholderData: keepPreviousData })

  return (
    <>
      <PageHeader title="Portfolio" description="Every engagement at a glance: where it stands, what is late, and what is due in the next two weeks." />
      {dashboard.isPending ? (
        <LoadingState label="Loading the portfolio" />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {(['red', 'amber', 'green', 'none'] as const).map((level) => (
              <Card key={level} withBorder radius="lg" padding="md">
                <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                  {level === 'none' ? 'Not tracked yet' : level === 'red' ? 'At risk' : level === 'amber' ? 'Watch' : 'On track'}
                </Text>
                <Text size="xl" fw={700} data-testid={`rag-${level}`}>
                  {dashboard.data.totals.rag[level]}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Card withBorder radius="lg" padding="lg">
            <Title order={2} size="h5" mb="xs">
              Pipeline by status
            </Title>
            <Group gap="xl">
              {dashboard.data.totals.byStatus.map((s) => (
                <div key={`${s.status}-${s.currency}`}>
                  <Text size="xs" c="dimmed">
                    {STATUS_LABEL[s.status]} · {s.engagements} engagement{s.engagements === 1 ? '' : 's'}
                  </Text>
                  <Text fw={700}>
                    {formatMoney(s.pipelineValue, s.currency)}{' '}
                    <Text span size="xs" c="dimmed" fw={400}>
                      in fees
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.loggedDays} of {s.plannedDays} days booked
                  </Text>
                </div>
              ))}
            </Group>
          </Card>
          <LoadChart consultant={consultant} />
          <Group gap="md">
            <MultiSelect
              aria-label="Status"
              placeholder="Any status"
              data={ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              value={status}
              onChange={(v) => {
                setStatus(v)
                setPage(1)
              }}
              w={360}
              clearable
            />
            <Select
              aria-label="Consultant"
              placeholder="Every consultant"
              data={dashboard.data.consultants}
              value={consultant}
              onChange={(v) => {
                setConsultant(v)
                setPage(1)
              }}
              clearable
              searchable
              w={220}
            />
            <Select
              aria-label="Client"
              placeholder="Every client"
              searchable
              clearable
              w={240}
              data={(clientOptions.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={clientId}
              onChange={(v) => {
                setClientId(v)
                setPage(1)
              }}
              searchValue={clientSearch}
              onSearchChange={setClientSearch}
              filter={({ options }) => options}
              nothingFoundMessage="No client by that name"
            />
            <Select aria-label="Sort" data={SORTS} value={sort} onChange={(v) => v && setSort(v as DashboardSort)} allowDeselect={false} w={180} />
          </Group>
          {dashboard.data.rows.length === 0 ? (
            <EmptyState icon={IconLayoutDashboard} title="No engagements match">
              Change the filters, or add an engagement from a client's page.
            </EmptyState>
          ) : (
            <Card withBorder radius="lg" padding={0}>
              <Table.ScrollContainer minWidth={`${columns.reduce((sum, c) => sum + c.rem, 0)}rem`}>
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Portfolio">
                  <Table.Thead>
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Th key={c.id} ta={c.align} w={c.id === 'progress' ? 150 : undefined}>
                          {c.label}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dashboard.data.rows.map((r) => (
                      <Table.Tr
                        key={r.id}
                        className="sc-row-link"
                        onClick={() => navigate(`/engagements/${r.id}/tracking`)}
                        {...rowKeyHandlers(() => navigate(`/engagements/${r.id}/tracking`))}
                        aria-label={`Open ${r.title}`}
                      >
                        {columns.map((c) => (
                          <Table.Td key={c.id} ta={c.align}>
                            {c.cell(r)}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {hidden.length > 0 && (
                <Text size="sm" c="dimmed" px="md" py="xs" data-testid="hidden-columns">
                  {hidden.length === 1 ? 'One more column is' : `${hidden.length} more columns are`} hidden at this size (
                  {hidden.map((c) => c.label).join(', ')}): widen the window or choose normal type in Settings to see {hidden.length === 1 ? 'it' : 'them'}.
                </Text>
              )}
              {dashboard.data.total > PAGE && (
                <Group justify="space-between" p="md">
                  <Text size="sm" c="dimmed">
                    {dashboard.data.total.toLocaleString()} engagements
                  </Text>
                  <Pagination total={Math.ceil(dashboard.data.total / PAGE)} value={page} onChange={setPage} size="sm" />
                </Group>
              )}
            </Card>
          )}
        </Stack>
      )}
    </>
  )
}
