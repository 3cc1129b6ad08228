import { InMemoryEventLog } from '../memory/in-memory-event-log';
import { InMemoryEventStore } from '../memory/in-memory-event-store';
import type { ContractHarness } from './event-store-contract';

/** Removes events from the log's tables behind the store (as SQL DELETE would); heads stay unless asked. */
function removeBehind(log: InMemoryEventLog, streamId: string, doomed: (position: number) => boolean): void {
  const stream = log.streams.get(streamId);
  if (!stream) return;
  stream.rows = stream.rows.filter((r) => !doomed(r.position));
  const kept = log.records.filter((r) => r.streamId !== streamId || !doomed(r.position));
  log.records.splice(0, log.records.length, ...kept);
}

/**
 * Harness over one InMemoryEventLog shared by every store it opens (several processes on one
 * database). Behind the store it can truncate and delete streams; it has no SQL to edit rows with.
 */
export async function inMemoryHarness(): Promise<ContractHarness> {
  const log = new InMemoryEventLog();
  return {
    open: async (schemas) => new InMemoryEventStore({ log, schemas }),
    tamperUnavailable:
      'the in-memory store has no SQL to edit rows with (in-memory-event-store.spec.ts alters its log directly instead)',
    truncateStream: async (streamId, beforePosition) => removeBehind(log, streamId, (p) => p < beforePosition),
    deleteStream: async (streamId) => {
      removeBehind(log, streamId, () => true);
      log.streams.delete(streamId);
    },
    async teardown() {
      log.records.length = 0;
      log.streams.clear();
      log.subscriptionCheckpoints.clear();
    },
  };
}
