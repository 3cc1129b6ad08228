import type { TicketEvent } from './events';
import { foldTicket } from './evolve';
import { inPhase, isIdentified, isTerminal } from './ticket-state';

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2027-000009',
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
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
    presetId: '000-balasys',
    policy: { id: 'balasys', version: 1 },
    calendarId: 'balasys-budapest',
    severityScheme: 'S1-S3',
    priority: 'P1',
    clarificationOutcome: 'keepWaiting',
  },
};
const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: { resolution: 'fixed', solution: 's', measures: 'm', prevention: 'p', acceptanceDueAt: '2027-03-19T10:00:00Z' },
};
const fold = (...events: TicketEvent[]) =>
  foldTicket(events.map((event, i) => ({ event, at: `2027-03-11T09:0${i}:00.000Z` })));

describe('evolve: a stream that is not a ticket’s is refused, not folded into a half state', () => {
  it.each<[string, TicketEvent[], RegExp]>([
    ['work before identification', [opened, { type: 'HotfixApplied', data: { description: 'h' } }], /not identified/],
    ['a resolution before identification', [opened, resolved], /not identified/],
    [
      'an approval without a proposal',
      [opened, identified, { type: 'FixApproved', data: { proposalId: 3 } }],
      /no fix was proposed/,
    ],
    [
      'an acceptance before a resolution',
      [opened, identified, { type: 'ResolutionAccepted', data: { by: 'customer', feedbackDueAt: 'x' } }],
      /not resolved/,
    ],
    [
      'closing before acceptance',
      [opened, identified, resolved, { type: 'TicketClosed', data: { feedback: 'given' } }],
      /not accepted/,
    ],
    ['an event before TicketOpened', [identified], /CustomerIdentified before TicketOpened/],
  ])('%s', (_, events, reason) => {
    expect(() => fold(...events)).toThrow(reason);
  });

  it('names the ticket, its phase and version when it refuses', () => {
    expect(() => fold(opened, resolved)).toThrow(
      'ticket CF-2027-000009 (phase identify, version 2): its customer is not identified',
    );
  });
});

describe('phase guards', () => {
  it('say which phase a ticket is in and what it is sure to have', () => {
    const inAcceptance = fold(opened, identified, { type: 'HotfixApplied', data: { description: 'h' } }, resolved)!;
    expect(inPhase(inAcceptance, ['acceptance'])).toBe(true);
    expect(inPhase(inAcceptance, ['feedback', 'closed'])).toBe(false);
    if (inPhase(inAcceptance, ['acceptance']))
      expect(inAcceptance.resolution.acceptanceDueAt).toBe('2027-03-19T10:00:00Z');
    expect(isIdentified(inAcceptance)).toBe(true);
    expect(isIdentified(fold(opened)!)).toBe(false);
    expect(isTerminal(inAcceptance)).toBe(false);
    expect(isTerminal(fold(opened, { type: 'TicketCancelled', data: { reason: 'r' } })!)).toBe(true);
  });
});
