import type { Classification, SlaEvent } from '@caseflow/sla';
import type { Quartet } from './events';
import type { SeverityScheme } from './severity';
import { evolve, type DatedTicketEvent } from './evolve';
import type { TicketState } from './ticket-state';

/** The ticket's classification in the terms every SLA matcher reads. */
export function slaClassification(
  scheme: SeverityScheme,
  severity: string,
  plan: string | undefined,
  customerId: string,
  quartet?: Quartet,
  quartetTable?: string,
): Classification {
  return {
    severity,
    priority: severity,
    ...(scheme === 'urgency1-4' ? { urgency: Number(severity) } : {}),
    ...(plan ? { plan } : {}),
    customerId,
    ...(quartetTable ? { quartetTable } : {}),
    ...(quartet
      ? {
          quartet: {
            service: quartet.service,
            category: quartet.category,
            item: quartet.item,
            ...(quartet.impact ? { impact: quartet.impact } : {}),
          },
        }
      : {}),
  };
}

function classificationOf(state: TicketState): Classification {
  const customer = state.customer!;
  return slaClassification(
    customer.severityScheme,
    state.severity,
    customer.plan,
    state.customerId,
    state.quartet,
    customer.quartetTable,
  );
}

/**
 * Maps a ticket's events onto the SLA clocks' events. The same mapping serves the live clock in the
 * workflow and the "as of" clock of the auditors, so both always agree.
 */
export function toSlaEvents(events: readonly DatedTicketEvent[]): SlaEvent[] {
  const out: SlaEvent[] = [];
  let state: TicketState | undefined;
  for (const { event, at } of events) {
    const before = state;
    state = evolve(state, event, at);
    if (!before) continue;
    switch (event.type) {
      case 'CustomerIdentified':
        out.push({
          type: 'opened',
          at: state.openedAt,
          policy: event.data.policy,
          classification: classificationOf(state),
        });
        break;
      case 'FirstResponseSent':
        out.push({ type: 'firstResponseSent', at });
        break;
      case 'CustomerUpdateSent':
        out.push({ type: 'customerUpdateSent', at });
        break;
      case 'ClarificationRequested':
      case 'FixProposed':
        // Waiting for the customer's answer or approval of a documented fix (002 SupraTix) pauses the clocks.
        out.push({ type: 'pausedAwaitingCustomer', at });
        break;
      case 'ClarificationAnswered':
        if (state.phase !== 'awaitingApproval') out.push({ type: 'resumed', at });
        break;
      case 'FixApproved':
      case 'FixRejected':
        if (!state.clarification) out.push({ type: 'resumed', at });
        break;
      case 'TicketClassified':
      case 'WorkaroundProvided':
        if (event.type === 'WorkaroundProvided') out.push({ type: 'workaroundFound', at });
        out.push({ type: 'classificationChanged', at, classification: classificationOf(state) });
        break;
      case 'TicketResolved':
      case 'TicketCancelled':
        if (before.clarification) out.push({ type: 'resumed', at });
        out.push({ type: 'resolved', at });
        break;
      case 'TicketReopened':
        if (before.phase === 'acceptance') out.push({ type: 'reopened', at });
        break;
      default:
        break;
    }
  }
  return out;
}
