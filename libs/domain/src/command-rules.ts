/** The checks every command decision is built from: each throws a DomainError saying what is wrong. */
import type { Actor, ActorRole, TicketCommand, TicketCommandType } from './commands';
import { DomainError } from './errors';
import { severityFits } from './severity';
import type { TicketIn, TicketPhase, TicketState } from './ticket-state';

/** The command of one type, as its decision receives it. */
export type Command<T extends TicketCommandType> = Extract<TicketCommand, { type: T }>;

export const ACTIVE = ['understand', 'fix', 'awaitingApproval', 'implementing', 'confirm'] as const;
/** A queued ticket (003) is not worked on yet, but it is answered, classified and may be cancelled. */
export const OPEN = ['queued', ...ACTIVE] as const;
export const WORKING = ['understand', 'fix'] as const;
/** Identified and not over: what can happen whatever the phase (assignment, comments). */
export const LIVE = [...OPEN, 'acceptance', 'feedback'] as const;
export const STAFF: readonly ActorRole[] = ['engineer', 'manager'];
export const MANAGER: readonly ActorRole[] = ['manager'];
export const CUSTOMER: readonly ActorRole[] = ['customer'];
export const ANYONE: readonly ActorRole[] = ['customer', 'engineer', 'manager'];

export const reject = (reason: string, details: Record<string, unknown> = {}): never => {
  throw new DomainError('COMMAND_REJECTED', reason, details);
};

export function requireActorId(actor: Actor): void {
  if (typeof actor?.id !== 'string' || actor.id.trim() === '') reject('actor.id is required', { field: 'actor.id' });
}

export function requireRole(actor: Actor, roles: readonly ActorRole[], command: TicketCommand): void {
  if (!roles.includes(actor.role))
    reject(`${command.type} is for ${roles.join(' or ')}, not ${actor.role}`, { field: 'actor.role' });
}

export function requirePhase<P extends TicketPhase>(
  state: TicketState,
  phases: readonly P[],
  command: TicketCommand,
): asserts state is TicketIn<P> {
  if (!(phases as readonly TicketPhase[]).includes(state.phase))
    reject(`${command.type} is not possible in phase ${state.phase} (only in ${phases.join(', ')})`, {
      phase: state.phase,
    });
}

export function requireText(value: unknown, field: string, max = 20_000): string {
  if (typeof value !== 'string' || value.trim() === '') return reject(`${field} must be a non-empty text`, { field });
  if (value.length > max) return reject(`${field} must be at most ${max} characters`, { field });
  return value;
}

/** A list of non-empty texts, at least one. */
export function requireTexts(value: unknown, field: string, max = 500): string[] {
  if (!Array.isArray(value) || value.length === 0) return reject(`${field} must list at least one entry`, { field });
  if (value.length > 50) return reject(`${field} must list at most 50 entries`, { field });
  return value.map((item, i) => requireText(item, `${field}[${i}]`, max));
}

/** Staff ids (`eve`, `dana.levi`): what events and search attributes name people on the vendor's side by. */
export function requireStaffId(value: unknown, field: string): string {
  const id = requireText(value, field, 200);
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]*$/.test(id))
    reject(`${field} must be a staff id (letters, digits, dot, dash, underscore, @)`, { field });
  return id;
}

export function requireSeverity(state: TicketState, severity: string): string {
  const scheme = state.customer?.severityScheme;
  if (!scheme || !severityFits(scheme, severity))
    reject(`severity "${severity}" is not in this customer's scheme (${scheme})`, { field: 'severity' });
  return severity;
}
