import { matchTargets } from '../policy/match-policy';
import { Classification, PolicyRef, TargetKind, TargetSet, TargetSpec } from '../policy/policy';
import { Span } from '../policy/span';
import { EpochSeconds, toEpochSeconds, toIsoString } from '../time/instant';
import { SlaEvent } from './sla-event';
import { calendarOf, policyOf, SlaContext } from './sla-context';
import { currentValue, foldSlaEvents, isOpen, Period, SlaState, valueAt } from './sla-state';
import { evaluateTarget, TargetRun, TargetStatus } from './target-clock';

const DEFAULT_WARN_AT = 0.75;

export interface TargetClock {
  target: TargetKind;
  status: TargetStatus;
  startedAt: string;
  dueAt: string | null;
  warnsAt: string | null;
  stoppedAt: string | null;
  measure: 'business' | 'elapsed';
  budgetSeconds: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  pausedSeconds: number;
  span: Span;
  calendar: { id: string; version: number; hash: string };
  matchedBy: string;
  assumed?: string;
}

export interface UpdateClock extends TargetClock {
  /** Earlier update cycles whose update came after its due time. */
  missedUpdates: number;
}

export interface SlaClocks {
  asOf: string;
  policy: PolicyRef;
  classification: Classification;
  firstResponse?: TargetClock;
  update?: UpdateClock;
  resolution?: TargetClock;
  /**
   * Earliest future instant a running target's status changes: its warn instant, or the second after
   * its due instant (answered at due is met, breached from the next second). The workflow's next timer.
   */
  nextChangeAt: string | null;
}

/** The clocks "as of" an instant: events after it are ignored, so this is the auditor's view too. */
export function slaClocksAsOf(events: readonly SlaEvent[], asOf: string, context: SlaContext): SlaClocks | undefined {
  const cutoff = toEpochSeconds(asOf);
  const state = foldSlaEvents(events.filter((event) => toEpochSeconds(event.at) <= cutoff));
  return state && projectSlaClocks(state, asOf, context);
}

/** The clocks for a folded state at an instant not earlier than its last event (the live clock). */
export function projectSlaClocks(state: SlaState, asOfIso: string, context: SlaContext): SlaClocks {
  const asOf = toEpochSeconds(asOfIso);
  const policyRef = currentValue(state.policies);
  const classification = currentValue(state.classifications);
  const { targets, matchedBy } = matchTargets(policyOf(context, policyRef), classification);
  const policyWarnAt = policyOf(context, policyRef).warnAt ?? DEFAULT_WARN_AT;
  const clock = (
    kind: TargetKind,
    spec: TargetSpec,
    startedAt: number,
    stoppedAt: number | undefined,
    excluded: Period[],
  ): TargetClock => {
    const run: TargetRun = {
      calendar: calendarOf(context, spec.calendar),
      span: spec.span,
      warnAt: spec.warnAt ?? policyWarnAt,
      startedAt,
      stoppedAt,
      excluded,
    };
    const figures = evaluateTarget(run, asOf);
    return {
      target: kind,
      ...figures,
      startedAt: toIsoString(startedAt),
      dueAt: isoOrNull(figures.dueAt),
      warnsAt: isoOrNull(figures.warnsAt),
      stoppedAt: isoOrNull(stoppedAt ?? null),
      span: spec.span,
      calendar: { id: run.calendar.id, version: run.calendar.version, hash: run.calendar.hash },
      matchedBy,
      ...(spec.assumed ? { assumed: spec.assumed } : {}),
    };
  };

  const clocks: SlaClocks = { asOf: toIsoString(asOf), policy: policyRef, classification, nextChangeAt: null };
  if (targets.firstResponse) {
    const spec = targets.firstResponse;
    const excluded = spec.pausesWhileAwaitingCustomer === true ? state.awaitingCustomer : [];
    clocks.firstResponse = clock('firstResponse', spec, state.openedAt, state.firstResponseAt, excluded);
  }
  if (targets.resolution) {
    const spec = targets.resolution;
    const currentlyResolved = isOpen(state.resolved) ? state.resolved[state.resolved.length - 1].from : undefined;
    clocks.resolution = clock('resolution', spec, state.openedAt, currentlyResolved, excludedFor(spec, state));
  }
  const updateSpec = cadenceAt(targets, state, asOf);
  const lastUpdate = state.customerVisibleUpdates[state.customerVisibleUpdates.length - 1];
  if (updateSpec && lastUpdate !== undefined && !isOpen(state.resolved)) {
    clocks.update = {
      ...clock('update', updateSpec, lastUpdate, undefined, excludedFor(updateSpec, state)),
      missedUpdates: missedUpdates(state, context),
    };
  }
  clocks.nextChangeAt = nextChange([clocks.firstResponse, clocks.update, clocks.resolution], asOf);
  return clocks;
}

