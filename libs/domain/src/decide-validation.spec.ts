/**
 * What decide refuses besides the role: a missing actor, text that is blank or too long, the wrong
 * phase, values outside their lists, and each command's own preconditions; each refusal names the
 * field (or phase) that failed. Written against @caseflow/domain's public API.
 */
import {
  DomainError,
  decide,
  isTerminal,
  ticketStreamId,
  type Actor,
  type DecideContext,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import {
  REQUESTER,
  accepted,
  approved,
  clarificationAsked,
  context,
  hotfixed,
  identified,
  opened,
  proposed,
  refusal,
  resolved,
  stateAfter,
  stateOf,
  workaround,
} from '../spec/ticket-fixtures';

const engineer: Actor = { id: 'eve', role: 'engineer' };
const customer: Actor = { id: REQUESTER, role: 'customer' };

function refused(command: TicketCommand, actor: Actor, state: TicketState, ctx: DecideContext = context) {
  const error = refusal(() => decide(command, actor, state, ctx));
  expect(error.code).toBe('COMMAND_REJECTED');
  return { message: error.message, details: error.details };
}

describe('decide: the actor', () => {
  it.each([
    ['no id', { role: 'engineer' }],
    ['a blank id', { id: '   ', role: 'engineer' }],
    ['an id that is not text', { id: 7, role: 'engineer' }],
  ])('refuses an actor with %s', (_what, actor) => {
    expect(refused({ type: 'respond', message: 'hi' }, actor as unknown as Actor, stateAfter())).toEqual({
      message: 'actor.id is required',
      details: { field: 'actor.id' },
    });
  });

  it('refuses a missing actor', () => {
    expect(refused({ type: 'respond', message: 'hi' }, undefined as unknown as Actor, stateAfter()).details).toEqual({
      field: 'actor.id',
    });
  });
});

describe('decide: text fields', () => {
  const waiting = stateAfter(proposed);
  const implementing = stateAfter(proposed, approved);
  const feedback = stateAfter(hotfixed, resolved, accepted);
  const acceptance = stateAfter(hotfixed, resolved);
  const confirm = stateAfter(hotfixed);
  const resolve = { type: 'resolve', solution: 's', measures: 'm', prevention: 'p' } as const;

  /** [command with the field set to `text`, actor, state, field name, limit]. */
  const fields: Array<[string, (text: string) => TicketCommand, Actor, TicketState, number]> = [
    ['reason', (reason) => ({ type: 'classify', reason }), engineer, stateAfter(), 2_000],
    ['message', (message) => ({ type: 'respond', message }), engineer, stateAfter(), 20_000],
    ['answer', (answer) => ({ type: 'answerClarification', answer }), customer, stateAfter(clarificationAsked), 20_000],
    ['description', (description) => ({ type: 'provideWorkaround', description }), engineer, stateAfter(), 20_000],
    ['description', (description) => ({ type: 'applyHotfix', description }), engineer, stateAfter(), 20_000],
    ['description', (description) => ({ type: 'proposeFix', description }), engineer, stateAfter(), 20_000],
    ['reason', (reason) => ({ type: 'rejectFix', proposalId: 3, reason }), customer, waiting, 2_000],
    ['note', (note) => ({ type: 'implementFix', note }), engineer, implementing, 20_000],
    ['solution', (solution) => ({ ...resolve, solution }), engineer, confirm, 20_000],
    ['measures', (measures) => ({ ...resolve, measures }), engineer, confirm, 20_000],
    ['prevention', (prevention) => ({ ...resolve, prevention }), engineer, confirm, 20_000],
    ['reason', (reason) => ({ type: 'reopen', reason }), customer, acceptance, 2_000],
    ['comment', (comment) => ({ type: 'giveFeedback', comment }), customer, feedback, 5_000],
    ['impact', (impact) => ({ type: 'recordBusinessImpact', impact }), engineer, stateAfter(), 5_000],
    ['reason', (reason) => ({ type: 'cancel', reason }), customer, stateAfter(), 2_000],
  ];

  it.each(fields)('%s (case %#): blank refused, its limit enforced', (field, command, actor, state, limit) => {
    expect(refused(command(' \n '), actor, state)).toEqual({
      message: `${field} must be a non-empty text`,
      details: { field },
    });
    expect(refused(command('x'.repeat(limit + 1)), actor, state)).toEqual({
      message: `${field} must be at most ${limit} characters`,
      details: { field },
    });
    expect(() => decide(command('x'.repeat(limit)), actor, state, context)).not.toThrow();
  });

  it('checks every question, naming it', () => {
    const ask = (questions: string[]) => ({ type: 'requestClarification', questions }) as const;
    expect(refused(ask(['Which node?', '']), engineer, stateAfter())).toEqual({
      message: 'questions[1] must be a non-empty text',
      details: { field: 'questions[1]' },
    });
    expect(refused(ask(['Which node?', 'q'.repeat(2_001)]), engineer, stateAfter()).details).toEqual({
      field: 'questions[1]',
    });
    for (const questions of [[], undefined, 'Which node?'])
      expect(refused(ask(questions as unknown as string[]), engineer, stateAfter())).toEqual({
        message: 'questions must list at least one question',
        details: { field: 'questions' },
      });
  });
});

describe('decide: phases', () => {
  it('names the phase it refused in and the phases that would do', () => {
    expect(refused({ type: 'accept' }, customer, stateAfter())).toEqual({
      message: 'accept is not possible in phase understand (only in acceptance)',
      details: { phase: 'understand' },
    });
    expect(refused({ type: 'respond', message: 'hi' }, engineer, stateAfter(hotfixed, resolved))).toEqual({
      message:
        'respond is not possible in phase acceptance (only in queued, understand, fix, awaitingApproval, implementing, confirm)',
      details: { phase: 'acceptance' },
    });
  });

  it('cancels from identification on, never once closed', () => {
    const identifying = stateOf([opened]);
    expect(decide({ type: 'cancel', reason: 'r' }, engineer, identifying, context).type).toBe('TicketCancelled');
    expect(refused({ type: 'cancel', reason: 'r' }, engineer, stateAfter(hotfixed, resolved)).details).toEqual({
      phase: 'acceptance',
    });
  });

  it('resolves from confirm, or from fix on a workaround; never from fix without one or while a fix awaits approval', () => {
    const resolve = { type: 'resolve', solution: 's', measures: 'm', prevention: 'p' } as const;
    expect(decide(resolve, engineer, stateAfter(workaround), context).type).toBe('TicketResolved');
    const rejectedFix: TicketEvent = { type: 'FixRejected', data: { proposalId: 3, reason: 'no' } };
    expect(refused(resolve, engineer, stateAfter(proposed, rejectedFix)).details).toEqual({ phase: 'fix' });
    expect(refused(resolve, engineer, stateAfter(workaround, proposed)).details).toEqual({
      phase: 'awaitingApproval',
    });
  });
});

describe('decide: each command’s own rules', () => {
  it('classify: keeps what is not named, checks what is', () => {
    expect(decide({ type: 'classify', reason: 'r' }, engineer, stateAfter(), context)).toEqual({
      type: 'TicketClassified',
      data: { severity: 'S1', priority: 'P1', ticketType: 'incident', responsibility: 'vendor', reason: 'r' },
    });
    expect(
      decide(
        { type: 'classify', reason: 'r', ticketType: 'change', responsibility: 'partner', severity: 'S3' },
        engineer,
        stateAfter(),
        context,
      ).data,
    ).toMatchObject({ severity: 'S3', priority: 'P3', ticketType: 'change', responsibility: 'partner' });
    const bad = (command: Partial<Extract<TicketCommand, { type: 'classify' }>>) =>
      refused({ type: 'classify', reason: 'r', ...command } as TicketCommand, engineer, stateAfter());
    expect(bad({ ticketType: 'bug' as never })).toEqual({
      message: 'ticketType must be one of incident, serviceRequest, imac, change',
      details: { field: 'ticketType' },
    });
    expect(bad({ responsibility: 'nobody' as never })).toEqual({
      message: 'responsibility must be one of vendor, partner, clientProject, clientInfrastructure',
      details: { field: 'responsibility' },
    });
    expect(bad({ severity: 'P1' })).toEqual({
      message: `severity "P1" is not in this customer's scheme (S1-S3)`,
      details: { field: 'severity' },
    });
  });

  it('classify (004 IL helpdesk): the engineer’s fourth quartet field can change the priority the table gives', () => {
    const quartetCustomer: TicketEvent = {
      ...identified,
      data: { ...(identified.data as object), severityScheme: 'quartet', priority: 'P3' },
    } as TicketEvent;
    const withQuartet: TicketEvent = {
      ...opened,
      data: { ...(opened.data as object), quartet: { service: 'mail', category: 'box', item: 'send' } },
    } as TicketEvent;
    const state = stateOf([withQuartet, quartetCustomer]);
    const table: DecideContext = {
      ...context,
      quartetPriority: (q) => (q.impact === 'whole company' ? 'P1' : 'P3'),
    };
    expect(decide({ type: 'classify', reason: 'r', quartetImpact: 'whole company' }, engineer, state, table)).toEqual({
      type: 'TicketClassified',
      data: {
        severity: 'P1',
        priority: 'P1',
        ticketType: 'incident',
        responsibility: 'vendor',
        quartet: { service: 'mail', category: 'box', item: 'send', impact: 'whole company' },
        reason: 'r',
      },
    });
    // Without a fourth field the table's answer for the three stands; without a table, the severity.
    expect(decide({ type: 'classify', reason: 'r' }, engineer, state, table).data).toMatchObject({
      severity: 'P3',
      quartet: { service: 'mail', category: 'box', item: 'send' },
    });
    expect(decide({ type: 'classify', reason: 'r' }, engineer, state, context).data).toMatchObject({ severity: 'P3' });
    // A customer on another scheme keeps its severity whatever a table would say.
    const elsewhere = stateOf([withQuartet, identified]);
    expect(
      decide({ type: 'classify', reason: 'r', quartetImpact: 'whole company' }, engineer, elsewhere, table).data,
    ).toMatchObject({ severity: 'S1', quartet: { impact: 'whole company' } });
    expect(decide({ type: 'classify', reason: 'r' }, engineer, stateAfter(), table).data).not.toHaveProperty('quartet');
  });

  it('respond: carries a valid ETA, refuses another', () => {
    expect(
      decide({ type: 'respond', message: 'm', eta: '2027-03-20T10:00:00Z' }, engineer, stateAfter(), context),
    ).toEqual({ type: 'FirstResponseSent', data: { message: 'm', eta: '2027-03-20T10:00:00Z' } });
    expect(decide({ type: 'respond', message: 'm' }, engineer, stateAfter(), context).data).not.toHaveProperty('eta');
    expect(refused({ type: 'respond', message: 'm', eta: 'next week' }, engineer, stateAfter())).toEqual({
      message: 'eta must be an ISO-8601 instant',
      details: { field: 'eta' },
    });
  });

  it('requestClarification: one at a time', () => {
    expect(
      refused({ type: 'requestClarification', questions: ['q'] }, engineer, stateAfter(clarificationAsked)),
    ).toEqual({
      message: 'a clarification is already waiting for the customer',
      details: {},
    });
  });

  it('answerClarification: only when asked; a late answer reopens only a ticket resolved for no response', () => {
    expect(refused({ type: 'answerClarification', answer: 'a' }, customer, stateAfter())).toEqual({
      message: 'no clarification is waiting for an answer',
      details: {},
    });
    // Resolved normally, in acceptance: an answer is not a reopen.
    expect(
      refused({ type: 'answerClarification', answer: 'a' }, customer, stateAfter(hotfixed, resolved)).message,
    ).toBe('no clarification is waiting for an answer');
  });

  it('provideWorkaround: lowers the severity one step, the least urgent stays', () => {
    const least = stateAfter({
      type: 'TicketClassified',
      data: { severity: 'S3', priority: 'P3', ticketType: 'incident', responsibility: 'vendor', reason: 'r' },
    });
    expect(decide({ type: 'provideWorkaround', description: 'w' }, engineer, least, context).data).toEqual({
      description: 'w',
      severity: 'S3',
      priority: 'P3',
    });
  });

  it('approveFix and rejectFix: only the proposal awaiting approval', () => {
    expect(refused({ type: 'rejectFix', proposalId: 2, reason: 'r' }, customer, stateAfter(proposed))).toEqual({
      message: 'proposal 2 is not the one awaiting approval (3)',
      details: { field: 'proposalId' },
    });
    expect(
      decide({ type: 'rejectFix', proposalId: 3, reason: 'too risky' }, customer, stateAfter(proposed), context),
    ).toEqual({
      type: 'FixRejected',
      data: { proposalId: 3, reason: 'too risky' },
    });
  });

  it('implementFix and accept: name the proposal and the feedback window', () => {
    expect(decide({ type: 'implementFix', note: 'n' }, engineer, stateAfter(proposed, approved), context)).toEqual({
      type: 'FixImplemented',
      data: { proposalId: 3, note: 'n' },
    });
    expect(decide({ type: 'accept' }, customer, stateAfter(hotfixed, resolved), context)).toEqual({
      type: 'ResolutionAccepted',
      data: { by: 'customer', feedbackDueAt: context.feedbackDueAt },
    });
  });

  it('giveFeedback: a score from 1 to 5, once', () => {
    const feedback = stateAfter(hotfixed, resolved, accepted);
    for (const score of [1, 5])
      expect(decide({ type: 'giveFeedback', score }, customer, feedback, context).data).toEqual({ score });
    for (const score of [0, 6, 2.5, Number.NaN])
      expect(refused({ type: 'giveFeedback', score }, customer, feedback)).toEqual({
        message: 'score must be a whole number from 1 to 5',
        details: { field: 'score' },
      });
    expect(decide({ type: 'giveFeedback' }, customer, feedback, context).data).toEqual({});
    const given: TicketEvent = { type: 'FeedbackGiven', data: { score: 4 } };
    expect(
      refused({ type: 'giveFeedback', score: 5 }, customer, stateAfter(hotfixed, resolved, accepted, given)),
    ).toEqual({
      message: 'feedback was already given',
      details: {},
    });
  });

  it('cancel: the requester in any letter case, no other customer contact', () => {
    const shouting: Actor = { id: REQUESTER.toUpperCase(), role: 'customer' };
    expect(decide({ type: 'cancel', reason: 'r' }, shouting, stateAfter(), context).type).toBe('TicketCancelled');
    expect(
      refused({ type: 'cancel', reason: 'r' }, { id: 'peter@example.com', role: 'customer' }, stateAfter()),
    ).toEqual({
      message: 'only the requester may cancel the ticket',
      details: { field: 'actor.id' },
    });
  });

  it('an unknown command names the type field', () => {
    expect(refused({ type: 'teleport' } as unknown as TicketCommand, engineer, stateAfter())).toEqual({
      message: 'unknown command "teleport"',
      details: { field: 'type' },
    });
  });
});

describe('domain helpers', () => {
  it('DomainError carries its name, code and details', () => {
    const error = new DomainError('TICKET_NOT_FOUND', 'no ticket', { number: 'CF-1' });
    expect(error).toMatchObject({ name: 'DomainError', code: 'TICKET_NOT_FOUND', message: 'no ticket' });
    expect(error.details).toEqual({ number: 'CF-1' });
    expect(new DomainError('COMMAND_REJECTED', 'x').details).toEqual({});
  });

  it('names a ticket’s stream and knows its terminal phases', () => {
    expect(ticketStreamId('CF-2027-000042')).toBe('ticket-CF-2027-000042');
    const cancelled: TicketEvent = { type: 'TicketCancelled', data: { reason: 'r' } };
    const refusedEvent: TicketEvent = { type: 'TicketRefused', data: { code: 'C', reason: 'r' } };
    const closed: TicketEvent = { type: 'TicketClosed', data: { feedback: 'given' } };
    for (const end of [cancelled, refusedEvent]) expect(isTerminal(stateAfter(end))).toBe(true);
    // The fold refuses a close out of order: a ticket closes after its resolution was accepted.
    expect(isTerminal(stateAfter(hotfixed, resolved, accepted, closed))).toBe(true);
    expect(isTerminal(stateAfter())).toBe(false);
    expect(isTerminal(stateAfter(hotfixed, resolved, accepted))).toBe(false);
  });
});
