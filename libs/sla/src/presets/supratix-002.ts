import { businessDays } from '../policy/span';
import { SlaPreset, weekdays } from './preset';

const CALENDAR = 'supratix-berlin';
const assumed = 'assumed: the document gives no times';

export const supratixPreset: SlaPreset = {
  id: '002-supratix',
  vendor: 'SupraTix',
  source: 'seeds/002: SupraTix Supportprozess (second-level support, no published times)',
  calendars: [
    {
      id: CALENDAR,
      version: 1,
      timeZone: 'Europe/Berlin',
      week: weekdays('09:00', '17:00'),
      publicHolidays: { country: 'DE' },
      notes: ['assumed: Europe/Berlin Mon-Fri 09:00-17:00, national holidays'],
    },
  ],
  policies: [
    {
      id: 'supratix',
      version: 1,
      title: 'SupraTix second level: assumed targets',
      calendars: [CALENDAR],
      matcher: {
        kind: 'fixed',
        targets: {
          firstResponse: { span: businessDays(1), calendar: CALENDAR, assumed },
          updates: { beforeWorkaround: { span: businessDays(2), calendar: CALENDAR, assumed } },
          resolution: { span: businessDays(10), calendar: CALENDAR, assumed },
        },
      },
    },
  ],
  assumptions: [
    'assumed: Europe/Berlin, Mon-Fri 09:00-17:00, German national public holidays',
    'assumed: first response by the end of the next business day',
    "assumed: a customer update at least every 2 business days (waiting for the client's approval pauses it)",
    'assumed: resolution estimate 10 business days',
  ],
};
