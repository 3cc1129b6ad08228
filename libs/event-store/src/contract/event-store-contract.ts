/* The contract every EventStore adapter passes. Used with jest globals from *.int-spec.ts files (server adapters) and from memory/in-memory-event-store.spec.ts (unit tier). */
import { randomUUID } from 'node:crypto';
import type { Database } from '../database';
import { ConcurrencyError, EventStoreError, InvalidEventError } from '../errors';
import { describeIntegrityContract } from './integrity-contract';
import { readAllInBatches } from '../read-all-batches';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent, StoreCapabilities } from '../port';
import type { EventSchemas } from '../schemas';

/** A transaction left open after writing one event, to commit after others did. */
export interface OpenWrite {
  commit(): Promise<void>;
}

export interface ContractHarness {
  /** A store over this suite's data; calling it again simulates a restarted process. */
  open(schemas?: EventSchemas): Promise<EventStore>;
  /**
   * Writes one event to `streamId` in a transaction that takes its global position now and stays
   * open until commit() (as a writer that bypasses the store's ordering lock would).
   * Only for adapters with `interleavedTransactions`.
   */
  openLateWrite?(streamId: string, event: NewEvent): Promise<OpenWrite>;
  /**
   * Runs one SQL statement behind the store's back, with the append-only triggers off (as an
   * attacker with database access would): for the tamper-evidence tests. SQL adapters only.
   */
  tamper?(sql: string, params?: unknown[]): Promise<void>;
  /** Why there is no `tamper` (printed with the tests left out), e.g. KurrentDB's immutable events. */
  tamperUnavailable?: string;
  /**
   * Hides a stream's events before `beforePosition` behind the store's back, through the server's
   * own API (KurrentDB: `$tb` truncate-before in the stream metadata). SQL harnesses use `tamper`.
   */
  truncateStream?(streamId: string, beforePosition: number): Promise<void>;
  /** Deletes a whole stream behind the store's back through the server's API (KurrentDB: soft delete). */
  deleteStream?(streamId: string): Promise<void>;
  /** A PostgreSQL/PGlite database for tables beside the log (subject keys); default a fresh PGlite. */
  database?: Database;
  /** Drops this suite's data and closes connections. */
  teardown(): Promise<void>;
}

export type ContractFactory = () => Promise<ContractHarness>;

type Requirement = { capability: keyof StoreCapabilities; why: string };

const leftOut = new Map<string, string[]>();

/** Lines describing what a suite did not run, printed after it. */
function report(adapter: string): void {
  const lines = leftOut.get(adapter) ?? [];
  const body = lines.length ? lines.map((l) => `  LEFT OUT: ${l}`).join('\n') : '  (nothing left out)';
  process.stdout.write(`\n[event-store contract] ${adapter}\n${body}\n`);
}

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'agent:contract',
    occurredAt: '2026-01-05T10:00:00.000Z',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    policyVersion: 'sla-2026-01',
    ...overrides,
  };
}

