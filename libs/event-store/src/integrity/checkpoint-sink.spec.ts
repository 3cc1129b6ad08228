import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError } from '../errors';
import type { AuditableEventStore, StoreCheckpoint } from '../port';
import { checkpointSinkFrom, fileCheckpointSink, readLatestCheckpoint, scheduleCheckpoints } from './checkpoint-sink';

const cp = (g: number): StoreCheckpoint => ({
  globalPosition: g,
  takenAt: '2026-01-01T00:00:00.000000Z',
  root: 'a'.repeat(64),
  streams: 1,
  heads: [],
});

describe('checkpoint sinks', () => {
  let server: Server;
  let url: string;
  const received: unknown[] = [];
  const contentTypes: Array<string | undefined> = [];
  let delayMs = 0;
  let status = 204;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        contentTypes.push(req.headers['content-type']);
        received.push(JSON.parse(body));
        setTimeout(() => res.writeHead(status).end(), delayMs);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkpoints`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts to a webhook, fails on a non-2xx answer and on its timeout', async () => {
    await checkpointSinkFrom(url).write(cp(7));
    expect(received.at(-1)).toMatchObject({ globalPosition: 7 });
    status = 500;
    await expect(checkpointSinkFrom(url).write(cp(8))).rejects.toMatchObject({ code: 'EVENT_STORE_CHECKPOINT_SINK' });
    status = 204;
    delayMs = 500;
    await expect(checkpointSinkFrom(url, 100).write(cp(9))).rejects.toBeInstanceOf(StoreUnavailableError);
    delayMs = 0;
  });

  it('says where it writes, posts JSON, and names the status or the timeout when the webhook fails', async () => {
    const origin = new URL(url).origin;
    expect(checkpointSinkFrom(url).description).toBe(`webhook ${origin}`);
    expect(checkpointSinkFrom(url.toUpperCase().replace('127.0.0.1', '127.0.0.1')).description).toMatch(/^webhook /);
    expect(checkpointSinkFrom('data/http://x.jsonl').description).toBe('file data/http://x.jsonl');
    expect(fileCheckpointSink('/tmp/cp.jsonl').description).toBe('file /tmp/cp.jsonl');
    await checkpointSinkFrom(url).write(cp(10));
    expect(contentTypes.at(-1)).toBe('application/json');
    status = 503;
    await expect(checkpointSinkFrom(url).write(cp(11))).rejects.toThrow('Checkpoint webhook answered 503');
    status = 204;
    delayMs = 500;
    const slow = checkpointSinkFrom(url, 100).write(cp(12));
    await expect(slow).rejects.toThrow(/^Checkpoint webhook unreachable or too slow \(100 ms\): /);
    await expect(slow).rejects.toMatchObject({ cause: expect.anything() });
    delayMs = 0;
  }, 10_000);

  it('appends JSON lines to a file and reads the latest back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cp-sink-'));
    const file = join(dir, 'cp.jsonl');
    await fileCheckpointSink(file).write(cp(1));
    await checkpointSinkFrom(file).write(cp(2));
    expect(await readLatestCheckpoint(file)).toEqual(cp(2));
    await rm(dir, { recursive: true, force: true });
  });

  it('says there is no checkpoint (code EVENT_STORE_NO_CHECKPOINT) for a missing, empty or garbled file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cp-sink-'));
    try {
      const missing = join(dir, 'never-written.jsonl');
      await expect(readLatestCheckpoint(missing)).rejects.toMatchObject({
        code: 'EVENT_STORE_NO_CHECKPOINT',
        message: `No checkpoint file at ${missing}: no checkpoint was taken there yet`,
      });
      const empty = join(dir, 'empty.jsonl');
      await writeFile(empty, '\n\n');
      await expect(readLatestCheckpoint(empty)).rejects.toMatchObject({ message: `No checkpoint in ${empty}` });
      const garbled = join(dir, 'garbled.jsonl');
      for (const lastLine of ['{"root": "x"', '{"root":"x","globalPosition":"7"}', 'null']) {
        await writeFile(garbled, `${JSON.stringify(cp(1))}\n${lastLine}\n`);
        await expect(readLatestCheckpoint(garbled)).rejects.toMatchObject({
          code: 'EVENT_STORE_NO_CHECKPOINT',
          message: `Last line of ${garbled} is not a checkpoint`,
        });
      }
      await expect(readLatestCheckpoint(dir)).rejects.toMatchObject({ code: 'EISDIR' });
      await expect(readLatestCheckpoint(missing)).rejects.toMatchObject({ cause: { code: 'ENOENT' } });
      // Blank lines after the last checkpoint are not a checkpoint; the last one before them is.
      const trailing = join(dir, 'trailing.jsonl');
      await writeFile(trailing, `${JSON.stringify(cp(1))}\n${JSON.stringify(cp(2))}\n  \n\n`);
      expect(await readLatestCheckpoint(trailing)).toEqual(cp(2));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('schedules checkpoints without overlap and reports failures (fake timers)', async () => {
    jest.useFakeTimers();
    try {
      let calls = 0;
      const errors: unknown[] = [];
      const store = {
        checkpoint: async () => {
          calls++;
          await new Promise((r) => setTimeout(r, 30));
          if (calls === 2) throw new Error('sink down');
          return cp(calls);
        },
      } as unknown as AuditableEventStore;
      const schedule = scheduleCheckpoints(store, { everyMs: 10, onError: (e) => errors.push(e) });
      await jest.advanceTimersByTimeAsync(200);
      const stopped = schedule.stop();
      await jest.advanceTimersByTimeAsync(50);
      await stopped;
      const after = calls;
      await jest.advanceTimersByTimeAsync(100);
      expect(calls).toBe(after);
      // A checkpoint takes 30 ms and ticks come every 10 ms: never two at once.
      expect(calls).toBeGreaterThanOrEqual(4);
      expect(calls).toBeLessThanOrEqual(7);
      expect(errors).toEqual([expect.objectContaining({ message: 'sink down' })]);
    } finally {
      jest.useRealTimers();
    }
  });
});
