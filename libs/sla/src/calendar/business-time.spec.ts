import {
  addBusinessDays,
  addBusinessDuration,
  addCalendarDays,
  addCalendarMonths,
  businessElapsed,
  nextBusinessInstant,
  SlaError,
} from '..';
import { at, budapestOffice, calendarFor, iso } from '../../spec/fixtures';

const HOUR = 3600;
const budapest = () => calendarFor(budapestOffice);

describe('business time on a Budapest Mon-Fri 09:00-17:00 calendar', () => {
  it('carries a duration over the weekend and the spring DST change', () => {
    // Friday 2025-03-28 16:59 CET; DST starts Sunday 30 March; Monday is CEST (+02:00).
    expect(iso(addBusinessDuration(budapest(), at('2025-03-28T15:59:00Z'), 2 * HOUR))).toBe('2025-03-31T08:59:00Z');
  });

  it('returns the closing instant when a duration ends exactly at closing', () => {
    expect(iso(addBusinessDuration(budapest(), at('2025-03-28T15:59:00Z'), 60))).toBe('2025-03-28T16:00:00Z');
  });

  it('returns the start unchanged for a zero duration outside hours', () => {
    expect(iso(addBusinessDuration(budapest(), at('2025-03-29T12:00:00Z'), 0))).toBe('2025-03-29T12:00:00Z');
  });

  it('starts counting at the next opening when started outside hours', () => {
    expect(iso(addBusinessDuration(budapest(), at('2025-03-29T12:00:00Z'), 1))).toBe('2025-03-31T07:00:01Z');
    expect(iso(nextBusinessInstant(budapest(), at('2025-03-29T12:00:00Z')))).toBe('2025-03-31T07:00:00Z');
  });

  it('treats the closing instant as non-working (half-open intervals)', () => {
    expect(iso(nextBusinessInstant(budapest(), at('2025-03-28T16:00:00Z')))).toBe('2025-03-31T07:00:00Z');
    expect(iso(nextBusinessInstant(budapest(), at('2025-03-28T08:00:00Z')))).toBe('2025-03-28T08:00:00Z');
  });

  it('skips Good Friday and Easter Monday from date-holidays', () => {
    // Thursday 2025-04-17 16:00 CEST + 2h -> 1h Thursday, then Tuesday 22 April 10:00.
    expect(iso(addBusinessDuration(budapest(), at('2025-04-17T14:00:00Z'), 2 * HOUR))).toBe('2025-04-22T08:00:00Z');
  });

  it('works on a transferred working Saturday and not on the bridge day', () => {
    // Thursday 2025-05-01 is Labour Day, Friday 2 May a bridge day, Saturday 17 May a working day.
    expect(iso(addBusinessDuration(budapest(), at('2025-05-16T14:30:00Z'), HOUR))).toBe('2025-05-17T07:30:00Z');
    expect(iso(nextBusinessInstant(budapest(), at('2025-04-30T15:00:00Z')))).toBe('2025-05-05T07:00:00Z');
  });

  it('measures elapsed business time, and 0 for a backwards range', () => {
    expect(businessElapsed(budapest(), at('2025-03-28T15:59:00Z'), at('2025-03-31T08:59:00Z'))).toBe(2 * HOUR);
    expect(businessElapsed(budapest(), at('2025-03-31T08:59:00Z'), at('2025-03-28T15:59:00Z'))).toBe(0);
    expect(businessElapsed(budapest(), at('2025-03-29T00:00:00Z'), at('2025-03-30T23:00:00Z'))).toBe(0);
  });

  it('ends N business days at the close of the N-th business day after the start day', () => {
    const fridayBeforeClose = at('2025-03-28T15:59:00Z');
    expect(iso(addBusinessDays(budapest(), fridayBeforeClose, 1))).toBe('2025-03-31T15:00:00Z');
    expect(iso(addBusinessDays(budapest(), fridayBeforeClose, 2))).toBe('2025-04-01T15:00:00Z');
    // Started on Saturday: Monday is the first business day after the start day.
    expect(iso(addBusinessDays(budapest(), at('2025-03-29T10:00:00Z'), 1))).toBe('2025-03-31T15:00:00Z');
    // Started Thursday before Easter: Friday and Monday are holidays.
    expect(iso(addBusinessDays(budapest(), at('2025-04-17T08:00:00Z'), 1))).toBe('2025-04-22T15:00:00Z');
  });

  it('adds calendar days as the same local wall-clock time', () => {
    // 2025-03-27 10:00 CET + 7 days = 2025-04-03 10:00 CEST: 7 x 24h minus one hour.
    expect(iso(addCalendarDays(budapest(), at('2025-03-27T09:00:00Z'), 7))).toBe('2025-04-03T08:00:00Z');
    expect(iso(addCalendarMonths(budapest(), at('2025-01-31T09:00:00Z'), 1))).toBe('2025-02-28T09:00:00Z');
  });

  it('rejects instants outside the compiled horizon', () => {
    expect(() => addBusinessDuration(budapest(), at('2030-01-01T00:00:00Z'), 60)).toThrow(SlaError);
    expect(() => addBusinessDuration(budapest(), at('2026-12-31T15:00:00Z'), 100 * HOUR)).toThrow(/HORIZON_EXCEEDED/);
  });
});
