/** 000's escalation: what a manager agrees with the customer, and how an agreed frequency is counted. */
import type { Span } from '@caseflow/sla';

export const UPDATE_FREQUENCY_UNITS = ['hours', 'businessHours', 'businessDays', 'calendarDays'] as const;
export type UpdateFrequencyUnit = (typeof UPDATE_FREQUENCY_UNITS)[number];

/** "Every 4 hours", "every business day": the customer updates the escalation agreed on. */
export interface UpdateFrequency {
  every: number;
  unit: UpdateFrequencyUnit;
}

/** 000 names e-mail, phone, conference call and webex; anything else is named as agreed. */
export const ESCALATION_CHANNELS = ['email', 'phone', 'conferenceCall', 'webex', 'portal'] as const;

/** The agreed frequency as the SLA clocks count it: hours 24x7, business hours or days, calendar days. */
export function frequencySpan({ every, unit }: UpdateFrequency): Span {
  switch (unit) {
    case 'hours':
      return { measure: 'elapsed', seconds: every * 3600 };
    case 'businessHours':
      return { measure: 'business', seconds: every * 3600 };
    case 'businessDays':
      return { measure: 'businessDays', days: every };
    case 'calendarDays':
      return { measure: 'calendarDays', days: every };
  }
}
