import type { Classification, SlaEvent, TargetSpec } from '@caseflow/sla';
import { frequencySpan, type UpdateFrequency } from './escalation';
import type { Quartet, TicketEvent } from './events';
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
    if (before) out.push(...slaEventsOf(before, state, event, at));
  }
  return out;
}

/** The SLA events one ticket event stands for, given the state before and after it. */
export function slaEventsOf(before: TicketState, state: TicketState, event: TicketEvent, at: string): SlaEvent[] {
  switch (event.type) {
    case 'CustomerIdentified':
      return [
        { type: 'opened', at: state.openedAt, policy: event.data.policy, classification: classificationOf(state) },
      ];
    case 'FirstResponseSent':
      return [{ type: 'firstResponseSent', at }];
    case 'CustomerUpdateSent':
      return [{ type: 'customerUpdateSent', at }];
    case 'ClarificationRequested':
    case 'FixProposed':
      // Waiting for the customer's answer or approval of a documented fix (002) pauses the clocks.
      return [{ type: 'pausedAwaitingCustomer', at }];
    case 'ClarificationAnswered':
      return state.phase !== 'awaitingApproval' ? [{ type: 'resumed', at }] : [];
    case 'FixApproved':
    case 'FixRejected':
      return state.clarification ? [] : [{ type: 'resumed', at }];
    case 'TicketClassified':
      return [{ type: 'classificationChanged', at, classification: classificationOf(state) }];
    case 'WorkaroundProvided':
      return [
        { type: 'workaroundFound', at },
        { type: 'classificationChanged', at, classification: classificationOf(state) },
      ];
    case 'TicketResolved':
    case 'TicketCancelled':
      return [...(before.clarification ? [{ type: 'resumed', at } as const] : []), { type: 'resolved', at }];
    case 'TicketReopened':
      return before.phase === 'acceptance' ? [{ type: 'reopened', at }] : [];
    case 'EscalationAccepted':
      // 000: the raised severity's targets, and the update frequency agreed with the customer.
      return [
        ...(event.data.severity
          ? [{ type: 'classificationChanged', at, classification: classificationOf(state) } as const]
          : []),
        { type: 'updateCadenceAgreed', at, cadence: agreedCadence(state, event.data.updateFrequency) },
      ];
    case 'EscalationLowered':
      return [
        ...(event.data.severity
          ? [{ type: 'classificationChanged', at, classification: classificationOf(state) } as const]
          : []),
        { type: 'updateCadenceAgreed', at, cadence: null },
      ];
    default:
      return [];
  }
}

/** The escalation's update frequency on the customer's own calendar. */
function agreedCadence(state: TicketState, frequency: UpdateFrequency): TargetSpec {
  return {
    span: frequencySpan(frequency),
    calendar: state.customer!.calendarId,
    assumed: 'the update frequency agreed when the escalation was accepted (000)',
  };
}
