import { CompiledCalendar, loadCalendar, SlaError } from '..';
import { compileCalendar, compileCalendarForYears } from '../compile';
import { budapestOffice } from '../../spec/fixtures';

describe('compiled calendars', () => {
  const compiled = compileCalendarForYears(budapestOffice, 2025, 10);

  it('are plain JSON that survives a round trip (an activity result) and stays small', () => {
    const wire = JSON.parse(JSON.stringify(compiled)) as CompiledCalendar;
    expect(loadCalendar(wire).businessAtClose.length).toBe(compiled.intervals.length / 2);
    expect(JSON.stringify(compiled).length).toBeLessThan(40_000); // 10 years Mon-Fri: about 31 KB
  });

  it('have a stable identity that changes with the content', () => {
    const twoYears = compileCalendarForYears(budapestOffice, 2025, 2);
    expect(compileCalendarForYears(budapestOffice, 2025, 2).hash).toBe(twoYears.hash);
    expect(compileCalendarForYears({ ...budapestOffice, overrides: [] }, 2025, 2).hash).not.toBe(twoYears.hash);
  });

  it('refuse a table altered after compiling', () => {
    const tampered = { ...compiled, intervals: [...compiled.intervals] };
    tampered.intervals[3] += 60;
    expect(() => loadCalendar(tampered)).toThrow(SlaError);
    expect(() => loadCalendar(tampered)).toThrow('CALENDAR_TAMPERED');
  });

  it('record DST offsets so that workflows never read tzdata', () => {
    const calendar = compileCalendar(budapestOffice, { from: '2025-01-01', to: '2026-01-01' });
    // +01:00 all along, +02:00 from 30 March 01:00Z, +01:00 again from 26 October 01:00Z.
    expect(calendar.offsets).toEqual([
      Date.UTC(2024, 11, 30) / 1000,
      3600,
      Date.UTC(2025, 2, 30, 1) / 1000,
      7200,
      Date.UTC(2025, 9, 26, 1) / 1000,
      3600,
    ]);
  });
});
