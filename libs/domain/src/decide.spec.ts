import type { Actor } from './commands';
import { decide, type DecideContext } from './decide';
import { DomainError } from './errors';
import type { TicketEvent } from './events';
import { foldTicket } from './evolve';
import type { TicketState } from './ticket-state';

const engineer: Actor = { id: 'eve', role: 'engineer' };
const requester: Actor = { id: 'anna@example.com', role: 'customer' };
const context: DecideContext = {
  clarificationWindow: { dueAt: '2027-03-15T16:00:00.000Z', reminderAt: '2027-03-12T12:00:00.000Z' },
  acceptanceDueAt: '2027-03-19T10:00:00.000Z',
  feedbackDueAt: '2027-03-20T10:00:00.000Z',
};

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2027-000001',
    customerId: 'balasys-demo',
    requester: 'Anna@Example.com',
    title: 't',
    description: 'd',
    severity: 'S1',
    openedAt: '2027-03-11T09:00:00.000Z',
  },
};
const identified: TicketEvent = {
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

function stateAfter(...events: TicketEvent[]): TicketState {
  return foldTicket(
    [opened, identified, ...events].map((event, i) => ({ event, at: `2027-03-11T09:0${i}:00.000Z` })),
  ) as TicketState;
}

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('COMMAND_REJECTED');
    return (error as Error).message;
  }
  throw new Error('expected the command to be rejected');
}

