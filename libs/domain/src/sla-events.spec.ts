/** How a ticket's events drive the SLA clocks: written against @caseflow/domain's public API. */
import { slaClassification, toSlaEvents, type DatedTicketEvent, type TicketEvent } from '@caseflow/domain';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2026-000042',
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
    title: 't',
    description: 'd',
    severity: 'S1',
    openedAt: at(0),
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
const ask: TicketEvent = {
  type: 'ClarificationRequested',
  data: { questions: ['Which node?'], dueAt: at(5000), reminderAt: at(2500) },
};
const answer: TicketEvent = { type: 'ClarificationAnswered', data: { answer: 'node 2' } };
const propose: TicketEvent = { type: 'FixProposed', data: { proposalId: 4, description: 'patch' } };
const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: { resolution: 'fixed', solution: 's', measures: 'm', prevention: 'p', acceptanceDueAt: at(9000) },
};
const classification = (severity: string) => ({
  severity,
  priority: severity,
  plan: 'PrivilegeSU',
  customerId: 'balasys-demo',
});

/** `events` one minute apart, from minute 0. */
const dated = (...events: TicketEvent[]): DatedTicketEvent[] => events.map((event, i) => ({ event, at: at(i) }));

describe('toSlaEvents', () => {
  it('maps a whole lifecycle onto the clocks’ events, in order', () => {
    const events = dated(
      opened, // 0: nothing yet: the clocks start when the customer is known
      identified, // 1
      { type: 'FirstResponseSent', data: { message: 'on it' } }, // 2
      ask, // 3
      answer, // 4
      propose, // 5
      ask, // 6: a question while the fix waits for approval
      answer, // 7: still waiting for the approval
      { type: 'FixApproved', data: { proposalId: 4 } }, // 8
      { type: 'CustomerUpdateSent', data: { message: 'deploying' } }, // 9
      {
        type: 'TicketClassified',
        data: { severity: 'S2', priority: 'P2', ticketType: 'incident', responsibility: 'vendor', reason: 'r' },
      }, // 10
      { type: 'WorkaroundProvided', data: { description: 'w', severity: 'S3', priority: 'P3' } }, // 11
      { type: 'CustomerNotified', data: { kind: 'update', to: 'anna', subject: 's' } }, // 12
      { type: 'FixImplemented', data: { proposalId: 4, note: 'n' } }, // 13
      resolved, // 14
      { type: 'TicketReopened', data: { reason: 'again' } }, // 15
      ask, // 16
      { type: 'TicketCancelled', data: { reason: 'gave up' } }, // 17
    );
    expect(toSlaEvents(events)).toEqual([
      { type: 'opened', at: at(0), policy: { id: 'balasys', version: 1 }, classification: classification('S1') },
      { type: 'firstResponseSent', at: at(2) },
      { type: 'pausedAwaitingCustomer', at: at(3) },
      { type: 'resumed', at: at(4) },
      { type: 'pausedAwaitingCustomer', at: at(5) },
      { type: 'pausedAwaitingCustomer', at: at(6) },
      { type: 'resumed', at: at(8) },
      { type: 'customerUpdateSent', at: at(9) },
      { type: 'classificationChanged', at: at(10), classification: classification('S2') },
      { type: 'workaroundFound', at: at(11) },
      { type: 'classificationChanged', at: at(11), classification: classification('S3') },
      { type: 'resolved', at: at(14) },
      { type: 'reopened', at: at(15) },
      { type: 'pausedAwaitingCustomer', at: at(16) },
      { type: 'resumed', at: at(17) },
      { type: 'resolved', at: at(17) },
    ]);
  });

  it('keeps the clocks paused when a fix is decided while a question is still open', () => {
    const events = dated(opened, identified, propose, ask, {
      type: 'FixRejected',
      data: { proposalId: 4, reason: 'no' },
    });
    expect(toSlaEvents(events).map((e) => e.type)).toEqual([
      'opened',
      'pausedAwaitingCustomer',
      'pausedAwaitingCustomer',
    ]);
  });

  it('resolves without resuming when nothing was asked, and counts a reopen only from acceptance', () => {
    const events = dated(opened, identified, { type: 'HotfixApplied', data: { description: 'h' } }, resolved);
    expect(toSlaEvents(events).map((e) => e.type)).toEqual(['opened', 'resolved']);
    const notFromAcceptance = dated(opened, identified, { type: 'TicketReopened', data: { reason: 'r' } });
    expect(toSlaEvents(notFromAcceptance).map((e) => e.type)).toEqual(['opened']);
  });

  it('has nothing for a ticket not yet identified', () => {
    expect(toSlaEvents([])).toEqual([]);
    expect(toSlaEvents(dated(opened))).toEqual([]);
  });
});

describe('slaClassification', () => {
  it('names the plan, and the urgency for 001 Netix’s 1-4 scheme', () => {
    expect(slaClassification('urgency1-4', '2', undefined, 'netix-demo')).toEqual({
      severity: '2',
      priority: '2',
      urgency: 2,
      customerId: 'netix-demo',
    });
    expect(slaClassification('S1-S3', 'S2', 'BaseSU', 'balasys-demo')).toEqual({
      severity: 'S2',
      priority: 'S2',
      plan: 'BaseSU',
      customerId: 'balasys-demo',
    });
  });

  it('carries the quartet (with the engineer’s fourth field when set) and the customer’s own table (004 IL helpdesk)', () => {
    const quartet = { service: 'email', category: 'mailbox', item: 'cannot send' };
    expect(slaClassification('quartet', 'P2', undefined, 'helpdesk-il-demo', quartet, 'vip')).toEqual({
      severity: 'P2',
      priority: 'P2',
      customerId: 'helpdesk-il-demo',
      quartetTable: 'vip',
      quartet,
    });
    expect(
      slaClassification('quartet', 'P1', undefined, 'helpdesk-il-demo', { ...quartet, impact: 'team' }).quartet,
    ).toEqual({ ...quartet, impact: 'team' });
  });
});
