import { Badge, Group, Table, Text } from '@mantine/core'
import { useNavigate } from 'react-router'
import type { EngagementList } from '../../../shared/schemas/engagement.schema'
import { rowKeyHandlers } from '../../components/useListKeyboard'
import { formatDate, formatMoney } from '../../format'
import { StatusBadge } from './StatusBadge'

/** Engagements as rows that open on click or Enter; the client column is left out on a client's own page. */
export function EngagementTable({ items, label, showClient }: { items: EngagementList['items']; label: string; showClient: boolean }) {
  const navigate = useNavigate()
  return (
    <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Engagement</Table.Th>
          {showClient && <Table.Th>Client</Table.Th>}
          <Table.Th>Status</Table.Th>
          <Table.Th>Consultant</Table.Th>
          <Table.Th ta="right">Day rate</Table.Th>
          <Table.Th>Starts</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((e) => (
          <Table.Tr
            key={e.id}
            className="sc-row-link"
            onClick={() => navigate(`/engagements/${e.id}`)}
            {...rowKeyHandlers(() => navigate(`/engagements/${e.id}`))}
            aria-label={`Open ${e.title}`}
          >
            <Table.Td>
              <Group gap="xs">
                <Text fw={600}>{e.title}</Text>
                {e.archivedAt && <Badge color="gray">Archived</Badge>}
              </Group>
            </Table.Td>
            {showClient && <Table.Td>{e.clientName}</Table.Td>}
            <Table.Td>
              <StatusBadge status={e.status} />
            </Table.Td>
            <Table.Td>{e.consultant}</Table.Td>
            <Table.Td ta="right">{formatMoney(e.dayRate, e.currency)}</Table.Td>
            <Table.Td>{formatDate(e.startDate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
