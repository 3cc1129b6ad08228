/**
 * The gateway seals a command's text only when the domain would take it (PERSONAL_COMMAND_TEXTS):
 * a limit above the domain's would let a too-long text through as a short reference. Each limit is
 * checked against `decide` itself, on a ticket in a phase where the command is possible.
 */
import {
  DomainError,
  decide,
  foldTicket,
  type Actor,
  type DecideContext,
  type TicketCommand,
  type TicketCommandType,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import { PERSONAL_COMMAND_TEXTS } from './personal-references';

const REQUESTER = 'anna@example.com';
const context: DecideContext = {
  clarificationWindow: { dueAt: '2027-03-15T16:00:00.000Z', reminderAt: '2027-03-12T12:00:00.000Z' },
  acceptanceDueAt: '2027-03-19T10:00:00.000Z',
  feedbackDueAt: '2027-03-26T10:00:00.000Z',
};
const customer: Actor = { id: REQUESTER, role: 'customer' };
const engineer: Actor = { id: 'eve', role: 'engineer' };
const manager: Actor = { id: 'mia', role: 'manager' };

const events: Record<string, TicketEvent> = {
  opened: {
    type: 'TicketOpened',
    data: {
      number: 'CF-2027-000042',
      customerId: 'balasys-demo',
      requester: REQUESTER,
      title: 't',
      description: 'd',
      severity: 'S2',
      openedAt: '2027-03-11T09:00:00.000Z',
    },
  },
  identified: {
    type: 'CustomerIdentified',
    data: {
      customerName: 'Balasys demo',
      contractId: 'C1',
      presetId: '000-balasys',
      policy: { id: 'balasys', version: 1 },
      calendarId: 'balasys-budapest',
      severityScheme: 'S1-S3',
      priority: 'P2',
      clarificationOutcome: 'keepWaiting',
    },
  },
  asked: { type: 'ClarificationRequested', data: { questions: ['q'], ...context.clarificationWindow } },
  proposed: { type: 'FixProposed', data: { proposalId: 3, description: 'p' } },
  hotfixed: { type: 'HotfixApplied', data: { description: 'h' } },
  resolved: {
    type: 'TicketResolved',
    data: {
      resolution: 'fixed',
      solution: 's',
      measures: 'm',
      prevention: 'p',
      acceptanceDueAt: context.acceptanceDueAt,
    },
  },
  accepted: { type: 'ResolutionAccepted', data: { by: 'customer', feedbackDueAt: context.feedbackDueAt } },
  escalationAsked: { type: 'EscalationRequested', data: { reason: 'r' } },
  escalated: {
    type: 'EscalationAccepted',
    data: {
      level: 1,
      severity: 'S1',
      priority: 'P1',
      actionPlan: 'a',
      channels: ['phone'],
      updateFrequency: { every: 4, unit: 'hours' },
      participants: ['p'],
    },
  },
};

const after = (...names: string[]): TicketState =>
  foldTicket(
    ['opened', 'identified', ...names].map((name, i) => ({
      event: events[name],
      at: new Date(Date.parse('2027-03-11T09:00:00.000Z') + i * 60_000).toISOString(),
    })),
  ) as TicketState;

/** A valid command of each type with personal texts, who may give it, and a ticket where it is possible. */
const cases: { [T in TicketCommandType]?: [TicketCommand, Actor, TicketState] } = {
  respond: [{ type: 'respond', message: 'm' }, engineer, after()],
  requestClarification: [{ type: 'requestClarification', questions: ['q'] }, engineer, after()],
  answerClarification: [{ type: 'answerClarification', answer: 'a' }, customer, after('asked')],
  rejectFix: [{ type: 'rejectFix', proposalId: 3, reason: 'r' }, customer, after('proposed')],
  reopen: [{ type: 'reopen', reason: 'r' }, customer, after('hotfixed', 'resolved')],
  giveFeedback: [{ type: 'giveFeedback', comment: 'c' }, customer, after('hotfixed', 'resolved', 'accepted')],
  recordBusinessImpact: [{ type: 'recordBusinessImpact', impact: 'i' }, engineer, after()],
  cancel: [{ type: 'cancel', reason: 'r' }, customer, after()],
  requestEscalation: [{ type: 'requestEscalation', reason: 'r' }, customer, after()],
  acceptEscalation: [
    {
      type: 'acceptEscalation',
      severity: 'S1',
      actionPlan: 'a',
      channels: ['phone'],
      updateFrequency: { every: 4, unit: 'hours' },
      participants: ['p'],
    },
    manager,
    after('escalationAsked'),
  ],
  declineEscalation: [{ type: 'declineEscalation', reason: 'r' }, manager, after('escalationAsked')],
  lowerEscalation: [
    { type: 'lowerEscalation', cause: 'severityDropped', reason: 'r' },
    manager,
    after('escalationAsked', 'escalated'),
  ],
  handOver: [
    {
      type: 'handOver',
      tier: 'L2',
      assignee: 'sam',
      reason: 'r',
      brief: { customerNumber: 'c', domain: 'd', contact: 'c', errorDescription: 'e', endCustomerContactAllowed: true },
    },
    engineer,
    after(),
  ],
  comment: [{ type: 'comment', text: 't' }, customer, after()],
};

/** The command with the text at `path` (`questions[]`: its first item; `brief.contact`) set to `text`, and the field decide names. */
function withText(command: TicketCommand, path: string, text: string): [TicketCommand, string] {
  const copy = structuredClone(command) as unknown as Record<string, unknown>;
  const [head, nested] = path.split('.');
  if (head.endsWith('[]')) {
    (copy[head.slice(0, -2)] as string[])[0] = text;
    return [copy as unknown as TicketCommand, `${head.slice(0, -2)}[0]`];
  }
  if (nested) (copy[head] as Record<string, string>)[nested] = text;
  else copy[head] = text;
  return [copy as unknown as TicketCommand, path];
}

const limits = Object.entries(PERSONAL_COMMAND_TEXTS).flatMap(([type, paths]) =>
  Object.entries(paths).map(([path, max]) => [type as TicketCommandType, path, max] as const),
);

describe("PERSONAL_COMMAND_TEXTS: each limit is the domain's", () => {
  it('covers every command with personal texts', () => {
    expect(Object.keys(cases).sort()).toEqual(
      Object.entries(PERSONAL_COMMAND_TEXTS)
        .filter(([, paths]) => Object.keys(paths).length > 0)
        .map(([type]) => type)
        .sort(),
    );
  });

  it.each(limits)('%s %s: %d characters taken, one more refused naming the field', (type, path, max) => {
    const [command, actor, state] = cases[type]!;
    expect(() => decide(command, actor, state, context)).not.toThrow();
    const [atLimit] = withText(command, path, 'x'.repeat(max));
    expect(() => decide(atLimit, actor, state, context)).not.toThrow();
    const [over, field] = withText(command, path, 'x'.repeat(max + 1));
    let refusal: unknown;
    try {
      decide(over, actor, state, context);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details).toEqual({ field });
  });
});
