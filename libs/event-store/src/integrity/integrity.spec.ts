import { CHAIN_ENCODING, GENESIS_HASH, canonicalJson, eventHash, sha256 } from './canonical';
import { assertNoCredentials, findCredentialField, isCredentialName } from './credentials';
import { merkleRoot } from './merkle';
import { verifyStreamChain } from './verify-chain';
import type { ChainedEvent } from '../port';

describe('canonical encoding', () => {
  it('sorts keys at every depth, drops undefined, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[3,{"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, null, 1.5e21])).toBe('[null,null,1.5e+21]');
  });

  it('follows JSON: toJSON, dropped functions, non-finite numbers; round-trips through JSON.parse', () => {
    const value = {
      at: new Date('2026-01-01T00:00:00Z'),
      f: () => 1,
      n: Number.NaN,
      list: [() => 1, 2],
      nested: { b: 2, a: 1 },
    };
    const encoded = canonicalJson(value);
    expect(encoded).toBe('{"at":"2026-01-01T00:00:00.000Z","list":[null,2],"n":null,"nested":{"a":1,"b":2}}');
    expect(JSON.parse(encoded)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson(JSON.parse(encoded))).toBe(encoded);
  });

  it('assembles the same document as canonicalJson of the covered fields', () => {
    const c = {
      streamId: 's"1',
      position: 3,
      id: 'é',
      type: 'T',
      schemaVersion: 2,
      data: { z: [1, { y: 'x', a: null }] },
      metadata: { actor: 'a' },
    };
    const expected = sha256(
      canonicalJson({
        chain: CHAIN_ENCODING,
        data: c.data,
        id: c.id,
        metadata: c.metadata,
        position: 3,
        prev: GENESIS_HASH,
        schemaVersion: 2,
        stream: c.streamId,
        type: 'T',
      }),
    );
    expect(eventHash(c, GENESIS_HASH)).toBe(expected);
  });

  it('matches a fixed vector (an independent SHA-256 of the documented encoding): stored hashes stay valid across releases', () => {
    const content = {
      streamId: 'ticket-9',
      position: 3,
      id: 'e-1',
      type: 'TicketNoteAdded',
      schemaVersion: 2,
      data: { b: null, a: [1, 'é'] },
      metadata: { actor: 'agent:1' },
    };
    expect(eventHash(content, GENESIS_HASH)).toBe('9a671f5460fac495ed3c4014d732a5f0a493c825edd8f6b7b725ab0a086f108b');
  });

  it('hashes the same content the same way whatever the key order', () => {
    const content = {
      streamId: 's',
      position: 1,
      id: 'a',
      type: 'T',
      schemaVersion: 1,
      data: { x: 1, y: 2 },
      metadata: { actor: 'a' },
    };
    const h = eventHash(content, GENESIS_HASH);
    expect(eventHash({ ...content, data: { y: 2, x: 1 } }, GENESIS_HASH)).toBe(h);
    expect(eventHash({ ...content, position: 2 }, GENESIS_HASH)).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyStreamChain', () => {
  const chain = (n: number): ChainedEvent[] => {
    let prev = GENESIS_HASH;
    return Array.from({ length: n }, (_, i) => {
      const e = {
        streamId: 's',
        position: i + 1,
        globalPosition: i + 1,
        id: `e${i + 1}`,
        type: 'T',
        schemaVersion: 1,
        data: { i },
        metadata: {},
        recordedAt: '',
      };
      const hash = eventHash(e, prev);
      const out = { ...e, prevHash: prev, hash };
      prev = hash;
      return out;
    });
  };
  it('passes an intact chain and names a deleted, swapped, changed or inserted event', () => {
    const c = chain(4);
    const head = { position: 4, hash: c[3].hash };
    expect(verifyStreamChain('s', c, head)).toBeUndefined();
    expect(verifyStreamChain('s', [c[0], c[2], c[3]], head)).toMatchObject({ kind: 'deleted', position: 2 });
    expect(
      verifyStreamChain('s', [c[0], { ...c[2], position: 2 }, { ...c[1], position: 3 }, c[3]], head),
    ).toMatchObject({ kind: 'reordered', position: 2 });
    expect(verifyStreamChain('s', [c[0], { ...c[1], data: { i: 9 } }, c[2], c[3]], head)).toMatchObject({
      kind: 'changed',
      position: 2,
    });
    // A forged event with a valid hash pushed in at #2: the event pushed back gives it away.
    const forged = { ...c[1], id: 'forged', hash: eventHash({ ...c[1], id: 'forged' }, c[0].hash!) };
    const shifted = [c[0], forged, ...c.slice(1).map((e) => ({ ...e, position: e.position + 1 }))];
    expect(verifyStreamChain('s', shifted, { position: 5, hash: c[3].hash })).toMatchObject({
      kind: 'inserted',
      position: 2,
    });
    expect(verifyStreamChain('s', c.slice(0, 3), head)).toMatchObject({ kind: 'deleted', position: 4 });
  });
});

describe('credential-like fields', () => {
  it('finds them by name at any depth and leaves ordinary fields alone', () => {
    for (const name of [
      'password',
      'accountPassword',
      'secret',
      'client_secret',
      'apiKey',
      'api-key',
      'credentials',
      'accessToken',
      'privateKey',
    ]) {
      expect(isCredentialName(name)).toBe(true);
    }
    for (const name of ['account', 'login', 'subject', 'description', 'tokenizer', 'severity'])
      expect(isCredentialName(name)).toBe(false);
    expect(findCredentialField({ a: [{ b: { Password: 'x' } }] }, 'data')).toBe('data.a[0].b.Password');
    expect(findCredentialField({ password: null }, 'data')).toBeUndefined();
    expect(findCredentialField({ password: undefined, note: 'x' }, 'data')).toBeUndefined();
    expect(findCredentialField({ list: [{ a: 1 }, 'plain', { pin: '1234' }] }, 'data')).toBe('data.list[2].pin');
    for (const name of ['PIN', 'otp', 'Pwd', 'refreshTokens', 'pass-phrase'])
      expect({ name, credential: isCredentialName(name) }).toEqual({ name, credential: true });
    for (const name of ['pinned', 'tokensUsed', 'spin'])
      expect({ name, credential: isCredentialName(name) }).toEqual({ name, credential: false });
  });
});

describe('assertNoCredentials', () => {
  it('says which field, in which event, and why the log never stores it', () => {
    const event = { id: 'e1', type: 'TicketOpened', data: { account: { password: 'x' } }, metadata: {} };
    expect(() => assertNoCredentials('ticket-1', event)).toThrow(
      'Stream "ticket-1": event e1 (TicketOpened) has a credential-like field "data.account.password"; ' +
        'the audit log is immutable and never stores secrets (keep it in a secret store and reference it)',
    );
    expect(() => assertNoCredentials('ticket-1', { ...event, data: {}, metadata: { apiKey: 'k' } })).toThrow(
      /"metadata.apiKey"/,
    );
    expect(() => assertNoCredentials('ticket-1', { ...event, data: { account: 'crm-admin' } })).not.toThrow();
  });
});

describe('merkleRoot', () => {
  it('does not depend on the order heads are given in', () => {
    const heads = [1, 2, 3].map((i) => ({ streamId: `s${i}`, position: i, hash: String(i).repeat(64) }));
    expect(merkleRoot(heads)).toBe(merkleRoot([...heads].reverse()));
    expect(merkleRoot(heads)).not.toBe(merkleRoot(heads.slice(0, 2)));
  });
});
