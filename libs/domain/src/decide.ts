import type { Actor, ActorRole, TicketCommand } from './commands';
import { RESPONSIBILITIES, TICKET_TYPES } from './commands';
import { DomainError } from './errors';
import type { Quartet, TicketEvent } from './events';
import { lowerSeverity, priorityOf, severityFits } from './severity';
import type { TicketPhase, TicketState } from './ticket-state';

/** Instants the caller computed on the customer's calendar for "now" (decide itself reads no clock). */
export interface DecideContext {
  clarificationWindow: { dueAt: string; reminderAt: string };
  acceptanceDueAt: string;
  /** 004: the priority the customer's quartet table gives a quartet (P1–P4). */
  quartetPriority?: (quartet: Quartet) => string | undefined;
}

const ACTIVE: readonly TicketPhase[] = ['understand', 'fix', 'awaitingApproval', 'implementing', 'confirm'];
/** A queued ticket (003) is not worked on yet, but it is answered, classified and may be cancelled. */
const OPEN: readonly TicketPhase[] = ['queued', ...ACTIVE];
const WORKING: readonly TicketPhase[] = ['understand', 'fix'];
const STAFF: readonly ActorRole[] = ['engineer', 'manager'];
const CUSTOMER: readonly ActorRole[] = ['customer'];

const reject = (reason: string, details: Record<string, unknown> = {}): never => {
  throw new DomainError('COMMAND_REJECTED', reason, details);
};

function requireRole(actor: Actor, roles: readonly ActorRole[], command: TicketCommand): void {
  if (!roles.includes(actor.role))
    reject(`${command.type} is for ${roles.join(' or ')}, not ${actor.role}`, { field: 'actor.role' });
}

function requirePhase(state: TicketState, phases: readonly TicketPhase[], command: TicketCommand): void {
  if (!phases.includes(state.phase))
    reject(`${command.type} is not possible in phase ${state.phase} (only in ${phases.join(', ')})`, {
      phase: state.phase,
    });
}

function requireText(value: unknown, field: string, max = 20_000): string {
  if (typeof value !== 'string' || value.trim() === '') return reject(`${field} must be a non-empty text`, { field });
  if (value.length > max) return reject(`${field} must be at most ${max} characters`, { field });
  return value;
}

function requireSeverity(state: TicketState, severity: string): string {
  const scheme = state.customer?.severityScheme;
  if (!scheme || !severityFits(scheme, severity))
    reject(`severity "${severity}" is not in this customer's scheme (${scheme})`, { field: 'severity' });
  return severity;
}

/**
 * Decides one command against the current state: the single event it causes, or a DomainError
 * (code COMMAND_REJECTED) saying why not. Pure and synchronous, so update validators can run it.
 */
