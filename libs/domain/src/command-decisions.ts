/** One decision per command: who may send it, in which phases, and the one event it causes. */
import type { Actor, TicketCommand, TicketCommandType } from './commands';
import { RESPONSIBILITIES, TICKET_TYPES } from './commands';
import {
  CUSTOMER,
  OPEN,
  reject,
  requirePhase,
  requireRole,
  requireSeverity,
  requireText,
  STAFF,
  WORKING,
} from './command-rules';
import type { DecideContext } from './decide';
import type {
  BusinessImpactRecorded,
  ClarificationAnswered,
  ClarificationRequested,
  CustomerUpdateSent,
  FeedbackGiven,
  FirstResponseSent,
  FixApproved,
  FixImplemented,
  FixProposed,
  FixRejected,
  HotfixApplied,
  ResolutionAccepted,
  TicketCancelled,
  TicketClassified,
  TicketReopened,
  TicketResolved,
  WorkaroundProvided,
} from './events';
import { lowerSeverity, priorityOf } from './severity';
import type { TicketState } from './ticket-state';

type Command<T extends TicketCommandType> = Extract<TicketCommand, { type: T }>;

export function classify(
  command: Command<'classify'>,
  actor: Actor,
  state: TicketState,
  context: DecideContext,
): TicketClassified {
  requireRole(actor, STAFF, command);
  requirePhase(state, OPEN, command);
  requireText(command.reason, 'reason', 2_000);
  if (command.ticketType && !TICKET_TYPES.includes(command.ticketType))
    reject(`ticketType must be one of ${TICKET_TYPES.join(', ')}`, { field: 'ticketType' });
  if (command.responsibility && !RESPONSIBILITIES.includes(command.responsibility))
    reject(`responsibility must be one of ${RESPONSIBILITIES.join(', ')}`, { field: 'responsibility' });
  const scheme = state.customer.severityScheme;
  const quartet = state.quartet && {
    ...state.quartet,
    ...(command.quartetImpact ? { impact: command.quartetImpact } : {}),
  };
  // With a quartet the table decides; the engineer's fourth field can change the priority.
  const fromQuartet = scheme === 'quartet' && quartet ? context.quartetPriority?.(quartet) : undefined;
  const severity =
    command.severity !== undefined ? requireSeverity(state, command.severity) : (fromQuartet ?? state.severity);
  return {
    type: 'TicketClassified',
    data: {
      severity,
      priority: priorityOf(scheme, severity),
      ticketType: command.ticketType ?? state.ticketType,
      responsibility: command.responsibility ?? state.responsibility,
      ...(quartet ? { quartet } : {}),
      reason: command.reason,
    },
  };
}

export function respond(
  command: Command<'respond'>,
  actor: Actor,
  state: TicketState,
): FirstResponseSent | CustomerUpdateSent {
  requireRole(actor, STAFF, command);
  requirePhase(state, OPEN, command);
  const message = requireText(command.message, 'message');
  if (command.eta !== undefined && Number.isNaN(Date.parse(command.eta)))
    reject('eta must be an ISO-8601 instant', { field: 'eta' });
  const data = { message, ...(command.eta ? { eta: command.eta } : {}) };
  return state.firstResponseAt ? { type: 'CustomerUpdateSent', data } : { type: 'FirstResponseSent', data };
}

export function requestClarification(
  command: Command<'requestClarification'>,
  actor: Actor,
  state: TicketState,
  context: DecideContext,
): ClarificationRequested {
  requireRole(actor, STAFF, command);
  requirePhase(state, WORKING, command);
  if (state.clarification) reject('a clarification is already waiting for the customer');
  if (!Array.isArray(command.questions) || command.questions.length === 0)
    reject('questions must list at least one question', { field: 'questions' });
  command.questions.forEach((q, i) => requireText(q, `questions[${i}]`, 2_000));
  return { type: 'ClarificationRequested', data: { questions: command.questions, ...context.clarificationWindow } };
}

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

export function provideWorkaround(
  command: Command<'provideWorkaround'>,
  actor: Actor,
  state: TicketState,
): WorkaroundProvided {
  requireRole(actor, STAFF, command);
  requirePhase(state, WORKING, command);
  const description = requireText(command.description, 'description');
  const scheme = state.customer.severityScheme;
  const severity =
    command.severity === undefined ? lowerSeverity(scheme, state.severity) : requireSeverity(state, command.severity);
  return { type: 'WorkaroundProvided', data: { description, severity, priority: priorityOf(scheme, severity) } };
}

export function applyHotfix(command: Command<'applyHotfix'>, actor: Actor, state: TicketState): HotfixApplied {
  requireRole(actor, STAFF, command);
  requirePhase(state, WORKING, command);
  return { type: 'HotfixApplied', data: { description: requireText(command.description, 'description') } };
}

export function proposeFix(command: Command<'proposeFix'>, actor: Actor, state: TicketState): FixProposed {
  requireRole(actor, STAFF, command);
  requirePhase(state, WORKING, command);
  return {
    type: 'FixProposed',
    data: { proposalId: state.version + 1, description: requireText(command.description, 'description') },
  };
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

export function implementFix(command: Command<'implementFix'>, actor: Actor, state: TicketState): FixImplemented {
  requireRole(actor, STAFF, command);
  requirePhase(state, ['implementing'], command);
  return { type: 'FixImplemented', data: { proposalId: state.proposal.id, note: requireText(command.note, 'note') } };
}

/** From confirm; or from the fix loop when a workaround stands as the final solution. */
export function resolve(
  command: Command<'resolve'>,
  actor: Actor,
  state: TicketState,
  context: DecideContext,
): TicketResolved {
  requireRole(actor, STAFF, command);
  const finalWorkaround = state.phase === 'fix' && state.workaround !== undefined;
  if (!finalWorkaround) requirePhase(state, ['confirm'], command);
  return {
    type: 'TicketResolved',
    data: {
      resolution: 'fixed',
      solution: requireText(command.solution, 'solution'),
      measures: requireText(command.measures, 'measures'),
      prevention: requireText(command.prevention, 'prevention'),
      acceptanceDueAt: context.acceptanceDueAt,
    },
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

export function recordBusinessImpact(
  command: Command<'recordBusinessImpact'>,
  actor: Actor,
  state: TicketState,
): BusinessImpactRecorded {
  requireRole(actor, STAFF, command);
  requirePhase(state, OPEN, command);
  return { type: 'BusinessImpactRecorded', data: { impact: requireText(command.impact, 'impact', 5_000) } };
}

export function cancel(command: Command<'cancel'>, actor: Actor, state: TicketState): TicketCancelled {
  requireRole(actor, ['customer', 'engineer', 'manager'], command);
  requirePhase(state, ['identify', ...OPEN], command);
  if (actor.role === 'customer' && actor.id.toLowerCase() !== state.requester.toLowerCase())
    reject('only the requester may cancel the ticket', { field: 'actor.id' });
  return { type: 'TicketCancelled', data: { reason: requireText(command.reason, 'reason', 2_000) } };
}
