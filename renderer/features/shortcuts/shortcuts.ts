export interface Shortcut {
  keys: readonly string[]
  action: string
  /** Keys pressed one after the other rather than together. */
  sequence?: boolean
}

/** Every keyboard shortcut, listed once: the help screen renders this table. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Ctrl/⌘', 'K'], action: 'Search clients, engagements and notes from anywhere' },
  { keys: ['/'], action: 'Focus the search box on a list' },
  { keys: ['Ctrl/⌘', 'N'], action: 'New client (on Clients) or new engagement (on a client)' },
  { keys: ['G', 'C'], action: 'Go to Clients', sequence: true },
  { keys: ['G', 'E'], action: 'Go to Engagements', sequence: true },
  { keys: ['G', 'P'], action: 'Go to the Portfolio', sequence: true },
  { keys: ['G', 'L'], action: 'Go to the Library', sequence: true },
  { keys: ['Ctrl/⌘', 'Z'], action: 'Undo the last change to a plan' },
  { keys: ['Ctrl/⌘', 'Shift', 'Z'], action: 'Redo a plan change' },
  { keys: ['Ctrl/⌘', ','], action: 'Open Settings' },
  { keys: ['Ctrl/⌘', 'Shift', 'L'], action: 'Switch between light and dark theme' },
  { keys: ['?'], action: 'Show this list' },
  { keys: ['↑', '↓'], action: 'Move between rows in a list' },
  { keys: ['Enter'], action: 'Open the selected row' },
  { keys: ['Esc'], action: 'Close a dialog without saving' }
]
