import type { Migration } from '@caseflow/event-store';

/** Migration namespace of the read side's tables (beside the event store's and the subject keys'). */
export const PROJECTIONS_NAMESPACE = 'projections';

/** The projection's name in `projection_checkpoints` (one row per projection). */
export const TICKETS_PROJECTION = 'tickets';

/** The tables a rebuild empties, in an order that a comparison dumps them in. */
export const PROJECTION_TABLES = [
  'projection_tickets',
  'projection_ticket_folds',
  'projection_timeline',
  'projection_title_words',
  'projection_failures',
] as const;

/**
 * Personal values stay sealed here: `title` and the timeline's `data` hold the store's sealed
 * envelopes (opened on read with the subject's key), the requester is an opaque subject id, and a
 * title word is `sha256(subject key || word)`, matchable only while the key lives. Erasing the
 * subject's key therefore reaches every row without touching them.
 */
export const PROJECTION_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tickets, their folds, the timeline, title words, checkpoints and failures',
    sql: `
      CREATE TABLE projection_tickets (
        number            text        PRIMARY KEY,
        stream_id         text        NOT NULL,
        opened_event_id   text        NOT NULL,
        customer_id       text        NOT NULL,
        requester_subject text,
        title             jsonb       NOT NULL,
        type              text        NOT NULL,
        severity          text        NOT NULL,
        priority          text,
        phase             text        NOT NULL,
        assignee          text,
        tier              text,
        responsibility    text        NOT NULL,
        channel           text,
        opened_at         timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL,
        closed_at         timestamptz,
        reopen_count      integer     NOT NULL,
        csat              integer,
        first_response_status   text,
        first_response_warns_at timestamptz,
        first_response_due_at   timestamptz,
        update_status           text,
        update_warns_at         timestamptz,
        update_due_at           timestamptz,
        resolution_status       text,
        resolution_warns_at     timestamptz,
        resolution_due_at       timestamptz,
        sla_breach_at     timestamptz,
        sla_warn_at       timestamptz,
        sla_rest          text        NOT NULL,
        version           integer     NOT NULL
      );
      CREATE INDEX projection_tickets_order ON projection_tickets (opened_at DESC, number DESC);
      CREATE INDEX projection_tickets_customer ON projection_tickets (customer_id, phase, opened_at DESC, number DESC);
      CREATE INDEX projection_tickets_assignee ON projection_tickets (assignee, opened_at DESC, number DESC);
      CREATE INDEX projection_tickets_breach ON projection_tickets (sla_breach_at);

      CREATE TABLE projection_ticket_folds (
        number text  PRIMARY KEY,
        state  jsonb NOT NULL,
        sla    jsonb,
        facts  jsonb NOT NULL
      );

      CREATE TABLE projection_timeline (
        number     text        NOT NULL,
        position   integer     NOT NULL,
        stream_id  text        NOT NULL,
        event_id   text        NOT NULL,
        at         timestamptz NOT NULL,
        type       text        NOT NULL,
        actor      text        NOT NULL,
        visibility text        NOT NULL CHECK (visibility IN ('public', 'internal')),
        data       jsonb       NOT NULL,
        PRIMARY KEY (number, position)
      );

      CREATE TABLE projection_title_words (
        number text  NOT NULL,
        key_id text  NOT NULL,
        token  bytea NOT NULL,
        PRIMARY KEY (number, token)
      );
      CREATE INDEX projection_title_words_token ON projection_title_words (token);

      CREATE TABLE projection_failures (
        stream_id       text    NOT NULL,
        position        integer NOT NULL,
        global_position bigint  NOT NULL,
        message         text    NOT NULL,
        PRIMARY KEY (stream_id, position)
      );

      CREATE TABLE projection_checkpoints (
        projection      text    PRIMARY KEY,
        global_position bigint  NOT NULL,
        rebuilding      boolean NOT NULL DEFAULT false
      );
    `,
  },
  {
    version: 2,
    name: 'tickets by the SLA status they can have without a new event',
    sql: `CREATE INDEX projection_tickets_sla_rest ON projection_tickets (sla_rest, opened_at DESC, number DESC);`,
  },
];

/** Taken by every write of the projection (a batch, a rebuild's steps), so they never interleave. */
export const PROJECTION_LOCK_KEY = 727_117_013;
