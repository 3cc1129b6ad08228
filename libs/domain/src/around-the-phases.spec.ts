/** Escalation, assignment and tiers, comments and the update duty: decide, evolve, followUps and dueEvent. */
import type { Actor, ActorRole, TicketCommand } from './commands';
import { decide, type DecideContext } from './decide';
import { DomainError } from './errors';
import type { CustomerIdentified, TicketEvent } from './events';
import { foldTicket } from './evolve';
import { followUps } from './follow-ups';
import { dueEvent, nextWake, type DueContext, type UpdateClockView } from './lifecycle';
import { toSlaEvents } from './sla-events';
import type { TicketState } from './ticket-state';

const customer: Actor = { id: 'anna@example.com', role: 'customer' };
const engineer: Actor = { id: 'eve', role: 'engineer' };
const manager: Actor = { id: 'mia', role: 'manager' };
const system: Actor = { id: 'caseflow', role: 'system' };
const ACTORS: Record<ActorRole, Actor> = { customer, engineer, manager, system };

const context: DecideContext = {
  clarificationWindow: { dueAt: '2027-03-15T16:00:00.000Z', reminderAt: '2027-03-12T12:00:00.000Z' },
  acceptanceDueAt: '2027-03-19T10:00:00.000Z',
  feedbackDueAt: '2027-03-26T10:00:00.000Z',
};

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2027-000042',
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
    title: 't',
    description: 'd',
    severity: 'S2',
    openedAt: '2027-03-11T09:00:00.000Z',
  },
};
const identifiedData: CustomerIdentified['data'] = {
  customerName: 'Balasys demo',
  contractId: 'C1',
  plan: 'PrivilegeSU',
  presetId: '000-balasys',
  policy: { id: 'balasys', version: 1 },
  calendarId: 'balasys-budapest',
  severityScheme: 'S1-S3',
  priority: 'P2',
  clarificationOutcome: 'keepWaiting',
  support: { tier: 'L1', assignee: 'dana', dedicated: ['dana', 'yossi'] },
};
const identified: TicketEvent = { type: 'CustomerIdentified', data: identifiedData };

const at = (i: number): string => new Date(Date.parse('2027-03-11T09:00:00.000Z') + i * 60_000).toISOString();
function stateAfter(...events: TicketEvent[]): TicketState {
  return foldTicket([opened, identified, ...events].map((event, i) => ({ event, at: at(i) }))) as TicketState;
}

function rejection(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the command to be rejected');
}

const requested: TicketEvent = { type: 'EscalationRequested', data: { reason: 'Production is down.' } };
const acceptEscalation: TicketCommand = {
  type: 'acceptEscalation',
  severity: 'S1',
  specialist: 'sam',
  actionPlan: 'Daily call at 10:00.',
  channels: ['phone', 'webex'],
  updateFrequency: { every: 4, unit: 'hours' },
  participants: ['Anna', 'sam'],
};
const accepted: TicketEvent = {
  type: 'EscalationAccepted',
  data: {
    level: 1,
    severity: 'S1',
    priority: 'P1',
    specialist: 'sam',
    actionPlan: 'Daily call at 10:00.',
    channels: ['phone', 'webex'],
    updateFrequency: { every: 4, unit: 'hours' },
    participants: ['Anna', 'sam'],
  },
};
const brief = {
  customerNumber: 'K-1',
  domain: 'shop.example.com',
  contact: 'anna@example.com',
  errorDescription: '502 on checkout',
  endCustomerContactAllowed: true,
};

