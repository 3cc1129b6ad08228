/** The customer-side windows (clarification, acceptance, feedback) on a real compiled calendar. */
import { halfwayInstant, spanEnd } from '@caseflow/domain';
import {
  businessDays,
  businessHours,
  calendarDays,
  calendarMonths,
  elapsedHours,
  loadCalendar,
  presetById,
} from '@caseflow/sla';
import { compileCalendarForYears } from '@caseflow/sla/compile';

// Budapest, Mon-Fri 09:00-17:00, Hungarian holidays; DST starts Sunday 29 March 2026.
const budapest = loadCalendar(compileCalendarForYears(presetById('000-balasys')!.calendars[0], 2026, 1));
const fridayLate = '2026-03-27T15:30:00.000Z'; // Friday 16:30 CET

describe('spanEnd', () => {
  it.each([
    ['business time: 30 min on Friday, 30 on Monday (CEST)', businessHours(1), '2026-03-30T07:30:00.000Z'],
    ['wall-clock time', elapsedHours(1), '2026-03-27T16:30:00.000Z'],
    ['business days: the close of the next business day', businessDays(1), '2026-03-30T15:00:00.000Z'],
    ['calendar days: the same local time, across DST', calendarDays(7), '2026-04-03T14:30:00.000Z'],
    ['calendar months: the same local time a month later', calendarMonths(1), '2026-04-27T14:30:00.000Z'],
  ])('%s', (_what, span, expected) => {
    expect(spanEnd(budapest, fridayLate, span)).toBe(expected);
  });
});

describe('halfwayInstant', () => {
  const mondayClose = '2026-03-30T15:00:00.000Z';

  it('halves business time when the window is business time', () => {
    // 30 min on Friday + 8 h on Monday = 8.5 h; half is 4 h 15 min: Monday 12:45 CEST.
    expect(halfwayInstant(budapest, fridayLate, mondayClose, true)).toBe('2026-03-30T10:45:00.000Z');
  });

  it('halves wall-clock time otherwise', () => {
    // 71.5 h; half is 35 h 45 min after Friday 15:30Z.
    expect(halfwayInstant(budapest, fridayLate, mondayClose, false)).toBe('2026-03-29T03:15:00.000Z');
    expect(halfwayInstant(budapest, fridayLate, '2026-03-27T15:30:03.000Z', false)).toBe('2026-03-27T15:30:01.000Z');
  });
});
