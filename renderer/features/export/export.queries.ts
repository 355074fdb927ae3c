/** Query keys of the Export screen: the documents sent, and previews (one per request). */
export const exportKeys = {
  snapshots: (engagementId: string) => ['exports', engagementId] as const,
  previews: ['export-preview'] as const,
  preview: (request: unknown) => ['export-preview', request] as const
}
