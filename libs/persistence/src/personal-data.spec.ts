import { randomBytes } from 'node:crypto';
import {
  ERASED,
  isSealed,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type SubjectKeys,
} from '@caseflow/event-store';
import type { TicketEvent } from '@caseflow/domain';
import {
  DATA_SUBJECT_METADATA,
  PERSONAL_DATA_TYPES,
  TICKET_PERSONAL_FIELDS,
  withCaseflowPersonalData,
} from './personal-data';

/** Keys in memory: one per subject, erasable. */
function memoryKeys(): SubjectKeys & { eraseNow(subject: string): void } {
  const keys = new Map<string, Buffer | undefined>();
  return {
    keyFor: async (subject: string) => {
      if (!keys.get(subject)) keys.set(subject, randomBytes(32));
      return { keyId: subject, key: keys.get(subject)! };
    },
    keysById: async (ids: readonly string[]) => new Map(ids.map((id) => [id, keys.get(id)])),
    eraseNow: (subject: string) => keys.set(subject, undefined),
  } as unknown as SubjectKeys & { eraseNow(subject: string): void };
}

/** Keeps what the wrapper hands the adapter, i.e. what would be hashed and stored. */
function memoryStore(): EventStore & { stored: NewEvent[] } {
  const stored: NewEvent[] = [];
  const recorded = (streamId: string): RecordedEvent[] =>
    stored.map((e, i) => ({
      ...structuredClone(e),
      streamId,
      position: i + 1,
      globalPosition: i + 1,
      recordedAt: '2026-11-24T10:00:00.000Z',
      schemaVersion: 1,
    }));
  return {
    name: 'memory',
    capabilities: {
      concurrentWriters: false,
      interleavedTransactions: false,
      contiguousGlobalPositions: true,
      asOfRecorded: false,
      groupCommit: false,
      hashChain: false,
    },
    stored,
    append: async (_streamId: string, events: NewEvent[]): Promise<AppendResult> => {
      stored.push(...events);
      return { positions: events.map((_, i) => stored.length - events.length + i + 1), lastPosition: stored.length };
    },
    readStream: async (streamId: string): Promise<RecordedEvent[]> => recorded(streamId),
    readAll: async ({ fromGlobalPosition = 1, limit = Infinity } = {}) =>
      recorded('ticket-CF-1')
        .filter((e) => e.globalPosition >= fromGlobalPosition)
        .slice(0, limit),
    subscribe: () => {
      throw new Error('not used');
    },
    close: async () => undefined,
  };
}

const anna = 'anna.kovacs@example.com';
const subject = 'ds-1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const meta = (extra: Record<string, unknown> = {}) => ({
  actor: `customer-contact:${subject}`,
  occurredAt: '2026-11-24T10:00:00.000Z',
  correlationId: 'CF-1',
  ...extra,
});

/** Every ticket event that has personal fields, each field holding text that must not be stored. */
const personalTicketEvents: TicketEvent[] = [
  {
    type: 'TicketOpened',
    data: {
      number: 'CF-1',
      customerId: 'balasys-demo',
      requester: anna,
      title: 'Anna cannot log in',
      description: 'Call Anna on +36 1 555',
      severity: 'S1',
      openedAt: '2026-11-24T10:00:00.000Z',
      intake: { phone: '+36 1 555' },
    },
  },
  { type: 'CustomerNotified', data: { kind: 'firstResponse', to: anna, subject: 'Dear Anna' } },
  { type: 'FirstResponseSent', data: { message: 'Dear Anna, on it', eta: '2026-11-25T10:00:00.000Z' } },
  { type: 'CustomerUpdateSent', data: { message: 'Dear Anna, still on it' } },
  {
    type: 'ClarificationRequested',
    data: {
      questions: ['Anna, which host?', 'Anna, since when?'],
      dueAt: '2026-11-26T10:00:00.000Z',
      reminderAt: '2026-11-25T10:00:00.000Z',
    },
  },
  { type: 'ClarificationAnswered', data: { answer: 'Anna here: host 7' } },
  { type: 'BusinessImpactRecorded', data: { impact: "Anna's team cannot work" } },
  { type: 'FixRejected', data: { proposalId: 1, reason: 'Anna says no' } },
  { type: 'TicketReopened', data: { reason: 'Anna sees it again' } },
  { type: 'TicketPrioritized', data: { ahead: ['CF-2026-000001'], reason: 'Agreed with Anna by phone' } },
  { type: 'FeedbackGiven', data: { score: 5, comment: 'Thanks, Anna' } },
  { type: 'TicketCancelled', data: { reason: 'Anna withdrew it' } },
  { type: 'EscalationRequested', data: { reason: 'Anna needs it today' } },
  {
    type: 'EscalationAccepted',
    data: {
      level: 1,
      severity: 'S1',
      priority: 'P1',
      specialist: 'sam',
      actionPlan: 'Call Anna at 10:00 daily',
      channels: ['phone'],
      updateFrequency: { every: 4, unit: 'hours' },
      participants: ['Anna Kovács', 'sam'],
    },
  },
  { type: 'EscalationDeclined', data: { reason: 'Anna, the workaround holds' } },
  { type: 'EscalationLowered', data: { cause: 'customerMissedActivity', reason: 'Anna missed the call' } },
  { type: 'CommentAdded', data: { text: 'Anna called back', visibility: 'internal', author: 'staff' } },
  {
    type: 'TicketHandedOver',
    data: {
      from: 'L1',
      to: 'L2',
      assignee: 'sam',
      reason: 'needs a specialist',
      brief: {
        customerNumber: 'K-1',
        domain: 'shop.example.com',
        contact: 'anna@example.com',
        errorDescription: 'Anna sees 500s',
        endCustomerContactAllowed: false,
      },
    },
  },
];

