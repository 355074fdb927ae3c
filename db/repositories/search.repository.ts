/**
 * Full-text search over clients, engagements, task notes and assessment notes (shared and
 * private), with the FTS5 index the triggers of migration 0006 keep in step.
 *
 * The user's text never reaches FTS5 as syntax: it is split into words and each becomes a
 * quoted prefix phrase (shared/domain/search/fts-query.ts). Each kind is searched on its
 * own (best matches first, up to `limit` each) so that many matching notes never crowd out
 * the one matching client. Matches are marked with \u0002 … \u0003, never HTML.
 */
import { sql, type CompiledQuery } from 'kysely'
import { ftsMatchExpression, searchWords } from '../../shared/domain/search/fts-query'
import { SEARCH_KINDS, SEARCH_KIND_LABEL, type SearchKind, type SearchResult, type SearchResults } from '../../shared/schemas/tracking.schema'
import type { Db } from './client.repository'

export const DEFAULT_RESULTS_PER_KIND = 8
/** Words around a match in a snippet. */
const SNIPPET_TOKENS = 16

interface SearchRow {
  kind: SearchKind
  title: string
  snippet: string
  client_id: string
  client_name: string
  client_archived: string | null
  engagement_id: string | null
  engagement_title: string | null
  engagement_archived: string | null
  assessment_id: string | null
  assessment_title: string | null
  question_id: string | null
  item_id: string | null
}

/** `kind : "task_note" AND {title body} : ("word"* AND …)`: the kind filter and the user's words, each in its columns. */
const matchFor = (kind: SearchKind, words: string) => `kind : "${kind}" AND {title body} : (${words})`

/** The search's SQL (compiled, not run), or null when the text holds no words. */
export function searchQuery(db: Db, text: string, limit = DEFAULT_RESULTS_PER_KIND): { words: string[]; query: CompiledQuery<SearchRow> | null } {
  const words = searchWords(text)
  const expression = ftsMatchExpression(words)
  if (expression === null) return { words, query: null }
  // Ranking costs a score for every match: for one-letter words (thousands of matches, and
  // the first keystroke of any search) the newest matches come first instead.
  const recent = words.every((w) => [...w].length === 1)
  const order = recent ? sql`rowid DESC` : sql`rank`
  const pos = recent ? sql`-rowid` : sql`rank`
  const perKind = SEARCH_KINDS.map(
    (kind, i) => sql`
      SELECT * FROM (
        SELECT rowid AS rid, ${i} AS kind_order, ${pos} AS pos,
          highlight(search_index, 1, char(2), char(3)) AS title,
          snippet(search_index, 2, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet
        FROM search_index WHERE search_index MATCH ${matchFor(kind, expression)}
        ORDER BY ${order} LIMIT ${limit}
      )`
  )
  const query = sql<SearchRow>`
    WITH hit AS (${sql.join(perKind, sql` UNION ALL `)})
    SELECT d.kind, hit.title, hit.snippet, d.client_id, c.name AS client_name, c.archived_at AS client_archived,
      d.engagement_id, e.title AS engagement_title, e.archived_at AS engagement_archived,
      d.assessment_id, a.title AS assessment_title, d.question_id, d.item_id
    FROM hit
    JOIN search_doc d ON d.id = hit.rid
    JOIN client c ON c.id = d.client_id
    LEFT JOIN engagement e ON e.id = d.engagement_id
    LEFT JOIN assessment a ON a.id = d.assessment_id
    ORDER BY hit.kind_order, hit.pos
  `.compile(db)
  return { words, query }
}

export async function search(db: Db, text: string, limit = DEFAULT_RESULTS_PER_KIND): Promise<SearchResults> {
  const { words, query } = searchQuery(db, text, limit)
  if (!query) return { words, groups: [] }
  const rows = (await db.executeQuery(query)).rows
  const groups = new Map<SearchKind, SearchResult[]>()
  for (const r of rows) {
    const list = groups.get(r.kind) ?? []
    list.push({
      kind: r.kind,
      title: r.title ?? '',
      snippet: r.snippet ?? '',
      clientId: r.client_id,
      clientName: r.client_name,
      engagementId: r.engagement_id,
      engagementTitle: r.engagement_title,
      assessmentId: r.assessment_id,
      assessmentTitle: r.assessment_title,
      questionId: r.question_id,
      itemId: r.item_id,
      archived: r.client_archived !== null || r.engagement_archived !== null
    })
    groups.set(r.kind, list)
  }
  return {
    words,
    groups: SEARCH_KINDS.filter((k) => groups.has(k)).map((kind) => ({ kind, label: SEARCH_KIND_LABEL[kind], results: groups.get(kind)! }))
  }
}
