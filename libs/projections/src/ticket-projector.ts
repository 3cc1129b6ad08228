import {
  isSealed,
  openSealedFields,
  runMigrations,
  type CheckpointStore,
  type Database,
  type EventStore,
  type Queryable,
  type RecordedEvent,
  type SubjectKeys,
} from '@caseflow/event-store';
import { TICKET_PERSONAL_FIELDS } from '@caseflow/persistence';
import {
  PROJECTION_LOCK_KEY,
  PROJECTION_MIGRATIONS,
  PROJECTION_TABLES,
  PROJECTIONS_NAMESPACE,
  TICKETS_PROJECTION,
} from './schema';
import {
  FAILURE_COLUMNS,
  FOLD_COLUMNS,
  TICKET_COLUMNS,
  TIMELINE_COLUMNS,
  WORD_COLUMNS,
  insertRows,
  upsertAll,
} from './table-writes';
import { clocksOf, foldEvent, SlaContexts, type TicketFold } from './ticket-fold';
import { ticketRow } from './ticket-row';
import { timelineRow, type TimelineRow } from './timeline';
import { wordToken, wordsOf } from './title-words';

/** Every ticket event type (the subscription reads only these). */
export const TICKET_EVENT_TYPES: readonly string[] = Object.keys(TICKET_PERSONAL_FIELDS);

const TICKET_STREAM_PREFIX = 'ticket-';

export class RebuildInProgressError extends Error {
  override readonly name = 'RebuildInProgressError';
  constructor() {
    super('the tickets projection is being rebuilt (caseflow projections rebuild); live updates wait for it');
  }
}

export interface ProjectionCheckpoint {
  position: number;
  rebuilding: boolean;
}

export interface RebuildReport {
  events: number;
  tickets: number;
  position: number;
}

type Failure = { stream_id: string; position: number; global_position: number; message: string };
type Word = { number: string; key_id: string; token: string };

const isTicketEvent = (e: RecordedEvent) =>
  e.streamId.startsWith(TICKET_STREAM_PREFIX) && TICKET_EVENT_TYPES.includes(e.type);
const numberOf = (e: RecordedEvent) => e.streamId.slice(TICKET_STREAM_PREFIX.length);

/**
 * Keeps the read side's tables from the ticket streams as stored (personal fields sealed). A batch
 * is applied in one transaction together with its checkpoint, under an advisory lock; an event at or
 * below a ticket's folded version is skipped, so a batch delivered twice changes nothing.
 */
export class TicketProjector {
  private constructor(
    private readonly db: Database,
    private readonly keys: SubjectKeys,
    private readonly contexts: SlaContexts,
  ) {}

  /** Runs the projection's migrations, then returns the projector. */
  static async open(db: Database, keys: SubjectKeys, contexts = new SlaContexts()): Promise<TicketProjector> {
    await runMigrations(db, PROJECTION_MIGRATIONS, PROJECTIONS_NAMESPACE);
    return new TicketProjector(db, keys, contexts);
  }

  async checkpoint(via: Queryable = this.db): Promise<ProjectionCheckpoint> {
    const { rows } = await via.query<{ global_position: string | number; rebuilding: boolean }>(
      'SELECT global_position, rebuilding FROM projection_checkpoints WHERE projection = $1',
      [TICKETS_PROJECTION],
    );
    return rows[0]
      ? { position: Number(rows[0].global_position), rebuilding: rows[0].rebuilding }
      : { position: 0, rebuilding: false };
  }

