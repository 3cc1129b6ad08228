import { businessDays, businessHours, businessMinutes, calendarDays, Span } from '../policy/span';
import { russianOverrides } from './russian-production-calendar';
import { SlaPreset, weekdays } from './preset';

const CALENDAR = 'bpmsoft-moscow';
const reaction = (span: Span) => ({ firstResponse: { span, calendar: CALENDAR } });

export const bpmsoftPreset: SlaPreset = {
  id: '003-bpmsoft',
  vendor: 'Programmnye Tekhnologii (BPMSoft customer care)',
  source: 'seeds/003: Служба заботы о клиенте (reaction by priority, 08:30-17:30 Mon-Fri Moscow)',
  calendars: [
    {
      id: CALENDAR,
      version: 1,
      timeZone: 'Europe/Moscow',
      week: weekdays('08:30', '17:30'),
      publicHolidays: { country: 'RU' },
      overrides: russianOverrides('08:30', '17:30'),
    },
  ],
  policies: [
    {
      id: 'bpmsoft',
      version: 1,
      title: 'BPMSoft: reaction time by priority within service hours',
      calendars: [CALENDAR],
      matcher: {
        kind: 'priority',
        byPriority: {
          critical: reaction(businessMinutes(30)),
          high: reaction(businessHours(2)),
          medium: reaction(businessHours(4)),
          low: reaction(businessHours(4)),
        },
      },
    },
  ],
  customerDeadlines: {
    answerClarification: { span: businessDays(2), calendar: CALENDAR },
    acceptanceTesting: { span: calendarDays(7), calendar: CALENDAR },
  },
  assumptions: [
    'assumed: Russian public holidays and 2024-2025 decree transfers apply to the service hours',
    'assumed: no resolution target (the document gives an extendable estimate per request)',
  ],
};
