import type { TicketCommandType } from '@caseflow/domain';
import type { Role } from '@caseflow/identity';

/**
 * Who may do what, by role alone: the decision the gateway takes before any workflow call
 * (docs/access.md is this table, walked over HTTP by test/e2e/access-matrix.e2e-spec.ts).
 * Which customer's data a caller may see is the other half (scope: ticket-access.ts).
 */
export type Action =
  | 'ticket.open'
  | 'ticket.read'
  | 'ticket.audit'
  | 'ticket.command'
  | 'customer.list'
  | 'customer.read'
  | 'customer.authorizedPerson'
  | 'customer.manage'
  | 'queue.read'
  | 'queue.prioritize';

const STAFF_WRITERS: readonly Role[] = ['engineer', 'manager'];
const EVERYONE: readonly Role[] = ['customer', 'engineer', 'manager', 'supervisor', 'auditor', 'service'];
/** Who reads the audit trail as stored (hashes, sealed personal data): as for the codec server. */
const OVERSIGHT: readonly Role[] = ['manager', 'supervisor', 'auditor'];

export const ACCESS: Record<Action, readonly Role[]> = {
  'ticket.open': ['customer', ...STAFF_WRITERS],
  'ticket.read': EVERYONE,
  'ticket.audit': OVERSIGHT,
  // Decided per command type below.
  'ticket.command': ['customer', ...STAFF_WRITERS],
  'customer.list': EVERYONE,
  'customer.read': EVERYONE,
  'customer.authorizedPerson': ['manager'],
  // Create customers, change their records, add policy and calendar versions.
  'customer.manage': ['manager'],
  'queue.read': EVERYONE,
  'queue.prioritize': STAFF_WRITERS,
};

const CUSTOMER: readonly Role[] = ['customer'];
const MANAGER: readonly Role[] = ['manager'];

/**
 * Each command's roles, as libs/domain's `decide` checks them (access-policy.spec.ts holds the
 * two together, so the gateway refuses with 403 exactly what the ticket would refuse by role).
 */
export const COMMAND_ROLES: Record<TicketCommandType, readonly Role[]> = {
  classify: STAFF_WRITERS,
  respond: STAFF_WRITERS,
  requestClarification: STAFF_WRITERS,
  answerClarification: CUSTOMER,
  provideWorkaround: STAFF_WRITERS,
  applyHotfix: STAFF_WRITERS,
  proposeFix: STAFF_WRITERS,
  approveFix: CUSTOMER,
  rejectFix: CUSTOMER,
  implementFix: STAFF_WRITERS,
  resolve: STAFF_WRITERS,
  accept: CUSTOMER,
  reopen: CUSTOMER,
  giveFeedback: CUSTOMER,
  recordBusinessImpact: STAFF_WRITERS,
  cancel: ['customer', ...STAFF_WRITERS],
  requestEscalation: CUSTOMER,
  acceptEscalation: MANAGER,
  declineEscalation: MANAGER,
  lowerEscalation: MANAGER,
  assign: STAFF_WRITERS,
  handOver: STAFF_WRITERS,
  comment: ['customer', ...STAFF_WRITERS],
};

/** Actions that change something: a service must name the person it acts for. */
export const WRITES: ReadonlySet<Action> = new Set([
  'ticket.open',
  'ticket.command',
  'customer.authorizedPerson',
  'customer.manage',
  'queue.prioritize',
]);

export function isAllowed(role: Role, action: Action, commandType?: string): boolean {
  if (!ACCESS[action].includes(role)) return false;
  if (action !== 'ticket.command' || commandType === undefined) return true;
  // An unknown type is left to the DTO's validation (400 naming the field).
  const roles = COMMAND_ROLES[commandType as TicketCommandType] as readonly Role[] | undefined;
  return roles === undefined || roles.includes(role);
}
