import { Card, Group, Kbd, Stack, Table, Text, Title } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { SHORTCUT_GROUPS } from './shortcuts'

export function ShortcutsPage() {
  return (
    <>
      <PageHeader title="Keyboard shortcuts" description="The keys that work everywhere, in lists, in the workshop and on the plan." />
      <Stack gap="lg" maw={820}>
        {SHORTCUT_GROUPS.map((group) => (
          <Card key={group.where} withBorder radius="lg" padding={0}>
            <Title order={2} size="h5" px="lg" pt="md" pb={4}>
              {group.where}
            </Title>
            <Table verticalSpacing="sm" horizontalSpacing="lg">
              <Table.Tbody>
                {group.shortcuts.map((s) => (
                  <Table.Tr key={s.action + s.keys.join()}>
                    <Table.Td w="14rem">
                      <Group gap={6}>
                        {s.keys.map((k, i) => (
                          <Group key={k + i} gap={6}>
                            {i > 0 && k !== '…' && s.keys[i - 1] !== '…' && (
                              <Text size="xs" c="dimmed">
                                {s.sequence ? 'then' : '+'}
                              </Text>
                            )}
                            {k === '…' ? (
                              <Text size="xs" c="dimmed">
                                to
                              </Text>
                            ) : (
                              <Kbd>{k}</Kbd>
                            )}
                          </Group>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.action}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        ))}
      </Stack>
    </>
  )
}
