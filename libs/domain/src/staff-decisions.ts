/** What staff decide: one decision per command, who may send it, in which phases, and the one event it causes. */
import type { Actor } from './commands';
import { RESPONSIBILITIES, TICKET_TYPES } from './commands';
import {
  OPEN,
  reject,
  requirePhase,
  requireRole,
  requireSeverity,
  requireText,
  STAFF,
  WORKING,
  type Command,
} from './command-rules';
import type { DecideContext } from './decide';
import type {
  BusinessImpactRecorded,
  ClarificationRequested,
  CustomerUpdateSent,
  FirstResponseSent,
  FixImplemented,
  FixProposed,
  HotfixApplied,
  TicketClassified,
  TicketResolved,
  WorkaroundProvided,
} from './events';
import { lowerSeverity, priorityOf } from './severity';
import type { TicketState } from './ticket-state';

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

export function recordBusinessImpact(
  command: Command<'recordBusinessImpact'>,
  actor: Actor,
  state: TicketState,
): BusinessImpactRecorded {
  requireRole(actor, STAFF, command);
  requirePhase(state, OPEN, command);
  return { type: 'BusinessImpactRecorded', data: { impact: requireText(command.impact, 'impact', 5_000) } };
}