export function decide(command: TicketCommand, actor: Actor, state: TicketState, context: DecideContext): TicketEvent {
  if (typeof actor?.id !== 'string' || actor.id.trim() === '') reject('actor.id is required', { field: 'actor.id' });
  switch (command.type) {
    case 'classify': {
      requireRole(actor, STAFF, command);
      requirePhase(state, OPEN, command);
      requireText(command.reason, 'reason', 2_000);
      if (command.ticketType && !TICKET_TYPES.includes(command.ticketType))
        reject(`ticketType must be one of ${TICKET_TYPES.join(', ')}`, { field: 'ticketType' });
      if (command.responsibility && !RESPONSIBILITIES.includes(command.responsibility))
        reject(`responsibility must be one of ${RESPONSIBILITIES.join(', ')}`, { field: 'responsibility' });
      const scheme = state.customer!.severityScheme;
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
    case 'respond': {
      requireRole(actor, STAFF, command);
      requirePhase(state, OPEN, command);
      const message = requireText(command.message, 'message');
      if (command.eta !== undefined && Number.isNaN(Date.parse(command.eta)))
        reject('eta must be an ISO-8601 instant', { field: 'eta' });
      const data = { message, ...(command.eta ? { eta: command.eta } : {}) };
      return state.firstResponseAt ? { type: 'CustomerUpdateSent', data } : { type: 'FirstResponseSent', data };
    }
    case 'requestClarification': {
      requireRole(actor, STAFF, command);
      requirePhase(state, WORKING, command);
      if (state.clarification) reject('a clarification is already waiting for the customer');
      if (!Array.isArray(command.questions) || command.questions.length === 0)
        reject('questions must list at least one question', { field: 'questions' });
      command.questions.forEach((q, i) => requireText(q, `questions[${i}]`, 2_000));
      return { type: 'ClarificationRequested', data: { questions: command.questions, ...context.clarificationWindow } };
    }
    case 'answerClarification': {
      requireRole(actor, CUSTOMER, command);
      const answer = requireText(command.answer, 'answer');
      if (state.phase === 'acceptance' && state.resolution?.kind === 'noCustomerResponse') {
        return { type: 'TicketReopened', data: { reason: `the customer answered the clarification: ${answer}` } };
      }
      if (!state.clarification) reject('no clarification is waiting for an answer');
      return { type: 'ClarificationAnswered', data: { answer } };
    }
    case 'provideWorkaround': {
      requireRole(actor, STAFF, command);
      requirePhase(state, WORKING, command);
      const description = requireText(command.description, 'description');
      const scheme = state.customer!.severityScheme;
      const severity =
        command.severity === undefined
          ? lowerSeverity(scheme, state.severity)
          : requireSeverity(state, command.severity);
      return { type: 'WorkaroundProvided', data: { description, severity, priority: priorityOf(scheme, severity) } };
    }
    case 'applyHotfix':
      requireRole(actor, STAFF, command);
      requirePhase(state, WORKING, command);
      return { type: 'HotfixApplied', data: { description: requireText(command.description, 'description') } };
    case 'proposeFix':
      requireRole(actor, STAFF, command);
      requirePhase(state, WORKING, command);
      return {
        type: 'FixProposed',
        data: { proposalId: state.version + 1, description: requireText(command.description, 'description') },
      };
    case 'approveFix':
    case 'rejectFix': {
      requireRole(actor, CUSTOMER, command);
      requirePhase(state, ['awaitingApproval'], command);
      if (command.proposalId !== state.proposal?.id)
        reject(`proposal ${command.proposalId} is not the one awaiting approval (${state.proposal?.id})`, {
          field: 'proposalId',
        });
      if (command.type === 'approveFix') return { type: 'FixApproved', data: { proposalId: command.proposalId } };
      return {
        type: 'FixRejected',
        data: { proposalId: command.proposalId, reason: requireText(command.reason, 'reason', 2_000) },
      };
    }
    case 'implementFix':
      requireRole(actor, STAFF, command);
      requirePhase(state, ['implementing'], command);
      return {
        type: 'FixImplemented',
        data: { proposalId: state.proposal!.id, note: requireText(command.note, 'note') },
      };
    case 'resolve': {
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
    case 'accept':
      requireRole(actor, CUSTOMER, command);
      requirePhase(state, ['acceptance'], command);
      return { type: 'ResolutionAccepted', data: { by: 'customer', feedbackDueAt: context.acceptanceDueAt } };
    case 'reopen':
      requireRole(actor, CUSTOMER, command);
      requirePhase(state, ['acceptance'], command);
      return { type: 'TicketReopened', data: { reason: requireText(command.reason, 'reason', 2_000) } };
    case 'giveFeedback': {
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
    case 'recordBusinessImpact':
      requireRole(actor, STAFF, command);
      requirePhase(state, OPEN, command);
      return { type: 'BusinessImpactRecorded', data: { impact: requireText(command.impact, 'impact', 5_000) } };
    case 'cancel': {
      requireRole(actor, ['customer', 'engineer', 'manager'], command);
      requirePhase(state, ['identify', ...OPEN], command);
      if (actor.role === 'customer' && actor.id.toLowerCase() !== state.requester.toLowerCase())
        reject('only the requester may cancel the ticket', { field: 'actor.id' });
      return { type: 'TicketCancelled', data: { reason: requireText(command.reason, 'reason', 2_000) } };
    }
    default: {
      const unknownCommand: never = command;
      return reject(`unknown command ${JSON.stringify((unknownCommand as { type?: unknown }).type)}`, {
        field: 'type',
      });
    }
  }
}
