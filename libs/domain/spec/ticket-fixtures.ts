/** A ticket to decide commands against, built through the public API only (specs of libs/domain). */
import { DomainError, foldTicket, type DecideContext, type TicketEvent, type TicketState } from '@caseflow/domain';

export const REQUESTER = 'anna@example.com';

export const context: DecideContext = {
  clarificationWindow: { dueAt: '2027-03-15T16:00:00.000Z', reminderAt: '2027-03-12T12:00:00.000Z' },
  acceptanceDueAt: '2027-03-19T10:00:00.000Z',
  feedbackDueAt: '2027-03-26T10:00:00.000Z',
};

export const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2027-000042',
    customerId: 'balasys-demo',
    requester: REQUESTER,
    title: 't',
    description: 'd',
    severity: 'S1',
    openedAt: '2027-03-11T09:00:00.000Z',
  },
};
export const identified: TicketEvent = {
  type: 'CustomerIdentified',
  data: {
    customerName: 'Balasys demo',
    contractId: 'C1',
    plan: 'PrivilegeSU',
    presetId: '000-balasys',
    policy: { id: 'balasys', version: 1 },
    calendarId: 'balasys-budapest',
    severityScheme: 'S1-S3',
    priority: 'P1',
    clarificationOutcome: 'keepWaiting',
  },
};
export const clarificationAsked: TicketEvent = {
  type: 'ClarificationRequested',
  data: { questions: ['Which node?'], ...context.clarificationWindow },
};
export const proposed: TicketEvent = { type: 'FixProposed', data: { proposalId: 3, description: 'p' } };
export const approved: TicketEvent = { type: 'FixApproved', data: { proposalId: 3 } };
export const hotfixed: TicketEvent = { type: 'HotfixApplied', data: { description: 'h' } };
export const workaround: TicketEvent = {
  type: 'WorkaroundProvided',
  data: { description: 'w', severity: 'S2', priority: 'P2' },
};
export const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: {
    resolution: 'fixed',
    solution: 's',
    measures: 'm',
    prevention: 'p',
    acceptanceDueAt: context.acceptanceDueAt,
  },
};
export const accepted: TicketEvent = {
  type: 'ResolutionAccepted',
  data: { by: 'customer', feedbackDueAt: '2027-03-26T10:00:00.000Z' },
};

/** The state after `first` (default: opened and identified) and then `events`, a minute apart. */
export function stateAfter(...events: TicketEvent[]): TicketState {
  return stateOf([opened, identified, ...events]);
}

export function stateOf(events: TicketEvent[]): TicketState {
  const dated = events.map((event, i) => ({
    event,
    at: new Date(Date.parse('2027-03-11T09:00:00.000Z') + i * 60_000).toISOString(),
  }));
  return foldTicket(dated) as TicketState;
}

/** The DomainError `run` throws (fails the test when it throws nothing or something else). */
export function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the command to be refused');
}
