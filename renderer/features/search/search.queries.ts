/** Query keys of search. */
export const searchKeys = {
  query: (term: string) => ['search', term] as const
}