/**
 * The fields that must be sealed, written out independently of TICKET_PERSONAL_FIELDS: the person's
 * identifiers and everything the customer wrote or was written (docs/event-store.md, "Secrets and personal data").
 */
const EXPECTED_SEALED: Record<string, readonly string[]> = {
  TicketOpened: ['requester', 'title', 'description', 'intake'],
  CustomerNotified: ['to', 'subject'],
  FirstResponseSent: ['message'],
  CustomerUpdateSent: ['message'],
  ClarificationRequested: ['questions'],
  ClarificationAnswered: ['answer'],
  BusinessImpactRecorded: ['impact'],
  FixRejected: ['reason'],
  TicketReopened: ['reason'],
  TicketPrioritized: ['reason'],
  FeedbackGiven: ['comment'],
  TicketCancelled: ['reason'],
  EscalationRequested: ['reason'],
  EscalationAccepted: ['actionPlan', 'participants'],
  EscalationDeclined: ['reason'],
  EscalationLowered: ['reason'],
  CommentAdded: ['text'],
  TicketHandedOver: ['brief'],
};

describe('the personal-data map (PERSONAL_DATA_TYPES)', () => {
  it("covers exactly the ticket event types with personal fields, plus the directory's customer events", () => {
    expect(Object.keys(PERSONAL_DATA_TYPES).sort()).toEqual(
      [...Object.keys(EXPECTED_SEALED), 'CustomerRegistered', 'CustomerChanged', 'AuthorizedPersonChanged'].sort(),
    );
    expect(personalTicketEvents.map((e) => e.type).sort()).toEqual(Object.keys(EXPECTED_SEALED).sort());
    const declared = Object.entries(TICKET_PERSONAL_FIELDS)
      .filter(([, fields]) => fields.length > 0)
      .map(([type, fields]) => [type, fields.map((f) => f.replace('[]', '')).sort()]);
    expect(Object.fromEntries(declared)).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_SEALED).map(([type, fields]) => [type, [...fields].sort()])),
    );
    expect(Object.values(TICKET_PERSONAL_FIELDS).filter((fields) => fields.length === 0)).toHaveLength(19);
  });

  it('seals every declared ticket field under the subject named in the metadata, and nothing else', async () => {
    const inner = memoryStore();
    const store = withCaseflowPersonalData(inner, memoryKeys());
    await store.append(
      'ticket-CF-1',
      personalTicketEvents.map((event, i) => ({
        id: `e${i}`,
        ...event,
        metadata: meta({ [DATA_SUBJECT_METADATA]: subject }),
      })),
    );

    const asStored = JSON.stringify(inner.stored);
    expect(asStored).not.toMatch(/anna/i);
    // Which fields came out sealed, read off what was stored, against the expectation written out above.
    const sealedFields = inner.stored.map((stored) => ({
      type: stored.type,
      sealed: Object.entries(stored.data as Record<string, unknown>)
        .filter(([, value]) => (Array.isArray(value) ? value.length > 0 && value.every(isSealed) : isSealed(value)))
        .map(([field]) => field)
        .sort(),
    }));
    expect(sealedFields).toEqual(
      personalTicketEvents.map(({ type }) => ({ type, sealed: [...EXPECTED_SEALED[type]].sort() })),
    );
    for (const [i, event] of personalTicketEvents.entries()) {
      const stored = inner.stored[i].data as Record<string, unknown>;
      for (const [field, value] of Object.entries(event.data as Record<string, unknown>))
        if (!EXPECTED_SEALED[event.type].includes(field))
          expect({ field, value: stored[field] }).toEqual({ field, value });
      expect(
        Object.values(stored)
          .flat()
          .filter(isSealed)
          .every((s) => s.kid === subject),
      ).toBe(true);
    }
    // Read back whole, by stream and in batches; the store hands out what was appended.
    expect((await store.readStream('ticket-CF-1')).map((e) => ({ type: e.type, data: e.data }))).toEqual(
      personalTicketEvents,
    );
    const batches: RecordedEvent[][] = [];
    for await (const batch of store.readAllBatches({ batchSize: 4 })) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([4, 4, 4, 4, 2]);
    expect(batches.flat().map((e) => ({ type: e.type, data: e.data }))).toEqual(personalTicketEvents);
  });

  it('reads [erased] for every personal field once the subject is erased, keeping the rest and the shapes', async () => {
    const keys = memoryKeys();
    const store = withCaseflowPersonalData(memoryStore(), keys);
    await store.append(
      'ticket-CF-1',
      personalTicketEvents
        .slice(0, 5)
        .map((event, i) => ({ id: `e${i}`, ...event, metadata: meta({ [DATA_SUBJECT_METADATA]: subject }) })),
    );
    keys.eraseNow(subject);
    const [opened, notified, , , clarification] = await store.readStream('ticket-CF-1');
    expect(opened.data).toMatchObject({
      requester: ERASED,
      title: ERASED,
      description: ERASED,
      intake: ERASED,
      severity: 'S1',
      customerId: 'balasys-demo',
    });
    expect(notified.data).toEqual({ kind: 'firstResponse', to: ERASED, subject: ERASED });
    expect(clarification.data).toMatchObject({ questions: [ERASED, ERASED], dueAt: '2026-11-26T10:00:00.000Z' });
  });

  it('refuses a ticket event with personal fields but no data subject in its metadata', async () => {
    const store = withCaseflowPersonalData(memoryStore(), memoryKeys());
    await expect(
      store.append('ticket-CF-1', [{ id: 'e1', ...personalTicketEvents[0], metadata: meta() }]),
    ).rejects.toMatchObject({ code: 'EVENT_STORE_NO_SUBJECT' });
  });

  it('seals each directory contact under its own subject, in registrations and in changes', async () => {
    const inner = memoryStore();
    const keys = memoryKeys();
    const store = withCaseflowPersonalData(inner, keys);
    const annaContact = { email: anna, name: 'Anna Kovács', subject: 'ds-anna' };
    const peterContact = { email: 'peter.nagy@example.com', name: 'Péter Nagy', subject: 'ds-peter' };
    await store.append('customer-balasys-demo', [
      {
        id: 'r',
        type: 'CustomerRegistered',
        data: {
          customerId: 'balasys-demo',
          record: { id: 'balasys-demo', authorizedContacts: [annaContact, peterContact] },
        },
        metadata: meta(),
      },
      {
        id: 'c',
        type: 'CustomerChanged',
        data: {
          customerId: 'balasys-demo',
          fields: ['authorizedContacts'],
          before: { authorizedContacts: [annaContact, peterContact] },
          after: { authorizedContacts: [peterContact] },
        },
        metadata: meta(),
      },
    ]);
    expect(JSON.stringify(inner.stored)).not.toMatch(/anna\.kovacs|Anna Kov|peter\.nagy|Péter/);
    keys.eraseNow('ds-anna');
    const [registered, changed] = await store.readStream('customer-balasys-demo');
    expect(registered.data).toEqual({
      customerId: 'balasys-demo',
      record: {
        id: 'balasys-demo',
        authorizedContacts: [{ email: ERASED, name: ERASED, subject: 'ds-anna' }, peterContact],
      },
    });
    expect(changed.data).toMatchObject({
      before: { authorizedContacts: [{ email: ERASED, subject: 'ds-anna' }, peterContact] },
      after: { authorizedContacts: [peterContact] },
    });
  });

  it('refuses a contact without a subject, or not shaped as a contact, rather than store it in the clear', async () => {
    const store = withCaseflowPersonalData(memoryStore(), memoryKeys());
    const data = { customerId: 'x', record: { authorizedContacts: [{ email: anna, name: 'Anna' }] } };
    await expect(
      store.append('customer-x', [{ id: 'r', type: 'CustomerRegistered', data, metadata: meta() }]),
    ).rejects.toMatchObject({ code: 'EVENT_STORE_NO_SUBJECT' });
    const bare = { customerId: 'x', record: { authorizedContacts: [anna] } };
    await expect(
      store.append('customer-x', [{ id: 'b', type: 'CustomerRegistered', data: bare, metadata: meta() }]),
    ).rejects.toMatchObject({ code: 'EVENT_STORE_PERSONAL_SHAPE' });
  });
});
