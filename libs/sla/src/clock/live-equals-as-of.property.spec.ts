import fc from 'fast-check';
import {
  businessDays,
  businessHours,
  elapsedHours,
  evolveSla,
  projectSlaClocks,
  SlaEvent,
  SlaPolicy,
  SlaState,
  slaClocksAsOf,
  toIsoString,
} from '..';
import { at, budapestOffice, calendarFor } from '../../spec/fixtures';

const policy: SlaPolicy = {
  id: 'prop',
  version: 1,
  title: 'property policy',
  calendars: ['test-budapest'],
  matcher: {
    kind: 'severityPlan',
    plans: { std: 'std' },
    matrix: {
      std: {
        S1: {
          firstResponse: { span: businessHours(2), calendar: 'test-budapest' },
          updates: { beforeWorkaround: { span: elapsedHours(2), calendar: 'test-budapest' }, afterWorkaround: null },
          resolution: { span: businessDays(3), calendar: 'test-budapest' },
        },
        S2: {
          firstResponse: { span: businessDays(1), calendar: 'test-budapest' },
          updates: { beforeWorkaround: { span: businessHours(8), calendar: 'test-budapest' } },
          resolution: { span: businessDays(5), calendar: 'test-budapest' },
        },
      },
    },
  },
};
const context = { policies: [policy], calendars: [calendarFor(budapestOffice)] };
const openedAt = at('2025-03-10T08:00:00Z');

const laterEvent = fc.oneof(
  fc.constantFrom<SlaEvent['type']>(
    'firstResponseSent',
    'customerUpdateSent',
    'pausedAwaitingCustomer',
    'resumed',
    'workaroundFound',
    'resolved',
    'reopened',
  ),
  fc.constantFrom('S1', 'S2'),
);
const ticket = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 * 3600 }), laterEvent), { maxLength: 12 })
  .map((steps) => {
    let time = openedAt;
    const events: SlaEvent[] = [
      {
        type: 'opened',
        at: toIsoString(openedAt),
        policy: { id: 'prop', version: 1 },
        classification: { plan: 'std', severity: 'S1' },
      },
    ];
    for (const [gap, kind] of steps) {
      time += gap;
      const iso = toIsoString(time);
      events.push(
        kind === 'S1' || kind === 'S2'
          ? { type: 'classificationChanged', at: iso, classification: { severity: kind } }
          : ({ type: kind, at: iso } as SlaEvent),
      );
    }
    return events;
  });

describe('live clock == as-of clock from the same events', () => {
  it("folding events as they arrive and projecting now equals the auditor's as-of view of the full history", () => {
    fc.assert(
      fc.property(ticket, fc.integer({ min: 0, max: 10 * 24 * 3600 }), (events, offset) => {
        const asOf = toIsoString(openedAt + offset);
        let live: SlaState | undefined;
        for (const event of events) if (at(event.at) <= at(asOf)) live = evolveSla(live, event);
        const liveClocks = live && projectSlaClocks(live, asOf, context);
        expect(slaClocksAsOf(events, asOf, context)).toEqual(liveClocks);
      }),
      { numRuns: 150 },
    );
  });

  it('a clock without new events moves only forward: elapsed never shrinks, breached stays breached', () => {
    fc.assert(
      fc.property(
        ticket,
        fc.integer({ min: 0, max: 5 * 24 * 3600 }),
        fc.integer({ min: 0, max: 5 * 24 * 3600 }),
        (events, a, b) => {
          const last = at(events[events.length - 1].at);
          const [early, late] = [last + Math.min(a, b), last + Math.max(a, b)].map(toIsoString);
          const before = slaClocksAsOf(events, early, context)!;
          const after = slaClocksAsOf(events, late, context)!;
          for (const target of ['firstResponse', 'resolution'] as const) {
            expect(after[target]!.elapsedSeconds).toBeGreaterThanOrEqual(before[target]!.elapsedSeconds);
            if (before[target]!.status === 'breached') expect(after[target]!.status).toBe('breached');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
