import type { Actor, TicketCommand } from './commands';
import * as assignment from './assignment-decisions';
import { comment } from './comment-decisions';
import * as customer from './customer-decisions';
import * as escalation from './escalation-decisions';
import * as staff from './staff-decisions';
import { reject, requireActorId } from './command-rules';
import type { Quartet, TicketEvent } from './events';
import type { TicketState } from './ticket-state';

/**
 * What `decide` may not compute itself (it reads no clock and no calendar): the customer-side
 * windows that would start at the decision's instant, on the customer's calendar, and the
 * customer's quartet table.
 */
export interface DecideContext {
  /** A clarification asked now: when the answer is due, and when the reminder goes out. */
  clarificationWindow: { dueAt: string; reminderAt: string };
  /** A resolution now: when the acceptance window ends. */
  acceptanceDueAt: string;
  /** An acceptance now: when the feedback window ends. */
  feedbackDueAt: string;
  /** 004: the priority the customer's quartet table gives a quartet (P1–P4). */
  quartetPriority?: (quartet: Quartet) => string | undefined;
  /**
   * The requester's subject id, when the workflow knows it (a ticket opened before the gateway
   * sealed personal data names its requester by e-mail, while customers now act by subject id).
   */
  requesterSubject?: string;
}

/**
 * Decides one command against the current state: the single event it causes, or a DomainError
 * (code COMMAND_REJECTED) saying why not. Pure and synchronous, so update validators can run it.
 */
export function decide(command: TicketCommand, actor: Actor, state: TicketState, context: DecideContext): TicketEvent {
  requireActorId(actor);
  switch (command.type) {
    case 'classify':
      return staff.classify(command, actor, state, context);
    case 'respond':
      return staff.respond(command, actor, state);
    case 'requestClarification':
      return staff.requestClarification(command, actor, state, context);
    case 'answerClarification':
      return customer.answerClarification(command, actor, state);
    case 'provideWorkaround':
      return staff.provideWorkaround(command, actor, state);
    case 'applyHotfix':
      return staff.applyHotfix(command, actor, state);
    case 'proposeFix':
      return staff.proposeFix(command, actor, state);
    case 'approveFix':
    case 'rejectFix':
      return customer.answerProposal(command, actor, state);
    case 'implementFix':
      return staff.implementFix(command, actor, state);
    case 'resolve':
      return staff.resolve(command, actor, state, context);
    case 'accept':
      return customer.accept(command, actor, state, context);
    case 'reopen':
      return customer.reopen(command, actor, state);
    case 'giveFeedback':
      return customer.giveFeedback(command, actor, state);
    case 'recordBusinessImpact':
      return staff.recordBusinessImpact(command, actor, state);
    case 'cancel':
      return customer.cancel(command, actor, state, context);
    case 'requestEscalation':
      return escalation.requestEscalation(command, actor, state);
    case 'acceptEscalation':
      return escalation.acceptEscalation(command, actor, state);
    case 'declineEscalation':
      return escalation.declineEscalation(command, actor, state);
    case 'lowerEscalation':
      return escalation.lowerEscalation(command, actor, state);
    case 'assign':
      return assignment.assign(command, actor, state);
    case 'handOver':
      return assignment.handOver(command, actor, state);
    case 'comment':
      return comment(command, actor, state);
    default: {
      const unknownCommand: never = command;
      return reject(`unknown command ${JSON.stringify((unknownCommand as { type?: unknown }).type)}`, {
        field: 'type',
      });
    }
  }
}
