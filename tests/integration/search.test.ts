import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { answersForContext, answersForMaturity } from '../../shared/domain/assessment/question-bank'
import { IntakeFileSchema } from '../../shared/schemas/intake.schema'
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchResults } from '../../shared/schemas/tracking.schema'
import { openDatabase } from '../../db/connection'
import { migrations } from '../../db/migrations'
import { search as searchDb } from '../../db/repositories/search.repository'
import { callAs, testBackend, valueOf } from '../helpers/backend'
import { tempDir } from '../helpers/temp'

type TB = Awaited<ReturnType<typeof testBackend>>
const intake = IntakeFileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'intake', 'api-startup.json'), 'utf8')))
const mark = (word: string) => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`

describe('search', () => {
  let b: TB
  let clientId: string
  let engagementId: string
  let assessmentId: string
  beforeEach(async () => {
    b = await testBackend()
    clientId = (
      await valueOf<{ id: string }>(
        callAs(b, 'clients:create', {
          name: 'Harbour Freight',
          industry: 'Logistics',
          contactName: 'Marta Lindqvist',
          contactEmail: 'marta@harbour.example',
          notes: 'Runs everything on Kubernetes in Frankfurt.'
        })
      )
    ).id
    engagementId = (
      await valueOf<{ id: string }>(
        callAs(b, 'engagements:create', {
          clientId,
          title: 'Forecasting platform',
          consultant: 'Dana Whitfield',
          currency: 'EUR',
          dayRate: 1000,
          startDate: '2026-03-02',
          notes: 'Data lives in Snowflake; the sponsor wants dbt.'
        })
      )
    ).id
    assessmentId = (await valueOf<{ id: string }>(callAs(b, 'assessments:create', { engagementId }))).id
  })
  afterEach(async () => {
    await b.dispose()
  })

  const search = (query: string, limit?: number) => valueOf<SearchResults>(callAs(b, 'search:query', { query, ...(limit ? { limit } : {}) }))
  const kinds = (r: SearchResults) => r.groups.map((g) => g.kind)
  const integrity = () => b.database.sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`)
  const note = (questionId: string, kind: 'note' | 'private', text: string) =>
    valueOf(callAs(b, 'assessments:set-note', { assessmentId, questionId, kind, text }))

  it('finds clients, engagements, task notes and shared and private assessment notes, grouped and highlighted', async () => {
    await note('deploy_path', 'note', 'Releases are manual: Jonas runs a script from his laptop.')
    await note('deploy_rollback', 'private', 'Jonas is likely to leave; hire a replacement early.')
    // A task note needs a tracked item: a plan from an assessment, then the note.
    const answers = { ...answersForMaturity(intake.maturity), ...answersForContext(intake.context) }
    for (const [questionId, value] of Object.entries(answers)) {
      await valueOf(callAs(b, 'assessments:set-answer', { assessmentId, questionId, value }))
    }
    await valueOf(callAs(b, 'plans:create', { engagementId, assessmentId }))
    await valueOf(callAs(b, 'tracking:update-item', { engagementId, itemId: 'terraform', patch: { notes: 'Jonas owns the state bucket.' } }))

    const r = await search('jonas')
    expect(kinds(r)).toEqual(['task_note', 'assessment_note', 'private_note'])
    const byKind = Object.fromEntries(r.groups.map((g) => [g.kind, g]))
    expect(byKind.private_note!.label).toMatch(/Private/)
    expect(byKind.assessment_note!.results[0]).toMatchObject({
      clientId,
      clientName: 'Harbour Freight',
      engagementId,
      engagementTitle: 'Forecasting platform',
      assessmentId,
      questionId: 'deploy_path',
      itemId: null,
      archived: false
    })
    expect(byKind.assessment_note!.results[0]!.snippet).toContain(mark('Jonas'))
    expect(byKind.task_note!.results[0]).toMatchObject({ itemId: 'terraform', engagementId, title: 'Cloud infrastructure as code with Terraform' })
    expect(byKind.task_note!.results[0]!.snippet).toBe(`${mark('Jonas')} owns the state bucket.`)

    const client = await search('kube frank')
    expect(kinds(client)).toEqual(['client'])
    expect(client.words).toEqual(['kube', 'frank'])
    expect(client.groups[0]!.results[0]).toMatchObject({ kind: 'client', clientId, engagementId: null, title: 'Harbour Freight' })
    expect(client.groups[0]!.results[0]!.snippet).toContain(`${mark('Kubernetes')} in ${mark('Frankfurt')}`)
    // The title is highlighted where it matched; accents and case do not matter.
    const engagement = await search('FORECÄST snow')
    expect(engagement.groups[0]!.results[0]).toMatchObject({ kind: 'engagement', engagementId, title: `${mark('Forecasting')} platform` })
    // A client's contact and an engagement's consultant are found too.
    expect(kinds(await search('lindqvist'))).toEqual(['client'])
    expect(kinds(await search('whitfield'))).toEqual(['engagement'])
  })

  it('stays in step with edits: the old word is gone and the new one found', async () => {
    await valueOf(callAs(b, 'clients:update', { id: clientId, patch: { notes: 'Moved everything to Nomad in Frankfurt.' } }))
    expect(await search('kubernetes')).toEqual({ words: ['kubernetes'], groups: [] })
    expect(kinds(await search('nomad'))).toEqual(['client'])

    await valueOf(callAs(b, 'engagements:update', { id: engagementId, patch: { title: 'Demand sensing' } }))
    expect(kinds(await search('forecasting'))).toEqual([])
    expect(kinds(await search('demand'))).toEqual(['engagement'])

    await note('deploy_path', 'note', 'Deploys with Argo.')
    expect(kinds(await search('argo'))).toEqual(['assessment_note'])
    await note('deploy_path', 'note', 'Deploys with Flux.')
    expect(kinds(await search('argo'))).toEqual([])
    expect(kinds(await search('flux'))).toEqual(['assessment_note'])
    await note('deploy_path', 'note', '')
    expect(kinds(await search('flux'))).toEqual([])
    await note('deploy_path', 'private', 'Flux is their CTO’s pet project.')
    expect(kinds(await search('flux'))).toEqual(['private_note'])

    // The index holds exactly the words of the text it points at (FTS5 checks it against the content).
    integrity()

    // Archived things are still found, and say so.
    await valueOf(callAs(b, 'clients:set-archived', { id: clientId, archived: true }))
    expect((await search('nomad')).groups[0]!.results[0]!.archived).toBe(true)

    // Deleting removes everything under it from the index.
    await valueOf(callAs(b, 'engagements:delete', { id: engagementId }))
    expect(kinds(await search('flux'))).toEqual([])
    expect(kinds(await search('demand'))).toEqual([])
    await valueOf(callAs(b, 'clients:delete', { id: clientId }))
    expect(kinds(await search('nomad'))).toEqual([])
    expect(b.database.sqlite.prepare('SELECT count(*) FROM search_doc').pluck().get()).toBe(0)
    integrity()
    // No word is left in the index either.
    expect(b.database.sqlite.prepare(`SELECT count(*) FROM search_index WHERE search_index MATCH 'nomad OR flux OR demand'`).pluck().get()).toBe(0)
  })

  it('never fails on hostile or odd input', async () => {
    await note('deploy_path', 'note', 'AND OR NOT NEAR and a quote " and a star * in the text.')
    const hostile = [
      '"',
      '*',
      '-',
      'NEAR(',
      'NEAR(a b, 2)',
      '"unbalanced',
      'a AND',
      'AND',
      'OR NOT',
      ')',
      '(',
      '^start',
      'title:harbour',
      '{title body}: x',
      'kind : "client"',
      '🎉🚀 💥',
      '\u0000\u0002\u0003',
      '   ',
      '',
      'a'.repeat(1000),
      Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '),
      `${'"'.repeat(300)}${'*'.repeat(300)}${'('.repeat(300)}`
    ]
    for (const query of hostile) {
      const r = await callAs(b, 'search:query', { query })
      expect(r.ok, JSON.stringify(query)).toBe(true)
    }
    expect(await search('"')).toEqual({ words: [], groups: [] })
    // Operators typed as words are just words.
    expect(kinds(await search('NEAR('))).toEqual(['assessment_note'])
    expect(kinds(await search('a AND'))).toEqual(['assessment_note'])
    // Too long is refused by the contract, not by SQLite.
    expect((await callAs(b, 'search:query', { query: 'x'.repeat(2001) })).ok).toBe(false)
  })

  it('caps results per kind and shows the newest first for one-letter searches', async () => {
    for (let i = 0; i < 12; i++) {
      await valueOf(callAs(b, 'clients:create', { name: `Mercury ${i}`, notes: 'm' }))
    }
    const r = await search('mercury', 5)
    expect(r.groups[0]!.results).toHaveLength(5)
    const single = await search('m')
    expect(single.groups[0]!.results).toHaveLength(8)
    expect(single.groups[0]!.results[0]!.title).toBe(`${mark('Mercury')} 11`)
  })

  it('indexes what a database from before tracking already holds when it is upgraded', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const path = join(dir, 'old.db')
      const now = () => new Date('2026-03-02T09:00:00.000Z')
      const old = await openDatabase(path, { now, migrations: migrations.slice(0, 5) })
      old.sqlite.exec(`
        INSERT INTO client (id, name, industry, notes, created_at, updated_at) VALUES ('c1', 'Old Harbour', 'Shipping', 'Likes Grafana', 't', 't');
        INSERT INTO engagement (id, client_id, title, status, consultant, currency, day_rate, created_at, updated_at)
          VALUES ('e1', 'c1', 'Legacy platform', 'active', 'Dana', 'EUR', 1000, 't', 't');
        INSERT INTO assessment (id, engagement_id, title, status, present, created_at, updated_at) VALUES ('a1', 'e1', 'A', 'complete', '[]', 't', 't');
        INSERT INTO assessment_answer (assessment_id, question_id, value, note, private_note, updated_at) VALUES ('a1', 'deploy_path', NULL, 'Uses Jenkins', 'Sponsor leaving', 't');
      `)
      await old.close()
      const upgraded = await openDatabase(path, { now, dailyBackup: false })
      try {
        const found = async (text: string) => (await searchDb(upgraded.db, text)).groups.map((g) => g.kind)
        expect(await found('grafana')).toEqual(['client'])
        expect(await found('legacy')).toEqual(['engagement'])
        expect(await found('jenkins')).toEqual(['assessment_note'])
        expect(await found('sponsor')).toEqual(['private_note'])
        upgraded.sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`)
        // And the triggers take over from there.
        upgraded.sqlite.exec(`UPDATE client SET notes = 'Likes Kibana' WHERE id = 'c1'`)
        expect(await found('grafana')).toEqual([])
        expect(await found('kibana')).toEqual(['client'])
      } finally {
        await upgraded.close()
      }
    } finally {
      cleanup()
    }
  })
})
