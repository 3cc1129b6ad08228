import { DomainError } from '@caseflow/domain';
import {
  DataSubjects,
  ERASED,
  SubjectKeys,
  createEventStore,
  openDatabase,
  type Database,
  type PersonalDataStore,
} from '@caseflow/event-store';
import { withCaseflowPersonalData } from '@caseflow/persistence';
import { createScratchDatabase } from '../support/postgres';
import { balasysDemo, bpmsoftDemo, CustomerDirectory, demoCustomers, type CustomerRecord } from '@caseflow/directory';

const AT = '2025-03-14T10:00:00.000Z';
const LATER = '2025-03-15T10:00:00.000Z';

interface Backend {
  db: Database;
  close: () => Promise<void>;
}

const backends: Array<[string, () => Promise<Backend>]> = [
  [
    'PostgreSQL server',
    async () => {
      const scratch = await createScratchDatabase('cf_directory');
      const db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
      return {
        db,
        close: async () => {
          await db.close();
          await scratch.drop();
        },
      };
    },
  ],
  [
    'PGlite in memory',
    async () => {
      const db = await openDatabase({ kind: 'pglite' });
      return { db, close: () => db.close() };
    },
  ],
];

describe.each(backends)('CustomerDirectory on %s', (_name, open) => {
  let backend: Backend;
  let store: PersonalDataStore;
  let keys: SubjectKeys;
  let subjects: DataSubjects;
  let directory: CustomerDirectory;

  beforeAll(async () => {
    backend = await open();
    keys = await SubjectKeys.open(backend.db);
    subjects = await DataSubjects.open(backend.db);
    store = withCaseflowPersonalData(await createEventStore(backend.db), keys);
    await CustomerDirectory.migrate(backend.db);
    await CustomerDirectory.migrate(backend.db); // idempotent
    directory = new CustomerDirectory(backend.db, store, subjects);
  });

  afterAll(async () => {
    await store?.close();
    await backend?.close();
  });

  const customer = (id: string, overrides: Partial<CustomerRecord> = {}): CustomerRecord => ({
    ...balasysDemo,
    id,
    ...overrides,
  });

  it('register then get and list return the record; one CustomerRegistered event', async () => {
    const record = customer('acme');
    await expect(directory.register(record, 'admin@example.com', AT)).resolves.toEqual({
      customerId: 'acme',
      outcome: 'registered',
      version: 1,
      changedFields: [],
    });
    expect(await directory.get('acme')).toEqual(record);
    expect((await directory.list()).map((c) => c.id)).toContain('acme');
    expect(await directory.get('nobody')).toBeUndefined();
    const events = await store.readStream('customer-acme');
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered']);
    const contacts = await Promise.all(
      record.authorizedContacts.map(async (c) => ({ ...c, subject: await subjects.idFor(c.email) })),
    );
    expect(events[0].data).toEqual({ customerId: 'acme', record: { ...record, authorizedContacts: contacts } });
    expect(events[0].metadata).toMatchObject({ actor: 'admin@example.com', occurredAt: AT });
  });

  it("stores each contact's name and e-mail sealed under the person's own subject; erasing one person leaves the others", async () => {
    const [anna, peter] = balasysDemo.authorizedContacts;
    await directory.register(customer('sealed'), 'admin@example.com', AT);
    await directory.register(customer('sealed', { authorizedContacts: [peter] }), 'admin@example.com', LATER);
    const { rows } = await backend.db.query<{ data: string; metadata: string }>(
      "SELECT data::text AS data, metadata::text AS metadata FROM es_events WHERE stream_id = 'customer-sealed'",
    );
    expect(rows).toHaveLength(2);
    const stored = rows.map((r) => r.data + r.metadata).join('\n');
    for (const plain of [anna.email, anna.name, peter.email, peter.name]) expect(stored).not.toContain(plain);
    const annaSubject = (await subjects.find(anna.email))!;
    expect(annaSubject).toMatch(/^ds-[0-9a-f-]{36}$/);
    expect(stored).toContain(annaSubject);

    await keys.erase(annaSubject);
    const [registered, changed] = await store.readStream('customer-sealed');
    const peterSubject = await subjects.idFor(peter.email);
    expect((registered.data as { record: CustomerRecord }).record.authorizedContacts).toEqual([
      { subject: annaSubject, email: ERASED, name: ERASED },
      { ...peter, subject: peterSubject },
    ]);
    expect(changed.data).toMatchObject({
      fields: ['authorizedContacts'],
      after: { authorizedContacts: [{ ...peter, subject: peterSubject }] },
    });
    expect(await store.verify('customer-sealed')).toMatchObject({ ok: true, events: 2 });
  });

  it('re-registering the same record (keys in another order) writes nothing', async () => {
    const record = customer('same');
    await directory.register(record, 'admin@example.com', AT);
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as unknown as CustomerRecord;
    await expect(directory.register(reordered, 'someone-else@example.com', LATER)).resolves.toMatchObject({
      outcome: 'unchanged',
      version: 1,
    });
    expect(await store.readStream('customer-same')).toHaveLength(1);
    const { rows } = await backend.db.query<{ version: number; updated_at: Date | string }>(
      'SELECT version, updated_at FROM customers WHERE id = $1',
      ['same'],
    );
    expect(Number(rows[0].version)).toBe(1);
    expect(new Date(rows[0].updated_at).toISOString()).toBe(AT);
  });

  it('changing the plan appends CustomerChanged with just that field, and moves the row version', async () => {
    await directory.register(
      customer('planner', {
        plan: 'StandardSU',
        contracts: [{ id: 'C-1', validFrom: '2024-01-01', validTo: '2030-12-31' }],
      }),
      'admin@example.com',
      AT,
    );
    const result = await directory.register(
      customer('planner', {
        plan: 'PrivilegeSU',
        contracts: [{ id: 'C-1', validFrom: '2024-01-01', validTo: '2030-12-31' }],
      }),
      'manager@example.com',
      LATER,
    );
    expect(result).toEqual({ customerId: 'planner', outcome: 'changed', version: 2, changedFields: ['plan'] });
    const events = await store.readStream('customer-planner');
    expect(events.map((e) => e.type)).toEqual(['CustomerRegistered', 'CustomerChanged']);
    expect(events[1].data).toEqual({
      customerId: 'planner',
      fields: ['plan'],
      before: { plan: 'StandardSU' },
      after: { plan: 'PrivilegeSU' },
    });
    expect(events[1].metadata).toMatchObject({ actor: 'manager@example.com', occurredAt: LATER });
    expect((await directory.get('planner'))?.plan).toBe('PrivilegeSU');
  });

  it('removing an optional field is a change too', async () => {
    await directory.register(
      customer('dropper', {
        presetId: '001-netix',
        policy: { id: 'netix', version: 1 },
        calendarId: 'netix-novosibirsk',
        // The netix policy gives targets by urgency: the scheme must be Netix's too.
        processOptions: { ...balasysDemo.processOptions, severityScheme: 'urgency1-4' },
        plan: 'gold',
        contracts: [{ id: 'C-1', validFrom: '2024-01-01', validTo: '2030-12-31' }],
      }),
      'a@example.com',
      AT,
    );
    const { plan: _plan, ...withoutPlan } = (await directory.get('dropper'))!;
    await expect(directory.register(withoutPlan, 'a@example.com', LATER)).resolves.toMatchObject({
      outcome: 'changed',
      changedFields: ['plan'],
    });
    const events = await store.readStream('customer-dropper');
    expect(events[1].data).toMatchObject({ fields: ['plan'], before: { plan: 'gold' }, after: {} });
    expect((await directory.get('dropper'))?.plan).toBeUndefined();
  });

  it('an invalid record throws CUSTOMER_INVALID naming the fields, and writes nothing', async () => {
    const bad = customer('Bad Id', {
      policy: { id: 'balasys', version: 9 },
      contracts: [{ id: 'C-1', validFrom: '2024-02-30', validTo: '2023-01-01' }],
    });
    const error = await directory.register(bad, 'a@example.com', AT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CUSTOMER_INVALID');
    const fields = ((error as DomainError).details.errors as Array<{ field: string }>).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'policy', 'contracts[0].validFrom']));
    expect(await store.readStream('customer-Bad Id')).toEqual([]);
    expect(await directory.get('Bad Id')).toBeUndefined();

    // A valid customer whose change is invalid keeps its old row and stream.
    await directory.register(customer('stays'), 'a@example.com', AT);
    await expect(
      directory.register(customer('stays', { calendarId: 'nowhere' }), 'a@example.com', LATER),
    ).rejects.toMatchObject({ code: 'CUSTOMER_INVALID' });
    expect((await directory.get('stays'))?.calendarId).toBe('balasys-budapest');
    expect(await store.readStream('customer-stays')).toHaveLength(1);
  });

  it("a stream written behind the row's back is a STORE_CONFLICT; row and stream stay as they were", async () => {
    await directory.register(customer('raced'), 'a@example.com', AT);
    await store.append(
      'customer-raced',
      [
        {
          id: 'intruder',
          type: 'CustomerChanged',
          data: {},
          metadata: { actor: 'x', occurredAt: AT, correlationId: 'x' },
        },
      ],
      { expectedPosition: 1 },
    );
    await expect(
      directory.register(customer('raced', { name: 'Renamed' }), 'a@example.com', LATER),
    ).rejects.toMatchObject({ code: 'STORE_CONFLICT' });
    expect((await directory.get('raced'))?.name).toBe(balasysDemo.name);
    expect(await store.readStream('customer-raced')).toHaveLength(2);
  });

  it('seeding twice leaves five streams of one event each', async () => {
    const first = await directory.seed(demoCustomers, AT);
    expect(first.map((r) => r.outcome)).toEqual(['registered', 'registered', 'registered', 'registered', 'registered']);
    const second = await directory.seed(demoCustomers, LATER);
    expect(second.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    for (const c of demoCustomers) {
      const events = await store.readStream(`customer-${c.id}`);
      expect(events.map((e) => e.type)).toEqual(['CustomerRegistered']);
      expect(events[0].metadata).toMatchObject({ actor: 'directory-seed', correlationId: `directory-seed:${c.id}` });
      expect(await directory.get(c.id)).toEqual(c);
    }
    const seeded = await store.readAll({ types: ['CustomerRegistered'] });
    expect(seeded.filter((e) => demoCustomers.some((c) => e.streamId === `customer-${c.id}`))).toHaveLength(5);
  });

  it('003: naming a new authorized person is one AuthorizedPersonChanged, the person sealed; the same again writes nothing', async () => {
    const only = { ...bpmsoftDemo, id: 'bpm-people' };
    await directory.register(only, 'directory-seed', AT);
    const ivan = { email: 'ivan.sidorov@example.com', name: 'Ivan Sidorov' };
    expect(await directory.changeAuthorizedPerson('bpm-people', ivan, 'manager:mia', LATER)).toEqual({
      customerId: 'bpm-people',
      outcome: 'changed',
      version: 2,
      changedFields: ['authorizedContacts'],
    });
    expect((await directory.get('bpm-people'))?.authorizedContacts).toEqual([ivan]);
    const events = await store.readStream('customer-bpm-people');
    expect(events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['CustomerRegistered', 'directory-seed'],
      ['AuthorizedPersonChanged', 'manager:mia'],
    ]);
    expect(events[1].data).toEqual({
      customerId: 'bpm-people',
      fields: ['authorizedContacts'],
      before: {
        authorizedContacts: [
          { ...bpmsoftDemo.authorizedContacts[0], subject: await subjects.idFor('maria.ivanova@example.com') },
        ],
      },
      after: { authorizedContacts: [{ ...ivan, subject: await subjects.idFor(ivan.email) }] },
    });
    expect(await directory.changeAuthorizedPerson('bpm-people', ivan, 'manager:mia', LATER)).toMatchObject({
      outcome: 'unchanged',
    });
    expect(await store.readStream('customer-bpm-people')).toHaveLength(2);
  });

  it('refuses an authorized person for a customer without the option, an unknown customer, a bad address', async () => {
    await directory.register(customer('many-contacts'), 'a@example.com', AT);
    const person = { email: 'x@example.com', name: 'X' };
    await expect(directory.changeAuthorizedPerson('many-contacts', person, 'manager:mia', LATER)).rejects.toMatchObject(
      {
        code: 'CUSTOMER_INVALID',
        details: { errors: [{ field: 'processOptions.authorizedContactsOnly', rule: expect.any(String) }] },
      },
    );
    await expect(directory.changeAuthorizedPerson('nobody-here', person, 'manager:mia', LATER)).rejects.toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
    });
    await directory.register({ ...bpmsoftDemo, id: 'bpm-bad' }, 'directory-seed', AT);
    await expect(
      directory.changeAuthorizedPerson('bpm-bad', { email: 'not-an-address', name: 'X' }, 'manager:mia', LATER),
    ).rejects.toMatchObject({ code: 'CUSTOMER_INVALID' });
    expect(await store.readStream('customer-many-contacts')).toHaveLength(1);
    expect(await store.readStream('customer-bpm-bad')).toHaveLength(1);
  });
});
