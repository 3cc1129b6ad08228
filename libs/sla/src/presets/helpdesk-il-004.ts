import { QuartetRow, TargetSet } from '../policy/policy';
import { businessDays, businessHours, businessMinutes } from '../policy/span';
import { hours, SlaPreset } from './preset';

const CALENDAR = 'helpdesk-jerusalem';
const answer = {
  span: businessMinutes(15),
  calendar: CALENDAR,
  assumed: 'assumed: the 15 minutes count inside the service window',
};
const exampleResolution = 'assumed: example resolution target (the quartet table is not published)';

const byPriority: Record<string, TargetSet> = {
  P1: { firstResponse: answer, resolution: { span: businessHours(4), calendar: CALENDAR, assumed: exampleResolution } },
  P2: { firstResponse: answer, resolution: { span: businessDays(1), calendar: CALENDAR, assumed: exampleResolution } },
  P3: { firstResponse: answer, resolution: { span: businessDays(3), calendar: CALENDAR, assumed: exampleResolution } },
  P4: { firstResponse: answer, resolution: { span: businessDays(10), calendar: CALENDAR, assumed: exampleResolution } },
};

/** An example quartet table: service / category / item chosen by the customer, impact by the engineer. */
export const exampleQuartets: readonly QuartetRow[] = [
  { service: 'Incident', category: 'Network', item: '*', impact: 'company-wide', priority: 'P1' },
  { service: 'Incident', category: '*', item: '*', impact: 'team', priority: 'P2' },
  { service: 'Incident', category: '*', item: '*', impact: '*', priority: 'P3' },
  { service: 'Tasks&Requests', category: 'Users', item: 'new user', impact: '*', priority: 'P3' },
  { service: 'IMAC', category: '*', item: '*', impact: '*', priority: 'P4' },
];

/** A customer that favours its management team: their workstation incidents are P1. */
export const exampleCustomerQuartets: readonly QuartetRow[] = [
  { service: 'Incident', category: 'Workstation', item: '*', impact: 'management', priority: 'P1' },
  ...exampleQuartets,
];

export const helpdeskIlPreset: SlaPreset = {
  id: '004-helpdesk-il',
  vendor: 'Israeli IT helpdesk',
  source: 'seeds/004: answer within 15 minutes; Sun-Thu 08:00-18:00, Fri 08:00-13:00; priority by quartet',
  calendars: [
    {
      id: CALENDAR,
      version: 1,
      timeZone: 'Asia/Jerusalem',
      week: {
        sun: hours('08:00', '18:00'),
        mon: hours('08:00', '18:00'),
        tue: hours('08:00', '18:00'),
        wed: hours('08:00', '18:00'),
        thu: hours('08:00', '18:00'),
        fri: hours('08:00', '13:00'),
      },
      publicHolidays: { country: 'IL', eveHours: hours('08:00', '13:00') },
      notes: ['assumed: holiday eves are worked like Fridays, 08:00-13:00'],
    },
  ],
  policies: [
    {
      id: 'helpdesk-il',
      version: 1,
      title: 'Helpdesk: answer within 15 minutes in the service window',
      calendars: [CALENDAR],
      matcher: { kind: 'fixed', targets: { firstResponse: answer } },
    },
    {
      id: 'helpdesk-il-quartet',
      version: 1,
      title: 'Helpdesk: priority and SLA by quartet (example table)',
      calendars: [CALENDAR],
      matcher: {
        kind: 'quartet',
        tables: { default: exampleQuartets, 'customer-example': exampleCustomerQuartets },
        fallbackPriority: 'P3',
        byPriority,
      },
    },
  ],
  assumptions: [
    'assumed: the 15-minute answer counts inside the service window (on-call staff cover the rest without a target)',
    'assumed: Israeli public holidays (date-holidays "public") are closed; their eves are worked 08:00-13:00',
    'assumed: the quartet table and the per-priority resolution targets are examples (the real table is not published)',
    'assumed: a ticket without a matching quartet row is P3',
  ],
};
