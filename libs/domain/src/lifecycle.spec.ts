import type { CustomerWindows } from './customer-deadlines';
import type { CustomerIdentified, TicketEvent } from './events';
import { foldTicket } from './evolve';
import { followUps } from './follow-ups';
import { dueEvent, nextWakeUp, type DueContext } from './lifecycle';
import type { TicketState } from './ticket-state';

const OPENED_AT = '2027-03-11T09:00:00.000Z';
const ASKED = { dueAt: '2027-03-15T16:00:00.000Z', reminderAt: '2027-03-12T12:00:00.000Z' };
const ACCEPTANCE_DUE = '2027-03-19T10:00:00.000Z';
const FEEDBACK_DUE = '2027-03-26T10:00:00.000Z';

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2027-000001',
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
    title: 't',
    description: 'd',
    severity: 'S1',
    openedAt: OPENED_AT,
  },
};
const identifiedData: CustomerIdentified['data'] = {
  customerName: 'Balasys demo',
  contractId: 'C1',
  presetId: '000-balasys',
  policy: { id: 'balasys', version: 1 },
  calendarId: 'balasys-budapest',
  severityScheme: 'S1-S3',
  priority: 'P1',
  clarificationOutcome: 'resolveNoResponse',
};
const identified = (data: Partial<CustomerIdentified['data']> = {}): TicketEvent => ({
  type: 'CustomerIdentified',
  data: { ...identifiedData, ...data },
});
const asked: TicketEvent = { type: 'ClarificationRequested', data: { questions: ['Which node?'], ...ASKED } };
const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: { resolution: 'fixed', solution: 's', measures: 'm', prevention: 'p', acceptanceDueAt: ACCEPTANCE_DUE },
};
const accepted: TicketEvent = { type: 'ResolutionAccepted', data: { by: 'customer', feedbackDueAt: FEEDBACK_DUE } };
const hotfix: TicketEvent = { type: 'HotfixApplied', data: { description: 'h' } };

function stateAfter(...events: TicketEvent[]): TicketState {
  return foldTicket(events.map((event, i) => ({ event, at: `2027-03-11T09:0${i}:00.000Z` }))) as TicketState;
}

/** Windows that start at `start`: a week for acceptance, two for feedback (the real ones come from calendars). */
const windowsFrom = (start: string): CustomerWindows => ({
  clarificationWindow: ASKED,
  acceptanceDueAt: new Date(Date.parse(start) + 7 * 86_400_000).toISOString(),
  feedbackDueAt: new Date(Date.parse(start) + 14 * 86_400_000).toISOString(),
});
const context: DueContext = { queueTurn: false, windowsFrom };
const minuteAfter = (iso: string) => new Date(Date.parse(iso) + 60_000).toISOString();
const minuteBefore = (iso: string) => new Date(Date.parse(iso) - 60_000).toISOString();

