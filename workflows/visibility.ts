/** What Temporal shows of a ticket: its search attributes and its current details (no personal data in either). */
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { slaSummary, type TicketState } from '@caseflow/domain';
import { searchAttributes, ticketSummary } from '@caseflow/contract';
import { liveClocks, type TicketRun } from './ticket-run';

/** Phase, severity, priority, tier, assignee, SLA status and next deadline, as the ticket stands now. */
export function refreshVisibility(run: TicketRun): void {
  const state = run.state;
  if (!state) return;
  const summary = slaSummary(liveClocks(run));
  const assignee = assigneeOf(run, state);
  setCurrentDetails(currentDetails(run, state, summary));
  upsertSearchAttributes([
    // Set at opening too; repeated so that a run continued as new has it whatever the server copies.
    { key: searchAttributes.customer, value: state.customerId },
    { key: searchAttributes.phase, value: state.phase },
    { key: searchAttributes.severity, value: state.severity },
    { key: searchAttributes.priority, value: state.priority ?? 'unassessed' },
    { key: searchAttributes.tier, value: state.tier },
    { key: searchAttributes.slaStatus, value: summary.status },
    ...(assignee ? [{ key: searchAttributes.assignee, value: assignee }] : []),
    // No running deadline (all met, breached or paused): clear it rather than leave a stale one.
    { key: searchAttributes.nextDeadline, value: summary.nextDeadline ? new Date(summary.nextDeadline) : null },
  ]);
}

/** The current details alone: no command, so it may change whenever the workflow waits anew. */
export function refreshDetails(run: TicketRun): void {
  if (run.state) setCurrentDetails(currentDetails(run, run.state, slaSummary(liveClocks(run))));
}

const assigneeOf = (run: TicketRun, state: TicketState): string | undefined => state.assignee ?? run.lastEngineer;

/**
 * Temporal UI's "current details" (markdown): the static summary's line again (a continued run has
 * no static summary), then phase, tier and assignee, escalation, SLA and what the workflow waits for.
 */
function currentDetails(
  run: TicketRun,
  state: TicketState,
  sla: { status: string; nextDeadline: string | null },
): string {
  const escalation = state.escalation;
  const lines = [
    `**${ticketSummary({ number: state.number, customerId: state.customerId, severity: state.severity })}**${state.priority ? ` (${state.priority})` : ''}`,
    `phase: ${state.phase} · tier: ${state.tier} · assignee: ${assigneeOf(run, state) ?? 'unassigned'}`,
    ...(escalation?.pending ? ['escalation: requested, waiting for a manager'] : []),
    ...(escalation?.level ? [`escalation: level ${escalation.level}`] : []),
    `SLA: ${sla.status}${sla.nextDeadline ? ` · next deadline ${sla.nextDeadline}` : ''}`,
    ...(run.nextWake ? [`next: ${run.nextWake.what} at ${run.nextWake.at}`] : []),
    ...(run.runNumber > 1 ? [`run ${run.runNumber} (continued as new)`] : []),
  ];
  return lines.join('\n');
}
