import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A page's title, with what it is about and its actions. On a narrow screen or in large type
 * the actions move below the title rather than squeezing it, and wrap among themselves; the
 * title keeps at least 22 characters' width.
 */
export function PageHeader({
  title,
  description,
  actions,
  eyebrow
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  eyebrow?: ReactNode
}) {
  return (
    <Stack gap={4} mb="lg" className="sc-page-header">
      {/* The breadcrumbs have the full width, so they stay on one line beside nothing. */}
      {eyebrow}
      <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 22rem', minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="wrap" justify="flex-end" style={{ marginLeft: 'auto' }}>
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  )
}