describe('dueEvent: what the passing of time makes due', () => {
  it('nothing while only a person can move the ticket on', () => {
    expect(dueEvent(stateAfter(opened), '2030-01-01T00:00:00.000Z', context)).toBeUndefined();
    expect(dueEvent(stateAfter(opened, identified()), '2030-01-01T00:00:00.000Z', context)).toBeUndefined();
    expect(dueEvent(stateAfter(opened, identified(), hotfix), '2030-01-01T00:00:00.000Z', context)).toBeUndefined();
  });

  it('starts the analysis of a queued ticket when its turn came, with who it waited for (003)', () => {
    const queued = stateAfter(opened, identified({ sequentialQueue: true }), {
      type: 'TicketQueued',
      data: { ahead: ['CF-2027-000000'] },
    });
    expect(dueEvent(queued, OPENED_AT, context)).toBeUndefined();
    expect(dueEvent(queued, OPENED_AT, { ...context, queueTurn: true })).toEqual({
      type: 'AnalysisStarted',
      data: { waitedFor: ['CF-2027-000000'] },
    });
    expect(dueEvent(stateAfter(opened, identified()), OPENED_AT, { ...context, queueTurn: true })).toBeUndefined();
  });

  it('reminds the customer halfway through the clarification window, once', () => {
    const waiting = stateAfter(opened, identified(), asked);
    expect(dueEvent(waiting, minuteBefore(ASKED.reminderAt), context)).toBeUndefined();
    expect(dueEvent(waiting, ASKED.reminderAt, context)).toEqual({
      type: 'ClarificationReminderSent',
      data: { dueAt: ASKED.dueAt },
    });
    const reminded = stateAfter(opened, identified(), asked, {
      type: 'ClarificationReminderSent',
      data: { dueAt: ASKED.dueAt },
    });
    expect(dueEvent(reminded, minuteAfter(ASKED.reminderAt), context)).toBeUndefined();
  });

  it('resolves an unanswered clarification as "no customer response", the acceptance window starting then', () => {
    const waiting = stateAfter(opened, identified(), asked);
    const now = minuteAfter(ASKED.dueAt);
    expect(dueEvent(waiting, now, context)).toEqual({
      type: 'TicketResolved',
      data: {
        resolution: 'noCustomerResponse',
        solution: 'No answer to the clarification questions in time.',
        measures: 'none',
        prevention: 'none',
        acceptanceDueAt: windowsFrom(now).acceptanceDueAt,
      },
    });
  });

  it('with "keep waiting" records the overdue question once and waits on', () => {
    const waiting = stateAfter(opened, identified({ clarificationOutcome: 'keepWaiting' }), asked);
    expect(dueEvent(waiting, ASKED.dueAt, context)).toEqual({
      type: 'ClarificationExpired',
      data: { dueAt: ASKED.dueAt, outcome: 'keepWaiting' },
    });
    const overdue = stateAfter(opened, identified({ clarificationOutcome: 'keepWaiting' }), asked, {
      type: 'ClarificationExpired',
      data: { dueAt: ASKED.dueAt, outcome: 'keepWaiting' },
    });
    expect(dueEvent(overdue, minuteAfter(ASKED.dueAt), context)).toBeUndefined();
  });

  it('does not expire a question while a proposed fix waits for approval (only understand and fix run it)', () => {
    const proposing = stateAfter(opened, identified(), asked, {
      type: 'FixProposed',
      data: { proposalId: 4, description: 'p' },
    });
    expect(dueEvent(proposing, minuteAfter(ASKED.dueAt), context)).toBeUndefined();
  });

  it('accepts silently when the acceptance window ends, the feedback window starting then', () => {
    const inAcceptance = stateAfter(opened, identified(), hotfix, resolved);
    expect(dueEvent(inAcceptance, minuteBefore(ACCEPTANCE_DUE), context)).toBeUndefined();
    expect(dueEvent(inAcceptance, ACCEPTANCE_DUE, context)).toEqual({
      type: 'ResolutionAccepted',
      data: { by: 'timeout', feedbackDueAt: windowsFrom(ACCEPTANCE_DUE).feedbackDueAt },
    });
  });

  it('closes the ticket when the feedback window ends', () => {
    const inFeedback = stateAfter(opened, identified(), hotfix, resolved, accepted);
    expect(dueEvent(inFeedback, minuteBefore(FEEDBACK_DUE), context)).toBeUndefined();
    expect(dueEvent(inFeedback, FEEDBACK_DUE, context)).toEqual({
      type: 'TicketClosed',
      data: { feedback: 'windowExpired' },
    });
  });

  it('compares instants as instants, not as strings (with and without milliseconds)', () => {
    const inAcceptance = stateAfter(opened, identified(), hotfix, resolved);
    expect(dueEvent(inAcceptance, '2027-03-19T10:00:00Z', context)?.type).toBe('ResolutionAccepted');
  });
});

