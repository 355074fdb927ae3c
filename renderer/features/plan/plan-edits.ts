import type { CustomItem, PlanEdits } from '../../../shared/schemas/plan.schema'

type Override = PlanEdits['overrides'][string]

/** Pure helpers that return a new set of edits; the history saves whole sets. */
export function editItem(edits: PlanEdits, id: string, patch: Override): PlanEdits {
  const custom = edits.custom.find((c) => c.id === id)
  if (custom) {
    const { notes, notBeforeWeek, daysPerWeek: _d, ...rest } = patch
    const nextCustom: CustomItem = {
      ...custom,
      ...(rest.title !== undefined && { title: rest.title }),
      ...(rest.effortDays !== undefined && { effortDays: rest.effortDays }),
      ...(rest.owner !== undefined && { owner: rest.owner }),
      ...(rest.phase !== undefined && { phase: rest.phase }),
      ...(rest.optional !== undefined && { optional: rest.optional })
    }
    // Notes and timeline moves of custom items live with the other overrides.
    const extra: Override = { ...(notes !== undefined && { notes }), ...(notBeforeWeek !== undefined && { notBeforeWeek }) }
    return {
      ...edits,
      custom: edits.custom.map((c) => (c.id === id ? nextCustom : c)),
      overrides: Object.keys(extra).length ? { ...edits.overrides, [id]: { ...edits.overrides[id], ...extra } } : edits.overrides
    }
  }
  return { ...edits, overrides: { ...edits.overrides, [id]: { ...edits.overrides[id], ...patch } } }
}

export function removeItem(edits: PlanEdits, id: string): PlanEdits {
  if (edits.custom.some((c) => c.id === id)) {
    const { [id]: _gone, ...overrides } = edits.overrides
    return { ...edits, custom: edits.custom.filter((c) => c.id !== id), overrides }
  }
  return { ...edits, removed: [...new Set([...edits.removed, id])] }
}

export function restoreItem(edits: PlanEdits, id: string): PlanEdits {
  return { ...edits, removed: edits.removed.filter((r) => r !== id) }
}

export function addCustom(edits: PlanEdits, item: Omit<CustomItem, 'id'>, existingIds: readonly string[]): PlanEdits {
  const base = `custom_${
    item.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'task'
  }`
  let id = base
  for (let n = 2; existingIds.includes(id) || edits.custom.some((c) => c.id === id); n++) id = `${base}_${n}`
  return { ...edits, custom: [...edits.custom, { ...item, id }] }
}
