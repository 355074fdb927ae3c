import { CloseButton, Kbd, TextInput } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useRef } from 'react'

/** A list's search box; `/` focuses it from anywhere on the page (Ctrl/⌘+K searches everything). */
export function SearchField({ value, onChange, placeholder, label }: { value: string; onChange: (value: string) => void; placeholder: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null)
  useHotkeys([['/', () => ref.current?.focus()]])
  return (
    <TextInput
      ref={ref}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          onChange('')
          e.currentTarget.blur()
        }
      }}
      leftSection={<IconSearch size={16} />}
      rightSection={value ? <CloseButton aria-label="Clear search" onClick={() => onChange('')} /> : <Kbd size="xs">/</Kbd>}
      maxLength={200}
      w={340}
    />
  )
}