describe('decide', () => {
  it('answers first with FirstResponseSent, later with CustomerUpdateSent', () => {
    const first = decide({ type: 'respond', message: 'On it' }, engineer, stateAfter(), context);
    expect(first).toEqual({ type: 'FirstResponseSent', data: { message: 'On it' } });
    expect(decide({ type: 'respond', message: 'Still on it' }, engineer, stateAfter(first), context).type).toBe(
      'CustomerUpdateSent',
    );
  });

  it('lowers severity one step on a workaround unless the engineer names one', () => {
    expect(decide({ type: 'provideWorkaround', description: 'w' }, engineer, stateAfter(), context)).toEqual({
      type: 'WorkaroundProvided',
      data: { description: 'w', severity: 'S2', priority: 'P2' },
    });
    expect(
      decide({ type: 'provideWorkaround', description: 'w', severity: 'S3' }, engineer, stateAfter(), context).data,
    ).toMatchObject({ severity: 'S3', priority: 'P3' });
  });

  it('puts the deadlines it was given into a clarification request', () => {
    expect(
      decide({ type: 'requestClarification', questions: ['Which node?'] }, engineer, stateAfter(), context),
    ).toEqual({
      type: 'ClarificationRequested',
      data: { questions: ['Which node?'], ...context.clarificationWindow },
    });
  });

  it('numbers proposals by their stream position and checks approvals against it', () => {
    const proposed = decide({ type: 'proposeFix', description: 'p' }, engineer, stateAfter(), context);
    expect(proposed).toEqual({ type: 'FixProposed', data: { proposalId: 3, description: 'p' } });
    const waiting = stateAfter(proposed);
    expect(rejection(() => decide({ type: 'approveFix', proposalId: 9 }, requester, waiting, context))).toMatch(
      /proposal 9 is not the one awaiting approval/,
    );
    expect(decide({ type: 'approveFix', proposalId: 3 }, requester, waiting, context)).toEqual({
      type: 'FixApproved',
      data: { proposalId: 3 },
    });
  });

  it('lets a workaround stand as the final solution, otherwise resolves only from confirm', () => {
    expect(
      rejection(() =>
        decide({ type: 'resolve', solution: 's', measures: 'm', prevention: 'p' }, engineer, stateAfter(), context),
      ),
    ).toMatch(/not possible in phase understand/);
    const afterWorkaround = stateAfter({
      type: 'WorkaroundProvided',
      data: { description: 'w', severity: 'S2', priority: 'P2' },
    });
    expect(
      decide({ type: 'resolve', solution: 's', measures: 'm', prevention: 'p' }, engineer, afterWorkaround, context),
    ).toMatchObject({
      type: 'TicketResolved',
      data: { resolution: 'fixed', acceptanceDueAt: context.acceptanceDueAt },
    });
  });

  it('reopens a ticket resolved for no response when the customer answers late', () => {
    const resolved = stateAfter({
      type: 'TicketResolved',
      data: {
        resolution: 'noCustomerResponse',
        solution: 's',
        measures: 'm',
        prevention: 'p',
        acceptanceDueAt: context.acceptanceDueAt,
      },
    });
    expect(decide({ type: 'answerClarification', answer: 'here' }, requester, resolved, context)).toEqual({
      type: 'TicketReopened',
      data: { reason: 'the customer answered the clarification: here' },
    });
  });

  it.each([
    [{ type: 'applyHotfix', description: 'x' }, requester, /applyHotfix is for engineer or manager, not customer/],
    [{ type: 'accept' }, requester, /accept is not possible in phase understand/],
    [{ type: 'respond', message: '  ' }, engineer, /message must be a non-empty text/],
    [{ type: 'respond', message: 'x', eta: 'soon' }, engineer, /eta must be an ISO-8601 instant/],
    [{ type: 'classify', severity: 'critical', reason: 'r' }, engineer, /not in this customer's scheme/],
    [{ type: 'cancel', reason: 'r' }, { id: 'peter@example.com', role: 'customer' }, /only the requester may cancel/],
    [{ type: 'giveFeedback', score: 6 }, requester, /not possible in phase understand/],
    [{ type: 'teleport' }, engineer, /unknown command "teleport"/],
  ] as const)('rejects %j by %j', (command, actor, reason) => {
    expect(rejection(() => decide(command as never, actor as Actor, stateAfter(), context))).toMatch(reason);
  });

  it('records the business impact an engineer asked for (000, S1)', () => {
    expect(
      decide(
        { type: 'recordBusinessImpact', impact: 'All 40 branches cannot take payments.' },
        engineer,
        stateAfter(),
        context,
      ),
    ).toEqual({
      type: 'BusinessImpactRecorded',
      data: { impact: 'All 40 branches cannot take payments.' },
    });
    expect(
      rejection(() => decide({ type: 'recordBusinessImpact', impact: 'x' }, requester, stateAfter(), context)),
    ).toMatch(/is for engineer or manager/);
  });

  it('lets the requester cancel whatever the e-mail case', () => {
    expect(decide({ type: 'cancel', reason: 'solved' }, requester, stateAfter(), context)).toEqual({
      type: 'TicketCancelled',
      data: { reason: 'solved' },
    });
  });

  it('puts the end of the feedback window it was given into an acceptance', () => {
    const resolved = stateAfter(
      { type: 'HotfixApplied', data: { description: 'h' } },
      {
        type: 'TicketResolved',
        data: {
          resolution: 'fixed',
          solution: 's',
          measures: 'm',
          prevention: 'p',
          acceptanceDueAt: '2027-03-19T10:00:00.000Z',
        },
      },
    );
    expect(decide({ type: 'accept' }, requester, resolved, context)).toEqual({
      type: 'ResolutionAccepted',
      data: { by: 'customer', feedbackDueAt: context.feedbackDueAt },
    });
  });

  it('checks feedback scores once the ticket asks for feedback', () => {
    const feedback = stateAfter(
      { type: 'HotfixApplied', data: { description: 'h' } },
      {
        type: 'TicketResolved',
        data: {
          resolution: 'fixed',
          solution: 's',
          measures: 'm',
          prevention: 'p',
          acceptanceDueAt: context.acceptanceDueAt,
        },
      },
      { type: 'ResolutionAccepted', data: { by: 'customer', feedbackDueAt: '2027-03-26T10:00:00.000Z' } },
    );
    expect(rejection(() => decide({ type: 'giveFeedback', score: 0 }, requester, feedback, context))).toMatch(
      /score must be a whole number from 1 to 5/,
    );
    expect(decide({ type: 'giveFeedback', score: 4, comment: 'ok' }, requester, feedback, context)).toEqual({
      type: 'FeedbackGiven',
      data: { score: 4, comment: 'ok' },
    });
  });
});
