import { createEventStore, openDatabase, type Database, type EventStore } from '@caseflow/event-store';
import { ApiKeys } from './api-keys';

describe('ApiKeys (PGlite, real SQL)', () => {
  let db: Database;
  let store: EventStore & Parameters<typeof ApiKeys.open>[1];
  let keys: ApiKeys;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
    store = await createEventStore(db);
    keys = await ApiKeys.open(db, store);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('shows the secret once, stores only its hash, and verifies the key as its role and customers', async () => {
    const { key, record } = await keys.create(
      { name: 'mail-robot', role: 'service', customers: ['netix-demo', 'netix-demo'] },
      'operator:ops',
    );
    expect(key).toMatch(/^cfk_[0-9a-f]{16}_[\w-]{43}$/);
    expect(record).toMatchObject({
      name: 'mail-robot',
      role: 'service',
      customers: ['netix-demo'],
      createdBy: 'operator:ops',
    });
    const secret = key.split('_')[2];
    const { rows } = await db.query<{ row: string }>('SELECT row_to_json(api_keys)::text AS row FROM api_keys');
    expect(rows[0].row).not.toContain(secret);
    expect(await keys.verify(key)).toEqual({
      role: 'service',
      id: 'mail-robot',
      scope: ['netix-demo'],
      service: { id: 'mail-robot', credential: 'api-key' },
    });
  });

  it('refuses a wrong secret, an unknown id, a malformed key and a revoked one; revoking twice is false', async () => {
    const { key, record } = await keys.create(
      { name: 'auditor-export', role: 'auditor', customers: ['*'] },
      'operator:ops',
    );
    expect((await keys.verify(key))?.scope).toBe('*');
    const [, id, secret] = key.split('_');
    expect(await keys.verify(`cfk_${id}_${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(await keys.verify(`cfk_ffffffffffffffff_${secret}`)).toBeUndefined();
    expect(await keys.verify('cfk_nonsense')).toBeUndefined();
    expect(await keys.revoke(record.id, 'operator:ops')).toBe(true);
    expect(await keys.revoke(record.id, 'operator:ops')).toBe(false);
    expect(await keys.verify(key)).toBeUndefined();
    expect((await keys.list()).find((k) => k.id === record.id)?.revokedAt).toBeDefined();
    const events = await store.readStream(`api-key-${record.id}`);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['ApiKeyIssued', { keyId: record.id, name: 'auditor-export', role: 'auditor', customers: ['*'] }],
      ['ApiKeyRevoked', { keyId: record.id }],
    ]);
  });

  it('refuses keys for people, without customers, or with bad names', async () => {
    await expect(keys.create({ name: 'eve', role: 'engineer' as never, customers: ['*'] }, 'op')).rejects.toThrow(
      /people use tokens/,
    );
    await expect(keys.create({ name: 'robot', role: 'service', customers: [] }, 'op')).rejects.toThrow(
      /needs its customers/,
    );
    await expect(keys.create({ name: 'robot', role: 'service', customers: ['Not A Slug'] }, 'op')).rejects.toThrow(
      /not customer ids/,
    );
    await expect(keys.create({ name: 'two words', role: 'service', customers: ['*'] }, 'op')).rejects.toThrow(/name/);
  });
});
