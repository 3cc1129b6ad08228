import { SlaError } from '../errors';
import { lowerBound, upperBound } from '../time/binary-search';
import { civilFromDays, daysFromCivil, daysInMonth } from '../time/civil-date';
import { EpochSeconds, SECONDS_PER_DAY } from '../time/instant';
import { BusinessCalendar } from './business-calendar';
import { fromLocal, toLocal } from './local-time';

function assertInHorizon(calendar: BusinessCalendar, at: EpochSeconds, what: string): void {
  if (!(at >= calendar.horizonStart && at <= calendar.horizonEnd)) {
    throw new SlaError(
      'HORIZON_EXCEEDED',
      `${what} ${at} is outside calendar "${calendar.id}" v${calendar.version}'s horizon [${calendar.horizonStart}, ${calendar.horizonEnd}]`,
    );
  }
}

function assertWholeSeconds(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new SlaError('INVALID_ARGUMENT', `${what} must be a whole, non-negative number of seconds (got ${value})`);
}

/** Business seconds in [horizonStart, at). */
export function businessSecondsBefore(calendar: BusinessCalendar, at: EpochSeconds): number {
  const index = upperBound(calendar.opens, at) - 1;
  if (index < 0) return 0;
  const close = calendar.closes[index];
  return calendar.businessAtClose[index] - (at < close ? close - at : 0);
}

/** Business seconds in [from, to); 0 when to <= from. */
export function businessElapsed(calendar: BusinessCalendar, from: EpochSeconds, to: EpochSeconds): number {
  if (to <= from) return 0;
  assertInHorizon(calendar, from, 'start');
  assertInHorizon(calendar, to, 'end');
  return businessSecondsBefore(calendar, to) - businessSecondsBefore(calendar, from);
}

/**
 * The earliest instant u >= start with businessElapsed(start, u) === duration. A duration that runs
 * out exactly at closing returns the closing instant; a zero duration returns start unchanged.
 */
export function addBusinessDuration(
  calendar: BusinessCalendar,
  start: EpochSeconds,
  durationSeconds: number,
): EpochSeconds {
  assertWholeSeconds(durationSeconds, 'duration');
  assertInHorizon(calendar, start, 'start');
  if (durationSeconds === 0) return start;
  const target = businessSecondsBefore(calendar, start) + durationSeconds;
  const index = lowerBound(calendar.businessAtClose, target);
  if (index >= calendar.closes.length) {
    throw new SlaError(
      'HORIZON_EXCEEDED',
      `adding ${durationSeconds}s of business time to ${start} runs past calendar "${calendar.id}"'s horizon`,
    );
  }
  return calendar.closes[index] - (calendar.businessAtClose[index] - target);
}

/** The instant itself when it is working time, else the next opening. */
export function nextBusinessInstant(calendar: BusinessCalendar, at: EpochSeconds): EpochSeconds {
  assertInHorizon(calendar, at, 'instant');
  const index = upperBound(calendar.opens, at) - 1;
  if (index >= 0 && at < calendar.closes[index]) return at;
  if (index + 1 >= calendar.opens.length)
    throw new SlaError('HORIZON_EXCEEDED', `no working time after ${at} within calendar "${calendar.id}"'s horizon`);
  return calendar.opens[index + 1];
}

export function isBusinessInstant(calendar: BusinessCalendar, at: EpochSeconds): boolean {
  assertInHorizon(calendar, at, 'instant');
  const index = upperBound(calendar.opens, at) - 1;
  return index >= 0 && at < calendar.closes[index];
}

/** The close of the N-th business day after the local day of start (that day never counts); N >= 1. */
export function addBusinessDays(calendar: BusinessCalendar, start: EpochSeconds, days: number): EpochSeconds {
  if (!Number.isInteger(days) || days < 1)
    throw new SlaError('INVALID_ARGUMENT', `business days must be a whole number >= 1 (got ${days})`);
  assertInHorizon(calendar, start, 'start');
  const localDay = Math.floor(toLocal(calendar.offsets, start) / SECONDS_PER_DAY);
  const nextMidnight = fromLocal(calendar.offsets, (localDay + 1) * SECONDS_PER_DAY);
  const index = upperBound(calendar.businessDayEnds, nextMidnight) + days - 1;
  if (index >= calendar.businessDayEnds.length) {
    throw new SlaError(
      'HORIZON_EXCEEDED',
      `${days} business days after ${start} run past calendar "${calendar.id}"'s horizon`,
    );
  }
  return calendar.businessDayEnds[index];
}

/** The same local wall-clock time N local days later (across DST this is not N x 24 h). */
export function addCalendarDays(calendar: BusinessCalendar, start: EpochSeconds, days: number): EpochSeconds {
  if (!Number.isInteger(days))
    throw new SlaError('INVALID_ARGUMENT', `calendar days must be a whole number (got ${days})`);
  assertInHorizon(calendar, start, 'start');
  const end = fromLocal(calendar.offsets, toLocal(calendar.offsets, start) + days * SECONDS_PER_DAY);
  assertInHorizon(calendar, end, `${days} calendar days after ${start}: end`);
  return end;
}

/** The same local wall-clock time N months later; a day missing in the target month becomes its last day. */
export function addCalendarMonths(calendar: BusinessCalendar, start: EpochSeconds, months: number): EpochSeconds {
  if (!Number.isInteger(months))
    throw new SlaError('INVALID_ARGUMENT', `calendar months must be a whole number (got ${months})`);
  assertInHorizon(calendar, start, 'start');
  const local = toLocal(calendar.offsets, start);
  const day = Math.floor(local / SECONDS_PER_DAY);
  const civil = civilFromDays(day);
  const monthIndex = civil.year * 12 + (civil.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const targetDay = daysFromCivil({ year, month, day: Math.min(civil.day, daysInMonth(year, month)) });
  const end = fromLocal(calendar.offsets, targetDay * SECONDS_PER_DAY + (local - day * SECONDS_PER_DAY));
  assertInHorizon(calendar, end, `${months} calendar months after ${start}: end`);
  return end;
}
