/**
 * 000's escalation: the customer asks (with a reason), the responsible manager accepts (raising the
 * severity and/or putting a specialist on it, with the agreed plan) or declines (with a reason),
 * and lowers it when the severity dropped or the customer missed an agreed activity.
 */
import type { Actor } from './commands';
import {
  CUSTOMER,
  MANAGER,
  OPEN,
  reject,
  requirePhase,
  requireRole,
  requireSeverity,
  requireStaffId,
  requireText,
  requireTexts,
  type Command,
} from './command-rules';
import { ESCALATION_CHANNELS, UPDATE_FREQUENCY_UNITS, type UpdateFrequency } from './escalation';
import type {
  DeescalationCause,
  EscalationAccepted,
  EscalationDeclined,
  EscalationLowered,
  EscalationRequested,
} from './events';
import { priorityOf, SEVERITY_SCALES } from './severity';
import type { IdentifiedTicket, TicketState } from './ticket-state';

export const DEESCALATION_CAUSES: readonly DeescalationCause[] = ['severityDropped', 'customerMissedActivity'];

export function requestEscalation(
  command: Command<'requestEscalation'>,
  actor: Actor,
  state: TicketState,
): EscalationRequested {
  requireRole(actor, CUSTOMER, command);
  requirePhase(state, OPEN, command);
  if (state.escalation?.pending) reject('an escalation request is already waiting for the manager');
  return { type: 'EscalationRequested', data: { reason: requireText(command.reason, 'reason', 2_000) } };
}

export function acceptEscalation(
  command: Command<'acceptEscalation'>,
  actor: Actor,
  state: TicketState,
): EscalationAccepted {
  requireRole(actor, MANAGER, command);
  requirePhase(state, OPEN, command);
  if (!state.escalation?.pending) reject('no escalation request is waiting for a decision');
  if (command.severity === undefined && command.specialist === undefined)
    reject('an accepted escalation raises the severity, assigns a specialist, or both', { field: 'severity' });
  const severity = command.severity === undefined ? undefined : raisedSeverity(state, command.severity);
  const specialist = command.specialist === undefined ? undefined : requireStaffId(command.specialist, 'specialist');
  const channels = requireTexts(command.channels, 'channels', 100);
  const unknown = channels.find((channel) => !(ESCALATION_CHANNELS as readonly string[]).includes(channel));
  if (unknown) reject(`channels: "${unknown}" is not one of ${ESCALATION_CHANNELS.join(', ')}`, { field: 'channels' });
  return {
    type: 'EscalationAccepted',
    data: {
      level: (state.escalation?.level ?? 0) + 1,
      ...(severity ? { severity, priority: priorityOf(state.customer.severityScheme, severity) } : {}),
      ...(specialist ? { specialist } : {}),
      actionPlan: requireText(command.actionPlan, 'actionPlan', 5_000),
      channels,
      updateFrequency: requireFrequency(command.updateFrequency),
      participants: requireTexts(command.participants, 'participants', 200),
    },
  };
}

export function declineEscalation(
  command: Command<'declineEscalation'>,
  actor: Actor,
  state: TicketState,
): EscalationDeclined {
  requireRole(actor, MANAGER, command);
  requirePhase(state, OPEN, command);
  if (!state.escalation?.pending) reject('no escalation request is waiting for a decision');
  return { type: 'EscalationDeclined', data: { reason: requireText(command.reason, 'reason', 2_000) } };
}

export function lowerEscalation(
  command: Command<'lowerEscalation'>,
  actor: Actor,
  state: TicketState,
): EscalationLowered {
  requireRole(actor, MANAGER, command);
  requirePhase(state, OPEN, command);
  if (!state.escalation?.level) reject('the ticket is not escalated');
  if (!DEESCALATION_CAUSES.includes(command.cause))
    reject(`cause must be one of ${DEESCALATION_CAUSES.join(', ')}`, { field: 'cause' });
  return escalationLowered(state, command.cause, requireText(command.reason, 'reason', 2_000));
}

/**
 * The escalation ends. When the customer missed an agreed activity and the severity is still the
 * one the escalation raised it to, it goes back to what it was before.
 */
export function escalationLowered(
  state: IdentifiedTicket,
  cause: DeescalationCause,
  reason: string,
): EscalationLowered {
  const agreement = state.escalation?.agreement;
  const undoRaise =
    cause === 'customerMissedActivity' && agreement?.severity !== undefined && state.severity === agreement.severity;
  return {
    type: 'EscalationLowered',
    data: {
      cause,
      reason,
      ...(undoRaise
        ? {
            severity: agreement.severityBefore,
            priority: priorityOf(state.customer.severityScheme, agreement.severityBefore),
          }
        : {}),
    },
  };
}

/** The severity the escalation sets: in the customer's scheme and more urgent than now. */
function raisedSeverity(state: IdentifiedTicket, severity: string): string {
  requireSeverity(state, severity);
  const scale = SEVERITY_SCALES[state.customer.severityScheme];
  if (scale.indexOf(severity) >= scale.indexOf(state.severity))
    reject(`severity ${severity} does not raise the current ${state.severity}`, { field: 'severity' });
  return severity;
}

function requireFrequency(value: unknown): UpdateFrequency {
  const frequency = value as Partial<UpdateFrequency> | undefined;
  if (typeof frequency !== 'object' || frequency === null)
    return reject('updateFrequency must say { every, unit }', { field: 'updateFrequency' });
  if (!UPDATE_FREQUENCY_UNITS.includes(frequency.unit as UpdateFrequency['unit']))
    reject(`updateFrequency.unit must be one of ${UPDATE_FREQUENCY_UNITS.join(', ')}`, {
      field: 'updateFrequency.unit',
    });
  const every = frequency.every;
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > 90)
    reject('updateFrequency.every must be a whole number from 1 to 90', { field: 'updateFrequency.every' });
  return { every: every as number, unit: frequency.unit as UpdateFrequency['unit'] };
}
