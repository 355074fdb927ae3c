import { TagsInput } from '@mantine/core'
import { useUpdateAssessment } from './assessments.queries'

/** Who was in the room: saved as each name is added or removed. */
export function PresentField({
  assessmentId,
  present,
  size = 'sm',
  autoFocus = false
}: {
  assessmentId: string
  present: string[]
  size?: 'sm' | 'lg'
  autoFocus?: boolean
}) {
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
      // A name typed but not yet entered is kept when the field loses focus (a click on "Show the results").
      acceptValueOnBlur
      autoFocus={autoFocus}
      data-present-field
      // Whether Enter met an empty field, noted before the field turns a typed name into a tag
      // (the workshop shows the results on Enter only then).
      onKeyDownCapture={(event) => {
        if (event.key === 'Enter') event.currentTarget.dataset.enterOnEmpty = String(event.currentTarget.value.trim() === '')
      }}
      onChange={(names) => update.mutate({ id: assessmentId, patch: { present: names.map((n) => n.trim().slice(0, 120)).filter(Boolean) } })}
    />
  )
}
