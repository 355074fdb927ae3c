/** Query keys of tracking and the portfolio. */
export const trackingKeys = {
  view: (engagementId: string) => ['tracking', engagementId] as const,
  history: (engagementId: string) => ['history', engagementId] as const,
  /** Every portfolio query, whatever its filters. */
  dashboards: ['dashboard'] as const,
  dashboard: (query: unknown) => ['dashboard', query] as const,
  load: (consultant: unknown) => ['load', consultant] as const
}