/** Each new command in a state where it is possible, and the roles that may give it. */
const COMMANDS: Array<[TicketCommand, TicketEvent[], readonly ActorRole[]]> = [
  [{ type: 'requestEscalation', reason: 'We are losing orders.' }, [], ['customer']],
  [acceptEscalation, [requested], ['manager']],
  [{ type: 'declineEscalation', reason: 'The workaround holds.' }, [requested], ['manager']],
  [
    { type: 'lowerEscalation', cause: 'customerMissedActivity', reason: 'No one joined.' },
    [requested, accepted],
    ['manager'],
  ],
  [{ type: 'assign', assignee: 'yossi', reason: 'Dana is on leave.' }, [], ['engineer', 'manager']],
  [{ type: 'handOver', tier: 'L2', assignee: 'max', reason: 'Needs SysDesk.', brief }, [], ['engineer', 'manager']],
  [{ type: 'comment', text: 'Any news?', visibility: 'public' }, [], ['customer', 'engineer', 'manager']],
];

describe('decide: every new command × role', () => {
  describe.each(COMMANDS)('%j', (command, before, allowed) => {
    it.each(Object.keys(ACTORS) as ActorRole[])('by %s', (role) => {
      const state = stateAfter(...before);
      if (allowed.includes(role)) {
        expect(() => decide(command, ACTORS[role], state, context)).not.toThrow();
      } else {
        const error = rejection(() => decide(command, ACTORS[role], state, context));
        expect(error.details).toEqual({ field: 'actor.role' });
        expect(error.message).toBe(`${command.type} is for ${allowed.join(' or ')}, not ${role}`);
      }
    });
  });

  it('refuses them all on a closed or refused ticket', () => {
    const refused = foldTicket([
      { event: opened, at: at(0) },
      { event: { type: 'TicketRefused', data: { code: 'X', reason: 'no contract' } }, at: at(1) },
    ]) as TicketState;
    for (const [command, , [role]] of COMMANDS)
      expect(rejection(() => decide(command, ACTORS[role], refused, context)).message).toMatch(
        /not possible in phase refused/,
      );
  });
});

