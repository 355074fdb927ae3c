import { sql, type Kysely } from 'kysely'

/**
 * Plan model v2 renamed the kick-off item `discovery_kickoff` to `kickoff`. Everything saved
 * under the old id follows it: tracked items (and their search documents), time logged
 * against it, the signed baseline, and the consultant's edits. (Pricing terms with the old
 * tier and milestone ids are read as the new ones by the pricing schema and rewritten on the
 * next save.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db)
  const free = `NOT EXISTS (SELECT 1 FROM tracking_item k WHERE k.engagement_id = tracking_item.engagement_id AND k.item_id = 'kickoff')`
  await run(`
    UPDATE search_doc SET sub = 'kickoff', item_id = 'kickoff'
    WHERE kind = 'task_note' AND sub = 'discovery_kickoff'
      AND EXISTS (SELECT 1 FROM tracking_item t WHERE t.engagement_id = search_doc.ref AND t.item_id = 'discovery_kickoff')
      AND NOT EXISTS (SELECT 1 FROM tracking_item k WHERE k.engagement_id = search_doc.ref AND k.item_id = 'kickoff')`)
  await run(`
    UPDATE time_entry SET item_id = 'kickoff'
    WHERE item_id = 'discovery_kickoff'
      AND NOT EXISTS (SELECT 1 FROM tracking_item k WHERE k.engagement_id = time_entry.engagement_id AND k.item_id = 'kickoff')`)
  await run(`UPDATE tracking_item SET item_id = 'kickoff' WHERE item_id = 'discovery_kickoff' AND ${free}`)
  await run(`UPDATE plan_baseline SET plan = replace(plan, '"id":"discovery_kickoff"', '"id":"kickoff"') WHERE instr(plan, '"id":"discovery_kickoff"') > 0`)
  await run(`
    UPDATE plan SET edits = json_set(
      json_remove(edits, '$.overrides.discovery_kickoff'),
      '$.overrides.kickoff', json(json_extract(edits, '$.overrides.discovery_kickoff')))
    WHERE json_type(edits, '$.overrides.discovery_kickoff') IS NOT NULL`)
}
