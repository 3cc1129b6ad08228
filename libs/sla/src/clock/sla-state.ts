import { SlaError } from '../errors';
import { Classification, PolicyRef, TargetSpec } from '../policy/policy';
import { EpochSeconds, toEpochSeconds, toIsoString } from '../time/instant';
import { SlaEvent } from './sla-event';

/** [from, to); `to` undefined while still open. */
export interface Period {
  from: EpochSeconds;
  to?: EpochSeconds;
}

export interface Stamped<T> {
  at: EpochSeconds;
  value: T;
}

/** Everything the clocks need, recorded as facts; all arithmetic happens at projection time. */
export interface SlaState {
  openedAt: EpochSeconds;
  lastEventAt: EpochSeconds;
  policies: Stamped<PolicyRef>[];
  classifications: Stamped<Classification>[];
  firstResponseAt?: EpochSeconds;
  customerVisibleUpdates: EpochSeconds[];
  workaroundAt?: EpochSeconds;
  awaitingCustomer: Period[];
  resolved: Period[];
  /** Cadences agreed with the customer over the policy's, from when (null: the policy's again). */
  agreedCadences?: Stamped<TargetSpec | null>[];
}

export function isOpen(periods: readonly Period[]): boolean {
  return periods.length > 0 && periods[periods.length - 1].to === undefined;
}

function closeLast(periods: Period[], at: EpochSeconds): Period[] {
  return isOpen(periods) ? [...periods.slice(0, -1), { from: periods[periods.length - 1].from, to: at }] : periods;
}

/** Applies one event; events must come in time order, starting with `opened`. */
export function evolveSla(state: SlaState | undefined, event: SlaEvent): SlaState {
  const at = toEpochSeconds(event.at);
  if (!state) {
    if (event.type !== 'opened')
      throw new SlaError('INVALID_EVENT_SEQUENCE', `the first SLA event must be "opened", got "${event.type}"`);
    return {
      openedAt: at,
      lastEventAt: at,
      policies: [{ at, value: event.policy }],
      classifications: [{ at, value: event.classification }],
      customerVisibleUpdates: [],
      awaitingCustomer: [],
      resolved: [],
    };
  }
  if (at < state.lastEventAt)
    throw new SlaError(
      'INVALID_EVENT_SEQUENCE',
      `event "${event.type}" at ${event.at} is earlier than the previous event`,
    );
  const next: SlaState = { ...state, lastEventAt: at };
  const visibleUpdate = (): SlaState => ({
    ...next,
    firstResponseAt: next.firstResponseAt ?? at,
    customerVisibleUpdates: [...next.customerVisibleUpdates, at],
  });
  switch (event.type) {
    case 'opened':
      throw new SlaError('INVALID_EVENT_SEQUENCE', `ticket was already opened at ${toIsoString(state.openedAt)}`);
    case 'firstResponseSent':
    case 'customerUpdateSent':
      return visibleUpdate();
    case 'pausedAwaitingCustomer':
      return isOpen(next.awaitingCustomer) || isOpen(next.resolved)
        ? next
        : { ...next, awaitingCustomer: [...next.awaitingCustomer, { from: at }] };
    case 'resumed':
      return { ...next, awaitingCustomer: closeLast(next.awaitingCustomer, at) };
    case 'classificationChanged':
      return {
        ...next,
        classifications: [
          ...next.classifications,
          { at, value: { ...currentValue(next.classifications), ...event.classification } },
        ],
      };
    case 'workaroundFound':
      return { ...next, workaroundAt: next.workaroundAt ?? at };
    case 'resolved':
      if (isOpen(next.resolved)) return next;
      return {
        ...visibleUpdate(),
        awaitingCustomer: closeLast(next.awaitingCustomer, at),
        resolved: [...next.resolved, { from: at }],
      };
    case 'reopened':
      return { ...next, resolved: closeLast(next.resolved, at) };
    case 'policyReevaluated':
      return { ...next, policies: [...next.policies, { at, value: event.policy }] };
    case 'updateCadenceAgreed':
      return { ...next, agreedCadences: [...(next.agreedCadences ?? []), { at, value: event.cadence }] };
  }
}

export function currentValue<T>(history: readonly Stamped<T>[]): T {
  return history[history.length - 1].value;
}

export function valueAt<T>(history: readonly Stamped<T>[], at: EpochSeconds): T {
  let value = history[0].value;
  for (const entry of history) if (entry.at <= at) value = entry.value;
  return value;
}

export function foldSlaEvents(events: readonly SlaEvent[]): SlaState | undefined {
  return events.reduce<SlaState | undefined>(evolveSla, undefined);
}
