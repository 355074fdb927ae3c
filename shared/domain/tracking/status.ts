/**
 * How an engagement moves: lead → proposal → active → complete, or lost from any step
 * before complete. It may go back one step (active → proposal, say) with a note saying why;
 * a lost engagement can be reopened at the step it was lost from. Anything else is refused
 * with a message that says what is possible.
 *
 * Pure: no Node, DOM or Electron imports.
 */
import type { EngagementStatus } from '../../schemas/engagement.schema'

export const STATUS_ORDER: readonly EngagementStatus[] = ['lead', 'proposal', 'active', 'complete']

export const STATUS_WORD: Readonly<Record<EngagementStatus, string>> = {
  lead: 'lead',
  proposal: 'proposal',
  active: 'active',
  complete: 'complete',
  lost: 'lost'
}

export type TransitionKind = 'forward' | 'back' | 'lost' | 'reopen'

export type TransitionCheck = { ok: true; kind: TransitionKind } | { ok: false; message: string }

/**
 * @param lostFrom for a lost engagement, the status it was lost from (from its history; null if unknown)
 */
export function checkTransition(from: EngagementStatus, to: EngagementStatus, note: string | null, lostFrom: EngagementStatus | null = null): TransitionCheck {
  const hasNote = note !== null && note.trim() !== ''
  if (from === to) return { ok: false, message: `The engagement is already ${STATUS_WORD[to]}.` }
  if (from === 'lost') {
    const back = lostFrom ?? 'lead'
    if (to !== back) {
      return { ok: false, message: `A lost engagement can only be reopened as ${back}, the step it was lost from.` }
    }
    if (!hasNote) return { ok: false, message: `Reopening a lost engagement needs a note saying why.` }
    return { ok: true, kind: 'reopen' }
  }
  if (to === 'lost') {
    if (from === 'complete') return { ok: false, message: 'A complete engagement cannot be marked lost. Reopen it as active first.' }
    return { ok: true, kind: 'lost' }
  }
  const a = STATUS_ORDER.indexOf(from)
  const b = STATUS_ORDER.indexOf(to)
  if (b === a + 1) return { ok: true, kind: 'forward' }
  if (b === a - 1) {
    if (!hasNote) return { ok: false, message: `Going back from ${STATUS_WORD[from]} to ${STATUS_WORD[to]} needs a note saying why.` }
    return { ok: true, kind: 'back' }
  }
  const next = STATUS_ORDER[a + 1]
  const prev = STATUS_ORDER[a - 1]
  const options = [next && `forward to ${next}`, prev && `back to ${prev} (with a note)`, from !== 'complete' && 'to lost'].filter(Boolean).join(', ')
  return {
    ok: false,
    message: `An engagement moves one step at a time (lead → proposal → active → complete), so it cannot go from ${STATUS_WORD[from]} straight to ${STATUS_WORD[to]}. From ${STATUS_WORD[from]} it can go ${options}.`
  }
}
