import type { KeyboardEvent } from 'react'

/** Arrow keys move between rows of a list; Enter opens the focused row. */
export function rowKeyHandlers(open: () => void) {
  return {
    tabIndex: 0,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const row = event.currentTarget
      if (event.key === 'Enter') {
        event.preventDefault()
        open()
      } else if (event.key === 'ArrowDown') {
        event.preventDefault()
        ;(row.nextElementSibling as HTMLElement | null)?.focus()
      } else if (event.key === 'ArrowUp') {
        event.preventDefault()
        ;(row.previousElementSibling as HTMLElement | null)?.focus()
      }
    }
  }
}
