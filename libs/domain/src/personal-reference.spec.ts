import {
  decide,
  isPersonalReference,
  isSubjectId,
  personalReference,
  referencesIn,
  replaceReferences,
  subjectOfReference,
  type Actor,
  type TicketEvent,
} from '@caseflow/domain';
import { REQUESTER, context, opened, stateOf, refusal, identified } from '../spec/ticket-fixtures';

const SUBJECT = 'ds-0b6c2a9e-1111-4c1e-9d3a-2f1e5c7a9b01';
const VALUE = '5f0e2d1c-aaaa-4bbb-8ccc-0d1e2f3a4b5c';
const reference = personalReference(SUBJECT, VALUE);

describe('personal references (the claim checks a workflow carries)', () => {
  it('names the subject and the value, and is recognised whole or inside a text', () => {
    expect(reference).toBe(`pd:${SUBJECT}:${VALUE}`);
    expect(isPersonalReference(reference)).toBe(true);
    expect(subjectOfReference(reference)).toBe(SUBJECT);
    for (const other of [`${reference} `, `x${reference}`, `pd:${SUBJECT}:not-a-uuid`, 'anna@example.com', 7])
      expect({ other, whole: isPersonalReference(other), subject: subjectOfReference(other) }).toEqual({
        other,
        whole: false,
        subject: undefined,
      });
    const text = `answered: ${reference}, and ${reference}.`;
    expect(referencesIn(text)).toEqual([reference, reference]);
    expect(replaceReferences(text, () => 'gw-01')).toBe('answered: gw-01, and gw-01.');
  });

  it('tells subject ids from e-mail addresses', () => {
    expect(isSubjectId(SUBJECT)).toBe(true);
    expect(isSubjectId(REQUESTER)).toBe(false);
    expect(isSubjectId('ds-')).toBe(false);
  });
});

describe('cancel: the requester by subject id, without reading the e-mail', () => {
  const sealedOpening: TicketEvent = { ...opened, data: { ...opened.data, requester: reference } } as TicketEvent;
  const sealed = stateOf([sealedOpening, identified]);
  const subjectActor: Actor = { id: SUBJECT, role: 'customer' };

  it('lets the subject the requester reference names cancel, no other subject', () => {
    expect(decide({ type: 'cancel', reason: 'r' }, subjectActor, sealed, context).type).toBe('TicketCancelled');
    const other: Actor = { id: 'ds-7d1e4b2c-2222-4f0a-8e6b-3a2d1c0b9e02', role: 'customer' };
    expect(refusal(() => decide({ type: 'cancel', reason: 'r' }, other, sealed, context)).message).toBe(
      'only the requester may cancel the ticket',
    );
  });

  it('a ticket opened with an e-mail: the subject the workflow resolved for it (context), or the e-mail itself', () => {
    const plain = stateOf([opened, identified]);
    const withSubject = { ...context, requesterSubject: SUBJECT };
    expect(decide({ type: 'cancel', reason: 'r' }, subjectActor, plain, withSubject).type).toBe('TicketCancelled');
    expect(refusal(() => decide({ type: 'cancel', reason: 'r' }, subjectActor, plain, context)).message).toBe(
      'only the requester may cancel the ticket',
    );
    expect(decide({ type: 'cancel', reason: 'r' }, { id: REQUESTER, role: 'customer' }, plain, context).type).toBe(
      'TicketCancelled',
    );
  });
});
