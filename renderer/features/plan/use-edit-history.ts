import { useCallback, useState } from 'react'
import type { PlanEdits } from '../../../shared/schemas/plan.schema'

interface Stacks {
  past: PlanEdits[]
  future: PlanEdits[]
}

/**
 * Undo and redo over the consultant's plan edits. Each state is a whole set of edits, so
 * undoing is saving the previous set: what is saved is always exactly what is shown. A
 * change that the main process refuses leaves the history as it was.
 */
export function useEditHistory(save: (edits: PlanEdits) => Promise<unknown>) {
  const [stacks, setStacks] = useState<Stacks>({ past: [], future: [] })

  const apply = useCallback(
    async (current: PlanEdits, next: PlanEdits) => {
      await save(next)
      setStacks((s) => ({ past: [...s.past, current].slice(-100), future: [] }))
    },
    [save]
  )
  const undo = useCallback(
    async (current: PlanEdits) => {
      const previous = stacks.past.at(-1)
      if (!previous) return
      await save(previous)
      setStacks((s) => ({ past: s.past.slice(0, -1), future: [...s.future, current] }))
    },
    [save, stacks.past]
  )
  const redo = useCallback(
    async (current: PlanEdits) => {
      const next = stacks.future.at(-1)
      if (!next) return
      await save(next)
      setStacks((s) => ({ past: [...s.past, current], future: s.future.slice(0, -1) }))
    },
    [save, stacks.future]
  )
  return { apply, undo, redo, canUndo: stacks.past.length > 0, canRedo: stacks.future.length > 0 }
}
