import { BusinessCalendar } from '../calendar/business-calendar';
import {
  addBusinessDays,
  addBusinessDuration,
  addCalendarDays,
  addCalendarMonths,
  businessElapsed,
} from '../calendar/business-time';
import { countsBusinessTime, Span } from '../policy/span';
import { EpochSeconds } from '../time/instant';
import { Period } from './sla-state';

export type TargetStatus = 'met' | 'running' | 'paused' | 'warned' | 'breached';

export interface TargetRun {
  calendar: BusinessCalendar;
  span: Span;
  warnAt: number;
  startedAt: EpochSeconds;
  /** When the target was satisfied (or stopped), if it was by asOf. */
  stoppedAt?: EpochSeconds;
  /** Periods that do not count (waiting for the customer, resolved before a reopen), in time order. */
  excluded: readonly Period[];
}

export interface TargetFigures {
  status: TargetStatus;
  measure: 'business' | 'elapsed';
  budgetSeconds: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  pausedSeconds: number;
  dueAt: EpochSeconds | null;
  warnsAt: EpochSeconds | null;
}

/** Budget in the span's own measure, fixed at the target's start. */
export function budgetOf(run: Pick<TargetRun, 'calendar' | 'span' | 'startedAt'>): number {
  const { calendar, span, startedAt } = run;
  switch (span.measure) {
    case 'business':
    case 'elapsed':
      return span.seconds;
    case 'businessDays':
      return businessElapsed(calendar, startedAt, addBusinessDays(calendar, startedAt, span.days));
    case 'calendarDays':
      return addCalendarDays(calendar, startedAt, span.days) - startedAt;
    case 'calendarMonths':
      return addCalendarMonths(calendar, startedAt, span.months) - startedAt;
  }
}

export function evaluateTarget(run: TargetRun, asOf: EpochSeconds): TargetFigures {
  const business = countsBusinessTime(run.span);
  const measure = (from: number, to: number) =>
    to <= from ? 0 : business ? businessElapsed(run.calendar, from, to) : to - from;
  const advance = (from: number, seconds: number) =>
    business ? addBusinessDuration(run.calendar, from, seconds) : from + seconds;
  const end = Math.max(run.stoppedAt ?? asOf, run.startedAt);
  const budget = budgetOf(run);

  let pausedSeconds = 0;
  let pausedNow = false;
  for (const period of run.excluded) {
    const from = Math.max(period.from, run.startedAt);
    const to = Math.min(period.to ?? end, end);
    pausedSeconds += measure(from, to);
    if (period.to === undefined && period.from <= end && run.stoppedAt === undefined) pausedNow = true;
  }
  const elapsedSeconds = measure(run.startedAt, end) - pausedSeconds;
  const reach = (amount: number) => instantWhenConsumed(run, Math.max(amount, 1), measure, advance);
  const dueAt = reach(budget);
  const warnsAt = reach(Math.ceil(budget * run.warnAt));
  const status = statusOf({
    stoppedAt: run.stoppedAt,
    asOf,
    dueAt,
    pausedNow,
    warned: elapsedSeconds >= budget * run.warnAt,
  });
  return {
    status,
    measure: business ? 'business' : 'elapsed',
    budgetSeconds: budget,
    elapsedSeconds,
    remainingSeconds: Math.max(0, budget - elapsedSeconds),
    pausedSeconds,
    dueAt,
    warnsAt,
  };
}

function statusOf(facts: {
  stoppedAt?: number;
  asOf: number;
  dueAt: number | null;
  pausedNow: boolean;
  warned: boolean;
}): TargetStatus {
  const { stoppedAt, asOf, dueAt, pausedNow, warned } = facts;
  if (stoppedAt !== undefined) return dueAt !== null && stoppedAt > dueAt ? 'breached' : 'met';
  if (dueAt !== null && asOf > dueAt) return 'breached';
  if (pausedNow) return 'paused';
  return warned ? 'warned' : 'running';
}

/**
 * The instant the counted time reaches `amount`, walking the active stretches between excluded
 * periods; null when it would fall after a pause that has not ended yet (unknowable now).
 */
function instantWhenConsumed(
  run: TargetRun,
  amount: number,
  measure: (from: number, to: number) => number,
  advance: (from: number, seconds: number) => number,
): EpochSeconds | null {
  let remaining = amount;
  let cursor = run.startedAt;
  for (const period of run.excluded) {
    if (period.to !== undefined && period.to <= cursor) continue;
    if (run.stoppedAt !== undefined && period.from >= run.stoppedAt) break;
    const active = measure(cursor, Math.max(cursor, period.from));
    if (active >= remaining) return advance(cursor, remaining);
    remaining -= active;
    if (period.to === undefined) return null;
    cursor = Math.max(cursor, period.to);
  }
  return advance(cursor, remaining);
}