export function event(id: string, type = 'TicketNoteAdded', data: unknown = { id }): NewEvent {
  return { id, type, data, metadata: metadata() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Registers the contract tests for one adapter. */
export function describeEventStoreContract(adapter: string, factory: ContractFactory): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    const opened: EventStore[] = [];
    const run = randomUUID().slice(0, 8);
    let n = 0;
    const stream = (prefix = 'ticket') => `${prefix}-${run}-${++n}`;
    const open = async (schemas?: EventSchemas) => {
      const s = await harness.open(schemas);
      opened.push(s);
      return s;
    };

    beforeAll(async () => {
      harness = await factory();
      store = await open();
    });
    afterAll(async () => {
      for (const s of opened) await s.close().catch(() => undefined);
      await harness?.teardown();
      report(adapter);
    });

    /** `it` when the adapter has the capability; otherwise recorded as left out, with the reason. */
    const itWhen = (requirement: Requirement, name: string, fn: () => Promise<void>, timeout?: number) => {
      it(
        name,
        async () => {
          if (!store.capabilities[requirement.capability]) {
            const lines = leftOut.get(adapter) ?? [];
            lines.push(`"${name}": ${store.name} lacks ${requirement.capability} (${requirement.why})`);
            leftOut.set(adapter, lines);
            return;
          }
          await fn();
        },
        timeout,
      );
    };

    it('declares its capabilities', () => {
      expect(typeof store.name).toBe('string');
      for (const key of [
        'concurrentWriters',
        'interleavedTransactions',
        'contiguousGlobalPositions',
        'asOfRecorded',
        'groupCommit',
        'hashChain',
      ] as const) {
        expect(typeof store.capabilities[key]).toBe('boolean');
      }
      process.stdout.write(
        `\n[event-store contract] ${adapter}: ${store.name} capabilities ${JSON.stringify(store.capabilities)}\n`,
      );
    });

    it('appends with 1-based positions and reads the stream back with metadata', async () => {
      const s = stream();
      const first = await store.append(s, [event('a'), event('b')], { expectedPosition: 0 });
      expect(first).toEqual({ positions: [1, 2], lastPosition: 2 });
      const second = await store.append(s, [event('c')], { expectedPosition: 2 });
      expect(second).toEqual({ positions: [3], lastPosition: 3 });
      const read = await store.readStream(s);
      expect(read.map((e) => [e.id, e.position])).toEqual([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]);
      const [a] = read;
      expect(a).toMatchObject({
        streamId: s,
        type: 'TicketNoteAdded',
        data: { id: 'a' },
        metadata: metadata(),
        schemaVersion: 1,
      });
      expect(Number.isNaN(Date.parse(a.recordedAt))).toBe(false);
      expect(read[1].globalPosition).toBeGreaterThan(a.globalPosition);
      expect(await store.readStream(stream('never-written'))).toEqual([]);
    });

    it('refuses a credential-like field at any depth with InvalidEventError naming the field, and writes nothing', async () => {
      const s = stream();
      const attempt = store.append(s, [
        event('with-password', 'TicketOpened', { account: { login: 'ivan', password: 'hunter2' } }),
      ]);
      await expect(attempt).rejects.toBeInstanceOf(InvalidEventError);
      await expect(attempt).rejects.toMatchObject({
        code: 'EVENT_STORE_CREDENTIAL_FIELD',
        field: 'data.account.password',
      });
      for (const data of [{ apiKey: 'k' }, { items: [{ accessToken: 't' }] }, { client_secret: 's' }]) {
        await expect(store.append(s, [event('with-secret', 'TicketNoteAdded', data)])).rejects.toMatchObject({
          code: 'EVENT_STORE_CREDENTIAL_FIELD',
        });
      }
      const inMetadata = { ...event('meta-token'), metadata: { ...metadata(), credentials: { user: 'u' } } };
      await expect(store.append(s, [inMetadata])).rejects.toMatchObject({ field: 'metadata.credentials' });
      expect(await store.readStream(s)).toEqual([]);
    });

    it('refuses control characters in the stream id, an event id or a type, naming the field, and writes nothing', async () => {
      const s = stream();
      await expect(store.append(`${s}\u0001x`, [event('a')])).rejects.toMatchObject({
        code: 'EVENT_STORE_CONTROL_CHARACTER',
        field: 'streamId',
      });
      await expect(store.append(s, [event('a'), event('b\nc')])).rejects.toMatchObject({
        code: 'EVENT_STORE_CONTROL_CHARACTER',
        field: 'id',
      });
      await expect(store.append(s, [event('a', 'TicketNote\u0000Added')])).rejects.toBeInstanceOf(InvalidEventError);
      await expect(store.append(s, [event('a', 'Ticket\tNote')])).rejects.toMatchObject({ field: 'type' });
      expect(await store.readStream(s)).toEqual([]);
      expect(await store.readStream(`${s}\u0001x`)).toEqual([]);
    });

    it('refuses a wrong expected position with ConcurrencyError and writes nothing', async () => {
      const s = stream();
      await store.append(s, [event('a')], { expectedPosition: 'no_stream' });
      await expect(store.append(s, [event('b')], { expectedPosition: 0 })).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(s, [event('b')], { expectedPosition: 'no_stream' })).rejects.toMatchObject({
        code: 'EVENT_STORE_CONCURRENCY',
        streamId: s,
        actualPosition: 1,
      });
      await expect(store.append(s, [event('b')], { expectedPosition: 5 })).rejects.toBeInstanceOf(ConcurrencyError);
      // A stream that does not exist is at position 0, whatever the caller believes.
      const missing = stream('never-written');
      await expect(store.append(missing, [event('x')], { expectedPosition: 3 })).rejects.toMatchObject({
        actualPosition: 0,
      });
      expect(await store.readStream(missing)).toEqual([]);
      expect((await store.readStream(s)).map((e) => e.id)).toEqual(['a']);
      await expect(store.append(s, [event('b')], { expectedPosition: 'any' })).resolves.toEqual({
        positions: [2],
        lastPosition: 2,
      });
    });

    it('32 writers racing on one stream: exactly one wins per position', async () => {
      const s = stream();
      const rounds = 8;
      for (let round = 0; round < rounds; round++) {
        const results = await Promise.allSettled(
          Array.from({ length: 32 }, (_, w) =>
            store.append(s, [event(`r${round}-w${w}`)], { expectedPosition: round }),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(31);
        for (const l of lost) expect(l.reason).toBeInstanceOf(ConcurrencyError);
        expect((won[0] as PromiseFulfilledResult<{ positions: number[] }>).value.positions).toEqual([round + 1]);
      }
      const read = await store.readStream(s);
      expect(read.map((e) => e.position)).toEqual(Array.from({ length: rounds }, (_, i) => i + 1));
    }, 60_000);

    it('32 writers in 4 separate store instances (as 4 processes) race: exactly one wins per position', async () => {
      const s = stream();
      const stores = [store, await open(), await open(), await open()];
      for (let round = 0; round < 6; round++) {
        const results = await Promise.allSettled(
          Array.from({ length: 32 }, (_, w) =>
            stores[w % 4].append(s, [event(`p${round}-w${w}`)], { expectedPosition: round }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyError);
      }
      // The same event from every instance at once: one write, one position.
      const same = await Promise.all(stores.map((x) => x.append(s, [event('shared-retry')], { expectedPosition: 6 })));
      for (const r of same) expect(r).toEqual({ positions: [7], lastPosition: 7 });
      expect((await store.readStream(s)).map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }, 60_000);

    it('32 writers racing with retries: every event lands once, positions contiguous', async () => {
      const s = stream();
      const perWriter = 4;
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: 32 }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            for (;;) {
              const current = (await store.readStream(s)).length;
              try {
                await store.append(s, [event(`w${w}-${i}`)], { expectedPosition: current });
                break;
              } catch (error) {
                if (!(error instanceof ConcurrencyError)) throw error;
                conflicts++;
              }
            }
          }
        }),
      );
      const read = await store.readStream(s);
      expect(read).toHaveLength(32 * perWriter);
      expect(new Set(read.map((e) => e.id)).size).toBe(32 * perWriter);
      expect(read.map((e) => e.position)).toEqual(read.map((_, i) => i + 1));
      expect(conflicts).toBeGreaterThanOrEqual(0);
    }, 120_000);

    it('re-appending an event id is a no-op returning its position, with current or stale expected positions', async () => {
      const s = stream();
      await store.append(s, [event('a'), event('b')], { expectedPosition: 0 });
      await store.append(s, [event('c')], { expectedPosition: 2 });
      // Current expected position.
      await expect(store.append(s, [event('c')], { expectedPosition: 3 })).resolves.toEqual({
        positions: [3],
        lastPosition: 3,
      });
      // Stale expected positions (a retry after the first attempt did commit).
      await expect(store.append(s, [event('a'), event('b')], { expectedPosition: 0 })).resolves.toEqual({
        positions: [1, 2],
        lastPosition: 3,
      });
      await expect(store.append(s, [event('c')], { expectedPosition: 2 })).resolves.toEqual({
        positions: [3],
        lastPosition: 3,
      });
      await expect(store.append(s, [event('b')], { expectedPosition: 'no_stream' })).resolves.toEqual({
        positions: [2],
        lastPosition: 3,
      });
      await expect(store.append(s, [event('a')])).resolves.toEqual({ positions: [1], lastPosition: 3 });
      // A new id with a stale position is still a conflict.
      await expect(store.append(s, [event('d')], { expectedPosition: 2 })).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.readStream(s)).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    });

    it('the same event appended by 32 racing retries lands once', async () => {
      const s = stream();
      const results = await Promise.all(
        Array.from({ length: 32 }, () => store.append(s, [event('only-once')], { expectedPosition: 0 })),
      );
      for (const r of results) expect(r).toEqual({ positions: [1], lastPosition: 1 });
      expect(await store.readStream(s)).toHaveLength(1);
    }, 60_000);

    it('readStream honours from, to and asOfRecorded', async () => {
      const s = stream();
      await store.append(s, [event('1'), event('2'), event('3')]);
      await sleep(20);
      const [third] = await store.readStream(s, { from: 3, to: 3 });
      await sleep(20);
      await store.append(s, [event('4'), event('5')]);
      expect((await store.readStream(s, { from: 2, to: 4 })).map((e) => e.position)).toEqual([2, 3, 4]);
      expect((await store.readStream(s, { from: 4 })).map((e) => e.position)).toEqual([4, 5]);
      expect((await store.readStream(s, { to: 2 })).map((e) => e.position)).toEqual([1, 2]);
      if (store.capabilities.asOfRecorded) {
        expect((await store.readStream(s, { asOfRecorded: third.recordedAt })).map((e) => e.position)).toEqual([
          1, 2, 3,
        ]);
        expect(await store.readStream(s, { asOfRecorded: '2000-01-01T00:00:00Z' })).toEqual([]);
      }
    });

    it('readAll returns every event once in one total order, paged by position, filtered by type', async () => {
      const before = await store.readAll();
      const start = before.length ? before[before.length - 1].globalPosition + 1 : 0;
      const streams = Array.from({ length: 8 }, () => stream('customer'));
      await Promise.all(
        streams.map(async (s, i) => {
          for (let k = 0; k < 5; k++)
            await store.append(s, [event(`${i}-${k}`, k % 2 ? 'CustomerRenamed' : 'CustomerCreated')]);
        }),
      );
      const all = (await store.readAll({ fromGlobalPosition: start })).filter((e) => streams.includes(e.streamId));
      expect(all).toHaveLength(40);
      for (let i = 1; i < all.length; i++) expect(all[i].globalPosition).toBeGreaterThan(all[i - 1].globalPosition);
      for (const s of streams) {
        expect(all.filter((e) => e.streamId === s).map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
      }
      // Paging with fromGlobalPosition + limit yields the same sequence.
      const paged: RecordedEvent[] = [];
      let from = start;
      for (;;) {
        const page = await store.readAll({ fromGlobalPosition: from, limit: 7 });
        if (!page.length) break;
        expect(page.length).toBeLessThanOrEqual(7);
        paged.push(...page);
        from = page[page.length - 1].globalPosition + 1;
      }
      expect(paged.filter((e) => streams.includes(e.streamId)).map((e) => e.globalPosition)).toEqual(
        all.map((e) => e.globalPosition),
      );
      const renamed = (await store.readAll({ fromGlobalPosition: start, types: ['CustomerRenamed'] })).filter((e) =>
        streams.includes(e.streamId),
      );
      expect(renamed).toHaveLength(16);
      expect(renamed.every((e) => e.type === 'CustomerRenamed')).toBe(true);
    }, 60_000);

    it('readAllInBatches yields what readAll does, in batches, in global order, filtered by type; leaving early frees its connection', async () => {
      const before = await store.readAll();
      const start = before.length ? before[before.length - 1].globalPosition + 1 : 0;
      const streams = Array.from({ length: 3 }, () => stream('batch'));
      for (const [i, s] of streams.entries()) {
        await store.append(
          s,
          Array.from({ length: 10 }, (_, k) => event(`b${i}-${k}`, k % 3 ? 'CustomerRenamed' : 'CustomerCreated')),
        );
      }
      const collect = async (options: Parameters<typeof readAllInBatches>[1]) => {
        const batches: RecordedEvent[][] = [];
        for await (const batch of readAllInBatches(store, options)) batches.push(batch);
        return batches;
      };
      const batches = await collect({ fromGlobalPosition: start, batchSize: 4 });
      expect(batches.every((b) => b.length >= 1 && b.length <= 4)).toBe(true);
      expect(batches.flat()).toEqual(await store.readAll({ fromGlobalPosition: start }));
      expect(batches.flat().filter((e) => streams.includes(e.streamId))).toHaveLength(30);
      const created = (await collect({ fromGlobalPosition: start, types: ['CustomerCreated'], batchSize: 3 })).flat();
      expect(created).toEqual(await store.readAll({ fromGlobalPosition: start, types: ['CustomerCreated'] }));
      expect(created.filter((e) => streams.includes(e.streamId))).toHaveLength(12);
      // More early exits than a pool has connections: each must give its connection back.
      for (let i = 0; i < 30; i++) {
        for await (const batch of readAllInBatches(store, { fromGlobalPosition: start, batchSize: 2 })) {
          expect(batch).toHaveLength(2);
          break;
        }
      }
      expect(await store.readAll({ fromGlobalPosition: start, limit: 1 })).toHaveLength(1);
    }, 60_000);

    it('reports its head: the global position of the last event appended', async () => {
      if (!store.headPosition)
        throw new Error(`${store.name} does not report its head: no projection could tell its lag`);
      const s = stream();
      await store.append(s, [event('head-1'), event('head-2')]);
      const [, last] = await store.readStream(s);
      expect(await store.headPosition()).toBe(last.globalPosition);
    });

    it('subscription catches up, goes live, and resumes after a crash from its stored checkpoint', async () => {
      const s = stream();
      const id = `projection-${run}-${n}`;
      await store.append(s, [event('1'), event('2'), event('3')]);
      const mine = (e: RecordedEvent) => e.streamId === s;

      // First run: handles 1..4, crashes on 5 (its handler throws).
      const seen1: string[] = [];
      const sub1 = store.subscribe({
        subscriptionId: id,
        pollIntervalMs: 20,
        batchSize: 2,
        handler: async (e) => {
          if (!mine(e)) return;
          if (e.id === '5') throw new Error('projection crashed');
          seen1.push(e.id);
        },
      });
      await eventually(() => seen1.length === 3, 'catch-up of 3 events');
      await store.append(s, [event('4'), event('5'), event('6')]);
      await expect(sub1.done).rejects.toThrow('projection crashed');
      expect(seen1).toEqual(['1', '2', '3', '4']);

      // A restarted process (a fresh store instance) resumes at 5: nothing skipped, nothing repeated.
      const restarted = await open();
      const seen2: string[] = [];
      const sub2 = restarted.subscribe({
        subscriptionId: id,
        pollIntervalMs: 20,
        handler: async (e) => void (mine(e) && seen2.push(e.id)),
      });
      await eventually(() => seen2.length === 2, 'resume');
      await store.append(s, [event('7')]);
      await eventually(() => seen2.length === 3, 'live event');
      await sub2.stop();
      expect(seen2).toEqual(['5', '6', '7']);

      // Stopped cleanly: the next run starts after 7.
      const seen3: string[] = [];
      await store.append(s, [event('8')]);
      const sub3 = restarted.subscribe({
        subscriptionId: id,
        pollIntervalMs: 20,
        handler: async (e) => void (mine(e) && seen3.push(e.id)),
      });
      await sub3.caughtUp();
      await sub3.stop();
      expect(seen3).toEqual(['8']);
      // Asked after the end, caughtUp() is refused rather than left waiting forever.
      await expect(sub3.caughtUp()).rejects.toThrow(/stopped/);
    }, 60_000);

    itWhen(
      {
        capability: 'interleavedTransactions',
        why: 'one connection: no transaction can stay open while another commits',
      },
      'a late-committing transaction is delivered, not skipped, and in global order',
      async () => {
        if (!harness.openLateWrite)
          throw new Error(`${adapter} declares interleavedTransactions but its harness has no openLateWrite`);
        const early = stream('late');
        const later = stream('late');
        const id = `late-${run}`;
        const seen: RecordedEvent[] = [];
        const sub = store.subscribe({
          subscriptionId: id,
          pollIntervalMs: 10,
          handler: async (e) => void ((e.streamId === early || e.streamId === later) && seen.push(e)),
        });
        await sub.caughtUp();
        // Takes its global position first, commits last.
        const slow = await harness.openLateWrite(early, event('slow'));
        await store.append(later, [event('fast')]);
        const [fast] = await store.readStream(later);
        let caught = false;
        const caughtUp = sub.caughtUp().then(() => void (caught = true));
        await sleep(300);
        expect(seen).toEqual([]); // `fast` is committed but must wait for the open transaction,
        expect(caught).toBe(false); // and the subscription knows it is not caught up.
        await slow.commit();
        await caughtUp;
        await sub.stop();
        expect(seen.map((e) => e.id)).toEqual(['slow', 'fast']);
        expect(seen[0].globalPosition).toBeLessThan(fast.globalPosition);
      },
      30_000,
    );

    it('upcasts old schema versions on read and stamps new appends with the current version', async () => {
      const s = stream('customer');
      await store.append(s, [event('v1', 'CustomerRenamed', { name: 'Ada Lovelace' })]);
      const v2 = await open({
        CustomerRenamed: {
          version: 3,
          upcasters: {
            1: (data) => {
              const [first, ...rest] = String((data as { name: string }).name).split(' ');
              return { first, last: rest.join(' ') };
            },
            2: (data) => ({ ...(data as object), locale: 'en' }),
          },
        },
      });
      await v2.append(s, [event('v3', 'CustomerRenamed', { first: 'Grace', last: 'Hopper', locale: 'en' })]);
      const read = await v2.readStream(s);
      expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
        [3, { first: 'Ada', last: 'Lovelace', locale: 'en' }],
        [3, { first: 'Grace', last: 'Hopper', locale: 'en' }],
      ]);
      const fromAll = (await v2.readAll({ types: ['CustomerRenamed'] })).filter((e) => e.streamId === s);
      expect(fromAll.map((e) => e.data)).toEqual(read.map((e) => e.data));
      // Code that knows only version 1 refuses data written by a newer version rather than misread it.
      await expect(store.readStream(s)).rejects.toBeInstanceOf(EventStoreError);
    });

    describeIntegrityContract(adapter, factory, (name, why) => {
      const lines = leftOut.get(adapter) ?? [];
      lines.push(`"${name}": ${why}`);
      leftOut.set(adapter, lines);
    });
  });
}
