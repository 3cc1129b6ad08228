import {
  DataSubjects,
  SubjectKeys,
  createEventStore,
  openDatabase,
  type Database,
  type PersonalDataStore,
} from '@caseflow/event-store';
import { withCaseflowPersonalData } from '@caseflow/persistence';
import {
  buildSlaSetup,
  CustomerDirectory,
  demoCustomers,
  netixDemo,
  ownSlaVersions,
  type CustomerRecord,
} from '@caseflow/directory';
import type { SlaPolicy } from '@caseflow/sla';
import { createScratchDatabase } from '../support/postgres';

const AT = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-03T09:00:00.000Z';

/** A Netix-like policy: a first answer within `hours` of elapsed time, whatever the urgency. */
const quickPolicy = (hours: number): Omit<SlaPolicy, 'version'> => ({
  id: 'netix',
  title: `Netix, first answer in ${hours}h`,
  calendars: ['netix-novosibirsk'],
  matcher: {
    kind: 'fixed',
    targets: { firstResponse: { span: { measure: 'elapsed', seconds: hours * 3600 }, calendar: 'netix-novosibirsk' } },
  },
});

const longDays = {
  id: 'netix-novosibirsk',
  timeZone: 'Asia/Novosibirsk',
  week: { mon: [['08:00', '20:00']], tue: [['08:00', '20:00']] },
} as const;

