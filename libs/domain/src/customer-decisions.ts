/** What customers decide (and cancelling, which staff may do too): who may send it, in which phases, the one event. */
import type { Actor } from './commands';
import { CUSTOMER, OPEN, reject, requirePhase, requireRole, requireText, type Command } from './command-rules';
import type { DecideContext } from './decide';
import type {
  ClarificationAnswered,
  FeedbackGiven,
  FixApproved,
  FixRejected,
  ResolutionAccepted,
  TicketCancelled,
  TicketReopened,
} from './events';
import { subjectOfReference } from './personal-reference';
import type { TicketState } from './ticket-state';

/** The customer's answer; after a resolution for no response (000) a late answer reopens the ticket. */
export function answerClarification(
  command: Command<'answerClarification'>,
  actor: Actor,
  state: TicketState,
): ClarificationAnswered | TicketReopened {
  requireRole(actor, CUSTOMER, command);
  const answer = requireText(command.answer, 'answer');
  if (state.phase === 'acceptance' && state.resolution.kind === 'noCustomerResponse') {
    return { type: 'TicketReopened', data: { reason: `the customer answered the clarification: ${answer}` } };
  }
  if (!state.clarification) reject('no clarification is waiting for an answer');
  return { type: 'ClarificationAnswered', data: { answer } };
}

export function answerProposal(
  command: Command<'approveFix' | 'rejectFix'>,
  actor: Actor,
  state: TicketState,
): FixApproved | FixRejected {
  requireRole(actor, CUSTOMER, command);
  requirePhase(state, ['awaitingApproval'], command);
  if (command.proposalId !== state.proposal.id)
    reject(`proposal ${command.proposalId} is not the one awaiting approval (${state.proposal.id})`, {
      field: 'proposalId',
    });
  if (command.type === 'approveFix') return { type: 'FixApproved', data: { proposalId: command.proposalId } };
  return {
    type: 'FixRejected',
    data: { proposalId: command.proposalId, reason: requireText(command.reason, 'reason', 2_000) },
  };
}

export function accept(
  command: Command<'accept'>,
  actor: Actor,
  state: TicketState,
  context: DecideContext,
): ResolutionAccepted {
  requireRole(actor, CUSTOMER, command);
  requirePhase(state, ['acceptance'], command);
  return { type: 'ResolutionAccepted', data: { by: 'customer', feedbackDueAt: context.feedbackDueAt } };
}

export function reopen(command: Command<'reopen'>, actor: Actor, state: TicketState): TicketReopened {
  requireRole(actor, CUSTOMER, command);
  requirePhase(state, ['acceptance'], command);
  return { type: 'TicketReopened', data: { reason: requireText(command.reason, 'reason', 2_000) } };
}

export function giveFeedback(command: Command<'giveFeedback'>, actor: Actor, state: TicketState): FeedbackGiven {
  requireRole(actor, CUSTOMER, command);
  requirePhase(state, ['feedback'], command);
  if (state.feedback) reject('feedback was already given');
  if (command.score !== undefined && !(Number.isInteger(command.score) && command.score >= 1 && command.score <= 5))
    reject('score must be a whole number from 1 to 5', { field: 'score' });
  if (command.comment !== undefined) requireText(command.comment, 'comment', 5_000);
  return {
    type: 'FeedbackGiven',
    data: {
      ...(command.score !== undefined ? { score: command.score } : {}),
      ...(command.comment ? { comment: command.comment } : {}),
    },
  };
}

export function cancel(
  command: Command<'cancel'>,
  actor: Actor,
  state: TicketState,
  context: Pick<DecideContext, 'requesterSubject'> = {},
): TicketCancelled {
  requireRole(actor, ['customer', 'engineer', 'manager'], command);
  requirePhase(state, ['identify', ...OPEN], command);
  if (actor.role === 'customer' && !isRequester(actor, state, context.requesterSubject))
    reject('only the requester may cancel the ticket', { field: 'actor.id' });
  return { type: 'TicketCancelled', data: { reason: requireText(command.reason, 'reason', 2_000) } };
}

/**
 * The same person: by e-mail (tickets opened before personal data was sealed out of Temporal), or
 * by subject id, which a sealed requester reference names (nothing here reads the e-mail itself).
 */
function isRequester(actor: Actor, state: TicketState, requesterSubject?: string): boolean {
  if (actor.id.toLowerCase() === state.requester.toLowerCase()) return true;
  const subject = requesterSubject ?? subjectOfReference(state.requester);
  return subject !== undefined && actor.id === subject;
}
