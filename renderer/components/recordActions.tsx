import { modals } from '@mantine/modals'
import type { ReactNode } from 'react'
import { notifyError, notifySaved } from './notify'

/** Archives a record, or brings it back, and says which happened (or why not). */
export async function toggleArchived(record: { name: string; archivedAt: string | null }, setArchived: (archived: boolean) => Promise<unknown>): Promise<void> {
  try {
    await setArchived(!record.archivedAt)
    notifySaved(record.archivedAt ? `${record.name} is back in the list` : `Archived ${record.name}`)
  } catch (error) {
    notifyError(error)
  }
}

export interface DeleteConfirmation {
  /** What the record is called in the question and the notification. */
  name: string
  title: string
  children: ReactNode
  confirmLabel: string
  size?: string
  remove: () => Promise<unknown>
  /** Where to go once it is gone. */
  afterDelete: () => void
  /** The notification's title when the delete fails. */
  failed: string
}

/** Asks before deleting for good ("Keep it" is the safe answer), then deletes and moves on. */
export function confirmDelete(d: DeleteConfirmation): void {
  modals.openConfirmModal({
    title: d.title,
    children: d.children,
    ...(d.size ? { size: d.size } : {}),
    labels: { confirm: d.confirmLabel, cancel: 'Keep it' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await d.remove()
        notifySaved(`Deleted ${d.name}`)
        d.afterDelete()
      } catch (error) {
        notifyError(error, d.failed)
      }
    }
  })
}