describe('managing the directory on PostgreSQL: changes, versions, concurrency', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let db: Database;
  let store: PersonalDataStore;
  let directory: CustomerDirectory;

  beforeAll(async () => {
    scratch = await createScratchDatabase('cf_directory_mgmt');
    db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
    store = withCaseflowPersonalData(await createEventStore(db), await SubjectKeys.open(db));
    await CustomerDirectory.migrate(db);
    directory = new CustomerDirectory(db, store, await DataSubjects.open(db));
  });

  afterAll(async () => {
    await store?.close();
    await db?.close();
    await scratch?.drop();
  });

  const netixLike = async (id: string): Promise<CustomerRecord> => {
    const record = { ...netixDemo, id };
    await directory.register(record, 'manager:mia', AT, { expectedVersion: 0 });
    return record;
  };

  it('a merge patch changes just what it names: one CustomerChanged, options merged, lists replaced, null removes', async () => {
    await netixLike('patched');
    const result = await directory.change(
      'patched',
      {
        processOptions: { clarificationOutcome: 'keepWaiting', requiredIntakeFields: ['recurrence'] } as never,
        contracts: [{ id: 'NX-2', validFrom: '2026-01-01', validTo: '2026-12-31' }],
        support: null as never,
      },
      'manager:mia',
      LATER,
      { expectedVersion: 1 },
    );
    expect(result).toEqual({
      customerId: 'patched',
      outcome: 'changed',
      version: 2,
      changedFields: ['contracts', 'processOptions', 'support'],
    });
    const after = await directory.get('patched');
    expect(after?.processOptions).toEqual({
      ...netixDemo.processOptions,
      clarificationOutcome: 'keepWaiting',
      requiredIntakeFields: ['recurrence'],
    });
    expect(after?.contracts).toEqual([{ id: 'NX-2', validFrom: '2026-01-01', validTo: '2026-12-31' }]);
    const events = await store.readStream('customer-patched');
    expect(events.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['CustomerRegistered', 'manager:mia'],
      ['CustomerChanged', 'manager:mia'],
    ]);
    expect(events[1].data).toMatchObject({
      fields: ['contracts', 'processOptions', 'support'],
      before: { processOptions: netixDemo.processOptions, support: netixDemo.support },
      after: { processOptions: after?.processOptions },
    });
    expect(after).not.toHaveProperty('support');
    expect(events[1].data).not.toHaveProperty('after.support');
    // The same patch again changes nothing and writes nothing.
    await expect(
      directory.change('patched', { contracts: after!.contracts }, 'manager:mia', LATER),
    ).resolves.toMatchObject({ outcome: 'unchanged', version: 2 });
    expect(await store.readStream('customer-patched')).toHaveLength(2);
  });

  it('a new severity scheme needs a policy that covers it: both change in one patch', async () => {
    await netixLike('rescheme');
    const scheme = { processOptions: { severityScheme: 'S1-S3' } } as never;
    await expect(directory.change('rescheme', scheme, 'manager:mia', LATER)).rejects.toMatchObject({
      code: 'CUSTOMER_INVALID',
      details: { errors: [{ field: 'policy', rule: 'policy netix v1 has no targets for severity S1, S2, S3' }] },
    });
    const { added } = await directory.addSlaPolicyVersion('rescheme', quickPolicy(2), 'manager:mia', LATER);
    await expect(
      directory.change('rescheme', { ...(scheme as object), policy: added }, 'manager:mia', LATER),
    ).resolves.toMatchObject({ outcome: 'changed', changedFields: ['policy', 'processOptions'] });
  });

  it('a stale expected version is STORE_CONFLICT naming both versions; nothing is written', async () => {
    await netixLike('stale');
    await directory.change('stale', { name: 'Netix (renamed)' }, 'manager:mia', LATER, { expectedVersion: 1 });
    await expect(
      directory.change('stale', { name: 'Netix (again)' }, 'manager:max', LATER, { expectedVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'STORE_CONFLICT',
      details: { customerId: 'stale', streamId: 'customer-stale', expectedVersion: 1, currentVersion: 2 },
    });
    await expect(
      directory.register({ ...netixDemo, id: 'stale' }, 'manager:max', LATER, { expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'STORE_CONFLICT', message: 'customer stale exists already' });
    expect((await directory.get('stale'))?.name).toBe('Netix (renamed)');
    expect(await store.readStream('customer-stale')).toHaveLength(2);
  });

  it('two managers changing the same version at once: one wins, the other is STORE_CONFLICT', async () => {
    await netixLike('raced-twice');
    const outcomes = await Promise.allSettled(
      ['Netix A', 'Netix B', 'Netix C'].map((name) =>
        directory.change('raced-twice', { name }, `manager:${name}`, LATER, { expectedVersion: 1 }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const refused of outcomes.filter((o) => o.status === 'rejected'))
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE_CONFLICT' });
    const events = await store.readStream('customer-raced-twice');
    expect(events).toHaveLength(2);
    expect((await directory.get('raced-twice'))?.name).toBe((events[1].data as { after: { name: string } }).after.name);
  });

  it('refuses a patch of the id or of the versions, and an invalid result, writing nothing', async () => {
    await netixLike('guarded');
    await expect(
      directory.change('guarded', { id: 'other', slaPolicies: [] } as never, 'manager:mia', LATER),
    ).rejects.toMatchObject({
      code: 'CUSTOMER_INVALID',
      details: { errors: [{ field: 'id' }, { field: 'slaPolicies' }] },
    });
    await expect(
      directory.change('guarded', { policy: { id: 'netix', version: 9 } }, 'manager:mia', LATER),
    ).rejects.toMatchObject({ code: 'CUSTOMER_INVALID', details: { errors: [{ field: 'policy' }] } });
    await expect(directory.change('nobody-at-all', { name: 'X' }, 'manager:mia', LATER)).rejects.toMatchObject({
      code: 'CUSTOMER_NOT_FOUND',
    });
    expect(await store.readStream('customer-guarded')).toHaveLength(1);
  });

  it('policy versions are numbered past the preset’s and never change; the pointer picks what new tickets get', async () => {
    await netixLike('versioned');
    const v2 = await directory.addSlaPolicyVersion('versioned', quickPolicy(4), 'manager:mia', LATER, {
      expectedVersion: 1,
    });
    expect(v2).toMatchObject({
      outcome: 'changed',
      version: 2,
      changedFields: ['slaPolicies'],
      added: { id: 'netix', version: 2 },
    });
    const v3 = await directory.addSlaPolicyVersion('versioned', quickPolicy(1), 'manager:mia', LATER);
    expect(v3.added).toEqual({ id: 'netix', version: 3 });
    expect((await directory.get('versioned'))?.policy).toEqual({ id: 'netix', version: 1 });
    await directory.change('versioned', { policy: { id: 'netix', version: 3 } }, 'manager:mia', LATER);

    const events = await store.readStream('customer-versioned');
    expect(events.map((e) => e.type)).toEqual([
      'CustomerRegistered',
      'SlaPolicyVersionAdded',
      'SlaPolicyVersionAdded',
      'CustomerChanged',
    ]);
    expect(events[1].data).toEqual({ customerId: 'versioned', policy: { ...quickPolicy(4), version: 2 } });

    // Re-registering the record with version 2 altered, or without it, is refused.
    const current = (await directory.get('versioned'))!;
    const altered = current.slaPolicies!.map((p) => (p.version === 2 ? { ...p, title: 'rewritten' } : p));
    await expect(directory.register({ ...current, slaPolicies: altered }, 'manager:mia', LATER)).rejects.toMatchObject({
      code: 'CUSTOMER_INVALID',
      details: { errors: [{ field: 'slaPolicies', rule: expect.stringContaining('netix@2 exists') as string }] },
    });
    await expect(
      directory.register({ ...current, slaPolicies: [current.slaPolicies![1]] }, 'manager:mia', LATER),
    ).rejects.toMatchObject({ code: 'CUSTOMER_INVALID' });
    expect(await store.readStream('customer-versioned')).toHaveLength(4);

    // Tickets identified now get v3; one identified on v2 rebuilds v2 from the stream's versions.
    const own = ownSlaVersions(await store.readStream('customer-versioned'));
    expect(own.slaPolicies?.map((p) => p.version)).toEqual([2, 3]);
    expect(buildSlaSetup(current, 2026).policies).toEqual([{ ...quickPolicy(1), version: 3 }]);
    const onV2 = { ...current, ...own, policy: { id: 'netix', version: 2 } };
    expect(buildSlaSetup(onV2, 2026).policies).toEqual([{ ...quickPolicy(4), version: 2 }]);
  });

  it('calendar versions: a successor of the preset’s is compiled for new tickets; a ticket’s pinned version stays', async () => {
    await netixLike('calendared');
    await expect(
      directory.addCalendarVersion('calendared', { ...longDays, week: {} }, 'manager:mia', LATER),
    ).rejects.toMatchObject({ code: 'CUSTOMER_INVALID', details: { errors: [{ field: 'calendars[0]' }] } });
    // Checked by compiling it now: a country the holiday data lacks is refused, not found out by a ticket.
    await expect(
      directory.addCalendarVersion(
        'calendared',
        { ...longDays, publicHolidays: { country: 'ZZ' } } as never,
        'manager:mia',
        LATER,
      ),
    ).rejects.toMatchObject({
      code: 'CUSTOMER_INVALID',
      details: { errors: [{ field: 'calendars[0].publicHolidays.country' }] },
    });
    const added = await directory.addCalendarVersion(
      'calendared',
      { ...longDays, publicHolidays: { country: 'RU' } } as never,
      'manager:mia',
      LATER,
    );
    expect(added.added).toEqual({ id: 'netix-novosibirsk', version: 2 });
    const record = (await directory.get('calendared'))!;
    const fresh = buildSlaSetup(record, 2026);
    expect(fresh.calendars.map((c) => `${c.id}@${c.version}`)).toEqual(['netix-novosibirsk@2']);
    const pinned = buildSlaSetup(record, 2026, undefined, [{ id: 'netix-novosibirsk', version: 1 }]);
    expect(pinned.calendars.map((c) => `${c.id}@${c.version}`)).toEqual(['netix-novosibirsk@1']);
    expect(pinned.calendars[0].hash).not.toBe(fresh.calendars[0].hash);
    expect((await store.readStream('customer-calendared')).map((e) => e.type)).toEqual([
      'CustomerRegistered',
      'CalendarVersionAdded',
    ]);
  });

  it('the seed stays idempotent and leaves a customer a manager changed as the manager left it', async () => {
    expect((await directory.seed(demoCustomers, AT)).every((r) => r.outcome === 'registered')).toBe(true);
    await directory.change('netix-demo', { name: 'Netix (managed)' }, 'manager:mia', LATER);
    const again = await directory.seed(demoCustomers, LATER);
    expect(again.map((r) => r.outcome)).toEqual(demoCustomers.map(() => 'unchanged'));
    expect((await directory.get('netix-demo'))?.name).toBe('Netix (managed)');
    expect(await store.readStream('customer-netix-demo')).toHaveLength(2);
    expect(await directory.get('balasys-demo')).toEqual(demoCustomers[0]);
  });
});
