/** The errors the SLA library gives for wrong arguments and for what a context lacks. */
import {
  SlaError,
  addBusinessDays,
  addBusinessDuration,
  addCalendarDays,
  addCalendarMonths,
  businessDays,
  businessHours,
  businessMinutes,
  calendarDays,
  calendarMonths,
  calendarWeeks,
  countsBusinessTime,
  describeSpan,
  elapsedHours,
  elapsedMinutes,
  loadCalendar,
  nextBusinessInstant,
  presetById,
  slaPresets,
  toEpochSeconds,
  toIsoString,
  validateCalendarDefinition,
  type CompiledCalendar,
} from '.';
import { calendarOf, policyOf } from './clock/sla-context';
import { compileCalendarForYears } from './compile';
import { at, budapestOffice, calendarFor } from '../spec/fixtures';

const budapest2025 = () => calendarFor(budapestOffice, 2025, 1);

function slaError(run: () => unknown): SlaError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SlaError);
    return error as SlaError;
  }
  throw new Error('expected an SlaError');
}

describe('arguments', () => {
  it('a duration must be whole, non-negative seconds', () => {
    for (const seconds of [-1, 1.5, Number.NaN])
      expect(slaError(() => addBusinessDuration(budapest2025(), at('2025-03-03T09:00:00Z'), seconds))).toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: `INVALID_ARGUMENT: duration must be a whole, non-negative number of seconds (got ${seconds})`,
      });
  });

  it('business days must be whole and at least 1; calendar days and months whole', () => {
    const start = at('2025-03-03T09:00:00Z');
    for (const days of [0, -1, 1.5])
      expect(slaError(() => addBusinessDays(budapest2025(), start, days)).message).toBe(
        `INVALID_ARGUMENT: business days must be a whole number >= 1 (got ${days})`,
      );
    expect(slaError(() => addCalendarDays(budapest2025(), start, 0.5)).message).toBe(
      'INVALID_ARGUMENT: calendar days must be a whole number (got 0.5)',
    );
    expect(slaError(() => addCalendarMonths(budapest2025(), start, 1.5)).message).toBe(
      'INVALID_ARGUMENT: calendar months must be a whole number (got 1.5)',
    );
    expect(addCalendarDays(budapest2025(), start, 0)).toBe(start);
    expect(addCalendarMonths(budapest2025(), start, 0)).toBe(start);
  });

  it('an instant must be ISO-8601; instants print without milliseconds', () => {
    expect(slaError(() => toEpochSeconds('yesterday')).message).toBe(
      'INVALID_ARGUMENT: "yesterday" is not an ISO-8601 instant',
    );
    expect(toEpochSeconds('2025-03-03T09:00:00.999Z')).toBe(Date.UTC(2025, 2, 3, 9) / 1000);
    expect(toIsoString(Date.UTC(2025, 2, 3, 9) / 1000)).toBe('2025-03-03T09:00:00Z');
    expect(toIsoString(Date.UTC(2025, 2, 3, 9) / 1000 + 0.25)).toBe('2025-03-03T09:00:00.250Z');
  });
});

describe('the horizon’s last days', () => {
  it('names how far business days and the next opening would run', () => {
    // The 2025 table ends with 2025; the last working day is Wednesday 31 December.
    expect(slaError(() => addBusinessDays(budapest2025(), at('2025-12-30T09:00:00Z'), 2))).toMatchObject({
      code: 'HORIZON_EXCEEDED',
      message: expect.stringContaining('2 business days after'),
    });
    expect(addBusinessDays(budapest2025(), at('2025-12-30T09:00:00Z'), 1)).toBe(at('2025-12-31T16:00:00Z'));
    expect(slaError(() => nextBusinessInstant(budapest2025(), at('2025-12-31T17:00:00Z')))).toMatchObject({
      code: 'HORIZON_EXCEEDED',
      message: expect.stringContaining('no working time after'),
    });
    expect(slaError(() => addBusinessDuration(budapest2025(), at('2025-12-31T15:00:00Z'), 7200)).message).toContain(
      'runs past calendar "test-budapest"\'s horizon',
    );
    expect(addBusinessDuration(budapest2025(), at('2025-12-31T15:00:00Z'), 3600)).toBe(at('2025-12-31T16:00:00Z'));
  });
});

describe('compiled tables', () => {
  const compiled = compileCalendarForYears(budapestOffice, 2025, 1);

  it('refuses an unknown format, and skips the hash check only when told to', () => {
    expect(slaError(() => loadCalendar({ ...compiled, format: 2 } as unknown as CompiledCalendar))).toMatchObject({
      code: 'INVALID_CALENDAR',
      message: 'INVALID_CALENDAR: compiled calendar format 2 is not supported',
    });
    const altered = { ...compiled, hash: 'not-the-hash' };
    expect(slaError(() => loadCalendar(altered)).code).toBe('CALENDAR_TAMPERED');
    expect(loadCalendar(altered, { verifyHash: false }).hash).toBe('not-the-hash');
  });
});

