import { ActionIcon, Badge, Card, Group, Menu, NumberInput, Select, Table, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconDots, IconNote, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { ROLE_BY_ID, ROLE_IDS } from '../../../shared/domain/catalogue'
import type { Plan, PlanItem } from '../../../shared/domain/planning/plan.model'
import type { PlanEdits } from '../../../shared/schemas/plan.schema'
import { formatMoney } from '../../format'

export const ownerLabel = (owner: string) => (owner === 'consultant' ? 'Consultant' : (ROLE_BY_ID[owner as keyof typeof ROLE_BY_ID]?.name ?? owner))

const OWNER_OPTIONS = [{ value: 'consultant', label: 'Consultant' }, ...ROLE_IDS.map((r) => ({ value: r, label: ROLE_BY_ID[r].name }))]

function EffortCell({ item, onCommit }: { item: PlanItem; onCommit: (days: number) => void }) {
  const [value, setValue] = useState<number | string>(item.effortDays)
  const commit = () => {
    const n = typeof value === 'number' ? value : Number(value)
    if (Number.isFinite(n) && n >= 0 && n !== item.effortDays) onCommit(n)
    else setValue(item.effortDays)
  }
  return (
    <NumberInput
      aria-label={`Effort in days: ${item.title}`}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit()
        if (e.key === 'Escape') setValue(item.effortDays)
      }}
      min={0}
      max={1000}
      step={0.5}
      decimalScale={1}
      w={90}
      size="xs"
      hideControls
    />
  )
}

export function PlanTable({
  plan,
  edits,
  stale,
  onEdit,
  onRemove,
  onOpen
}: {
  plan: Plan
  edits: PlanEdits
  stale: readonly string[]
  onEdit: (id: string, patch: PlanEdits['overrides'][string]) => void
  onRemove: (item: PlanItem) => void
  onOpen: (item: PlanItem) => void
}) {
  const currency = plan.engagement.currency
  return (
    <>
      {plan.phases.map((phase) => (
        <Card key={phase.id} withBorder radius="lg" padding={0} mb="lg">
          <Group justify="space-between" p="md" pb="xs">
            <Text fw={700} size="lg">
              {phase.name}
            </Text>
            <Text size="sm" c="dimmed">
              {phase.items.length === 0
                ? 'Nothing in this phase'
                : `Weeks ${Math.min(...phase.items.map((i) => i.startWeek))}–${Math.max(...phase.items.map((i) => i.endWeek))}`}
            </Text>
          </Group>
          {phase.items.length > 0 && (
            <Table verticalSpacing={6} horizontalSpacing="md" aria-label={`${phase.name} items`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th w={230}>Owner</Table.Th>
                  <Table.Th w={110}>Days</Table.Th>
                  <Table.Th w={90}>Weeks</Table.Th>
                  <Table.Th w={120} ta="right">
                    Cost
                  </Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {phase.items.map((item) => {
                  const editable = item.kind !== 'hire' && item.kind !== 'milestone'
                  const note = edits.overrides[item.id]?.notes
                  return (
                    <Table.Tr key={item.id} data-item-id={item.id} data-optional={item.optional || undefined}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500}>
                            {item.title}
                          </Text>
                          {item.kind === 'custom' && <Badge size="xs">Custom</Badge>}
                          {item.kind === 'milestone' && (
                            <Badge size="xs" color="orange">
                              Milestone
                            </Badge>
                          )}
                          {item.pending === 'audit' && (
                            <Badge size="xs" color="yellow">
                              After the audit
                            </Badge>
                          )}
                          {item.pending === 'feasibility' && (
                            <Badge size="xs" color="yellow">
                              After the feasibility answer
                            </Badge>
                          )}
                          {item.urgent && (
                            <Badge size="xs" color="red">
                              Urgent
                            </Badge>
                          )}
                          {item.optional && item.pending === null && (
                            <Badge size="xs" color="gray">
                              Optional
                            </Badge>
                          )}
                          {stale.includes(item.id) && (
                            <Tooltip label="The latest assessment no longer calls for this task. Keep it or remove it.">
                              <Badge size="xs" color="orange" leftSection={<IconAlertTriangle size={10} />}>
                                No longer indicated
                              </Badge>
                            </Tooltip>
                          )}
                          {note && (
                            <Tooltip label={note} multiline w={320}>
                              <IconNote size={14} aria-label="Has a note" />
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <Select
                            aria-label={`Owner: ${item.title}`}
                            size="xs"
                            data={OWNER_OPTIONS}
                            value={item.owner}
                            allowDeselect={false}
                            onChange={(v) => v && v !== item.owner && onEdit(item.id, { owner: v as PlanItem['owner'] })}
                          />
                        ) : (
                          <Text size="sm">{ownerLabel(item.owner)}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {item.daysPerWeek !== undefined ? (
                          <Text size="sm">
                            {item.effortDays}{' '}
                            <Text span c="dimmed" size="xs">
                              ({item.daysPerWeek}/wk)
                            </Text>
                          </Text>
                        ) : editable ? (
                          <EffortCell key={`${item.id}-${item.effortDays}`} item={item} onCommit={(effortDays) => onEdit(item.id, { effortDays })} />
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.startWeek === item.endWeek ? `wk ${item.startWeek}` : `${item.startWeek}–${item.endWeek}`}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" c={item.optional ? 'dimmed' : undefined}>
                          {item.cost ? formatMoney(item.cost, currency) : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {editable && (
                          <Group gap={2} wrap="nowrap" justify="flex-end">
                            <Menu position="bottom-end" withinPortal returnFocus>
                              <Menu.Target>
                                <ActionIcon variant="subtle" aria-label={`More for ${item.title}`} data-more-for={item.id}>
                                  <IconDots size={16} />
                                </ActionIcon>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item leftSection={<IconNote size={14} />} onClick={() => onOpen(item)}>
                                  Edit details and notes…
                                </Menu.Item>
                                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => onRemove(item)}>
                                  Remove from the plan
                                </Menu.Item>
                              </Menu.Dropdown>
                            </Menu>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </>
  )
}
