import type { Migration } from '../migrations';

/** Migration namespace of the event store in `caseflow_migrations`. */
export const EVENT_STORE_NAMESPACE = 'event_store';

/**
 * Tables (all in the connection's search_path schema):
 * - es_streams: one row per stream, its head (position and, since v3, hash); appends move it only
 *   from the position and hash they read (optimistic concurrency).
 * - es_events: the log. global_position is the total order, assigned from a sequence under a
 *   transaction-scoped advisory lock held to COMMIT, so global order = commit order. tx_id is the
 *   writing transaction (pg_current_xact_id) for the subscriptions' visibility guard. Since v3,
 *   hash and prev_hash chain each stream (src/integrity/canonical.ts; rows written before v3 are
 *   hashed by PostgresEventStore.migrate right after the migration).
 * - es_checkpoints: subscription progress.
 * Since v4, data and metadata are json (the canonical text as written), no longer jsonb.
 * UPDATE, DELETE and TRUNCATE on es_events are refused by triggers: the log is append-only.
 */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'streams, events, checkpoints',
    sql: `
      CREATE TABLE es_streams (
        stream_id     text        PRIMARY KEY,
        last_position bigint      NOT NULL DEFAULT 0 CHECK (last_position >= 0)
      );

      CREATE SEQUENCE es_global_position_seq AS bigint START 1;

      CREATE TABLE es_events (
        global_position bigint      PRIMARY KEY DEFAULT nextval('es_global_position_seq'),
        stream_id       text        NOT NULL,
        position        bigint      NOT NULL CHECK (position >= 1),
        event_id        text        NOT NULL,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL CHECK (schema_version >= 1),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL,
        tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT es_events_stream_position UNIQUE (stream_id, position),
        CONSTRAINT es_events_stream_event_id UNIQUE (stream_id, event_id)
      );
      ALTER SEQUENCE es_global_position_seq OWNED BY es_events.global_position;
      CREATE INDEX es_events_type_global ON es_events (type, global_position);

      CREATE TABLE es_checkpoints (
        subscription_id text        PRIMARY KEY,
        global_position bigint      NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      );

      CREATE FUNCTION es_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'es_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER es_events_no_update_delete BEFORE UPDATE OR DELETE ON es_events
        FOR EACH ROW EXECUTE FUNCTION es_events_append_only();
      CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
        FOR EACH STATEMENT EXECUTE FUNCTION es_events_append_only();
    `,
  },
  {
    version: 2,
    name: 'es_check_heads for single-statement appends',
    sql: `
      CREATE FUNCTION es_check_heads(matched bigint, expected integer) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF matched <> expected THEN
          RAISE EXCEPTION 'stream heads moved since they were read (% of % matched)', matched, expected USING ERRCODE = 'CF409';
        END IF;
        RETURN true;
      END $$;
    `,
  },
  {
    version: 3,
    name: 'hash chains: event hashes, head hashes',
    sql: `
      ALTER TABLE es_streams ADD COLUMN last_hash text;
      ALTER TABLE es_events ADD COLUMN prev_hash text, ADD COLUMN hash text;
    `,
  },
  {
    // jsonb re-serialises every value on output (three quarters of the server's time in a full
    // read); json hands back the stored text. The store writes canonical JSON, which is also what
    // the chains hash, so json keeps it byte for byte and verify can hash it without re-encoding.
    // Rows converted here keep jsonb's spacing; verify re-encodes those (docs/event-store.md).
    version: 4,
    name: 'data and metadata as json: stored canonical text, returned as stored',
    sql: `
      ALTER TABLE es_events ALTER COLUMN data TYPE json USING data::json, ALTER COLUMN metadata TYPE json USING metadata::json;
    `,
  },
];
