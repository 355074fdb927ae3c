import { Alert, Button, Center, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, type Icon } from '@tabler/icons-react'
import type { ReactNode } from 'react'

export function LoadingState({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <Stack gap="sm" aria-busy="true" aria-label={label} role="status">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={44} radius="md" />
      ))}
    </Stack>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.'
  return (
    <Alert color="red" variant="light" title="This could not be loaded" icon={<IconAlertTriangle />} role="alert">
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Group>
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  )
}

export function EmptyState({ icon: IconComponent, title, children, action }: { icon: Icon; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="xl">
      <Center>
        <Stack align="center" gap="sm" maw={440} ta="center" py="lg">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconComponent size={30} stroke={1.5} />
          </ThemeIcon>
          <Title order={3}>{title}</Title>
          <Text c="dimmed">{children}</Text>
          {action}
        </Stack>
      </Center>
    </Paper>
  )
}
