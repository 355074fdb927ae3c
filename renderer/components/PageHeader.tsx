import { ActionIcon, Button, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconDots } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useRemWidth } from './useRemWidth'

/** A secondary action: a button on a wide screen, an entry in the "More actions" menu on a narrow one. */
export interface SecondaryAction {
  label: string
  icon?: ReactNode
  onClick: () => void
  disabled?: boolean
  loading?: boolean
}

/**
 * A page's title, with what it is about and its actions. On a narrow screen or in large type
 * the actions move below the title rather than squeezing it, wrap among themselves, and the
 * secondary ones go into a "More actions" menu; the title keeps at least 22 characters' width.
 */
export function PageHeader({
  title,
  description,
  actions,
  more = [],
  eyebrow
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  more?: readonly SecondaryAction[]
  eyebrow?: ReactNode
}) {
  const narrow = useRemWidth() < 70
  const secondary =
    more.length === 0 ? null : narrow ? (
      <Menu position="bottom-end" withinPortal returnFocus>
        <Menu.Target>
          <Tooltip label="More actions">
            <ActionIcon variant="default" size="input-sm" aria-label="More actions">
              <IconDots size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {more.map((a) => (
            <Menu.Item key={a.label} leftSection={a.icon} onClick={a.onClick} disabled={a.disabled || a.loading}>
              {a.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    ) : (
      more.map((a) => (
        <Button key={a.label} variant="default" leftSection={a.icon} onClick={a.onClick} disabled={a.disabled} loading={a.loading}>
          {a.label}
        </Button>
      ))
    )
  return (
    <Stack gap={4} mb="lg" className="sc-page-header">
      {/* The breadcrumbs have the full width, so they stay on one line. */}
      {eyebrow}
      <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 22rem', minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {(actions || secondary) && (
          <Group gap="sm" wrap="wrap" justify="flex-end" style={{ marginLeft: 'auto' }}>
            {actions}
            {secondary}
          </Group>
        )}
      </Group>
    </Stack>
  )
}
