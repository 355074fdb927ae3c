export interface Shortcut {
  keys: readonly string[]
  action: string
  /** Keys pressed one after the other rather than together. */
  sequence?: boolean
}

export interface ShortcutGroup {
  where: string
  shortcuts: readonly Shortcut[]
}

/**
 * Every keyboard shortcut, listed once, by where it works: the help screen renders this list.
 * Each one is exercised by an end-to-end test (clients-engagements, workshop and plan specs).
 */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    where: 'Anywhere',
    shortcuts: [
      { keys: ['Ctrl/⌘', 'K'], action: 'Search clients, engagements and notes' },
      { keys: ['G', 'C'], action: 'Go to Clients', sequence: true },
      { keys: ['G', 'E'], action: 'Go to Engagements', sequence: true },
      { keys: ['G', 'P'], action: 'Go to the Portfolio', sequence: true },
      { keys: ['G', 'L'], action: 'Go to the Library', sequence: true },
      { keys: ['Ctrl/⌘', ','], action: 'Open Settings' },
      { keys: ['Ctrl/⌘', 'Shift', 'L'], action: 'Switch between light and dark theme' },
      { keys: ['?'], action: 'Show this list' },
      { keys: ['Esc'], action: 'Close a dialog without saving' }
    ]
  },
  {
    where: 'Lists',
    shortcuts: [
      { keys: ['/'], action: 'Focus the search box' },
      { keys: ['↑', '↓'], action: 'Move between rows' },
      { keys: ['Enter'], action: 'Open the selected row' },
      { keys: ['Ctrl/⌘', 'N'], action: 'New client (on Clients) or new engagement (on a client)' }
    ]
  },
  {
    where: 'Workshop',
    shortcuts: [
      { keys: ['A', '…', 'J'], action: 'Answer with that option (or its number, 0–9)' },
      { keys: ['U'], action: 'Answer “Don’t know”' },
      { keys: ['→'], action: 'Next question (also Enter or ↓)' },
      { keys: ['←'], action: 'Previous question (also ↑)' },
      { keys: ['N'], action: 'Write a note for the report (Esc leaves the note)' },
      { keys: ['O'], action: 'Show or hide the section overview' },
      { keys: ['S'], action: 'On the last page: go to the first open question' }
    ]
  },
  {
    where: 'Plan',
    shortcuts: [
      { keys: ['Ctrl/⌘', 'Z'], action: 'Undo the last change' },
      { keys: ['Ctrl/⌘', 'Shift', 'Z'], action: 'Redo' },
      { keys: ['Enter'], action: 'On a timeline bar: pick it up; ← → move it a week, Enter drops it, Esc puts it back' }
    ]
  }
]

/** Every shortcut in one list. */
export const SHORTCUTS: readonly Shortcut[] = SHORTCUT_GROUPS.flatMap((g) => g.shortcuts)
