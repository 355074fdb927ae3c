import { Badge, Tooltip } from '@mantine/core'
import { IconAlertOctagon, IconAlertTriangle, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react'
import type { z } from 'zod'
import type { RagSchema } from '../../../shared/schemas/tracking.schema'

type Rag = z.infer<typeof RagSchema>

const LOOK = {
  red: { color: 'red', Icon: IconAlertOctagon },
  amber: { color: 'orange', Icon: IconAlertTriangle },
  green: { color: 'teal', Icon: IconCircleCheck },
  none: { color: 'gray', Icon: IconCircleDashed }
} as const

/** Red/amber/green with a word and an icon as well as a colour, and the reason on hover. */
export function RagBadge({ rag }: { rag: Rag }) {
  const look = LOOK[rag.level]
  return (
    <Tooltip label={rag.reason} multiline w={320}>
      <Badge color={look.color} variant="light" leftSection={<look.Icon size={14} />} aria-label={`${rag.word}: ${rag.reason}`}>
        {rag.word}
      </Badge>
    </Tooltip>
  )
}
