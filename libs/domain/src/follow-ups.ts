/**
 * What the workflow records right after an event, in order: the customer's and staff's
 * notifications (the outbox: delivered once recorded), closing after feedback, and lowering an
 * escalation the event ends (000: the severity dropped, or the customer missed an agreed activity).
 */
import { escalationLowered } from './escalation-decisions';
import type { CustomerNotified, NotificationKind, StaffNotificationKind, StaffNotified, TicketEvent } from './events';
import { SEVERITY_SCALES } from './severity';
import { isIdentified, type IdentifiedTicket, type TicketState } from './ticket-state';

/** Who is told of staff matters when nobody is assigned, and who decides escalations. */
export const ENGINEERS = 'role:engineer';
export const MANAGERS = 'role:manager';

export function followUps(event: TicketEvent, state: TicketState): TicketEvent[] {
  const customer = (kind: NotificationKind, subject: string): CustomerNotified => ({
    type: 'CustomerNotified',
    data: { kind, to: state.requester, subject: `Ticket ${state.number}${subject}` },
  });
  const staff = (kind: StaffNotificationKind, subject: string, to = state.assignee ?? ENGINEERS): StaffNotified => ({
    type: 'StaffNotified',
    data: { kind, to, subject: `Ticket ${state.number}${subject}` },
  });
  switch (event.type) {
    case 'TicketRefused':
      return [customer('refused', ` refused: ${event.data.reason}`)];
    case 'FirstResponseSent':
      return [customer('firstResponse', ': first answer')];
    case 'CustomerUpdateSent':
      return [customer('update', ': update')];
    case 'ClarificationRequested':
      return [customer('clarificationRequested', `: please answer by ${event.data.dueAt}`)];
    case 'ClarificationReminderSent':
      return [customer('clarificationReminder', `: reminder, please answer by ${event.data.dueAt}`)];
    case 'ClarificationExpired':
      return missedActivity(state, `the clarification due at ${event.data.dueAt} went unanswered`);
    case 'FixProposed':
      return [customer('fixProposed', ': a fix awaits your approval')];
    case 'TicketResolved':
      return [
        customer('resolved', `: resolved; please accept by ${event.data.acceptanceDueAt}`),
        ...(event.data.resolution === 'noCustomerResponse'
          ? missedActivity(state, 'the clarification went unanswered and the ticket was resolved for no response')
          : []),
      ];
    case 'ResolutionAccepted':
      return event.data.by === 'timeout'
        ? [customer('acceptedByTimeout', ': accepted (no answer within the acceptance window)')]
        : [];
    case 'FeedbackGiven':
      return [{ type: 'TicketClosed', data: { feedback: 'given' } }];
    case 'TicketClosed':
      return [customer('closed', ': closed')];
    case 'TicketCancelled':
      return [customer('cancelled', ': cancelled')];
    case 'WorkaroundProvided':
      return severityDropped(state, `a workaround lowered the severity to ${event.data.severity}`);
    case 'TicketClassified':
      return severityDropped(state, `the severity was lowered to ${event.data.severity}`);
    case 'EscalationRequested':
      return [staff('escalationRequested', ': the customer asks for an escalation', MANAGERS)];
    case 'EscalationAccepted':
      return [
        customer('escalationAccepted', ': escalation accepted'),
        ...(event.data.specialist ? [staff('assigned', ': assigned to you (escalation)', event.data.specialist)] : []),
      ];
    case 'EscalationDeclined':
      return [customer('escalationDeclined', ': escalation declined')];
    case 'EscalationLowered':
      return [customer('escalationLowered', ': escalation lowered')];
    case 'TicketAssigned':
      return [staff('assigned', ': assigned to you', event.data.assignee)];
    case 'TicketHandedOver':
      return [
        staff('assigned', `: handed over to you (${event.data.to})`, event.data.assignee),
        customer('handedOver', `: now handled by ${event.data.to}`),
      ];
    case 'CommentAdded':
      if (event.data.visibility === 'internal') return [];
      return event.data.author === 'customer'
        ? [staff('customerComment', ': the customer commented')]
        : [customer('comment', ': a new comment')];
    case 'UpdateReminderSent':
      return [staff('updateDue', `: customer update due by ${event.data.dueAt}`)];
    case 'UpdateOverdue':
      return [staff('updateOverdue', `: customer update overdue since ${event.data.dueAt}`)];
    default:
      return [];
  }
}

const escalated = (state: TicketState): state is IdentifiedTicket =>
  isIdentified(state) && (state.escalation?.level ?? 0) > 0;

/** 000: the customer did not take part in what was agreed (an unanswered clarification). */
function missedActivity(state: TicketState, reason: string): TicketEvent[] {
  return escalated(state) ? [escalationLowered(state, 'customerMissedActivity', reason)] : [];
}

/** 000: the severity is now below what the escalation set (a workaround, a reclassification). */
function severityDropped(state: TicketState, reason: string): TicketEvent[] {
  if (!escalated(state)) return [];
  const agreement = state.escalation?.agreement;
  const scale = SEVERITY_SCALES[state.customer.severityScheme];
  const escalatedTo = agreement?.severity ?? agreement?.severityBefore ?? state.severity;
  return scale.indexOf(state.severity) > scale.indexOf(escalatedTo)
    ? [escalationLowered(state, 'severityDropped', reason)]
    : [];
}