function excludedFor(spec: TargetSpec, state: SlaState): Period[] {
  const waiting = spec.pausesWhileAwaitingCustomer === false ? [] : state.awaitingCustomer;
  const reopened = state.resolved.filter((period) => period.to !== undefined);
  return [...waiting, ...reopened].sort((a, b) => a.from - b.from);
}

/** The policy's cadence as of `at`, unless a cadence agreed with the customer is in force at `agreedAt`. */
function cadenceAt(
  targets: TargetSet,
  state: SlaState,
  at: EpochSeconds,
  agreedAt: EpochSeconds = at,
): TargetSpec | undefined {
  const agreed = agreedCadenceAt(state, agreedAt);
  if (agreed) return agreed;
  if (!targets.updates) return undefined;
  const workaroundKnown = state.workaroundAt !== undefined && state.workaroundAt <= at;
  if (!workaroundKnown || targets.updates.afterWorkaround === undefined) return targets.updates.beforeWorkaround;
  return targets.updates.afterWorkaround ?? undefined;
}

/** The cadence agreed with the customer in force at `at`, if any. */
function agreedCadenceAt(state: SlaState, at: EpochSeconds): TargetSpec | undefined {
  let agreed: TargetSpec | null = null;
  for (const entry of state.agreedCadences ?? []) if (entry.at <= at) agreed = entry.value;
  return agreed ?? undefined;
}

/**
 * Each finished cycle is judged by the policy, classification and cadence in force when it started;
 * a cadence agreed with the customer during the cycle counts for it (as the live clock showed it).
 */
function missedUpdates(state: SlaState, context: SlaContext): number {
  let missed = 0;
  const updates = state.customerVisibleUpdates;
  for (let i = 0; i + 1 < updates.length; i++) {
    const [start, next] = [updates[i], updates[i + 1]];
    const policy = policyOf(context, valueAt(state.policies, start));
    const spec = cadenceAt(matchTargets(policy, valueAt(state.classifications, start)).targets, state, start, next);
    if (!spec) continue;
    const run: TargetRun = {
      calendar: calendarOf(context, spec.calendar),
      span: spec.span,
      warnAt: 1,
      startedAt: start,
      stoppedAt: next,
      excluded: excludedFor(spec, state),
    };
    if (evaluateTarget(run, next).status === 'breached') missed++;
  }
  return missed;
}

function nextChange(clocks: ReadonlyArray<TargetClock | undefined>, asOf: EpochSeconds): string | null {
  let next: number | null = null;
  for (const clock of clocks) {
    if (!clock || clock.status === 'met' || clock.status === 'breached') continue;
    const changes = [
      clock.warnsAt === null ? null : toEpochSeconds(clock.warnsAt),
      clock.dueAt === null ? null : toEpochSeconds(clock.dueAt) + 1,
    ];
    for (const seconds of changes) {
      if (seconds === null) continue;
      if (seconds > asOf && (next === null || seconds < next)) next = seconds;
    }
  }
  return next === null ? null : toIsoString(next);
}

function isoOrNull(seconds: number | null): string | null {
  return seconds === null ? null : toIsoString(seconds);
}
