/**
 * The fold, one case per event type: what each event changes in the ticket's state, and what it
 * leaves alone. Written against the package's public API.
 */
import {
  evolve,
  foldTicket,
  type TicketEvent,
  type TicketEventType,
  type TicketOpened,
  type TicketState,
} from '@caseflow/domain';

const T0 = Date.parse('2027-03-11T09:00:00.000Z');
const minute = (n: number): string => new Date(T0 + n * 60_000).toISOString();

const opened: TicketOpened = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2027-000007',
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
    title: 'Gateway drops sessions',
    description: 'Every session ends after 5 minutes.',
    severity: 'S1',
    openedAt: minute(0),
  },
};
const identified = (overrides: Partial<Extract<TicketEvent, { type: 'CustomerIdentified' }>['data']> = {}) =>
  ({
    type: 'CustomerIdentified',
    data: {
      customerName: 'Balasys demo',
      contractId: 'C1',
      plan: 'PrivilegeSU',
      presetId: '000-balasys',
      policy: { id: 'balasys', version: 2 },
      calendarId: 'balasys-budapest',
      severityScheme: 'S1-S3',
      priority: 'P1',
      clarificationOutcome: 'keepWaiting',
      ...overrides,
    },
  }) satisfies TicketEvent;
const asked: TicketEvent = {
  type: 'ClarificationRequested',
  data: { questions: ['Which node?', 'Since when?'], dueAt: minute(3000), reminderAt: minute(1500) },
};
const workaround: TicketEvent = {
  type: 'WorkaroundProvided',
  data: { description: 'restart nightly', severity: 'S2', priority: 'P2' },
};
const proposed: TicketEvent = { type: 'FixProposed', data: { proposalId: 4, description: 'patch the pool' } };
const approved: TicketEvent = { type: 'FixApproved', data: { proposalId: 4 } };
const hotfixed: TicketEvent = { type: 'HotfixApplied', data: { description: 'hotfix 1.2.3' } };
const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: {
    resolution: 'fixed',
    solution: 'patched',
    measures: 'pool resized',
    prevention: 'monitor the pool',
    acceptanceDueAt: minute(10_080),
  },
};
const accepted: TicketEvent = { type: 'ResolutionAccepted', data: { by: 'timeout', feedbackDueAt: minute(20_000) } };
const reopened: TicketEvent = { type: 'TicketReopened', data: { reason: 'still broken' } };

/** The state after `opened`, the customer's identification, then `events`, each a minute apart. */
function stateAfter(...events: TicketEvent[]): TicketState {
  return fold(opened, identified(), ...events);
}
function fold(...events: TicketEvent[]): TicketState {
  return foldTicket(events.map((event, i) => ({ event, at: minute(i) }))) as TicketState;
}
/** Applies one more event at `at`. */
const apply = (state: TicketState, event: TicketEvent, at = minute(500)): TicketState => evolve(state, event, at);
const field = (state: TicketState, name: string): unknown => (state as unknown as Record<string, unknown>)[name];

const AT = minute(500);

/** Events of what can happen at any phase: folded and tested in around-the-phases.spec.ts. */
type AroundThePhases =
  | 'StaffNotified'
  | 'EscalationRequested'
  | 'EscalationAccepted'
  | 'EscalationDeclined'
  | 'EscalationLowered'
  | 'TicketAssigned'
  | 'TicketHandedOver'
  | 'CommentAdded'
  | 'UpdateReminderSent'
  | 'UpdateOverdue';

