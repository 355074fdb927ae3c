import '@mantine/spotlight/styles.css'
import { Badge, Group, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { Spotlight } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { useNavigate } from 'react-router'
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain/search/highlight'
import type { SearchResult } from '../../../shared/schemas/tracking.schema'
import { api, call } from '../../api'
import { searchKeys } from './search.queries'

/** Renders the main process's match markers as <mark>, never as HTML. */
function Marked({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START)
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>
        const [hit, rest] = part.split(HIGHLIGHT_END)
        return (
          <Fragment key={i}>
            <mark>{hit}</mark>
            {rest}
          </Fragment>
        )
      })}
    </>
  )
}

const target = (r: SearchResult): string =>
  r.kind === 'client'
    ? `/clients/${r.clientId}`
    : r.kind === 'task_note' && r.engagementId
      ? `/engagements/${r.engagementId}/tracking`
      : (r.kind === 'assessment_note' || r.kind === 'private_note') && r.assessmentId
        ? `/assessments/${r.assessmentId}`
        : `/engagements/${r.engagementId}`

/**
 * Search everything from anywhere: Ctrl/⌘+K, also while typing in a field (Mantine's
 * hotkeys skip inputs by default, which made the shortcut do nothing from a form).
 */
export function SearchSpotlight() {
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [term] = useDebouncedValue(query, 80)
  const results = useQuery({
    queryKey: searchKeys.query(term),
    queryFn: () => call(api.search.query({ query: term, limit: 6 })),
    enabled: term.trim().length > 0,
    placeholderData: keepPreviousData
  })
  const groups = term.trim() ? (results.data?.groups ?? []) : []
  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} triggerOnContentEditable scrollable maxHeight={560}>
      <Spotlight.Search placeholder="Search clients, engagements and notes" leftSection={<IconSearch size={18} />} aria-label="Search everything" />
      <Spotlight.ActionsList>
        {groups.map((g) => (
          <Spotlight.ActionsGroup key={g.kind} label={g.label}>
            {g.results.map((r, i) => (
              <Spotlight.Action key={`${g.kind}-${i}`} onClick={() => navigate(target(r))}>
                <Group wrap="nowrap" justify="space-between" w="100%">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate="end">
                      <Marked text={r.title || r.engagementTitle || r.clientName} />
                    </Text>
                    {r.snippet && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        <Marked text={r.snippet} />
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {[r.clientName, r.engagementTitle, r.assessmentTitle].filter(Boolean).join(' · ')}
                    </Text>
                  </div>
                  {r.archived && (
                    <Badge size="xs" color="gray">
                      Archived
                    </Badge>
                  )}
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {term.trim() && groups.length === 0 && !results.isFetching && <Spotlight.Empty>Nothing found for “{term}”.</Spotlight.Empty>}
        {!term.trim() && <Spotlight.Empty>Type a name, a word from a note, a task…</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  )
}
