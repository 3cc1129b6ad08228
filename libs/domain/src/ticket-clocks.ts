/** The live SLA view of a ticket inside the workflow: pure, from the recorded events. */
import { toSlaEvents } from './sla-events';
import type { DatedTicketEvent } from './evolve';
import {
  loadCalendar,
  slaClocksAsOf,
  type CompiledCalendar,
  type SlaClocks,
  type SlaContext,
  type SlaPolicy,
  type Span,
  type TargetClock,
} from '@caseflow/sla';

/** Everything the workflow needs to run its clocks, frozen at identification (calendars compiled). */
export interface SlaSetup {
  policies: SlaPolicy[];
  calendars: CompiledCalendar[];
  answerClarification: { span: Span; calendar: string };
  acceptanceTesting: { span: Span; calendar: string };
  feedbackWindow: { span: Span; calendar: string };
}

export function slaContextOf(setup: SlaSetup): SlaContext {
  return { policies: setup.policies, calendars: setup.calendars.map((compiled) => loadCalendar(compiled)) };
}

/** A ticket's SLA setup with its calendars loaded: what the workflow holds from identification on. */
export interface TicketSla {
  setup: SlaSetup;
  context: SlaContext;
}

export function ticketSlaOf(setup: SlaSetup): TicketSla {
  return { setup, context: slaContextOf(setup) };
}

export function clocksAt(events: readonly DatedTicketEvent[], context: SlaContext, atIso: string): SlaClocks | null {
  return slaClocksAsOf(toSlaEvents(events), atIso, context) ?? null;
}

const TARGET_NAMES = { firstResponse: 'first response', update: 'customer update', resolution: 'resolution' } as const;

/**
 * The SLA clocks' next change with what it is ("customer update warning", "first response due"):
 * the wake-up's summary in Temporal UI. None when nothing runs.
 */
export function slaNextChange(clocks: SlaClocks | null): { at: string; what: string } | null {
  const at = clocks?.nextChangeAt;
  if (!clocks || !at) return null;
  const seconds = Math.floor(Date.parse(at) / 1000);
  for (const kind of ['firstResponse', 'update', 'resolution'] as const) {
    const clock = clocks[kind];
    if (!clock) continue;
    if (clock.warnsAt && Math.floor(Date.parse(clock.warnsAt) / 1000) === seconds)
      return { at, what: `SLA: ${TARGET_NAMES[kind]} warning (due ${clock.dueAt})` };
    if (clock.dueAt && Math.floor(Date.parse(clock.dueAt) / 1000) + 1 === seconds)
      return { at, what: `SLA: ${TARGET_NAMES[kind]} due` };
  }
  return { at, what: 'SLA clocks change' };
}

const SEVERITY_ORDER = ['breached', 'warned', 'running', 'paused', 'met'] as const;

/** The worst status among the targets, and the earliest due instant of one still running. */
export function slaSummary(clocks: SlaClocks | null): { status: string; nextDeadline: string | null } {
  if (!clocks) return { status: 'none', nextDeadline: null };
  const targets = [clocks.firstResponse, clocks.update, clocks.resolution].filter(
    (t): t is TargetClock => t !== undefined,
  );
  const status = SEVERITY_ORDER.find((s) => targets.some((t) => t.status === s)) ?? 'none';
  const due = targets
    .filter((t) => (t.status === 'running' || t.status === 'warned') && t.dueAt)
    .map((t) => t.dueAt as string)
    .sort();
  return { status, nextDeadline: due[0] ?? null };
}
