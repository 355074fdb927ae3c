import { useEffect } from 'react'

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * Two-key "go to" shortcuts (G then C). Mantine's hotkeys handle chords, not sequences;
 * keys typed in a text field never count.
 */
export function useGoToShortcuts(targets: Record<string, () => void>): void {
  useEffect(() => {
    let armedAt = 0
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const key = event.key.toLowerCase()
      if (armedAt && Date.now() - armedAt < 1200 && targets[key]) {
        event.preventDefault()
        armedAt = 0
        targets[key]()
        return
      }
      armedAt = key === 'g' ? Date.now() : 0
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [targets])
}
