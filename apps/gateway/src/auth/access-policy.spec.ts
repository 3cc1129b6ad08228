import { decide, DomainError, foldTicket, type Actor, type TicketCommand, type TicketEvent } from '@caseflow/domain';
import { ROLES } from '@caseflow/identity';
import { ACCESS, COMMAND_ROLES, isAllowed, WRITES } from './access-policy';

const state = foldTicket([
  {
    event: {
      type: 'TicketOpened',
      data: {
        number: 'CF-2027-000001',
        customerId: 'balasys-demo',
        requester: 'anna@example.com',
        title: 't',
        description: 'd',
        severity: 'S1',
        openedAt: '2027-03-11T09:00:00.000Z',
      },
    } as TicketEvent,
    at: '2027-03-11T09:00:00.000Z',
  },
])!;
const context = {
  clarificationWindow: { dueAt: '2027-03-15T16:00:00.000Z', reminderAt: '2027-03-12T12:00:00.000Z' },
  acceptanceDueAt: '2027-03-19T10:00:00.000Z',
  feedbackDueAt: '2027-03-26T10:00:00.000Z',
};

/** Whether libs/domain's decide refuses this role for this command (before phase or content). */
function decideRefusesRole(type: string, role: Actor['role']): boolean {
  try {
    decide({ type } as TicketCommand, { id: 'anna@example.com', role }, state, context);
    return false;
  } catch (error) {
    return error instanceof DomainError && error.details.field === 'actor.role';
  }
}

describe('the access policy', () => {
  it.each(Object.keys(COMMAND_ROLES))('%s: the gateway allows exactly the roles decide allows', (type) => {
    for (const role of ['customer', 'engineer', 'manager'] as const)
      expect({ role, allowed: isAllowed(role, 'ticket.command', type) }).toEqual({
        role,
        allowed: !decideRefusesRole(type, role),
      });
  });

  it('lets supervisors and auditors read and change nothing', () => {
    for (const role of ['supervisor', 'auditor'] as const)
      for (const action of Object.keys(ACCESS) as Array<keyof typeof ACCESS>)
        expect({ role, action, allowed: isAllowed(role, action) }).toEqual({
          role,
          action,
          allowed: !WRITES.has(action),
        });
  });

  it('names only known roles', () => {
    for (const roles of [...Object.values(ACCESS), ...Object.values(COMMAND_ROLES)])
      for (const role of roles) expect(ROLES).toContain(role);
  });

  it('leaves an unknown command type to validation (400), not to the policy', () => {
    expect(isAllowed('engineer', 'ticket.command', 'teleport')).toBe(true);
  });
});
