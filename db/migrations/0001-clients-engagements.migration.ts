import { sql, type Kysely } from 'kysely'

// Frozen in time: migrations use Kysely<any> so later schema changes never alter them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('client')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('headcount', 'integer')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('notes', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await sql`CREATE INDEX client_name_idx ON client (name COLLATE NOCASE)`.execute(db)
  await db.schema.createIndex('client_updated_idx').on('client').column('updated_at').execute()

  await db.schema
    .createTable('engagement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('client.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('lead','proposal','active','complete','lost')`))
    .addColumn('consultant', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('day_rate', 'real', (c) => c.notNull().check(sql`day_rate > 0`))
    .addColumn('start_date', 'text')
    .addColumn('notes', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('engagement_client_idx').on('engagement').column('client_id').execute()
  await db.schema.createIndex('engagement_status_idx').on('engagement').columns(['status', 'updated_at']).execute()

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .execute()
}
