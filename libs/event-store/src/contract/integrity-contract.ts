/* Tamper evidence, checkpoints and erasure: part of the contract suite (jest globals). */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../database';
import { fileCheckpointSink, readLatestCheckpoint } from '../integrity/checkpoint-sink';
import { ERASED } from '../personal-data/cipher';
import { withPersonalData } from '../personal-data/personal-data-store';
import { SubjectKeys } from '../personal-data/subject-keys';
import { isAuditable, type AuditableEventStore, type EventStore, type TamperKind } from '../port';
import type { ContractFactory, ContractHarness } from './event-store-contract';
import { event } from './event-store-contract';

/** Registers the integrity tests on a harness of their own (a fresh schema or database). */
export function describeIntegrityContract(
  adapter: string,
  factory: ContractFactory,
  leaveOut: (name: string, why: string) => void,
): void {
  describe(`hash chains, checkpoints, verification: ${adapter}`, () => {
    let harness: ContractHarness;
    let plain: EventStore;
    let store: AuditableEventStore;
    let dir: string;
    let n = 0;
    // A per-run suffix: runs may share a server (KurrentDB).
    const run = randomUUID().slice(0, 8);
    const stream = () => `ticket-chain-${run}-${++n}`;

    beforeAll(async () => {
      harness = await factory();
      plain = await harness.open();
      if (isAuditable(plain)) store = plain;
      dir = await mkdtemp(join(tmpdir(), 'caseflow-cp-'));
    });
    afterAll(async () => {
      await plain?.close();
      await harness?.teardown();
      await rm(dir, { recursive: true, force: true });
    });

    const noTamper = () => harness.tamperUnavailable ?? 'the harness cannot change rows behind the store';
    /**
     * Runs when the adapter has hash chains and what the test needs behind the store: `tamper`
     * (edit rows with SQL) or `remove` (truncate or delete a stream: the server's API, or SQL).
     */
    const itChains = (name: string, fn: () => Promise<void>, needs?: 'tamper' | 'remove') =>
      it(name, async () => {
        if (!store) return leaveOut(name, `${plain.name} lacks hashChain`);
        if (needs === 'tamper' && !harness.tamper) return leaveOut(name, noTamper());
        if (needs === 'remove' && !harness.tamper && !(harness.truncateStream && harness.deleteStream)) {
          return leaveOut(name, 'the harness can neither truncate nor delete a stream behind the store');
        }
        await fn();
      });

    /** Hides a stream's first events behind the store: the server's API (KurrentDB `$tb`) or SQL. */
    const truncateBehind = (s: string, beforePosition: number): Promise<void> =>
      harness.truncateStream
        ? harness.truncateStream(s, beforePosition)
        : harness.tamper!('DELETE FROM es_events WHERE stream_id = $1 AND position < $2', [s, beforePosition]);
    /** Deletes a whole stream behind the store: the server's API (KurrentDB soft delete) or SQL (rows and head). */
    const deleteBehind = async (s: string): Promise<void> => {
      if (harness.deleteStream) return harness.deleteStream(s);
      await harness.tamper!('DELETE FROM es_events WHERE stream_id = $1', [s]);
      await harness.tamper!('DELETE FROM es_streams WHERE stream_id = $1', [s]);
    };

    const write = async (s: string, count: number) => {
      await store.append(
        s,
        Array.from({ length: count }, (_, i) => event(`${s}-e${i + 1}`)),
        { expectedPosition: 0 },
      );
    };
    const expectFailure = async (s: string, kind: TamperKind, position: number) => {
      const report = await store.verify(s);
      expect(report.ok).toBe(false);
      expect(report.failure).toMatchObject({ kind, streamId: s, position });
      expect(report.failure!.message).toContain(`#${position}`);
      return report.failure!;
    };

    itChains('chains every event, also under 32 concurrent writers, and verifies clean streams', async () => {
      const s = stream();
      await write(s, 3);
      const racing = stream();
      await Promise.all(
        Array.from({ length: 32 }, (_, i) =>
          store.append(racing, [event(`${racing}-w${i}`)], { expectedPosition: 'any' }),
        ),
      );
      await store.append(racing, [event(`${racing}-w0`)], { expectedPosition: 5 }); // idempotent repeat, stale expectation
      const chain = await store.readChain(racing);
      expect(chain.map((e) => e.position)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
      chain.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : chain[i - 1].hash));
      expect(await store.verify(s)).toMatchObject({ ok: true, streams: 1, events: 3 });
      expect(await store.verify(racing)).toMatchObject({ ok: true, events: 32 });
      expect(await store.verify('all')).toMatchObject({ ok: true, streams: 2, events: 35 });
    });

    itChains('a checkpoint exported then contradicted by the store is reported', async () => {
      const s = stream();
      await write(s, 3);
      const cp = await store.checkpoint();
      expect(cp.root).toMatch(/^[0-9a-f]{64}$/);
      expect((await store.readStream(store.checkpointStream ?? '$checkpoints')).at(-1)).toMatchObject({
        type: 'CheckpointTaken',
        data: { root: cp.root, globalPosition: cp.globalPosition },
      });
      const file = join(dir, 'checkpoints.jsonl');
      await fileCheckpointSink(file).write(cp);
      const exported = await readLatestCheckpoint(file);
      expect(await store.verify('all', { againstCheckpoint: exported })).toMatchObject({
        ok: true,
        checkpoint: { root: cp.root },
      });
      await store.append(s, [event(`${s}-later`)]); // later events do not contradict it
      expect((await store.verify(s, { againstCheckpoint: exported })).ok).toBe(true);
      if (!harness.tamper) return leaveOut('checkpoint contradicted (tampering part)', noTamper());
      // Truncation that keeps the chain valid: drop the last two events and move the head back.
      const [, second] = await store.readChain(s);
      await harness.tamper(`DELETE FROM es_events WHERE stream_id = $1 AND position > 2`, [s]);
      await harness.tamper(`UPDATE es_streams SET last_position = 2, last_hash = $2 WHERE stream_id = $1`, [
        s,
        second.hash,
      ]);
      expect((await store.verify(s)).ok).toBe(true);
      const report = await store.verify(s, { againstCheckpoint: exported });
      expect(report.failure).toMatchObject({ kind: 'checkpoint', streamId: s, position: 3, actual: second.hash });
      expect(report.failure!.expected).toBe(cp.heads!.find((h) => h.streamId === s)!.hash);
      expect(
        (await store.verify('all', { againstCheckpoint: { ...exported, heads: undefined } })).failure,
      ).toMatchObject({ kind: 'checkpoint', expected: cp.root });
    });

    itChains(
      'a row changed with SQL is found: first bad position, expected and actual hash',
      async () => {
        const s = stream();
        await write(s, 4);
        const stored = (await store.readChain(s))[1].hash;
        await harness.tamper!(`UPDATE es_events SET data = '{"id":"forged"}' WHERE stream_id = $1 AND position = 2`, [
          s,
        ]);
        const failure = await expectFailure(s, 'changed', 2);
        expect(failure.expected).toBe(stored);
        expect(failure.actual).toMatch(/^[0-9a-f]{64}$/);
        expect(failure.actual).not.toBe(stored);
        expect((await store.verify('all')).failure).toMatchObject({ kind: 'changed', streamId: s, position: 2 });
      },
      'tamper',
    );

    itChains(
      'a deleted row is found',
      async () => {
        const s = stream();
        await write(s, 4);
        const chain = await store.readChain(s);
        await harness.tamper!(`DELETE FROM es_events WHERE stream_id = $1 AND position = 2`, [s]);
        const failure = await expectFailure(s, 'deleted', 2);
        expect(failure).toMatchObject({ expected: chain[1].hash, actual: chain[0].hash });
      },
      'tamper',
    );

    itChains(
      'two swapped rows are found',
      async () => {
        const s = stream();
        await write(s, 4);
        await harness.tamper!(
          `UPDATE es_events SET position = position + 1000 WHERE stream_id = $1 AND position IN (2, 3)`,
          [s],
        );
        await harness.tamper!(`UPDATE es_events SET position = 3 WHERE stream_id = $1 AND position = 1002`, [s]);
        await harness.tamper!(`UPDATE es_events SET position = 2 WHERE stream_id = $1 AND position = 1003`, [s]);
        expect((await store.readChain(s)).map((e) => e.id)).toEqual([`${s}-e1`, `${s}-e3`, `${s}-e2`, `${s}-e4`]);
        await expectFailure(s, 'reordered', 2);
      },
      'tamper',
    );

    itChains(
      'an inserted row is found',
      async () => {
        const s = stream();
        await write(s, 3);
        await harness.tamper!(
          `INSERT INTO es_events (stream_id, position, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         SELECT stream_id, 4, 'forged', type, schema_version, '{"id":"forged"}', metadata, now(), hash, hash FROM es_events WHERE stream_id = $1 AND position = 3`,
          [s],
        );
        await expectFailure(s, 'inserted', 4);
      },
      'tamper',
    );

    itChains(
      'events truncated behind the store are found (deleted)',
      async () => {
        const s = stream();
        await write(s, 4);
        const chain = await store.readChain(s);
        await truncateBehind(s, 3);
        expect((await store.readChain(s)).map((e) => e.position)).toEqual([3, 4]);
        const failure = await expectFailure(s, 'deleted', 1);
        expect(failure).toMatchObject({ expected: chain[2].prevHash, actual: '0'.repeat(64) });
      },
      'remove',
    );

    itChains(
      'a stream deleted behind the store contradicts an earlier checkpoint',
      async () => {
        const s = stream();
        await write(s, 3);
        const cp = await store.checkpoint();
        await deleteBehind(s);
        // Nothing of it is left to chain; only the checkpoint remembers it.
        expect(await store.verify(s)).toMatchObject({ ok: true, streams: 0, events: 0 });
        const report = await store.verify(s, { againstCheckpoint: cp });
        expect(report.failure).toMatchObject({
          kind: 'checkpoint',
          streamId: s,
          position: 3,
          expected: cp.heads!.find((h) => h.streamId === s)!.hash,
          actual: null,
        });
      },
      'remove',
    );

    it('personal data is sealed per subject; erasing the key makes it unreadable while the chain still verifies', async () => {
      // Its own PGlite (when the harness has no database) is closed even when the test fails: no open handle.
      const own: Database | undefined = harness.database ? undefined : await openDatabase({ kind: 'pglite' });
      try {
        const keys = await SubjectKeys.open(harness.database ?? own!);
        const personal = withPersonalData(plain, {
          keys,
          types: {
            CustomerContactChanged: {
              subject: (e) => (e.data as { customerId: string }).customerId,
              fields: ['email', 'name.first'],
            },
          },
        });
        const s = stream();
        const subject = `customer-${s}`;
        const contact = {
          customerId: subject,
          email: 'ada@example.com',
          name: { first: 'Ada', last: 'Lovelace' },
          plan: 'BaseSU',
        };
        await personal.append(s, [{ ...event(`${s}-1`, 'CustomerContactChanged', contact) }, event(`${s}-2`)], {
          expectedPosition: 0,
        });
        expect((await personal.readStream(s))[0].data).toEqual(contact);
        // What the log holds: no plaintext, an AES-256-GCM envelope naming the key.
        const raw = await plain.readStream(s);
        expect(JSON.stringify(raw)).not.toContain('ada@example.com');
        expect(JSON.stringify(raw)).not.toContain('"Ada"');
        expect((raw[0].data as { email: { $pii: string; kid: string } }).email).toMatchObject({
          $pii: 'aes-256-gcm',
          kid: expect.any(String),
        });

        expect(await keys.erase(subject)).toBe(1);
        const after = await personal.readStream(s);
        expect(after[0].data).toEqual({
          customerId: subject,
          email: ERASED,
          name: { first: ERASED, last: 'Lovelace' },
          plan: 'BaseSU',
        });
        expect(after[1].data).toEqual({ id: `${s}-2` });
        expect((await personal.readAll()).find((e) => e.id === `${s}-1`)?.data).toMatchObject({ email: ERASED });
        if (store) expect(await store.verify(s)).toMatchObject({ ok: true, events: 2 });
        else leaveOut('erasure: chain still verifies', `${plain.name} lacks hashChain`);
        // A later event of the same subject gets a fresh key and stays readable.
        await personal.append(s, [
          event(`${s}-3`, 'CustomerContactChanged', { ...contact, email: 'ada@new.example.com' }),
        ]);
        expect((await personal.readStream(s))[2].data).toMatchObject({ email: 'ada@new.example.com' });
        expect(await keys.erase(`customer-never-seen`)).toBe(0);
      } finally {
        await own?.close();
      }
    }, 30_000);
  });
}
