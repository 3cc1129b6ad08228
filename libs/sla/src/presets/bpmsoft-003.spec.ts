import { addBusinessDays, addCalendarDays, toEpochSeconds, toIsoString } from '..';
import { bpmsoftPreset } from '.';
import { calendarFor, clocksFor, presetContext } from '../../spec/fixtures';

const context = presetContext(bpmsoftPreset);
const policy = bpmsoftPreset.policies[0];
const reactionDue = (priority: string, openedAt: string) =>
  clocksFor(context, policy, { priority }, openedAt, [], openedAt).firstResponse?.dueAt;

describe('003 BPMSoft preset (Europe/Moscow 08:30-17:30)', () => {
  it.each([
    ['critical', '2025-03-12T06:30:00Z'], // 30 minutes
    ['high', '2025-03-12T08:00:00Z'], // 2 hours
    ['medium', '2025-03-12T10:00:00Z'], // 4 hours
    ['low', '2025-03-12T10:00:00Z'], // 4 hours
  ])('%s: reaction due %s for a request at Wednesday 09:00 MSK', (priority, due) => {
    expect(reactionDue(priority, '2025-03-12T06:00:00Z')).toBe(due);
  });

  it('critical one minute before Friday close: due Monday 08:59 MSK', () => {
    expect(reactionDue('critical', '2025-03-14T14:29:00Z')).toBe('2025-03-17T05:59:00Z');
  });

  it('high on a transferred day off before Victory Day: due Monday 10:30 MSK', () => {
    expect(reactionDue('high', '2025-05-08T07:00:00Z')).toBe('2025-05-12T07:30:00Z');
  });

  it('medium on Friday 17:00: half an hour Friday, the rest on the working Saturday', () => {
    expect(reactionDue('medium', '2025-10-31T14:00:00Z')).toBe('2025-11-01T09:00:00Z');
  });

  it('customer deadlines: clarification in 2 business days, acceptance in 7 calendar days', () => {
    const calendar = calendarFor(bpmsoftPreset.calendars[0]);
    const fridayNoon = toEpochSeconds('2025-03-14T09:00:00Z');
    expect(bpmsoftPreset.customerDeadlines?.answerClarification.span).toEqual({ measure: 'businessDays', days: 2 });
    expect(toIsoString(addBusinessDays(calendar, fridayNoon, 2))).toBe('2025-03-18T14:30:00Z');
    expect(toIsoString(addCalendarDays(calendar, fridayNoon, 7))).toBe('2025-03-21T09:00:00Z');
  });
});
