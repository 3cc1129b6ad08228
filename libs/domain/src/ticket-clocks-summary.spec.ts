/** The live SLA view of a ticket: its clocks from its events, and the one-line summary lists show. */
import {
  clocksAt,
  slaContextOf,
  slaSummary,
  type DatedTicketEvent,
  type SlaSetup,
  type TicketEvent,
} from '@caseflow/domain';
import { calendarDays, businessDays, presetById, type SlaClocks, type TargetClock } from '@caseflow/sla';
import { compileCalendarForYears } from '@caseflow/sla/compile';

const preset = presetById('000-balasys')!;
const setup: SlaSetup = {
  policies: [...preset.policies],
  calendars: preset.calendars.map((definition) => compileCalendarForYears(definition, 2026, 1)),
  answerClarification: { span: businessDays(2), calendar: 'balasys-budapest' },
  acceptanceTesting: { span: calendarDays(7), calendar: 'balasys-budapest' },
  feedbackWindow: { span: calendarDays(7), calendar: 'balasys-budapest' },
};

const openedAt = '2026-03-02T09:00:00.000Z'; // Monday 10:00 CET
const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    number: 'CF-2026-000042',
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
    title: 't',
    description: 'd',
    severity: 'S1',
    openedAt,
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
const events: DatedTicketEvent[] = [
  { event: opened, at: openedAt },
  { event: identified, at: openedAt },
];

describe('clocksAt', () => {
  const context = slaContextOf(setup);

  it('runs the policy the ticket was identified under (000 Balasys PrivilegeSU S1: first response in 2 h, 24x7)', () => {
    const clocks = clocksAt(events, context, '2026-03-02T10:00:00.000Z')!;
    expect(clocks.policy).toEqual({ id: 'balasys', version: 1 });
    expect(clocks.firstResponse).toMatchObject({
      status: 'running',
      startedAt: '2026-03-02T09:00:00Z',
      dueAt: '2026-03-02T11:00:00Z',
      warnsAt: '2026-03-02T10:30:00Z',
      calendar: { id: 'balasys-budapest', version: 1, hash: setup.calendars[0].hash },
    });
    expect(clocks.nextChangeAt).toBe('2026-03-02T10:30:00Z');
  });

  it('stops the first-response clock when the answer is sent, and ignores events after the instant asked for', () => {
    const answered = [
      ...events,
      {
        event: { type: 'FirstResponseSent', data: { message: 'on it' } },
        at: '2026-03-02T10:45:00.000Z',
      } as DatedTicketEvent,
    ];
    expect(clocksAt(answered, context, '2026-03-02T12:00:00.000Z')!.firstResponse).toMatchObject({
      status: 'met',
      stoppedAt: '2026-03-02T10:45:00Z',
    });
    expect(clocksAt(answered, context, '2026-03-02T10:40:00.000Z')!.firstResponse!.status).toBe('warned');
    expect(clocksAt(answered, context, '2026-03-02T11:00:01.000Z')!.firstResponse!.status).toBe('met');
  });

  it('has no clocks before the customer is identified', () => {
    expect(clocksAt(events.slice(0, 1), context, '2026-03-02T10:00:00.000Z')).toBeNull();
  });
});

describe('slaSummary', () => {
  const target = (status: TargetClock['status'], dueAt: string | null): TargetClock =>
    ({ status, dueAt }) as TargetClock;
  const clocks = (targets: Partial<Pick<SlaClocks, 'firstResponse' | 'update' | 'resolution'>>): SlaClocks =>
    ({ asOf: openedAt, nextChangeAt: null, ...targets }) as SlaClocks;

  it('is none without clocks or targets', () => {
    expect(slaSummary(null)).toEqual({ status: 'none', nextDeadline: null });
    expect(slaSummary(clocks({}))).toEqual({ status: 'none', nextDeadline: null });
  });

  it('names the worst status and the earliest deadline still running or warned', () => {
    expect(
      slaSummary(
        clocks({
          firstResponse: target('met', '2026-03-02T08:00:00.000Z'),
          update: { ...target('running', '2026-03-04T09:00:00.000Z'), missedUpdates: 0 },
          resolution: target('warned', '2026-03-03T09:00:00.000Z'),
        }),
      ),
    ).toEqual({ status: 'warned', nextDeadline: '2026-03-03T09:00:00.000Z' });
    expect(
      slaSummary(
        clocks({
          firstResponse: target('breached', '2026-03-01T09:00:00.000Z'),
          resolution: target('running', '2026-03-05T09:00:00.000Z'),
        }),
      ),
    ).toEqual({ status: 'breached', nextDeadline: '2026-03-05T09:00:00.000Z' });
  });

  it('orders running before paused before met, and a running target without a due instant has no deadline', () => {
    expect(
      slaSummary(
        clocks({ firstResponse: target('met', null), resolution: target('paused', '2026-03-05T09:00:00.000Z') }),
      ),
    ).toEqual({
      status: 'paused',
      nextDeadline: null,
    });
    expect(slaSummary(clocks({ firstResponse: target('paused', null), resolution: target('running', null) }))).toEqual({
      status: 'running',
      nextDeadline: null,
    });
    expect(slaSummary(clocks({ firstResponse: target('met', null) }))).toEqual({ status: 'met', nextDeadline: null });
  });
});
