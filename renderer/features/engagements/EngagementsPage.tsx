import { Card, Group, Select, Switch } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconBriefcase } from '@tabler/icons-react'
import { useState } from 'react'
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../../../shared/schemas/engagement.schema'
import { PageHeader } from '../../components/PageHeader'
import { SearchField } from '../../components/SearchField'
import { moreRows, ShowMore } from '../../components/ShowMore'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { useEngagements } from './engagements.queries'
import { EngagementTable } from './EngagementTable'
import { STATUS_LABEL } from './StatusBadge'

type Sort = 'updatedAt' | 'title' | 'clientName' | 'status' | 'startDate'
const SORTS: { value: Sort; label: string }[] = [
  { value: 'updatedAt', label: 'Recently updated' },
  { value: 'title', label: 'Title (A–Z)' },
  { value: 'clientName', label: 'Client (A–Z)' },
  { value: 'status', label: 'Status' },
  { value: 'startDate', label: 'Start date' }
]

export function EngagementsPage() {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 120)
  const [status, setStatus] = useState<EngagementStatus | null>(null)
  const [sort, setSort] = useState<Sort>('updatedAt')
  const [includeArchived, setIncludeArchived] = useState(false)
  const direction = sort === 'updatedAt' || sort === 'startDate' ? 'desc' : 'asc'
  const [limit, setLimit] = useState(100)
  const list = useEngagements({
    limit,
    search: debounced || undefined,
    status: status ?? undefined,
    sort,
    direction,
    includeArchived
  })
  const filtered = Boolean(debounced) || status !== null || includeArchived

  return (
    <>
      <PageHeader title="Engagements" description="Every piece of work across your clients." />
      <Group mb="md" gap="md">
        <SearchField value={search} onChange={setSearch} label="Search engagements" placeholder="Search by title, client or consultant" />
        <Select
          aria-label="Filter by status"
          placeholder="Any status"
          clearable
          data={ENGAGEMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          value={status}
          onChange={(v) => setStatus(v as EngagementStatus | null)}
          w={160}
        />
        <Select aria-label="Sort engagements" data={SORTS} value={sort} onChange={(v) => v && setSort(v as Sort)} allowDeselect={false} w={190} />
        <Switch label="Show archived" checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading engagements" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={IconBriefcase} title={filtered ? 'No matching engagements' : 'No engagements yet'}>
          {filtered
            ? 'Nothing matches these filters. Clear the search or pick another status.'
            : 'Engagements are created from a client’s page. Open a client and choose “New engagement”.'}
        </EmptyState>
      ) : (
        <Card withBorder radius="lg" padding={0}>
          <EngagementTable items={list.data.items} label="Engagements" showClient />
          <ShowMore
            shown={list.data.items.length}
            total={list.data.total}
            limit={limit}
            onMore={() => setLimit(moreRows)}
            hint="Search or filter to narrow the list."
          />
        </Card>
      )}
    </>
  )
}
