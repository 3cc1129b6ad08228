import type { UpdateFrequency } from './escalation';
import type { DeescalationCause, Responsibility, TicketType } from './events';
import type { SecondLevelBrief, Tier } from './tiers';

export type ActorRole = 'customer' | 'engineer' | 'manager' | 'system';

export interface Actor {
  id: string;
  role: ActorRole;
}

/** What people ask a ticket to do. Each is one Temporal update; `decide` says yes (one event) or why not. */
export type TicketCommand =
  | {
      type: 'classify';
      severity?: string;
      ticketType?: TicketType;
      responsibility?: Responsibility;
      quartetImpact?: string;
      reason: string;
    }
  | { type: 'respond'; message: string; eta?: string }
  | { type: 'requestClarification'; questions: string[] }
  | { type: 'answerClarification'; answer: string }
  | { type: 'provideWorkaround'; description: string; severity?: string }
  | { type: 'applyHotfix'; description: string }
  | { type: 'proposeFix'; description: string }
  | { type: 'approveFix'; proposalId: number }
  | { type: 'rejectFix'; proposalId: number; reason: string }
  | { type: 'implementFix'; note: string }
  | { type: 'resolve'; solution: string; measures: string; prevention: string }
  | { type: 'accept' }
  | { type: 'reopen'; reason: string }
  | { type: 'giveFeedback'; score?: number; comment?: string }
  | { type: 'recordBusinessImpact'; impact: string }
  | { type: 'cancel'; reason: string }
  | { type: 'requestEscalation'; reason: string }
  | {
      type: 'acceptEscalation';
      severity?: string;
      specialist?: string;
      actionPlan: string;
      channels: string[];
      updateFrequency: UpdateFrequency;
      participants: string[];
    }
  | { type: 'declineEscalation'; reason: string }
  | { type: 'lowerEscalation'; cause: DeescalationCause; reason: string }
  | { type: 'assign'; assignee: string; reason: string }
  | { type: 'handOver'; tier: Tier; assignee: string; reason: string; brief?: SecondLevelBrief }
  | { type: 'comment'; text: string; visibility?: 'public' | 'internal' };

export type TicketCommandType = TicketCommand['type'];

export const TICKET_TYPES: readonly TicketType[] = ['incident', 'serviceRequest', 'imac', 'change'];
export const RESPONSIBILITIES: readonly Responsibility[] = [
  'vendor',
  'partner',
  'clientProject',
  'clientInfrastructure',
];