describe('escalation (000)', () => {
  it('the customer asks with a reason; one request at a time', () => {
    expect(
      decide({ type: 'requestEscalation', reason: 'We are losing orders.' }, customer, stateAfter(), context),
    ).toEqual({ type: 'EscalationRequested', data: { reason: 'We are losing orders.' } });
    expect(
      rejection(() => decide({ type: 'requestEscalation', reason: 'again' }, customer, stateAfter(requested), context))
        .message,
    ).toBe('an escalation request is already waiting for the manager');
    expect(
      rejection(() => decide({ type: 'requestEscalation', reason: '' }, customer, stateAfter(), context)).details,
    ).toEqual({
      field: 'reason',
    });
  });

  it('accepted: the raised severity and its priority, the specialist, the plan as structured fields; level counts up', () => {
    const event = decide(acceptEscalation, manager, stateAfter(requested), context);
    expect(event).toEqual(accepted);
    const state = stateAfter(requested, event);
    expect(state).toMatchObject({
      severity: 'S1',
      priority: 'P1',
      assignee: 'sam',
      assignedAt: at(3),
      escalation: {
        level: 1,
        agreement: { at: at(3), severityBefore: 'S2', severity: 'S1', specialist: 'sam', channels: ['phone', 'webex'] },
      },
    });
    expect(state.escalation?.pending).toBeUndefined();
    const again = decide(
      { ...acceptEscalation, severity: undefined, specialist: 'lea' } as TicketCommand,
      manager,
      stateAfter(requested, event, requested),
      context,
    );
    expect(again.data).toMatchObject({ level: 2, specialist: 'lea' });
    expect(again.data).not.toHaveProperty('severity');
  });

  it.each<[Partial<TicketCommand>, string, RegExp]>([
    [{ severity: undefined, specialist: undefined }, 'severity', /raises the severity, assigns a specialist, or both/],
    [{ severity: 'S2' }, 'severity', /S2 does not raise the current S2/],
    [{ severity: 'critical' }, 'severity', /not in this customer's scheme/],
    [{ specialist: 'Sam Smith' }, 'specialist', /specialist must be a staff id/],
    [{ channels: [] }, 'channels', /channels must list at least one entry/],
    [{ channels: ['fax'] }, 'channels', /"fax" is not one of email, phone, conferenceCall, webex, portal/],
    [{ updateFrequency: { every: 0, unit: 'hours' } }, 'updateFrequency.every', /whole number from 1 to 90/],
    [{ updateFrequency: { every: 2, unit: 'fortnights' } as never }, 'updateFrequency.unit', /must be one of hours/],
    [{ participants: [''] }, 'participants[0]', /participants\[0\] must be a non-empty text/],
    [{ actionPlan: ' ' }, 'actionPlan', /actionPlan must be a non-empty text/],
  ])('refuses an acceptance with %j', (fields, field, reason) => {
    const error = rejection(() =>
      decide({ ...acceptEscalation, ...fields } as TicketCommand, manager, stateAfter(requested), context),
    );
    expect(error.message).toMatch(reason);
    expect(error.details).toEqual({ field });
  });

  it('decisions need a request; declining keeps an escalation in force as it was', () => {
    expect(rejection(() => decide(acceptEscalation, manager, stateAfter(), context)).message).toBe(
      'no escalation request is waiting for a decision',
    );
    const declined = decide(
      { type: 'declineEscalation', reason: 'Not now.' },
      manager,
      stateAfter(requested, accepted, requested),
      context,
    );
    expect(stateAfter(requested, accepted, requested, declined).escalation).toMatchObject({
      level: 1,
      agreement: { severity: 'S1' },
      declined: { reason: 'Not now.', at: at(5) },
    });
  });

  it('lowering undoes the raise when the customer missed an agreed activity, not when the severity dropped', () => {
    const escalated = stateAfter(requested, accepted);
    const missed = decide(
      { type: 'lowerEscalation', cause: 'customerMissedActivity', reason: 'No one joined.' },
      manager,
      escalated,
      context,
    );
    expect(missed).toEqual({
      type: 'EscalationLowered',
      data: { cause: 'customerMissedActivity', reason: 'No one joined.', severity: 'S2', priority: 'P2' },
    });
    expect(stateAfter(requested, accepted, missed)).toMatchObject({
      severity: 'S2',
      priority: 'P2',
      escalation: { level: 0, lowered: { cause: 'customerMissedActivity', reason: 'No one joined.' } },
    });
    expect(
      decide({ type: 'lowerEscalation', cause: 'severityDropped', reason: 'Workaround.' }, manager, escalated, context)
        .data,
    ).toEqual({ cause: 'severityDropped', reason: 'Workaround.' });
    expect(
      rejection(() =>
        decide({ type: 'lowerEscalation', cause: 'severityDropped', reason: 'x' }, manager, stateAfter(), context),
      ).message,
    ).toBe('the ticket is not escalated');
  });

  it('follows up: managers hear of a request, the customer of every decision, the specialist of the assignment', () => {
    const state = stateAfter(requested);
    expect(followUps(requested, state)).toEqual([
      {
        type: 'StaffNotified',
        data: {
          kind: 'escalationRequested',
          to: 'role:manager',
          subject: 'Ticket CF-2027-000042: the customer asks for an escalation',
        },
      },
    ]);
    expect(
      followUps(accepted, stateAfter(requested, accepted)).map((e) => [e.type, (e.data as { kind: string }).kind]),
    ).toEqual([
      ['CustomerNotified', 'escalationAccepted'],
      ['StaffNotified', 'assigned'],
    ]);
    expect(followUps({ type: 'EscalationDeclined', data: { reason: 'r' } }, state)[0].data).toMatchObject({
      kind: 'escalationDeclined',
      to: 'anna@example.com',
    });
  });

  it('lowers the escalation itself after a workaround, a lower classification, or a missed clarification', () => {
    const workaround: TicketEvent = {
      type: 'WorkaroundProvided',
      data: { description: 'w', severity: 'S2', priority: 'P2' },
    };
    expect(followUps(workaround, stateAfter(requested, accepted, workaround))).toEqual([
      {
        type: 'EscalationLowered',
        data: { cause: 'severityDropped', reason: 'a workaround lowered the severity to S2' },
      },
    ]);
    expect(followUps(workaround, stateAfter(workaround))).toEqual([]);
    const expired: TicketEvent = {
      type: 'ClarificationExpired',
      data: { dueAt: context.clarificationWindow.dueAt, outcome: 'keepWaiting' },
    };
    const asked: TicketEvent = {
      type: 'ClarificationRequested',
      data: { questions: ['q'], ...context.clarificationWindow },
    };
    expect(followUps(expired, stateAfter(requested, accepted, asked, expired))).toEqual([
      {
        type: 'EscalationLowered',
        data: {
          cause: 'customerMissedActivity',
          reason: `the clarification due at ${context.clarificationWindow.dueAt} went unanswered`,
          severity: 'S2',
          priority: 'P2',
        },
      },
    ]);
    // A classification that keeps the escalated severity lowers nothing.
    const same: TicketEvent = {
      type: 'TicketClassified',
      data: { severity: 'S1', priority: 'P1', ticketType: 'incident', responsibility: 'vendor', reason: 'r' },
    };
    expect(followUps(same, stateAfter(requested, accepted, same))).toEqual([]);
  });

  it('puts the agreed frequency on the SLA clocks, and takes it off when lowered', () => {
    const lowered: TicketEvent = { type: 'EscalationLowered', data: { cause: 'severityDropped', reason: 'r' } };
    const events = [opened, identified, requested, accepted, lowered].map((event, i) => ({ event, at: at(i) }));
    expect(toSlaEvents(events).slice(1)).toEqual([
      { type: 'classificationChanged', at: at(3), classification: expect.objectContaining({ severity: 'S1' }) },
      {
        type: 'updateCadenceAgreed',
        at: at(3),
        cadence: {
          span: { measure: 'elapsed', seconds: 14_400 },
          calendar: 'balasys-budapest',
          assumed: expect.any(String),
        },
      },
      { type: 'updateCadenceAgreed', at: at(4), cadence: null },
    ]);
  });
});

describe('tiers and assignment (002, 004)', () => {
  it('identification names the tier, the dedicated people and the first of them as assignee', () => {
    expect(stateAfter()).toMatchObject({
      tier: 'L1',
      assignee: 'dana',
      assignedAt: at(1),
      dedicated: ['dana', 'yossi'],
    });
    const legacy = foldTicket([
      { event: opened, at: at(0) },
      { event: { type: 'CustomerIdentified', data: { ...identifiedData, support: undefined } }, at: at(1) },
    ]) as TicketState;
    expect(legacy.tier).toBe('L1');
    expect(legacy.assignee).toBeUndefined();
  });

  it('assigns within the tier and hands over between tiers, each with its reason', () => {
    const assigned = decide(
      { type: 'assign', assignee: 'yossi', reason: 'Dana rotates out.' },
      engineer,
      stateAfter(),
      context,
    );
    expect(assigned).toEqual({ type: 'TicketAssigned', data: { assignee: 'yossi', reason: 'Dana rotates out.' } });
    expect(stateAfter(assigned)).toMatchObject({ tier: 'L1', assignee: 'yossi', assignedAt: at(2) });
    const up = decide(
      { type: 'handOver', tier: 'L2', assignee: 'max', reason: 'SysDesk.', brief },
      engineer,
      stateAfter(),
      context,
    );
    expect(up).toEqual({
      type: 'TicketHandedOver',
      data: { from: 'L1', to: 'L2', assignee: 'max', reason: 'SysDesk.', brief },
    });
    const down = decide(
      { type: 'handOver', tier: 'L1', assignee: 'dana', reason: 'Back to the pair.' },
      manager,
      stateAfter(up),
      context,
    );
    expect(down.data).toEqual({ from: 'L2', to: 'L1', assignee: 'dana', reason: 'Back to the pair.' });
    expect(stateAfter(up, down)).toMatchObject({ tier: 'L1', assignee: 'dana' });
    expect(followUps(up, stateAfter(up)).map((e) => [e.type, e.data])).toEqual([
      ['StaffNotified', { kind: 'assigned', to: 'max', subject: 'Ticket CF-2027-000042: handed over to you (L2)' }],
      [
        'CustomerNotified',
        { kind: 'handedOver', to: 'anna@example.com', subject: 'Ticket CF-2027-000042: now handled by L2' },
      ],
    ]);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ tier: 'L4' }, 'tier'],
    [{ tier: 'L1' }, 'tier'],
    [{ brief: undefined }, 'brief'],
    [{ brief: { ...brief, customerNumber: '' } }, 'brief.customerNumber'],
    [{ brief: { ...brief, contact: undefined } }, 'brief.contact'],
    [{ brief: { ...brief, errorDescription: 7 } }, 'brief.errorDescription'],
    [{ brief: { ...brief, endCustomerContactAllowed: undefined } }, 'brief.endCustomerContactAllowed'],
    [{ assignee: '' }, 'assignee'],
    [{ reason: '' }, 'reason'],
  ])('refuses a hand-over from L1 with %j', (fields, field) => {
    const command = { type: 'handOver', tier: 'L2', assignee: 'max', reason: 'r', brief, ...fields } as TicketCommand;
    expect(rejection(() => decide(command, engineer, stateAfter(), context)).details).toEqual({ field });
  });
});

