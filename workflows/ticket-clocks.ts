/** The live SLA view of a ticket inside the workflow: pure, from the recorded events. */
import { toSlaEvents, type DatedTicketEvent } from '../libs/domain/src';
import { loadCalendar, slaClocksAsOf, type SlaClocks, type SlaContext, type TargetClock } from '../libs/sla/src';
import type { SlaSetup } from './activity-types';

export function slaContextOf(setup: SlaSetup): SlaContext {
  return { policies: setup.policies, calendars: setup.calendars.map((compiled) => loadCalendar(compiled)) };
}

export function clocksAt(events: readonly DatedTicketEvent[], context: SlaContext, atIso: string): SlaClocks | null {
  return slaClocksAsOf(toSlaEvents(events), atIso, context) ?? null;
}

const SEVERITY_ORDER = ['breached', 'warned', 'running', 'paused', 'met'] as const;

/** The worst status among the targets, and the earliest due instant of one still running. */
export function slaSummary(clocks: SlaClocks | null): { status: string; nextDeadline: string | null } {
  if (!clocks) return { status: 'none', nextDeadline: null };
  const targets = [clocks.firstResponse, clocks.update, clocks.resolution].filter((t): t is TargetClock => t !== undefined);
  const status = SEVERITY_ORDER.find((s) => targets.some((t) => t.status === s)) ?? 'none';
  const due = targets
    .filter((t) => (t.status === 'running' || t.status === 'warned') && t.dueAt)
    .map((t) => t.dueAt as string)
    .sort();
  return { status, nextDeadline: due[0] ?? null };
}
