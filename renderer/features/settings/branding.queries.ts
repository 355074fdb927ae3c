/** Query keys of the consultancy's branding and document settings. */
export const brandingKeys = {
  all: ['branding'] as const
}
