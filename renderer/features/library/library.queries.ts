/** Query keys of the library. */
export const libraryKeys = {
  all: ['library'] as const
}
