import { addBusinessDays, addBusinessDuration, businessElapsed, isBusinessInstant, nextBusinessInstant } from '..';
import type { CalendarDefinition } from '..';
import { publicHolidayDays } from '../compile';
import { at, calendarFor, iso } from '../../spec/fixtures';

const HOUR = 3600;
const nineToSix = [['09:00', '18:00']] as const;

/** Moscow Mon-Fri 09:00-18:00 with Russia's public holidays: New Year holidays run 1-8 January. */
const moscow: CalendarDefinition = {
  id: 'test-moscow',
  version: 1,
  timeZone: 'Europe/Moscow',
  week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
  publicHolidays: { country: 'RU' },
};
const calendar = () => calendarFor(moscow, 2024, 2);

describe('a holiday that lasts several days (Russia: 2-6 January is one entry in date-holidays)', () => {
  it('closes every day of it, not only the first', () => {
    const january = publicHolidayDays(moscow, 2025, 2025).filter((day) => day.date.startsWith('2025-01'));
    expect(january.map((day) => day.date)).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-04',
      '2025-01-05',
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
    ]);
    expect(january.every((day) => day.hours.length === 0)).toBe(true);
    expect(january[3].reason).toBe('public holiday: Новогодние каникулы');
  });

  it('gives eve hours only to the working day before the first day, never inside the holiday', () => {
    const days = publicHolidayDays(
      { ...moscow, publicHolidays: { country: 'RU', eveHours: [['09:00', '15:00']] } },
      2025,
      2025,
    );
    const around = days.filter((day) => day.date >= '2024-12-31' && day.date <= '2025-01-09');
    expect(around.filter((day) => day.hours.length > 0)).toEqual([
      { date: '2024-12-31', hours: [['09:00', '15:00']], reason: 'eve of Новый год' },
    ]);
    expect(around.filter((day) => day.hours.length === 0)).toHaveLength(8);
  });

  it('is skipped by business time: 1 h before it and 1 h after it', () => {
    // Tuesday 2024-12-31 17:00 MSK (+03:00), then closed Wednesday 1 to Wednesday 8 January.
    expect(iso(addBusinessDuration(calendar(), at('2024-12-31T14:00:00Z'), 2 * HOUR))).toBe('2025-01-09T07:00:00Z');
    expect(businessElapsed(calendar(), at('2024-12-31T15:00:00Z'), at('2025-01-09T06:00:00Z'))).toBe(0);
    expect(nextBusinessInstant(calendar(), at('2025-01-03T08:00:00Z'))).toBe(at('2025-01-09T06:00:00Z'));
    expect(isBusinessInstant(calendar(), at('2025-01-06T08:00:00Z'))).toBe(false); // a Monday inside it
  });

  it('does not count as business days', () => {
    expect(iso(addBusinessDays(calendar(), at('2024-12-31T08:00:00Z'), 1))).toBe('2025-01-09T15:00:00Z');
    expect(iso(addBusinessDays(calendar(), at('2024-12-31T08:00:00Z'), 2))).toBe('2025-01-10T15:00:00Z');
  });
});