  /**
   * Folds `events` (global order) into the tables and moves the checkpoint to `through` (default the
   * last event's global position; never backwards), all in one transaction.
   */
  async applyBatch(
    events: readonly RecordedEvent[],
    through?: number,
    mode: 'live' | 'rebuild' = 'live',
  ): Promise<void> {
    const tickets = events.filter(isTicketEvent);
    const words = await this.titleWords(tickets);
    await this.prepareSlaContexts(tickets);
    const position = through ?? Math.max(0, ...events.map((e) => e.globalPosition));
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PROJECTION_LOCK_KEY]);
      if ((await this.checkpoint(tx)).rebuilding !== (mode === 'rebuild')) throw new RebuildInProgressError();
      const folds = await this.loadFolds(tx, [...new Set(tickets.map(numberOf))]);
      const { changed, timeline, failures, opened } = this.fold(tickets, folds);
      const rows = [...changed.values()].map((fold) => this.rowOf(fold, failures));
      await insertRows(tx, 'projection_tickets', TICKET_COLUMNS, rows as never, upsertAll(TICKET_COLUMNS, 'number'));
      const foldRows = [...changed.values()].map(({ state, sla, facts }) => ({
        number: state.number,
        state,
        sla,
        facts,
      }));
      await insertRows(tx, 'projection_ticket_folds', FOLD_COLUMNS, foldRows, upsertAll(FOLD_COLUMNS, 'number'));
      await insertRows(tx, 'projection_timeline', TIMELINE_COLUMNS, timeline as never, 'ON CONFLICT DO NOTHING');
      const newWords = words.filter((w) => opened.has(w.number));
      await insertRows(tx, 'projection_title_words', WORD_COLUMNS, newWords, 'ON CONFLICT DO NOTHING');
      await insertRows(tx, 'projection_failures', FAILURE_COLUMNS, failures, 'ON CONFLICT DO NOTHING');
      await this.saveCheckpoint(tx, position);
    });
  }

  /** Empties the tables and replays every ticket event from the start, with the live path's own batches. */
  async rebuild(store: EventStore, batchSize = 2_000): Promise<RebuildReport> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PROJECTION_LOCK_KEY]);
      await tx.exec(`TRUNCATE ${PROJECTION_TABLES.join(', ')}`);
      await tx.query(
        `INSERT INTO projection_checkpoints (projection, global_position, rebuilding) VALUES ($1, 0, true)
         ON CONFLICT (projection) DO UPDATE SET global_position = 0, rebuilding = true`,
        [TICKETS_PROJECTION],
      );
    });
    let events = 0;
    // Keyset pages, each read while the previous one is applied: a server cursor would hold its
    // read transaction open for the whole replay.
    const page = (from: number) =>
      store.readAll({ fromGlobalPosition: from, types: TICKET_EVENT_TYPES, limit: batchSize });
    let next = page(1);
    for (let batch = await next; batch.length; batch = await next) {
      next = page(batch[batch.length - 1].globalPosition + 1);
      next.catch(() => undefined);
      await this.applyBatch(batch, undefined, 'rebuild');
      events += batch.length;
    }
    await this.db.query('UPDATE projection_checkpoints SET rebuilding = false WHERE projection = $1', [
      TICKETS_PROJECTION,
    ]);
    const { rows } = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM projection_tickets');
    return { events, tickets: Number(rows[0].n), position: (await this.checkpoint()).position };
  }

  /**
   * For `store.subscribe`: the handler collects a round's events and the checkpoint store's `save`
   * applies them with the checkpoint in one transaction (so the subscription's batches are ours).
   */
  subscriptionParts(): { handler: (event: RecordedEvent) => Promise<void>; checkpoints: CheckpointStore } {
    let pending: RecordedEvent[] = [];
    return {
      handler: async (event) => void pending.push(event),
      checkpoints: {
        load: async () => (await this.checkpoint()).position,
        // Cleared only once applied: a save retried after a failure applies the same events again.
        save: async (_id, globalPosition) => {
          await this.applyBatch(pending, globalPosition);
          pending = [];
        },
      },
    };
  }

  private fold(tickets: readonly RecordedEvent[], folds: Map<string, TicketFold>) {
    const changed = new Map<string, TicketFold>();
    const timeline: TimelineRow[] = [];
    const failures: Failure[] = [];
    const opened = new Set<string>();
    for (const event of tickets) {
      const number = numberOf(event);
      const fold = changed.get(number) ?? folds.get(number);
      const version = fold?.state.version ?? 0;
      if (event.position <= version) continue;
      const fail = (message: string) =>
        failures.push({
          stream_id: event.streamId,
          position: event.position,
          global_position: event.globalPosition,
          message,
        });
      if (event.position !== version + 1) {
        fail(`position ${event.position} does not follow the folded version ${version}`);
        continue;
      }
      try {
        changed.set(number, foldEvent(fold, event));
      } catch (error) {
        fail((error as Error).message);
        continue;
      }
      timeline.push(timelineRow(number, event));
      if (event.type === 'TicketOpened') opened.add(number);
    }
    return { changed, timeline, failures, opened };
  }

  /** The row; a ticket whose clocks cannot be computed (an unknown policy) shows none, with the failure recorded. */
  private rowOf(fold: TicketFold, failures: Failure[]) {
    try {
      return ticketRow(fold, clocksOf(fold, this.contexts));
    } catch (error) {
      failures.push({
        stream_id: fold.facts.streamId,
        position: fold.state.version,
        global_position: 0,
        message: `SLA clocks: ${(error as Error).message}`,
      });
      return ticketRow(fold, null);
    }
  }

  /** Before the transaction: on PGlite the store shares the one connection the transaction holds. */
  private async prepareSlaContexts(tickets: readonly RecordedEvent[]): Promise<void> {
    const numbers = [...new Set(tickets.map(numberOf))];
    if (!numbers.length) return;
    const { rows } = await this.db.query<{ number: string; customer_id: string }>(
      `SELECT number, state->>'customerId' AS customer_id FROM projection_ticket_folds WHERE number = ANY($1::text[])`,
      [numbers],
    );
    const customerOf = new Map(rows.map((r) => [r.number, r.customer_id]));
    for (const event of tickets)
      if (event.type === 'TicketOpened')
        customerOf.set(numberOf(event), (event.data as { customerId: string }).customerId);
    const identified = new Set(
      tickets.filter((e) => e.type === 'CustomerIdentified').map((e) => customerOf.get(numberOf(e)) as string),
    );
    await this.contexts.prepare([...customerOf.values()].filter(Boolean), identified);
  }

  private async loadFolds(tx: Queryable, numbers: string[]): Promise<Map<string, TicketFold>> {
    if (!numbers.length) return new Map();
    const { rows } = await tx.query<{ number: string } & TicketFold>(
      'SELECT number, state, sla, facts FROM projection_ticket_folds WHERE number = ANY($1::text[])',
      [numbers],
    );
    return new Map(rows.map((r) => [r.number, { state: r.state, sla: r.sla, facts: r.facts }]));
  }

  /** Title words of the TicketOpened events among `events`, tokenised under the title's own key (read before the transaction). */
  private async titleWords(events: readonly RecordedEvent[]): Promise<Word[]> {
    const titles = events
      .filter((e) => e.type === 'TicketOpened')
      .map((e) => ({ e, title: (e.data as { title?: unknown }).title }))
      .filter((t) => isSealed(t.title));
    if (!titles.length) return [];
    const kids = [...new Set(titles.map((t) => (t.title as { kid: string }).kid))];
    const keys = await this.keys.keysById(kids);
    return titles.flatMap(({ e, title }) => {
      const kid = (title as { kid: string }).kid;
      const key = keys.get(kid);
      const text = openSealedFields(title, 'data.title', { streamId: e.streamId, eventId: e.id }, keys);
      if (!key || typeof text !== 'string') return [];
      return wordsOf(text).map((word) => ({ number: numberOf(e), key_id: kid, token: wordToken(key, word) }));
    });
  }

  private async saveCheckpoint(tx: Queryable, position: number): Promise<void> {
    await tx.query(
      `INSERT INTO projection_checkpoints (projection, global_position) VALUES ($1, $2)
       ON CONFLICT (projection) DO UPDATE
       SET global_position = GREATEST(projection_checkpoints.global_position, EXCLUDED.global_position)`,
      [TICKETS_PROJECTION, position],
    );
  }
}
