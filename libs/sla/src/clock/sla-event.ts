import { Classification, PolicyRef, TargetSpec } from '../policy/policy';

/**
 * What the SLA clocks need to know about a ticket; the ticket domain maps its own events onto
 * these. `at` is an ISO-8601 instant. A customer-visible update is any of firstResponseSent,
 * customerUpdateSent and resolved.
 */
export type SlaEvent =
  | { type: 'opened'; at: string; policy: PolicyRef; classification: Classification }
  | { type: 'firstResponseSent'; at: string }
  | { type: 'customerUpdateSent'; at: string }
  | { type: 'pausedAwaitingCustomer'; at: string }
  | { type: 'resumed'; at: string }
  /** Severity, priority or urgency changed: targets are re-evaluated, their starts kept. */
  | { type: 'classificationChanged'; at: string; classification: Classification }
  | { type: 'workaroundFound'; at: string }
  | { type: 'resolved'; at: string }
  | { type: 'reopened'; at: string }
  /** Explicit move to another policy version (otherwise a ticket keeps the one it opened under). */
  | { type: 'policyReevaluated'; at: string; policy: PolicyRef }
  /**
   * An update cadence agreed with the customer (000: an escalation's communication frequency)
   * replaces the policy's from `at`; `cadence: null` goes back to the policy's.
   */
  | { type: 'updateCadenceAgreed'; at: string; cadence: TargetSpec | null };

export type SlaEventType = SlaEvent['type'];
