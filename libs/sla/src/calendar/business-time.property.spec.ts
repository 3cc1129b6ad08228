import fc from 'fast-check';
import {
  addBusinessDays,
  addBusinessDuration,
  addCalendarDays,
  businessElapsed,
  CalendarDefinition,
  fromLocal,
  isBusinessInstant,
  loadCalendar,
  nextBusinessInstant,
  toLocal,
} from '..';
import { compileCalendar } from '../compile';
import { at, budapestOffice, calendarFor, splitShiftOffice } from '../../spec/fixtures';

const calendars = [calendarFor(budapestOffice), calendarFor(splitShiftOffice)];
const anyCalendar = fc.constantFrom(...calendars);
const instant = fc.integer({ min: at('2024-01-02T00:00:00Z'), max: at('2026-06-30T00:00:00Z') });
const duration = fc.integer({ min: 0, max: 400 * 3600 });
const runs = { numRuns: 300 };

describe('business time properties', () => {
  it('adding then measuring a business duration returns it', () => {
    fc.assert(
      fc.property(anyCalendar, instant, duration, (calendar, start, seconds) => {
        expect(businessElapsed(calendar, start, addBusinessDuration(calendar, start, seconds))).toBe(seconds);
      }),
      runs,
    );
  });

  it('a positive duration ends right after a working second, never inside non-working time', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        instant,
        duration.filter((s) => s > 0),
        (calendar, start, seconds) => {
          const end = addBusinessDuration(calendar, start, seconds);
          expect(isBusinessInstant(calendar, end - 1)).toBe(true);
          expect(isBusinessInstant(calendar, nextBusinessInstant(calendar, start))).toBe(true);
        },
      ),
      runs,
    );
  });

  it('is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, duration, duration, (calendar, a, b, d1, d2) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addBusinessDuration(calendar, early, short)).toBeLessThanOrEqual(
          addBusinessDuration(calendar, late, short),
        );
        expect(addBusinessDuration(calendar, early, short)).toBeLessThanOrEqual(
          addBusinessDuration(calendar, early, long),
        );
        expect(addBusinessDays(calendar, early, 1)).toBeLessThanOrEqual(addBusinessDays(calendar, late, 1));
      }),
      runs,
    );
  });

  it('elapsed time is additive over split intervals', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, instant, (calendar, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        expect(businessElapsed(calendar, a, c)).toBe(businessElapsed(calendar, a, b) + businessElapsed(calendar, b, c));
      }),
      runs,
    );
  });

  it('keeps these laws on DST days (Budapest and New York, spring and autumn 2025)', () => {
    const transitions = [
      '2025-03-30T01:00:00Z',
      '2025-10-26T01:00:00Z',
      '2025-03-09T07:00:00Z',
      '2025-11-02T06:00:00Z',
    ].map(at);
    const nearDst = fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * 86400, max: 3 * 86400 }))
      .map(([t, d]) => t + d);
    fc.assert(
      fc.property(
        anyCalendar,
        nearDst,
        fc.integer({ min: 0, max: 30 * 3600 }),
        fc.integer({ min: 1, max: 10 }),
        (calendar, start, seconds, days) => {
          const end = addBusinessDuration(calendar, start, seconds);
          expect(businessElapsed(calendar, start, end)).toBe(seconds);
          const later = addCalendarDays(calendar, start, days);
          const targetWallClock = toLocal(calendar.offsets, start) + days * 86400;
          // Same wall clock, unless that wall time falls in a spring-forward gap: then one hour later.
          expect([0, 3600]).toContain(toLocal(calendar.offsets, later) - targetWallClock);
          if (toLocal(calendar.offsets, later) !== targetWallClock)
            expect(toLocal(calendar.offsets, later - 3600)).not.toBe(targetWallClock);
        },
      ),
      runs,
    );
  });

  it('honours random holiday overrides: closed days get no work, short days exactly their hours', () => {
    const dayOf2025 = fc
      .integer({ min: 0, max: 364 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    const override = fc.record({
      date: dayOf2025,
      hours: fc.constantFrom<CalendarDefinition['week']['mon']>(
        [],
        [['10:00', '12:00']],
        [['00:00', '24:00']],
        [
          ['08:00', '09:00'],
          ['15:00', '16:30'],
        ],
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(override, { selector: (o) => o.date, maxLength: 8 }), (overrides) => {
        const definition: CalendarDefinition = {
          ...budapestOffice,
          publicHolidays: undefined,
          overrides: overrides.map((o) => ({ ...o, hours: o.hours ?? [], reason: 'test' })),
        };
        const calendar = loadCalendar(compileCalendar(definition, { from: '2025-01-01', to: '2026-01-01' }));
        for (const { date, hours } of overrides) {
          const midnight = at(`${date}T00:00:00Z`) - 3600 * 2; // local midnight is 22:00 or 23:00 UTC the day before
          const localMidnight = toLocal(calendar.offsets, midnight) % 86400 === 0 ? midnight : midnight + 3600;
          // Elapsed real seconds between the wall times: 00:00–24:00 is 23 or 25 hours on a DST day.
          const instantOf = (wall: string) =>
            fromLocal(calendar.offsets, toLocal(calendar.offsets, localMidnight) + minutes(wall) * 60);
          const expected = (hours ?? []).reduce((sum, [open, close]) => sum + instantOf(close) - instantOf(open), 0);
          expect(businessElapsed(calendar, localMidnight, addCalendarDays(calendar, localMidnight, 1))).toBe(expected);
        }
      }),
      {
        numRuns: 15,
        // Found by a random run: the days clocks go back and forward in Budapest, open all day.
        examples: [
          [[{ date: '2025-10-26', hours: [['00:00', '24:00']] }]],
          [[{ date: '2025-03-30', hours: [['00:00', '24:00']] }]],
        ],
      },
    );
  });
});

function minutes(wall: string): number {
  const [h, m] = wall.split(':').map(Number);
  return h * 60 + m;
}
