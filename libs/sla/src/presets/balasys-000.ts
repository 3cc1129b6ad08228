import { calendarMonths, calendarWeeks, businessDays, elapsedHours } from '../policy/span';
import { TargetSet } from '../policy/policy';
import { SlaPreset, weekdays } from './preset';

const CALENDAR = 'balasys-budapest';
const onCalendar = { calendar: CALENDAR };

const transferred = (date: string) => ({
  date,
  hours: [['09:00', '17:00'] as const],
  reason: 'transferred working Saturday (Hungarian decree)',
});
const restDay = (date: string) => ({ date, hours: [], reason: 'rest day moved by Hungarian decree' });

const standard: Record<string, TargetSet> = {
  S1: {
    firstResponse: { span: businessDays(1), ...onCalendar },
    updates: { beforeWorkaround: { span: businessDays(1), ...onCalendar }, afterWorkaround: null },
  },
  S2: {
    firstResponse: { span: businessDays(2), ...onCalendar },
    updates: {
      beforeWorkaround: { span: calendarWeeks(1), ...onCalendar, assumed: 'weekly = same local time 7 days later' },
    },
  },
  S3: {
    firstResponse: { span: calendarWeeks(1), ...onCalendar },
    updates: {
      beforeWorkaround: {
        span: calendarMonths(1),
        ...onCalendar,
        assumed: 'monthly = same local time one month later',
      },
    },
  },
};

const privileged: Record<string, TargetSet> = {
  S1: {
    firstResponse: { span: elapsedHours(2), ...onCalendar, assumed: '2 hours counted 24x7 (the plan is 24x7)' },
    updates: { beforeWorkaround: { span: elapsedHours(2), ...onCalendar }, afterWorkaround: null },
  },
  S2: {
    firstResponse: { span: businessDays(1), ...onCalendar },
    updates: { beforeWorkaround: { span: businessDays(1), ...onCalendar } },
  },
  S3: {
    firstResponse: { span: businessDays(1), ...onCalendar },
    updates: {
      beforeWorkaround: { span: calendarWeeks(1), ...onCalendar, assumed: 'weekly = same local time 7 days later' },
    },
  },
};

export const balasysPreset: SlaPreset = {
  id: '000-balasys',
  vendor: 'Balasys',
  source: 'seeds/000: Ügykezelési folyamat (severity x support plan)',
  calendars: [
    {
      id: CALENDAR,
      version: 1,
      timeZone: 'Europe/Budapest',
      week: weekdays('09:00', '17:00'),
      publicHolidays: { country: 'HU' },
      overrides: [
        ...[
          '2024-08-19',
          '2024-12-24',
          '2024-12-27',
          '2025-05-02',
          '2025-10-24',
          '2025-12-24',
          '2026-01-02',
          '2026-08-21',
          '2026-12-24',
        ].map(restDay),
        ...[
          '2024-08-03',
          '2024-12-07',
          '2024-12-14',
          '2025-05-17',
          '2025-10-18',
          '2025-12-13',
          '2026-01-10',
          '2026-08-08',
          '2026-12-12',
        ].map(transferred),
      ],
      notes: ['assumed: business hours Mon-Fri 09:00-17:00 (the document names no hours)'],
    },
  ],
  policies: [
    {
      id: 'balasys',
      version: 1,
      title: 'Balasys: response time and communication frequency by severity x support plan',
      calendars: [CALENDAR],
      matcher: {
        kind: 'severityPlan',
        plans: { BaseSU: 'standard', StandardSU: 'standard', PrivilegeSU: 'privileged', '24x7SU': 'privileged' },
        matrix: { standard, privileged },
      },
    },
  ],
  assumptions: [
    'assumed: Europe/Budapest, Mon-Fri 09:00-17:00, Hungarian public holidays plus the decree transfers listed',
    'assumed: PrivilegeSU S1 "2 hours" response counts 24x7, like its update cadence',
    'assumed: "once a week/month in business hours" = the same local time 7 days / one month after the last update',
    'assumed: S1 updates stop being due once a workaround exists (support then lowers the severity, whose cadence applies)',
    'assumed: no resolution target (the document gives none)',
  ],
};
