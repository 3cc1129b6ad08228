import {
  openSealedFields,
  sealedKeyIds,
  type Database,
  type EventStore,
  type SubjectKeys,
} from '@caseflow/event-store';
import type { TicketPhase } from '@caseflow/domain';
import { decodeCursor, encodeCursor } from './cursor';
import { filterConditions, nextDeadlineSql, Params, slaStatusSql } from './list-query';
import type {
  PageRequest,
  ProjectionLag,
  SlaStatusFilter,
  TicketFilter,
  TicketPage,
  TicketReadModel,
  TicketSummary,
  TimelineAudience,
  TimelineEntry,
} from './read-model';
import { TICKET_EVENT_TYPES, TicketProjector } from './ticket-projector';
import type { TicketRowFacts } from './ticket-row';
import { detailsFor, summaryOf } from './timeline';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** waitForVersion never waits longer than this, whatever it is asked. */
export const MAX_WAIT_MS = 10_000;
const WAIT_POLL_MS = 25;

/** A listed ticket: its facts, its instants as PostgreSQL gives them, its SLA status as of now. */
interface SummaryRow extends TicketRowFacts {
  opened_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  sla_status: string;
  next_deadline: Date | null;
}

const SUMMARY_COLUMNS = (now: string) => `number, stream_id, opened_event_id, customer_id, requester_subject, title,
  type, severity, priority, phase, assignee, tier, responsibility, channel, opened_at, updated_at, closed_at,
  reopen_count, csat, ${slaStatusSql(now)} AS sla_status, ${nextDeadlineSql(now)} AS next_deadline, version`;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

/**
 * The TicketReadModel on the projection's tables (PostgreSQL or PGlite). Sealed values are opened
 * on read with the subjects' keys: `[erased]` once a subject is erased.
 */
export class PostgresTicketReadModel implements TicketReadModel {
  constructor(
    private readonly db: Database,
    private readonly keys: SubjectKeys,
    private readonly projector: TicketProjector,
    /** The store the projection follows (its head is the lag's reference). */
    private readonly store: EventStore,
  ) {}

  async list(filter: TicketFilter, page: PageRequest, now: Date): Promise<TicketPage> {
    const limit = Math.min(Math.max(Math.trunc(page.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
    const params = new Params();
    const at = params.add(now.toISOString());
    const where = filterConditions(filter, at, params);
    if (page.cursor) {
      const after = decodeCursor(page.cursor);
      where.push(`(opened_at, number) < (${params.add(after.openedAt)}::timestamptz, ${params.add(after.number)})`);
    }
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS(`${at}::timestamptz`)} FROM projection_tickets
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY opened_at DESC, number DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const items = await this.summaries(rows.slice(0, limit));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit
          ? encodeCursor({ openedAt: rows[limit - 1].opened_at.toISOString(), number: last.number })
          : null,
    };
  }

  async get(number: string, now: Date): Promise<TicketSummary | undefined> {
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS('$2::timestamptz')} FROM projection_tickets WHERE number = $1`,
      [number, now.toISOString()],
    );
    return rows.length ? (await this.summaries(rows))[0] : undefined;
  }

  async timeline(number: string, audience: TimelineAudience): Promise<TimelineEntry[]> {
    const { rows } = await this.db.query<{
      position: number;
      stream_id: string;
      event_id: string;
      at: Date;
      type: string;
      actor: string;
      visibility: 'public' | 'internal';
      data: unknown;
    }>(
      `SELECT position, stream_id, event_id, at, type, actor, visibility, data FROM projection_timeline
       WHERE number = $1 ${audience === 'customer' ? "AND visibility = 'public'" : ''} ORDER BY position`,
      [number],
    );
    const keys = await this.keysFor(rows.map((r) => r.data));
    return rows.map((r) => {
      const data = openSealedFields(r.data, 'data', { streamId: r.stream_id, eventId: r.event_id }, keys);
      return {
        position: r.position,
        at: r.at.toISOString(),
        type: r.type,
        actor: r.actor,
        visibility: r.visibility,
        summary: summaryOf(r.type, data),
        details: detailsFor(r.type, data, audience),
      };
    });
  }

  async waitForVersion(number: string, version: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + Math.min(Math.max(timeoutMs, 0), MAX_WAIT_MS);
    for (;;) {
      const { rows } = await this.db.query<{ version: number }>(
        'SELECT version FROM projection_tickets WHERE number = $1',
        [number],
      );
      if (rows[0] && Number(rows[0].version) >= version) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_POLL_MS, Math.max(deadline - Date.now(), 1))));
    }
  }

  /**
   * The checkpoint against the store's head. The head also counts events the projection does not
   * read (customer streams, store checkpoints), so the lag is 0 when no ticket event waits beyond
   * the checkpoint, whatever the head says.
   */
  async lag(): Promise<ProjectionLag> {
    const [{ position }, head] = await Promise.all([this.projector.checkpoint(), this.headOf()]);
    const waiting = await this.store.readAll({ fromGlobalPosition: position + 1, types: TICKET_EVENT_TYPES, limit: 1 });
    return { position, head, lag: waiting.length ? Math.max(0, head - position) : 0 };
  }

  private async headOf(): Promise<number> {
    if (this.store.headPosition) return this.store.headPosition();
    // A store that cannot say its head: the projection's own position (lag unknown, reported as 0).
    return (await this.projector.checkpoint()).position;
  }

  private async summaries(rows: SummaryRow[]): Promise<TicketSummary[]> {
    const keys = await this.keysFor(rows.map((r) => r.title));
    return rows.map((r) => {
      const title = openSealedFields(
        r.title,
        'data.title',
        { streamId: r.stream_id, eventId: r.opened_event_id },
        keys,
      );
      return {
        number: r.number,
        customerId: r.customer_id,
        requesterSubject: r.requester_subject ?? '',
        title: typeof title === 'string' ? title : String(title),
        type: r.type,
        severity: r.severity,
        priority: r.priority,
        phase: r.phase as TicketPhase,
        assignee: r.assignee,
        tier: r.tier,
        responsibility: r.responsibility,
        channel: r.channel,
        openedAt: iso(r.opened_at) as string,
        updatedAt: iso(r.updated_at) as string,
        closedAt: iso(r.closed_at),
        reopenCount: Number(r.reopen_count),
        sla: { status: r.sla_status as SlaStatusFilter, nextDeadline: iso(r.next_deadline) },
        csat: r.csat === null ? null : Number(r.csat),
        version: Number(r.version),
      };
    });
  }

  private async keysFor(values: unknown[]): Promise<ReadonlyMap<string, Buffer | undefined>> {
    const ids = new Set<string>();
    for (const value of values) sealedKeyIds(value, ids);
    return this.keys.keysById([...ids]);
  }
}
