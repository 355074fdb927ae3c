import { Button, Group, Text } from '@mantine/core'
import { formatCount } from '../format'

/** The most rows a list shows; past this, searching or filtering is the way to find things. */
export const LIST_MAX = 500

/** The foot of a long list: how many of how many are shown, and Show more (up to LIST_MAX). */
export function ShowMore({ shown, total, limit, onMore, hint }: { shown: number; total: number; limit: number; onMore: () => void; hint: string }) {
  if (total <= shown) return null
  return (
    <Group p="md" justify="space-between">
      <Text size="sm" c="dimmed">
        Showing {formatCount(shown)} of {formatCount(total)}. {hint}
      </Text>
      {limit < LIST_MAX && (
        <Button size="xs" variant="light" onClick={onMore}>
          Show more
        </Button>
      )}
    </Group>
  )
}

/** The next limit after Show more. */
export const moreRows = (limit: number): number => Math.min(LIST_MAX, limit + 100)
