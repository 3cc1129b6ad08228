import { CalendarDefinition, SlaError } from '..';
import { compileCalendar } from '../compile';
import { budapestOffice } from '../../spec/fixtures';

function compileError(definition: CalendarDefinition): SlaError {
  try {
    compileCalendar(definition, { from: '2025-01-01', to: '2025-02-01' });
  } catch (error) {
    if (error instanceof SlaError) return error;
    throw error;
  }
  throw new Error('expected the calendar to be rejected');
}

describe('invalid calendars are rejected with what is wrong', () => {
  it('overlapping intervals', () => {
    const error = compileError({
      ...budapestOffice,
      week: {
        mon: [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
        ],
      },
    });
    expect(error.code).toBe('INVALID_CALENDAR');
    expect(error.message).toContain('mon: working intervals overlap (09:00-13:00 and 12:00-17:00)');
  });

  it('unknown time zone', () => {
    const error = compileError({ ...budapestOffice, timeZone: 'Europe/Atlantis' });
    expect(error.message).toContain('unknown time zone "Europe/Atlantis"');
  });

  it('end before start', () => {
    const error = compileError({ ...budapestOffice, week: { tue: [['17:00', '09:00']] } });
    expect(error.message).toContain('tue interval 1: end 09:00 is not after start 17:00');
  });

  it('malformed wall time, no working time, bad override date', () => {
    expect(compileError({ ...budapestOffice, week: { wed: [['9am', '17:00']] } }).message).toContain(
      '"9am" is not a wall time',
    );
    expect(compileError({ ...budapestOffice, week: {} }).message).toContain('has no working time');
    expect(
      compileError({ ...budapestOffice, overrides: [{ date: '2025-02-30', hours: [], reason: 'x' }] }).message,
    ).toContain('"2025-02-30" is not YYYY-MM-DD');
  });
});
