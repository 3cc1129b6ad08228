import { SlaEvent, SlaPolicy, businessHours, elapsedHours, evolveSla } from '..';
import { budapestOffice, calendarFor, clocksFor } from '../../spec/fixtures';

const policy: SlaPolicy = {
  id: 'test',
  version: 1,
  title: 'test policy on Budapest 09-17',
  calendars: ['test-budapest'],
  matcher: {
    kind: 'fixed',
    targets: {
      firstResponse: { span: businessHours(4), calendar: 'test-budapest' },
      updates: {
        beforeWorkaround: { span: elapsedHours(2), calendar: 'test-budapest' },
        afterWorkaround: { span: businessHours(8), calendar: 'test-budapest' },
      },
      resolution: { span: businessHours(16), calendar: 'test-budapest' },
    },
  },
};
const context = { policies: [policy], calendars: [calendarFor(budapestOffice)] };
const opened = '2025-03-12T08:00:00Z'; // Wednesday 09:00 CET
const clocks = (later: SlaEvent[], asOf: string) => clocksFor(context, policy, {}, opened, later, asOf);

describe('SLA clocks', () => {
  it('runs, warns at 75% and breaches after the due time', () => {
    expect(clocks([], '2025-03-12T10:00:00Z').firstResponse).toMatchObject({
      status: 'running',
      elapsedSeconds: 7200,
      remainingSeconds: 7200,
      dueAt: '2025-03-12T12:00:00Z',
      warnsAt: '2025-03-12T11:00:00Z',
    });
    expect(clocks([], '2025-03-12T11:00:00Z').firstResponse?.status).toBe('warned');
    expect(clocks([], '2025-03-12T12:00:00Z').firstResponse?.status).toBe('warned');
    expect(clocks([], '2025-03-12T12:00:01Z').firstResponse).toMatchObject({ status: 'breached', remainingSeconds: 0 });
  });

  it('is met when answered by the due time, breached when answered later', () => {
    expect(
      clocks([{ type: 'firstResponseSent', at: '2025-03-12T12:00:00Z' }], '2025-03-13T12:00:00Z').firstResponse?.status,
    ).toBe('met');
    expect(
      clocks([{ type: 'firstResponseSent', at: '2025-03-12T12:00:01Z' }], '2025-03-13T12:00:00Z').firstResponse?.status,
    ).toBe('breached');
  });

  it('never pauses first response; pauses resolution and updates while waiting for the customer', () => {
    const events: SlaEvent[] = [
      { type: 'firstResponseSent', at: '2025-03-12T08:30:00Z' },
      { type: 'pausedAwaitingCustomer', at: '2025-03-12T09:00:00Z' },
    ];
    const paused = clocks(events, '2025-03-12T13:00:00Z');
    expect(paused.resolution).toMatchObject({
      status: 'paused',
      dueAt: null,
      elapsedSeconds: 3600,
      pausedSeconds: 4 * 3600,
    });
    expect(paused.update).toMatchObject({ status: 'paused', dueAt: null, elapsedSeconds: 1800 });
    const resumed = clocks([...events, { type: 'resumed', at: '2025-03-12T14:00:00Z' }], '2025-03-12T14:00:00Z');
    // 1h used before the pause, 15h left from Wednesday 15:00 CET: 2h Wed, 8h Thu, 5h Fri -> Fri 14:00 CET.
    expect(resumed.resolution).toMatchObject({
      status: 'running',
      pausedSeconds: 5 * 3600,
      dueAt: '2025-03-14T13:00:00Z',
    });
  });

  it('counts the update cadence from the last customer-visible update and switches it at the workaround', () => {
    const events: SlaEvent[] = [
      { type: 'firstResponseSent', at: '2025-03-12T08:30:00Z' },
      { type: 'customerUpdateSent', at: '2025-03-12T10:00:00Z' },
    ];
    expect(clocks(events, '2025-03-12T10:30:00Z').update?.dueAt).toBe('2025-03-12T12:00:00Z');
    const withWorkaround = clocks(
      [...events, { type: 'workaroundFound', at: '2025-03-12T11:00:00Z' }],
      '2025-03-12T11:00:00Z',
    );
    expect(withWorkaround.update?.dueAt).toBe('2025-03-13T10:00:00Z'); // 8 business hours from 11:00 CET
  });

  it('counts missed update cycles', () => {
    const events: SlaEvent[] = [
      { type: 'firstResponseSent', at: '2025-03-12T08:30:00Z' },
      { type: 'customerUpdateSent', at: '2025-03-12T11:00:00Z' }, // 2.5h later: missed
      { type: 'customerUpdateSent', at: '2025-03-12T12:00:00Z' },
    ];
    expect(clocks(events, '2025-03-12T12:30:00Z').update?.missedUpdates).toBe(1);
  });

  it('stops resolution while resolved and resumes it on reopen without counting the gap', () => {
    const events: SlaEvent[] = [
      { type: 'firstResponseSent', at: '2025-03-12T08:30:00Z' },
      { type: 'resolved', at: '2025-03-12T10:00:00Z' },
    ];
    const resolved = clocks(events, '2025-03-13T10:00:00Z');
    expect(resolved.resolution).toMatchObject({
      status: 'met',
      elapsedSeconds: 2 * 3600,
      stoppedAt: '2025-03-12T10:00:00Z',
    });
    expect(resolved.update).toBeUndefined();
    const reopened = clocks([...events, { type: 'reopened', at: '2025-03-13T08:00:00Z' }], '2025-03-13T09:00:00Z');
    expect(reopened.resolution).toMatchObject({ status: 'running', elapsedSeconds: 3 * 3600 });
  });

  it('keeps the policy version the ticket opened under until an explicit re-evaluation', () => {
    const v2: SlaPolicy = {
      ...policy,
      version: 2,
      matcher: { kind: 'fixed', targets: { firstResponse: { span: businessHours(1), calendar: 'test-budapest' } } },
    };
    const both = { ...context, policies: [policy, v2] };
    const under = (later: SlaEvent[]) =>
      clocksFor(both, policy, {}, opened, later, '2025-03-12T08:30:00Z').firstResponse?.dueAt;
    expect(under([])).toBe('2025-03-12T12:00:00Z');
    expect(under([{ type: 'policyReevaluated', at: '2025-03-12T08:20:00Z', policy: { id: 'test', version: 2 } }])).toBe(
      '2025-03-12T09:00:00Z',
    );
  });

  it('counts an update cadence agreed with the customer instead of the policy’s, until it is taken back', () => {
    const agreed: SlaEvent = {
      type: 'updateCadenceAgreed',
      at: '2025-03-12T08:30:00Z',
      cadence: { span: elapsedHours(4), calendar: 'test-budapest' },
    };
    const events: SlaEvent[] = [{ type: 'firstResponseSent', at: '2025-03-12T08:10:00Z' }, agreed];
    // The cycle that started with the first response is now counted on the agreed 4 hours.
    expect(clocks(events, '2025-03-12T09:00:00Z').update).toMatchObject({
      span: elapsedHours(4),
      startedAt: '2025-03-12T08:10:00Z',
      dueAt: '2025-03-12T12:10:00Z',
      warnsAt: '2025-03-12T11:10:00Z',
    });
    // A cycle judged by the cadence in force when it started: 3 hours is no miss under the agreed 4.
    const updated: SlaEvent[] = [...events, { type: 'customerUpdateSent', at: '2025-03-12T11:40:00Z' }];
    expect(clocks(updated, '2025-03-12T12:00:00Z').update).toMatchObject({ missedUpdates: 0 });
    const back: SlaEvent[] = [...updated, { type: 'updateCadenceAgreed', at: '2025-03-12T12:00:00Z', cadence: null }];
    expect(clocks(back, '2025-03-12T12:10:00Z').update).toMatchObject({
      span: elapsedHours(2),
      dueAt: '2025-03-12T13:40:00Z',
    });
  });

  it('says when to look again', () => {
    expect(clocks([], '2025-03-12T09:00:00Z').nextChangeAt).toBe('2025-03-12T11:00:00Z');
  });

  it('rejects events out of order or before opening', () => {
    expect(() => evolveSla(undefined, { type: 'resolved', at: opened })).toThrow('INVALID_EVENT_SEQUENCE');
    expect(() => clocks([{ type: 'resolved', at: '2025-03-12T07:00:00Z' }], '2025-03-12T09:00:00Z')).toThrow(
      'earlier than the previous event',
    );
  });
});