describe('nextWakeUp: the next instant something becomes due', () => {
  const identifiedTicket = stateAfter(opened, identified());

  it('none when only a person can move the ticket on', () => {
    expect(nextWakeUp(identifiedTicket, OPENED_AT)).toBeUndefined();
  });

  it('the SLA clocks’ next change, when it is later than now', () => {
    expect(nextWakeUp(identifiedTicket, OPENED_AT, '2027-03-11T11:00:00Z')).toBe('2027-03-11T11:00:00Z');
    expect(nextWakeUp(identifiedTicket, OPENED_AT, OPENED_AT)).toBeUndefined();
    expect(nextWakeUp(identifiedTicket, OPENED_AT, null)).toBeUndefined();
  });

  it('the reminder, then the due instant of a waiting clarification; none once it is overdue', () => {
    const waiting = stateAfter(opened, identified(), asked);
    expect(nextWakeUp(waiting, OPENED_AT)).toBe(ASKED.reminderAt);
    expect(nextWakeUp(waiting, OPENED_AT, '2027-03-12T11:00:00.000Z')).toBe('2027-03-12T11:00:00.000Z');
    const reminded = stateAfter(opened, identified(), asked, {
      type: 'ClarificationReminderSent',
      data: { dueAt: ASKED.dueAt },
    });
    expect(nextWakeUp(reminded, ASKED.reminderAt)).toBe(ASKED.dueAt);
    const overdue = stateAfter(opened, identified(), asked, {
      type: 'ClarificationExpired',
      data: { dueAt: ASKED.dueAt, outcome: 'keepWaiting' },
    });
    expect(nextWakeUp(overdue, ASKED.dueAt)).toBeUndefined();
    // A past reminder (e.g. while a proposal waits) is no reason to wake: it would spin.
    expect(nextWakeUp(waiting, minuteAfter(ASKED.reminderAt))).toBeUndefined();
  });

  it('the end of the acceptance window, then of the feedback window', () => {
    expect(nextWakeUp(stateAfter(opened, identified(), hotfix, resolved), OPENED_AT)).toBe(ACCEPTANCE_DUE);
    expect(nextWakeUp(stateAfter(opened, identified(), hotfix, resolved, accepted), OPENED_AT)).toBe(FEEDBACK_DUE);
    expect(
      nextWakeUp(stateAfter(opened, identified(), hotfix, resolved, accepted), OPENED_AT, '2027-03-20T00:00:00Z'),
    ).toBe('2027-03-20T00:00:00Z');
  });
});

describe('followUps: what the workflow records right after an event', () => {
  const state = stateAfter(opened, identified());
  const notified = (kind: string, subject: string) => ({
    type: 'CustomerNotified',
    data: { kind, to: 'anna@example.com', subject: `Ticket CF-2027-000001${subject}` },
  });

  it.each<[TicketEvent, ReturnType<typeof notified>]>([
    [
      { type: 'TicketRefused', data: { code: 'X', reason: 'no contract' } },
      notified('refused', ' refused: no contract'),
    ],
    [{ type: 'FirstResponseSent', data: { message: 'm' } }, notified('firstResponse', ': first answer')],
    [{ type: 'CustomerUpdateSent', data: { message: 'm' } }, notified('update', ': update')],
    [asked, notified('clarificationRequested', `: please answer by ${ASKED.dueAt}`)],
    [
      { type: 'ClarificationReminderSent', data: { dueAt: ASKED.dueAt } },
      notified('clarificationReminder', `: reminder, please answer by ${ASKED.dueAt}`),
    ],
    [
      { type: 'FixProposed', data: { proposalId: 3, description: 'p' } },
      notified('fixProposed', ': a fix awaits your approval'),
    ],
    [resolved, notified('resolved', `: resolved; please accept by ${ACCEPTANCE_DUE}`)],
    [
      { type: 'ResolutionAccepted', data: { by: 'timeout', feedbackDueAt: FEEDBACK_DUE } },
      notified('acceptedByTimeout', ': accepted (no answer within the acceptance window)'),
    ],
    [{ type: 'TicketClosed', data: { feedback: 'windowExpired' } }, notified('closed', ': closed')],
    [{ type: 'TicketCancelled', data: { reason: 'r' } }, notified('cancelled', ': cancelled')],
  ])('notifies the customer after %j', (event, notification) => {
    expect(followUps(event, state)).toEqual([notification]);
  });

  it('closes the ticket after feedback', () => {
    expect(followUps({ type: 'FeedbackGiven', data: { score: 5 } }, state)).toEqual([
      { type: 'TicketClosed', data: { feedback: 'given' } },
    ]);
  });

  it.each<TicketEvent>([
    accepted,
    hotfix,
    { type: 'ClarificationAnswered', data: { answer: 'a' } },
    { type: 'ClarificationExpired', data: { dueAt: ASKED.dueAt, outcome: 'keepWaiting' } },
    { type: 'AnalysisStarted', data: { waitedFor: [] } },
    { type: 'CustomerNotified', data: { kind: 'closed', to: 'anna@example.com', subject: 's' } },
  ])('nothing after %j', (event) => {
    expect(followUps(event, state)).toEqual([]);
  });
});
