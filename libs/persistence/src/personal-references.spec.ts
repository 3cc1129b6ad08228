import { ERASED, PersonalValues, SubjectKeys, openDatabase, type Database } from '@caseflow/event-store';
import { isPersonalReference, personalReference, subjectOfReference, type TicketCommand } from '@caseflow/domain';
import type { OpenTicketInput } from '@caseflow/contract';
import { PERSONAL_COMMAND_TEXTS, PersonalReferenceError, PersonalReferences } from './personal-references';

const ANNA = 'ds-0b6c2a9e-1111-4c1e-9d3a-2f1e5c7a9b01';
const PETER = 'ds-7d1e4b2c-2222-4f0a-8e6b-3a2d1c0b9e02';

const textsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(textsIn) : [];

const opening: OpenTicketInput = {
  number: 'CF-2026-000042',
  customerId: 'balasys-demo',
  requester: 'anna.kovacs@example.com',
  title: 'Kovács Anna cannot log in',
  description: 'Sessions drop on gw-szeged-01.',
  severity: 'S2',
  product: 'Zorp Gateway',
  quartet: { service: 'email', category: 'mailbox', item: 'cannot send' },
  intake: { domain: 'szeged.example.com', urgent: true, users: 40, blank: '  ' },
};

describe('PersonalReferences: claim checks in the personal-data vault', () => {
  let db: Database;
  let keys: SubjectKeys;
  let references: PersonalReferences;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
    keys = await SubjectKeys.open(db);
    references = new PersonalReferences(await PersonalValues.open(db, keys));
  }, 60_000);

  afterAll(async () => {
    await db.close();
  });

  it("seals the requester, title, description and the intake's texts under the requester's subject; nothing else", async () => {
    const sealed = await references.sealOpening(opening, ANNA);
    for (const value of [sealed.requester, sealed.title, sealed.description, sealed.intake?.domain])
      expect(subjectOfReference(value)).toBe(ANNA);
    expect(sealed).toMatchObject({
      number: opening.number,
      customerId: opening.customerId,
      severity: 'S2',
      product: 'Zorp Gateway',
      quartet: opening.quartet,
      intake: { urgent: true, users: 40, blank: '  ' },
    });
    expect(JSON.stringify(sealed)).not.toMatch(/anna|Kovács|szeged/i);
    expect(await references.open(sealed)).toEqual(opening);
  });

  it.each([
    [{ type: 'respond', message: 'Dear Anna, we are on it.', eta: '2026-12-02T10:00:00.000Z' }, ['message']],
    [{ type: 'requestClarification', questions: ['Which node, Anna?', 'Since when?'] }, ['questions']],
    [{ type: 'answerClarification', answer: 'gw-szeged-01, since Monday' }, ['answer']],
    [{ type: 'giveFeedback', score: 5, comment: 'Thanks, Anna' }, ['comment']],
    [{ type: 'comment', text: 'Call Anna on +36 1 234', visibility: 'internal' }, ['text']],
    [
      {
        type: 'acceptEscalation',
        actionPlan: 'Daily call with Anna',
        channels: ['phone'],
        updateFrequency: 'daily',
        participants: ['Kovács Anna', 'eve'],
      },
      ['actionPlan', 'participants'],
    ],
    [
      {
        type: 'handOver',
        tier: 'L2',
        assignee: 'sam',
        reason: 'needs L2',
        brief: {
          customerNumber: 'C-1',
          domain: 'szeged.example.com',
          contact: 'anna@example.com',
          errorDescription: 'drops',
          endCustomerContactAllowed: true,
        },
      },
      ['brief'],
    ],
  ] as Array<[TicketCommand, string[]]>)(
    'seals the personal texts of %j, leaving the rest',
    async (command, personal) => {
      const sealed = (await references.sealCommand(command, ANNA)) as unknown as Record<string, unknown>;
      const original = command as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(original)) {
        if (!personal.includes(field)) expect(sealed[field]).toEqual(value);
        else for (const text of textsIn(value)) expect(JSON.stringify(sealed[field])).not.toContain(text);
      }
      expect(await references.open(sealed)).toEqual(command);
    },
  );

  it("leaves a text the domain refuses (blank, over the field's limit) as it is: the workflow's validator refuses it", async () => {
    const limit = PERSONAL_COMMAND_TEXTS.cancel.reason;
    for (const reason of ['   ', 'x'.repeat(limit + 1), ''])
      expect(await references.sealCommand({ type: 'cancel', reason }, ANNA)).toEqual({ type: 'cancel', reason });
    const atLimit = (await references.sealCommand({ type: 'cancel', reason: 'x'.repeat(limit) }, ANNA)) as {
      reason: string;
    };
    expect(isPersonalReference(atLimit.reason)).toBe(true);
    expect(await references.sealCommand({ type: 'accept' }, ANNA)).toEqual({ type: 'accept' });
  });

  it('opens references inside a composed text, and only those of the given subject', async () => {
    const [anna] = (
      (await references.sealCommand({ type: 'answerClarification', answer: 'gw-01' }, ANNA)) as {
        answer: string;
      }
    ).answer.split(' ');
    const peter = (
      (await references.sealCommand({ type: 'answerClarification', answer: 'Peter’s secret' }, PETER)) as {
        answer: string;
      }
    ).answer;
    const state = { reason: `the customer answered the clarification: ${anna}`, note: peter };
    expect(await references.open(state, { subject: ANNA })).toEqual({
      reason: 'the customer answered the clarification: gw-01',
      note: peter,
    });
    expect(await references.open(state, { within: ['note'] })).toEqual({ ...state, note: 'Peter’s secret' });
  });

  it("seals a text that looks like someone else's reference as text: it never opens their value", async () => {
    const peter = (
      (await references.sealCommand({ type: 'comment', text: 'Peter’s secret' }, PETER)) as { text: string }
    ).text;
    const pasted = (await references.sealCommand({ type: 'comment', text: peter }, ANNA)) as { text: string };
    expect(subjectOfReference(pasted.text)).toBe(ANNA);
    expect(await references.open(pasted)).toEqual({ type: 'comment', text: peter });
  });

  it("opens an erased subject's references as [erased]; a reference with no value stays, or throws when strict", async () => {
    const subject = 'ds-5c3b2a19-3333-4d2c-9b1a-0e9f8d7c6b03';
    const sealed = await references.sealOpening(opening, subject);
    await keys.erase(subject);
    expect(await references.open(sealed)).toMatchObject({ requester: ERASED, title: ERASED, description: ERASED });
    const unknown = personalReference(ANNA, '00000000-0000-4000-8000-000000000000');
    expect(await references.open({ to: unknown })).toEqual({ to: unknown });
    await expect(references.open({ to: unknown }, { strict: true })).rejects.toBeInstanceOf(PersonalReferenceError);
  });

  it('does not open a value moved to another subject or altered in the vault', async () => {
    const sealed = (await references.sealCommand({ type: 'comment', text: 'Anna’s words' }, ANNA)) as { text: string };
    const valueId = sealed.text.split(':')[2];
    await db.query('UPDATE personal_values SET subject_id = $1 WHERE value_id = $2', [PETER, valueId]);
    await expect(references.open({ text: personalReference(PETER, valueId) }, { strict: true })).rejects.toThrow(
      /Unsupported state or unable to authenticate data/,
    );
    await expect(references.open(sealed, { strict: true })).rejects.toBeInstanceOf(PersonalReferenceError);
  });
});
