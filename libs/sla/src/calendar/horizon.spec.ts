import { addCalendarDays, addCalendarMonths, isBusinessInstant, SlaError } from '..';
import { at, budapestOffice, calendarFor, iso } from '../../spec/fixtures';

/** Compiled for 2025 only: [2025-01-01, 2026-01-01) Budapest time. */
const only2025 = () => calendarFor(budapestOffice, 2025, 1);
const only2026 = () => calendarFor(budapestOffice, 2026, 1);

function horizonError(run: () => unknown): SlaError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SlaError);
    return error as SlaError;
  }
  throw new Error('expected HORIZON_EXCEEDED');
}

describe('operations outside the compiled horizon throw HORIZON_EXCEEDED (docs/sla.md)', () => {
  it('addCalendarDays: a start after the horizon would miss the 2026 DST change', () => {
    // 2026-03-27 10:00 CET + 7 days = 2026-04-03 10:00 CEST = 08:00Z; a 2025 table cannot know that.
    expect(horizonError(() => addCalendarDays(only2025(), at('2026-03-27T09:00:00Z'), 7)).code).toBe(
      'HORIZON_EXCEEDED',
    );
    expect(iso(addCalendarDays(only2026(), at('2026-03-27T09:00:00Z'), 7))).toBe('2026-04-03T08:00:00Z');
  });

  it('addCalendarDays: a start before the horizon, and an end past it', () => {
    expect(() => addCalendarDays(only2026(), at('2025-12-20T09:00:00Z'), 1)).toThrow(/HORIZON_EXCEEDED: start/);
    expect(() => addCalendarDays(only2025(), at('2025-12-28T09:00:00Z'), 7)).toThrow(
      /HORIZON_EXCEEDED: 7 calendar days after \d+: end \d+ is outside calendar "test-budapest" v1's horizon/,
    );
    expect(iso(addCalendarDays(only2025(), at('2025-12-24T09:00:00Z'), 7))).toBe('2025-12-31T09:00:00Z');
    expect(iso(addCalendarDays(only2025(), at('2025-01-08T09:00:00Z'), -7))).toBe('2025-01-01T09:00:00Z');
    expect(() => addCalendarDays(only2025(), at('2025-01-08T09:00:00Z'), -8)).toThrow(/HORIZON_EXCEEDED/);
  });

  it('addCalendarMonths: a start outside, and an end past, the horizon', () => {
    expect(horizonError(() => addCalendarMonths(only2025(), at('2026-01-15T09:00:00Z'), 1)).code).toBe(
      'HORIZON_EXCEEDED',
    );
    expect(() => addCalendarMonths(only2025(), at('2025-12-15T09:00:00Z'), 1)).toThrow(
      /HORIZON_EXCEEDED: 1 calendar months after \d+: end/,
    );
    expect(iso(addCalendarMonths(only2025(), at('2025-11-30T09:00:00Z'), 1))).toBe('2025-12-30T09:00:00Z');
  });

  it('isBusinessInstant: answers inside the horizon, throws outside it', () => {
    expect(isBusinessInstant(only2025(), at('2025-12-30T09:00:00Z'))).toBe(true);
    expect(isBusinessInstant(only2025(), at('2025-12-30T16:00:00Z'))).toBe(false);
    expect(isBusinessInstant(only2025(), at('2025-12-27T09:00:00Z'))).toBe(false);
    expect(horizonError(() => isBusinessInstant(only2025(), at('2026-03-27T09:00:00Z'))).code).toBe('HORIZON_EXCEEDED');
    expect(() => isBusinessInstant(only2026(), at('2025-12-30T09:00:00Z'))).toThrow(/HORIZON_EXCEEDED: instant/);
  });
});
