import {
  BusinessCalendar,
  CalendarDefinition,
  Classification,
  loadCalendar,
  SlaContext,
  SlaEvent,
  SlaPolicy,
  SlaPreset,
  slaClocksAsOf,
  toEpochSeconds,
  toIsoString,
} from '../src';
import { compileCalendarForYears } from '../src/compile';

const cache = new Map<string, BusinessCalendar>();

/** Compiles (once per test file) 2024-2026 with public holidays. */
export function calendarFor(definition: CalendarDefinition, fromYear = 2024, years = 3): BusinessCalendar {
  const key = `${definition.id}@${definition.version}:${fromYear}+${years}`;
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = loadCalendar(compileCalendarForYears(definition, fromYear, years));
    cache.set(key, calendar);
  }
  return calendar;
}

export const at = toEpochSeconds;
export const iso = toIsoString;

export const budapestOffice: CalendarDefinition = {
  id: 'test-budapest',
  version: 1,
  timeZone: 'Europe/Budapest',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  publicHolidays: { country: 'HU' },
  overrides: [
    { date: '2025-05-17', hours: [['09:00', '17:00']], reason: 'transferred working Saturday (for 2 May)' },
    { date: '2025-05-02', hours: [], reason: 'bridge day' },
  ],
};

export const splitShiftOffice: CalendarDefinition = {
  id: 'test-split',
  version: 1,
  timeZone: 'America/New_York',
  week: {
    mon: [
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ],
    tue: [
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ],
    wed: [
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ],
    thu: [
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ],
    fri: [['08:00', '12:00']],
    sun: [['00:00', '03:00']],
  },
};

export function presetContext(preset: SlaPreset): SlaContext {
  return { policies: preset.policies, calendars: preset.calendars.map((definition) => calendarFor(definition)) };
}

/** Clocks for a ticket opened at `openedAt` under `policy` with these later events. */
export function clocksFor(
  context: SlaContext,
  policy: SlaPolicy,
  classification: Classification,
  openedAt: string,
  later: SlaEvent[],
  asOf: string,
) {
  const events: SlaEvent[] = [
    { type: 'opened', at: openedAt, policy: { id: policy.id, version: policy.version }, classification },
    ...later,
  ];
  const clocks = slaClocksAsOf(events, asOf, context);
  if (!clocks) throw new Error('no clocks');
  return clocks;
}
