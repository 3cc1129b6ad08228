import { DayOverride } from '../calendar/calendar-definition';

/**
 * Russia moves days off by government decree each year; date-holidays has the fixed holidays only.
 * Listed: the decrees' extra days off and working Saturdays for 2024-2025. Pre-holiday days shortened
 * by one hour are not modelled (assumed). Add each new year's decree as a new calendar version.
 */
export const russianTransfers: readonly DayOverride[] = [
  ...['2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31'].map((date) => ({
    date,
    hours: [],
    reason: 'day off by decree (transfer)',
  })),
  ...['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31'].map((date) => ({
    date,
    hours: [],
    reason: 'day off by decree (transfer)',
  })),
  ...['2024-04-27', '2024-11-02', '2024-12-28', '2025-11-01'].map((date) => ({
    date,
    hours: [],
    reason: 'working Saturday by decree',
  })),
];

/** The working Saturdays get the calendar's own weekday hours. */
export function russianOverrides(open: string, close: string): DayOverride[] {
  return russianTransfers.map((day) => (day.reason.startsWith('working') ? { ...day, hours: [[open, close]] } : day));
}
