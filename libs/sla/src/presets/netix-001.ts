import { businessHours } from '../policy/span';
import { TargetSet } from '../policy/policy';
import { russianOverrides } from './russian-production-calendar';
import { SlaPreset, weekdays } from './preset';

const CALENDAR = 'netix-novosibirsk';
const firstAnswer: TargetSet = { firstResponse: { span: businessHours(2), calendar: CALENDAR } };

export const netixPreset: SlaPreset = {
  id: '001-netix',
  vendor: 'Netix (Triceps)',
  source: 'seeds/001: Регламент технической поддержки (reply within 2 business hours; urgency 1-4)',
  calendars: [
    {
      id: CALENDAR,
      version: 1,
      timeZone: 'Asia/Novosibirsk',
      week: weekdays('09:00', '18:00'),
      publicHolidays: { country: 'RU' },
      overrides: russianOverrides('09:00', '18:00'),
      notes: ['assumed: Asia/Novosibirsk Mon-Fri 09:00-18:00 (the document says "business hours" only)'],
    },
  ],
  policies: [
    {
      id: 'netix',
      version: 1,
      title: 'Netix: a reply (solution, planned date, or refusal) within 2 business hours, any urgency',
      calendars: [CALENDAR],
      matcher: {
        kind: 'urgency',
        byUrgency: { '1': firstAnswer, '2': firstAnswer, '3': firstAnswer, '4': firstAnswer },
      },
    },
  ],
  assumptions: [
    'assumed: Asia/Novosibirsk, Mon-Fri 09:00-18:00, Russian holidays and 2024-2025 decree transfers',
    'assumed: the 2-business-hour reply applies to every urgency; urgency 1 is worked at once but has no separate target',
    'assumed: no update cadence or resolution target (resolution dates are planned per ticket)',
  ],
};
