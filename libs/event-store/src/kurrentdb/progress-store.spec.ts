import type { LogEvent } from './chain';
import { PROGRESS_KEPT, progressStore, type ProgressLog } from './progress-store';

function memoryLog(): ProgressLog & { streams: Map<string, unknown[]>; capped: Map<string, number>; calls: string[] } {
  const streams = new Map<string, unknown[]>();
  const capped = new Map<string, number>();
  const calls: string[] = [];
  return {
    streams,
    capped,
    calls,
    async last(streamId) {
      const data = streams.get(streamId)?.at(-1);
      return data === undefined ? undefined : ({ data } as LogEvent);
    },
    async appendPlain(streamId, _type, data) {
      calls.push(`append ${streamId}`);
      streams.set(streamId, [...(streams.get(streamId) ?? []), data]);
    },
    async setMaxCount(streamId, maxCount) {
      calls.push(`cap ${streamId}`);
      capped.set(streamId, maxCount);
    },
  };
}

describe('subscription progress on KurrentDB', () => {
  it('caps the progress stream with $maxCount before its first save, once per process, and reads the last save', async () => {
    const log = memoryLog();
    const store = progressStore(log, (id) => `caseflow-checkpoint-${id}`);
    expect(await store.load('p')).toBeUndefined();
    await store.save('p', 10);
    await store.save('p', 25);
    expect(await store.load('p')).toBe(25);
    expect(log.capped.get('caseflow-checkpoint-p')).toBe(PROGRESS_KEPT);
    expect(log.calls).toEqual([
      'cap caseflow-checkpoint-p',
      'append caseflow-checkpoint-p',
      'append caseflow-checkpoint-p',
    ]);
  });

  it('ignores a last event that holds no whole position', async () => {
    const log = memoryLog();
    log.streams.set('caseflow-checkpoint-p', [{ globalPosition: 1.5 }]);
    expect(await progressStore(log, (id) => `caseflow-checkpoint-${id}`).load('p')).toBeUndefined();
  });
});