describe('comments and internal notes', () => {
  it('say who wrote them and who may see them; customers write public comments only', () => {
    expect(decide({ type: 'comment', text: 'Any news?' }, customer, stateAfter(), context)).toEqual({
      type: 'CommentAdded',
      data: { text: 'Any news?', visibility: 'public', author: 'customer' },
    });
    expect(
      decide({ type: 'comment', text: 'Call her.', visibility: 'internal' }, engineer, stateAfter(), context).data,
    ).toEqual({
      text: 'Call her.',
      visibility: 'internal',
      author: 'staff',
    });
    expect(
      rejection(() => decide({ type: 'comment', text: 'x', visibility: 'internal' }, customer, stateAfter(), context))
        .message,
    ).toBe('internal notes are for staff');
    expect(rejection(() => decide({ type: 'comment', text: 'x' }, engineer, stateAfter(), context)).details).toEqual({
      field: 'visibility',
    });
  });

  it('public ones are counted, internal ones not even that; texts are never folded; only public ones are notified', () => {
    const note: TicketEvent = {
      type: 'CommentAdded',
      data: { text: 'secret', visibility: 'internal', author: 'staff' },
    };
    const mine: TicketEvent = {
      type: 'CommentAdded',
      data: { text: 'hello', visibility: 'public', author: 'customer' },
    };
    const theirs: TicketEvent = { type: 'CommentAdded', data: { text: 'hi', visibility: 'public', author: 'staff' } };
    const state = stateAfter(note, mine, theirs);
    expect(state.comments).toBe(2);
    expect(stateAfter(note).comments).toBeUndefined();
    expect(JSON.stringify(state)).not.toMatch(/secret|hello/);
    expect(followUps(note, state)).toEqual([]);
    expect(followUps(mine, state)).toEqual([
      {
        type: 'StaffNotified',
        data: { kind: 'customerComment', to: 'dana', subject: 'Ticket CF-2027-000042: the customer commented' },
      },
    ]);
    expect(followUps(theirs, state)[0]).toMatchObject({ type: 'CustomerNotified', data: { kind: 'comment' } });
  });
});

