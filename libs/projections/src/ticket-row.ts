import type { SlaClocks, TargetClock } from '@caseflow/sla';
import type { TicketFold } from './ticket-fold';

/** One clock's stored facts: its status as of the last event, and the instants it changes at. */
export interface ClockColumns {
  status: string | null;
  warnsAt: string | null;
  dueAt: string | null;
}

/** What a ticket row says of the ticket itself, apart from its instants and clocks. */
export interface TicketRowFacts {
  number: string;
  stream_id: string;
  opened_event_id: string;
  customer_id: string;
  requester_subject: string | null;
  /** The sealed envelope (or, from a store that seals nothing, the text). */
  title: unknown;
  type: string;
  severity: string;
  priority: string | null;
  phase: string;
  assignee: string | null;
  tier: string | null;
  responsibility: string;
  channel: string | null;
  reopen_count: number;
  csat: number | null;
  version: number;
}

/** A `projection_tickets` row as the projector writes it (instants as ISO strings, title as stored). */
export interface TicketRow extends TicketRowFacts {
  opened_at: string;
  updated_at: string;
  closed_at: string | null;
  first_response_status: string | null;
  first_response_warns_at: string | null;
  first_response_due_at: string | null;
  update_status: string | null;
  update_warns_at: string | null;
  update_due_at: string | null;
  resolution_status: string | null;
  resolution_warns_at: string | null;
  resolution_due_at: string | null;
  /** From this instant on the ticket counts as breached (some clock is past its due second); null: not without a new event. */
  sla_breach_at: string | null;
  /** From this instant on a running clock is warned. */
  sla_warn_at: string | null;
  /** The status when neither of the two instants has been reached: running, paused, met or none. */
  sla_rest: string;
}

const clockColumns = (clock: TargetClock | undefined): ClockColumns => ({
  status: clock?.status ?? null,
  warnsAt: clock?.warnsAt ?? null,
  dueAt: clock?.dueAt ?? null,
});

const ticking = (clock: TargetClock) => clock.status === 'running' || clock.status === 'warned';

const earliest = (instants: Array<string | null>): string | null => {
  const known = instants.filter((i): i is string => i !== null).map((i) => Date.parse(i));
  return known.length ? new Date(Math.min(...known)).toISOString() : null;
};

/**
 * What the SLA status will be at any later instant, without a new event: breached from the second
 * after a ticking (or already breached) clock's due instant, warned from a ticking clock's warn
 * instant, otherwise the rest (libs/domain's slaSummary order: breached, warned, running, paused, met).
 */
export function slaInstants(clocks: SlaClocks | null): Pick<TicketRow, 'sla_breach_at' | 'sla_warn_at' | 'sla_rest'> {
  const targets = [clocks?.firstResponse, clocks?.update, clocks?.resolution].filter(
    (t): t is TargetClock => t !== undefined,
  );
  const breachable = targets.filter((t) => (ticking(t) || t.status === 'breached') && t.dueAt !== null);
  const rest = targets.some(ticking)
    ? 'running'
    : targets.some((t) => t.status === 'paused')
      ? 'paused'
      : targets.some((t) => t.status === 'met')
        ? 'met'
        : 'none';
  return {
    sla_breach_at: earliest(breachable.map((t) => new Date(Date.parse(t.dueAt as string) + 1000).toISOString())),
    sla_warn_at: earliest(targets.filter(ticking).map((t) => t.warnsAt)),
    sla_rest: rest,
  };
}

export function ticketRow(fold: TicketFold, clocks: SlaClocks | null): TicketRow {
  const { state, facts } = fold;
  const [firstResponse, update, resolution] = [clocks?.firstResponse, clocks?.update, clocks?.resolution].map(
    clockColumns,
  );
  return {
    number: state.number,
    stream_id: facts.streamId,
    opened_event_id: facts.openedEventId,
    customer_id: state.customerId,
    requester_subject: facts.requesterSubject,
    title: state.title,
    type: state.ticketType,
    severity: state.severity,
    priority: state.priority ?? null,
    phase: state.phase,
    assignee: state.assignee ?? null,
    tier: state.tier ?? null,
    responsibility: state.responsibility,
    channel: facts.channel,
    opened_at: state.openedAt,
    updated_at: state.updatedAt,
    closed_at: facts.closedAt,
    reopen_count: state.reopenCount,
    csat: typeof state.feedback?.score === 'number' ? state.feedback.score : null,
    first_response_status: firstResponse.status,
    first_response_warns_at: firstResponse.warnsAt,
    first_response_due_at: firstResponse.dueAt,
    update_status: update.status,
    update_warns_at: update.warnsAt,
    update_due_at: update.dueAt,
    resolution_status: resolution.status,
    resolution_warns_at: resolution.warnsAt,
    resolution_due_at: resolution.dueAt,
    ...slaInstants(clocks),
    version: state.version,
  };
}
