import { sql, type Kysely } from 'kysely'

/**
 * The server's schema, forward only. The version is this list's length; `migrate` runs
 * every pending step and the version bump in one transaction, and refuses a database a
 * newer server has already moved on (an older server must not write to it).
 */
export const SERVER_MIGRATIONS: readonly { name: string; sql: string }[] = [
  {
    name: '0001-team',
    sql: `
      CREATE TABLE app_user (
        id uuid PRIMARY KEY,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('admin', 'partner', 'consultant')),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      );
      CREATE TABLE sign_in_code (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE TABLE device (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        revoked_at timestamptz
      );
      CREATE TABLE membership (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        engagement_id text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, engagement_id)
      );
      CREATE INDEX membership_engagement_idx ON membership (engagement_id);
      CREATE SEQUENCE change_no_seq;
      CREATE TABLE sync_row (
        tbl text NOT NULL,
        row_key text NOT NULL,
        engagement_id text,
        client_id text,
        fields jsonb NOT NULL,
        stamps jsonb NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES app_user(id),
        updated_by uuid NOT NULL REFERENCES app_user(id),
        change_no bigint NOT NULL UNIQUE,
        PRIMARY KEY (tbl, row_key)
      );
      CREATE INDEX sync_row_engagement_idx ON sync_row (engagement_id, change_no);
      CREATE INDEX sync_row_client_idx ON sync_row (client_id) WHERE tbl IN ('client', 'engagement');
      CREATE TABLE sync_op (
        op_id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id),
        device_id uuid NOT NULL REFERENCES device(id),
        result jsonb NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE change_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        device_id uuid NOT NULL REFERENCES device(id),
        op_id text NOT NULL,
        tbl text NOT NULL,
        row_key text NOT NULL,
        action text NOT NULL,
        fields text[] NOT NULL
      );
      CREATE INDEX change_log_row_idx ON change_log (tbl, row_key, id);
    `
  },
  {
    name: '0002-library-versions',
    sql: `
      -- Every edit of a library item is kept as a numbered version: the shared library
      -- shows the latest, and what a plan was built from can always be found again.
      CREATE TABLE library_version (
        kind text NOT NULL,
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        data text NOT NULL,
        made_by uuid NOT NULL REFERENCES app_user(id),
        made_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id, version)
      );
    `
  }
]

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number
  ) {
    super(`The database's schema is version ${found}, newer than this server knows (${known}). Upgrade the server; nothing was changed.`)
  }
}

export async function migrate(db: Kysely<any>, list = SERVER_MIGRATIONS): Promise<{ from: number; to: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`CREATE TABLE IF NOT EXISTS stagecraft_schema (version integer NOT NULL)`.execute(trx)
    // Two servers starting at once: the second waits here, then finds nothing to do.
    await sql`LOCK TABLE stagecraft_schema IN ACCESS EXCLUSIVE MODE`.execute(trx)
    const row = await trx.selectFrom('stagecraft_schema').select('version').executeTakeFirst()
    const from = row?.version ?? 0
    if (!row) await trx.insertInto('stagecraft_schema').values({ version: 0 }).execute()
    if (from > list.length) throw new NewerSchemaError(from, list.length)
    for (const step of list.slice(from)) await sql.raw(step.sql).execute(trx)
    if (from < list.length) await trx.updateTable('stagecraft_schema').set({ version: list.length }).execute()
    return { from, to: list.length }
  })
}