describe('the update duty (000)', () => {
  const cycle = '2027-03-11T10:00:00Z';
  const clock = (status: UpdateClockView['status'], startedAt = cycle): UpdateClockView => ({
    startedAt,
    dueAt: '2027-03-11T12:00:00Z',
    status,
  });
  const due = (state: TicketState, updateClock?: UpdateClockView) =>
    dueEvent(state, '2027-03-11T11:45:00.000Z', {
      queueTurn: false,
      windowsFrom: () => ({ ...context, clarificationWindow: context.clarificationWindow }),
      ...(updateClock ? { updateClock } : {}),
    } as DueContext);

  it('reminds when the clock warns and records the breach, once each per cycle', () => {
    const reminder: TicketEvent = {
      type: 'UpdateReminderSent',
      data: { cycleStartedAt: cycle, dueAt: '2027-03-11T12:00:00Z' },
    };
    const overdue: TicketEvent = {
      type: 'UpdateOverdue',
      data: { cycleStartedAt: cycle, dueAt: '2027-03-11T12:00:00Z' },
    };
    expect(due(stateAfter(), clock('running'))).toBeUndefined();
    expect(due(stateAfter(), clock('warned'))).toEqual(reminder);
    expect(due(stateAfter(reminder), clock('warned'))).toBeUndefined();
    expect(due(stateAfter(reminder), clock('breached'))).toEqual(overdue);
    expect(due(stateAfter(reminder, overdue), clock('breached'))).toBeUndefined();
    // Overdue without a reminder first (the workflow slept past both): the breach alone.
    expect(due(stateAfter(), clock('breached'))).toEqual(overdue);
    expect(stateAfter(reminder, overdue).updateDuty).toEqual({
      cycleStartedAt: cycle,
      dueAt: '2027-03-11T12:00:00Z',
      reminded: true,
      overdue: true,
    });
    // A new cycle (the next customer update) is reminded again.
    expect(due(stateAfter(reminder, overdue), clock('warned', '2027-03-11T12:30:00Z'))?.type).toBe(
      'UpdateReminderSent',
    );
  });

  it('keeps no duty without the clock, while it is paused, met, or once the ticket is resolved', () => {
    expect(due(stateAfter())).toBeUndefined();
    expect(due(stateAfter(), clock('paused'))).toBeUndefined();
    expect(due(stateAfter(), clock('met'))).toBeUndefined();
    const resolved = stateAfter(
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
    );
    expect(due(resolved, clock('breached'))).toEqual(undefined);
  });

  it('tells the assignee (or every engineer when nobody is assigned)', () => {
    const reminder: TicketEvent = {
      type: 'UpdateReminderSent',
      data: { cycleStartedAt: cycle, dueAt: '2027-03-11T12:00:00Z' },
    };
    expect(followUps(reminder, stateAfter(reminder))[0].data).toMatchObject({ kind: 'updateDue', to: 'dana' });
    const unassigned = foldTicket([
      { event: opened, at: at(0) },
      { event: { type: 'CustomerIdentified', data: { ...identifiedData, support: undefined } }, at: at(1) },
    ]) as TicketState;
    expect(followUps({ type: 'UpdateOverdue', data: reminder.data }, unassigned)[0].data).toMatchObject({
      kind: 'updateOverdue',
      to: 'role:engineer',
    });
  });

  it('names what the workflow wakes for', () => {
    const asked: TicketEvent = {
      type: 'ClarificationRequested',
      data: { questions: ['q'], ...context.clarificationWindow },
    };
    expect(nextWake(stateAfter(asked), at(3))).toEqual({
      at: context.clarificationWindow.reminderAt,
      what: 'clarification reminder',
    });
    expect(
      nextWake(stateAfter(asked), at(3), { at: '2027-03-11T11:00:00Z', what: 'SLA: customer update warning' }),
    ).toEqual({
      at: '2027-03-11T11:00:00Z',
      what: 'SLA: customer update warning',
    });
  });
});
