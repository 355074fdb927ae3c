import { Badge, Button, Table } from '@mantine/core'
import { IconRestore } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { formatBytes, formatDateTime } from '../../format'

/** How each kind of backup is named on screen. */
export const REASON: Record<string, string> = {
  daily: 'Daily',
  'pre-migration': 'Before an update',
  manual: 'Backed up by you',
  'pre-restore': 'Before a restore',
  'pre-import': 'Before an import',
  'pre-team': 'Before joining a team',
  'pre-leave': 'Before leaving an engagement',
  'on-quit': 'On quit'
}

interface Row {
  fileName: string
  reason: string
  createdAt: string
  sizeBytes: number
}

/** A list of backups (local ones or copies): when, kind, one column of detail, size, Restore. */
export function BackupTable<T extends Row>(props: {
  label: string
  items: readonly T[]
  detail: { header: string; cell: (item: T) => ReactNode }
  onRestore: (item: T) => void
  canRestore?: (item: T) => boolean
  restoring?: string | null
  horizontalSpacing?: 'md' | 'lg'
}) {
  return (
    <Table verticalSpacing="sm" horizontalSpacing={props.horizontalSpacing ?? 'lg'} aria-label={props.label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Taken</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>{props.detail.header}</Table.Th>
          <Table.Th ta="right">Size</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((item) => (
          <Table.Tr key={item.fileName}>
            <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
            <Table.Td>
              <Badge color={item.reason === 'manual' ? 'teal' : 'gray'}>{REASON[item.reason] ?? item.reason}</Badge>
            </Table.Td>
            <Table.Td>{props.detail.cell(item)}</Table.Td>
            <Table.Td ta="right">{formatBytes(item.sizeBytes)}</Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconRestore size={14} />}
                onClick={() => props.onRestore(item)}
                disabled={props.canRestore ? !props.canRestore(item) : false}
                loading={props.restoring === item.fileName}
              >
                Restore…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