/** One case per event type; the Record makes the compiler demand a case for every new event not listed above. */
const CASES: Record<Exclude<TicketEventType, AroundThePhases>, () => void> = {
  TicketOpened: () => {
    const state = fold({ ...opened, data: { ...opened.data, quartet: { service: 'mail', category: 'c', item: 'i' } } });
    expect(state).toMatchObject({
      number: 'CF-2027-000007',
      customerId: 'balasys-demo',
      requester: 'anna@example.com',
      title: 'Gateway drops sessions',
      severity: 'S1',
      phase: 'identify',
      openedAt: minute(0),
      updatedAt: minute(0),
      version: 1,
      reopenCount: 0,
      notifications: 0,
      quartet: { service: 'mail', category: 'c', item: 'i' },
    });
  },
  CustomerIdentified: () => {
    const state = stateAfter();
    expect(state).toMatchObject({ phase: 'understand', severity: 'S1', priority: 'P1', version: 2 });
    expect(state.customer).toMatchObject({
      name: 'Balasys demo',
      plan: 'PrivilegeSU',
      presetId: '000-balasys',
      policy: { id: 'balasys', version: 2 },
      calendarId: 'balasys-budapest',
      severityScheme: 'S1-S3',
      clarificationOutcome: 'keepWaiting',
    });
    // 004 IL helpdesk: with a quartet scheme the table's priority becomes the severity.
    const quartet = fold(opened, identified({ severityScheme: 'quartet', priority: 'P3', quartetTable: 'vip' }));
    expect(quartet).toMatchObject({ severity: 'P3', priority: 'P3', customer: { quartetTable: 'vip' } });
    // 003 BPMSoft: a sequential client's ticket waits in the queue.
    const queued = fold(opened, identified({ sequentialQueue: true }));
    expect(queued).toMatchObject({ phase: 'queued', queue: { ahead: [] } });
  },
  TicketQueued: () => {
    const state = apply(stateAfter(), { type: 'TicketQueued', data: { ahead: ['CF-2027-000001'] } });
    expect(state).toMatchObject({ phase: 'queued', queue: { ahead: ['CF-2027-000001'] } });
  },
  TicketPrioritized: () => {
    const queued = apply(stateAfter(), { type: 'TicketQueued', data: { ahead: ['CF-2027-000001', 'CF-2027-000002'] } });
    const moved = apply(queued, { type: 'TicketPrioritized', data: { ahead: ['CF-2027-000001'], reason: 'agreed' } });
    expect(moved).toMatchObject({ phase: 'queued', queue: { ahead: ['CF-2027-000001'] } });
    // Past the queue (its turn came first), the agreement changes nothing.
    const started = apply(queued, { type: 'AnalysisStarted', data: { waitedFor: [] } });
    const late = apply(started, { type: 'TicketPrioritized', data: { ahead: [], reason: 'agreed' } });
    expect(late).toEqual({ ...started, version: started.version + 1, updatedAt: late.updatedAt });
  },
  AnalysisStarted: () => {
    const queued = apply(stateAfter(), { type: 'TicketQueued', data: { ahead: ['CF-2027-000001'] } });
    const state = apply(queued, { type: 'AnalysisStarted', data: { waitedFor: ['CF-2027-000001'] } });
    expect(state.phase).toBe('understand');
    expect(field(state, 'queue')).toBeUndefined();
  },
  TicketRefused: () => {
    const state = apply(stateAfter(), { type: 'TicketRefused', data: { code: 'NOT_AUTHORIZED', reason: 'stranger' } });
    expect(state).toMatchObject({ phase: 'refused', refusal: { code: 'NOT_AUTHORIZED', reason: 'stranger' } });
  },
  TicketClassified: () => {
    const state = apply(stateAfter(), {
      type: 'TicketClassified',
      data: {
        severity: 'S3',
        priority: 'P3',
        ticketType: 'change',
        responsibility: 'clientInfrastructure',
        quartet: { service: 's', category: 'c', item: 'i', impact: 'team' },
        reason: 'a how-to question',
      },
    });
    expect(state).toMatchObject({
      phase: 'understand',
      severity: 'S3',
      priority: 'P3',
      ticketType: 'change',
      responsibility: 'clientInfrastructure',
      quartet: { service: 's', category: 'c', item: 'i', impact: 'team' },
    });
  },
  FirstResponseSent: () => {
    const state = apply(stateAfter(), { type: 'FirstResponseSent', data: { message: 'on it', eta: minute(900) } });
    expect(state).toMatchObject({ firstResponseAt: AT, lastCustomerUpdateAt: AT, eta: minute(900) });
    const noEta = apply(stateAfter(), { type: 'FirstResponseSent', data: { message: 'on it' } });
    expect(field(noEta, 'eta')).toBeUndefined();
  },
  CustomerUpdateSent: () => {
    const answered = stateAfter({ type: 'FirstResponseSent', data: { message: 'on it', eta: minute(900) } });
    const moved = apply(answered, { type: 'CustomerUpdateSent', data: { message: 'later', eta: minute(1800) } }, AT);
    expect(moved).toMatchObject({ firstResponseAt: minute(2), lastCustomerUpdateAt: AT, eta: minute(1800) });
    const kept = apply(answered, { type: 'CustomerUpdateSent', data: { message: 'still on it' } }, AT);
    expect(kept).toMatchObject({ firstResponseAt: minute(2), lastCustomerUpdateAt: AT, eta: minute(900) });
  },
  ClarificationRequested: () => {
    const state = apply(stateAfter(), asked);
    expect(state.clarification).toEqual({
      questions: ['Which node?', 'Since when?'],
      dueAt: minute(3000),
      reminderAt: minute(1500),
      requestedAt: AT,
      reminded: false,
      expired: false,
    });
  },
  ClarificationReminderSent: () => {
    const state = apply(stateAfter(asked), { type: 'ClarificationReminderSent', data: { dueAt: minute(3000) } });
    expect(state.clarification).toMatchObject({ questions: ['Which node?', 'Since when?'], reminded: true });
    expect(state.clarification).toMatchObject({ expired: false });
  },
  ClarificationAnswered: () => {
    const state = apply(stateAfter(asked), { type: 'ClarificationAnswered', data: { answer: 'node 2' } });
    expect(state.clarification).toBeUndefined();
  },
  ClarificationExpired: () => {
    const state = apply(stateAfter(asked), {
      type: 'ClarificationExpired',
      data: { dueAt: minute(3000), outcome: 'keepWaiting' },
    });
    expect(state.clarification).toMatchObject({ questions: ['Which node?', 'Since when?'], expired: true });
    expect(state.clarification).toMatchObject({ reminded: false });
  },
  WorkaroundProvided: () => {
    const state = apply(stateAfter(), workaround);
    expect(state).toMatchObject({
      phase: 'fix',
      severity: 'S2',
      priority: 'P2',
      workaround: { description: 'restart nightly', at: AT },
    });
  },
  HotfixApplied: () => {
    expect(apply(stateAfter(), hotfixed).phase).toBe('confirm');
  },
  FixProposed: () => {
    const state = apply(stateAfter(), proposed);
    expect(state.phase).toBe('awaitingApproval');
    expect(state.proposal).toEqual({ id: 4, description: 'patch the pool', status: 'awaitingApproval' });
  },
  FixApproved: () => {
    const state = apply(stateAfter(proposed), approved);
    expect(state.phase).toBe('implementing');
    expect(state.proposal).toEqual({ id: 4, description: 'patch the pool', status: 'approved' });
  },
  FixRejected: () => {
    const state = apply(stateAfter(proposed), { type: 'FixRejected', data: { proposalId: 4, reason: 'too risky' } });
    expect(state.phase).toBe('fix');
    expect(state.proposal).toEqual({
      id: 4,
      description: 'patch the pool',
      status: 'rejected',
      rejectionReason: 'too risky',
    });
  },
  FixImplemented: () => {
    const state = apply(stateAfter(proposed, approved), {
      type: 'FixImplemented',
      data: { proposalId: 4, note: 'deployed' },
    });
    expect(state.phase).toBe('confirm');
    expect(state.proposal).toEqual({ id: 4, description: 'patch the pool', status: 'implemented' });
  },
  TicketResolved: () => {
    const state = apply(stateAfter(asked, hotfixed), resolved);
    expect(state.phase).toBe('acceptance');
    expect(state.resolution).toEqual({
      kind: 'fixed',
      solution: 'patched',
      measures: 'pool resized',
      prevention: 'monitor the pool',
      at: AT,
      acceptanceDueAt: minute(10_080),
    });
    expect(state.clarification).toBeUndefined();
  },
  ResolutionAccepted: () => {
    const state = apply(stateAfter(hotfixed, resolved), accepted);
    expect(state.phase).toBe('feedback');
    expect(state.acceptance).toEqual({ by: 'timeout', at: AT, feedbackDueAt: minute(20_000) });
  },
  TicketReopened: () => {
    const once = apply(stateAfter(asked, hotfixed, resolved), reopened);
    expect(once).toMatchObject({ phase: 'fix', reopenCount: 1 });
    expect(field(once, 'resolution')).toBeUndefined();
    expect(once.clarification).toBeUndefined();
    const twice = stateAfter(hotfixed, resolved, reopened, hotfixed, resolved, reopened);
    expect(twice).toMatchObject({ phase: 'fix', reopenCount: 2 });
  },
  FeedbackGiven: () => {
    const state = apply(stateAfter(hotfixed, resolved, accepted), {
      type: 'FeedbackGiven',
      data: { score: 4, comment: 'quick' },
    });
    expect(state).toMatchObject({ phase: 'feedback', feedback: { score: 4, comment: 'quick' } });
  },
  TicketClosed: () => {
    const state = apply(stateAfter(hotfixed, resolved, accepted), {
      type: 'TicketClosed',
      data: { feedback: 'windowExpired' },
    });
    expect(state.phase).toBe('closed');
  },
  TicketCancelled: () => {
    const state = apply(stateAfter(asked), { type: 'TicketCancelled', data: { reason: 'solved it myself' } });
    expect(state).toMatchObject({ phase: 'cancelled', cancellation: { reason: 'solved it myself', at: AT } });
    expect(state.clarification).toBeUndefined();
  },
  BusinessImpactRecorded: () => {
    const state = apply(stateAfter(), { type: 'BusinessImpactRecorded', data: { impact: 'no payments' } });
    expect(state).toMatchObject({ phase: 'understand', businessImpact: 'no payments' });
  },
  CustomerNotified: () => {
    const notify: TicketEvent = { type: 'CustomerNotified', data: { kind: 'update', to: 'anna', subject: 's' } };
    expect(apply(stateAfter(), notify).notifications).toBe(1);
    expect(stateAfter(notify, notify, notify).notifications).toBe(3);
  },
};

describe('evolve: one case per event type', () => {
  it.each(Object.keys(CASES) as Array<keyof typeof CASES>)('%s', (type) => CASES[type]());

  it('counts every event in the version and stamps updatedAt with when it happened', () => {
    const before = stateAfter(asked);
    const after = apply(before, { type: 'BusinessImpactRecorded', data: { impact: 'x' } }, minute(77));
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt).toBe(minute(77));
    expect(after.openedAt).toBe(minute(0));
  });

  it('never changes the state it was given', () => {
    const before = stateAfter(asked, proposed);
    const copy = JSON.parse(JSON.stringify(before));
    apply(before, { type: 'FixRejected', data: { proposalId: 4, reason: 'no' } });
    apply(before, { type: 'ClarificationReminderSent', data: { dueAt: minute(3000) } });
    expect(before).toEqual(copy);
  });

  it('refuses any event before TicketOpened', () => {
    expect(() => evolve(undefined, hotfixed, AT)).toThrow(/HotfixApplied before TicketOpened/);
  });
});
