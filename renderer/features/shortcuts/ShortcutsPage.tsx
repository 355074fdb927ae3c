import { Card, Group, Kbd, Table, Text } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { SHORTCUTS } from './shortcuts'

export function ShortcutsPage() {
  return (
    <>
      <PageHeader title="Keyboard shortcuts" description="Everything in Stagecraft can be done without the mouse." />
      <Card withBorder radius="lg" padding={0} maw={760}>
        <Table verticalSpacing="sm" horizontalSpacing="lg">
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={s.action + s.keys.join()}>
                <Table.Td w={220}>
                  <Group gap={6}>
                    {s.keys.map((k, i) => (
                      <Group key={k} gap={6}>
                        {i > 0 && (
                          <Text size="xs" c="dimmed">
                            {s.sequence ? 'then' : '+'}
                          </Text>
                        )}
                        <Kbd>{k}</Kbd>
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
    </>
  )
}