describe('an SLA context', () => {
  const preset = presetById('000-balasys')!;
  const context = { policies: preset.policies, calendars: [budapest2025()] };

  it('finds policies by id and version and calendars by id, and names what it lacks', () => {
    expect(policyOf(context, { id: 'balasys', version: 1 }).id).toBe('balasys');
    expect(slaError(() => policyOf(context, { id: 'balasys', version: 2 }))).toMatchObject({
      code: 'UNKNOWN_POLICY',
      message: 'UNKNOWN_POLICY: policy "balasys" v2 is not in the SLA context',
    });
    expect(calendarOf(context, 'test-budapest').id).toBe('test-budapest');
    expect(slaError(() => calendarOf(context, 'balasys-budapest'))).toMatchObject({
      code: 'UNKNOWN_CALENDAR',
      message:
        'UNKNOWN_CALENDAR: calendar "balasys-budapest" is not in the SLA context (load its compiled table first)',
    });
  });

  it('presets are found by id', () => {
    expect(presetById('003-bpmsoft')?.vendor).toBe('Programmnye Tekhnologii (BPMSoft customer care)');
    expect(presetById('nope')).toBeUndefined();
    expect(slaPresets.map((p) => p.id)).toEqual([
      '000-balasys',
      '001-netix',
      '002-supratix',
      '003-bpmsoft',
      '004-helpdesk-il',
    ]);
  });
});

describe('spans', () => {
  it('are built in their own measure', () => {
    expect(businessMinutes(30)).toEqual({ measure: 'business', seconds: 1800 });
    expect(businessHours(2)).toEqual({ measure: 'business', seconds: 7200 });
    expect(elapsedMinutes(15)).toEqual({ measure: 'elapsed', seconds: 900 });
    expect(elapsedHours(2)).toEqual({ measure: 'elapsed', seconds: 7200 });
    expect(businessDays(2)).toEqual({ measure: 'businessDays', days: 2 });
    expect(calendarDays(7)).toEqual({ measure: 'calendarDays', days: 7 });
    expect(calendarWeeks(2)).toEqual({ measure: 'calendarDays', days: 14 });
    expect(calendarMonths(1)).toEqual({ measure: 'calendarMonths', months: 1 });
  });

  it('say whether they count business time, and describe themselves', () => {
    expect([businessHours(1), businessDays(1)].every(countsBusinessTime)).toBe(true);
    expect([elapsedHours(1), calendarDays(1), calendarMonths(1)].some(countsBusinessTime)).toBe(false);
    expect(
      [businessHours(2), elapsedHours(24), businessDays(1), calendarDays(7), calendarMonths(1)].map(describeSpan),
    ).toEqual(['2 business hours', '24 hours 24x7', '1 business day(s)', '7 calendar day(s)', '1 calendar month(s)']);
  });
});

describe('calendar definitions', () => {
  const check = (changes: object) =>
    slaError(() => validateCalendarDefinition({ ...budapestOffice, ...changes })).message;

  it('name what is wrong', () => {
    expect(check({ id: '' })).toBe('INVALID_CALENDAR: calendar id is empty');
    expect(check({ version: 0 })).toBe(
      'INVALID_CALENDAR: calendar "test-budapest" v0: version must be a positive integer',
    );
    expect(check({ version: 1.5 })).toContain('version must be a positive integer');
    expect(check({ week: { mon: [['09:00', '17:00']], fri2: [['09:00', '17:00']] } })).toContain(
      '"fri2" is not a weekday (sun..sat)',
    );
    expect(
      check({
        overrides: [
          { date: '2025-05-02', hours: [], reason: 'a' },
          { date: '2025-05-02', hours: [], reason: 'b' },
        ],
      }),
    ).toContain('override 2025-05-02 is given twice');
    expect(check({ overrides: [{ date: '2025-5-2', hours: [], reason: 'a' }] })).toContain(
      'override date "2025-5-2" is not YYYY-MM-DD',
    );
    expect(check({ overrides: [{ date: '2025-13-01', hours: [], reason: 'a' }] })).toContain('is not YYYY-MM-DD');
    expect(check({ publicHolidays: { country: 'HU', eveHours: [['13:00', '12:00']] } })).toContain(
      'holiday eve hours interval 1: end 12:00 is not after start 13:00',
    );
  });
});
