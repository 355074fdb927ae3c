import { TagsInput } from '@mantine/core'
import { useUpdateAssessment } from './assessments.queries'

/** Who was in the room: saved as each name is added or removed. */
export function PresentField({ assessmentId, present, size = 'sm' }: { assessmentId: string; present: string[]; size?: 'sm' | 'lg' }) {
  const update = useUpdateAssessment()
  return (
    <TagsInput
      label="Who was present"
      description="Type a name and press Enter; e.g. “Priya Raman (CTO)”."
      placeholder={present.length ? '' : 'Add a name'}
      value={present}
      maxTags={40}
      size={size}
      clearable
      onChange={(names) =>
        update.mutate({ id: assessmentId, patch: { present: names.map((n) => n.trim().slice(0, 120)).filter(Boolean) } })
      }
    />
  )
}
