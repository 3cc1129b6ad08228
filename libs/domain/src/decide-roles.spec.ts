/**
 * Who may send which command: every command × every role, each in a state where the command is
 * otherwise valid, so a refusal can only come from the role. Written against the package's public API.
 */
import {
  decide,
  type Actor,
  type ActorRole,
  type TicketCommand,
  type TicketCommandType,
  type TicketEvent,
} from '@caseflow/domain';
import {
  REQUESTER,
  accepted,
  approved,
  clarificationAsked,
  context,
  hotfixed,
  proposed,
  refusal,
  resolved,
  stateAfter,
} from '../spec/ticket-fixtures';

const ROLE_SET: Record<ActorRole, true> = { customer: true, engineer: true, manager: true, system: true };
const ROLES = Object.keys(ROLE_SET) as ActorRole[];

interface Case {
  command: TicketCommand;
  /** Events after identification that make the command valid for the roles allowed to send it. */
  before: TicketEvent[];
  allowed: readonly ActorRole[];
  event: TicketEvent['type'];
}

const staff: readonly ActorRole[] = ['engineer', 'manager'];
const customer: readonly ActorRole[] = ['customer'];

/** Commands that can come at any phase (escalation, assignment, comments): their table is in around-the-phases.spec.ts. */
type AroundThePhases =
  | 'requestEscalation'
  | 'acceptEscalation'
  | 'declineEscalation'
  | 'lowerEscalation'
  | 'assign'
  | 'handOver'
  | 'comment';

/**
 * The expectation, written out by hand from docs/lifecycle.md (not derived from decide's own lists).
 * The Record makes the compiler demand a case for every command not listed in AroundThePhases.
 */
const CASES: Record<Exclude<TicketCommandType, AroundThePhases>, Case> = {
  classify: {
    command: { type: 'classify', severity: 'S2', reason: 'r' },
    before: [],
    allowed: staff,
    event: 'TicketClassified',
  },
  respond: { command: { type: 'respond', message: 'On it' }, before: [], allowed: staff, event: 'FirstResponseSent' },
  requestClarification: {
    command: { type: 'requestClarification', questions: ['Which node?'] },
    before: [],
    allowed: staff,
    event: 'ClarificationRequested',
  },
  answerClarification: {
    command: { type: 'answerClarification', answer: 'node 2' },
    before: [clarificationAsked],
    allowed: customer,
    event: 'ClarificationAnswered',
  },
  provideWorkaround: {
    command: { type: 'provideWorkaround', description: 'w' },
    before: [],
    allowed: staff,
    event: 'WorkaroundProvided',
  },
  applyHotfix: {
    command: { type: 'applyHotfix', description: 'h' },
    before: [],
    allowed: staff,
    event: 'HotfixApplied',
  },
  proposeFix: { command: { type: 'proposeFix', description: 'p' }, before: [], allowed: staff, event: 'FixProposed' },
  approveFix: {
    command: { type: 'approveFix', proposalId: 3 },
    before: [proposed],
    allowed: customer,
    event: 'FixApproved',
  },
  rejectFix: {
    command: { type: 'rejectFix', proposalId: 3, reason: 'no' },
    before: [proposed],
    allowed: customer,
    event: 'FixRejected',
  },
  implementFix: {
    command: { type: 'implementFix', note: 'deployed' },
    before: [proposed, approved],
    allowed: staff,
    event: 'FixImplemented',
  },
  resolve: {
    command: { type: 'resolve', solution: 's', measures: 'm', prevention: 'p' },
    before: [hotfixed],
    allowed: staff,
    event: 'TicketResolved',
  },
  accept: { command: { type: 'accept' }, before: [hotfixed, resolved], allowed: customer, event: 'ResolutionAccepted' },
  reopen: {
    command: { type: 'reopen', reason: 'still broken' },
    before: [hotfixed, resolved],
    allowed: customer,
    event: 'TicketReopened',
  },
  giveFeedback: {
    command: { type: 'giveFeedback', score: 5 },
    before: [hotfixed, resolved, accepted],
    allowed: customer,
    event: 'FeedbackGiven',
  },
  recordBusinessImpact: {
    command: { type: 'recordBusinessImpact', impact: 'all branches down' },
    before: [],
    allowed: staff,
    event: 'BusinessImpactRecorded',
  },
  cancel: {
    command: { type: 'cancel', reason: 'solved' },
    before: [],
    allowed: ['customer', 'engineer', 'manager'],
    event: 'TicketCancelled',
  },
};

/** The requester speaks for the customer; staff and the system act under their own ids. */
const actorFor = (role: ActorRole): Actor => ({ id: role === 'customer' ? REQUESTER : `${role}-1`, role });

const table = (Object.keys(CASES) as Array<keyof typeof CASES>).flatMap((type) =>
  ROLES.map((role) => ({ type, role, allowed: CASES[type].allowed.includes(role) })),
);

describe('decide: every command × every role', () => {
  it('covers the whole table', () => {
    expect(table).toHaveLength(16 * 4);
  });

  it.each(table)('$type by $role: allowed=$allowed', ({ type, role, allowed }) => {
    const { command, before, event } = CASES[type];
    const state = stateAfter(...before);
    const run = () => decide(command, actorFor(role), state, context);
    if (allowed) {
      expect(run().type).toBe(event);
      return;
    }
    const error = refusal(run);
    expect(error.code).toBe('COMMAND_REJECTED');
    expect(error.details).toEqual({ field: 'actor.role' });
    expect(error.message).toContain(`not ${role}`);
  });
});
