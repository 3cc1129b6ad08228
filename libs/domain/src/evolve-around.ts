/**
 * The fold of what can happen whatever the phase: escalation, assignment and tiers, comments,
 * the update duty. The phase never changes here.
 */
import type {
  CommentAdded,
  EscalationAccepted,
  EscalationDeclined,
  EscalationLowered,
  EscalationRequested,
  TicketAssigned,
  TicketHandedOver,
  UpdateOverdue,
  UpdateReminderSent,
} from './events';
import type { Escalation, IdentifiedTicket, TicketState, UpdateDuty } from './ticket-state';

export type AroundEvent =
  | EscalationRequested
  | EscalationAccepted
  | EscalationDeclined
  | EscalationLowered
  | TicketAssigned
  | TicketHandedOver
  | CommentAdded
  | UpdateReminderSent
  | UpdateOverdue;

export function evolveAround(next: IdentifiedTicket, event: AroundEvent, at: string): TicketState {
  const escalation: Escalation = next.escalation ?? { level: 0 };
  switch (event.type) {
    case 'EscalationRequested':
      return { ...next, escalation: { ...escalation, pending: { reason: event.data.reason, at } } };
    case 'EscalationAccepted': {
      const { level, severity, priority, specialist, actionPlan, channels, updateFrequency, participants } = event.data;
      const agreement = {
        at,
        severityBefore: escalation.agreement?.severityBefore ?? next.severity,
        ...(severity ? { severity } : {}),
        ...(specialist ? { specialist } : {}),
        actionPlan,
        channels,
        updateFrequency,
        participants,
      };
      return {
        ...next,
        ...(severity && priority ? { severity, priority } : {}),
        ...(specialist ? { assignee: specialist, assignedAt: at } : {}),
        escalation: { level, agreement },
      };
    }
    case 'EscalationDeclined':
      return { ...next, escalation: { level: escalation.level, ...kept(escalation), declined: { ...event.data, at } } };
    case 'EscalationLowered': {
      const { cause, reason, severity, priority } = event.data;
      return {
        ...next,
        ...(severity && priority ? { severity, priority } : {}),
        escalation: { level: 0, lowered: { cause, reason, at } },
      };
    }
    case 'TicketAssigned':
      return { ...next, assignee: event.data.assignee, assignedAt: at };
    case 'TicketHandedOver':
      return { ...next, tier: event.data.to, assignee: event.data.assignee, assignedAt: at };
    case 'CommentAdded':
      return event.data.visibility === 'public' ? { ...next, comments: (next.comments ?? 0) + 1 } : next;
    case 'UpdateReminderSent':
      return { ...next, updateDuty: { ...dutyOf(next, event.data), reminded: true } };
    case 'UpdateOverdue':
      return { ...next, updateDuty: { ...dutyOf(next, event.data), overdue: true } };
  }
}

/** A declined request leaves an escalation in force as it was. */
const kept = ({ agreement }: Escalation): Pick<Escalation, 'agreement'> => (agreement ? { agreement } : {});

/** The duty of the cycle an event names: the one recorded so far, or a fresh one. */
function dutyOf(state: TicketState, { cycleStartedAt, dueAt }: { cycleStartedAt: string; dueAt: string }): UpdateDuty {
  const current = state.updateDuty;
  return current && current.cycleStartedAt === cycleStartedAt
    ? { ...current, dueAt }
    : { cycleStartedAt, dueAt, reminded: false, overdue: false };
}
