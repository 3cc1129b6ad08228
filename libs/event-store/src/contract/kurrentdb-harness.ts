import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { createKurrentEventStore } from '../kurrentdb/kurrentdb-event-store';
import { StreamNames } from '../kurrentdb/stream-names';
import type { ContractHarness } from './event-store-contract';

const DEADLINE_MS = 10_000;

/**
 * Harness over a KurrentDB server: each harness gets a namespace of its own (as a fresh schema on
 * PostgreSQL), so runs and suites sharing a server never see each other's streams. Behind the
 * store's back it can only do what the server's API allows an admin: truncate ($tb) or delete a stream.
 */
export function kurrentHarness(connectionString: string): ContractHarness {
  const namespace = `contract-${randomUUID().slice(0, 8)}`;
  const names = new StreamNames(namespace, 'caseflow-checkpoint-');
  const admin = KurrentDBClient.connectionString(connectionString);
  return {
    open: (schemas) => createKurrentEventStore({ connectionString, schemas, namespace }),
    tamperUnavailable:
      'KurrentDB events are immutable: no API edits, reorders or inserts a stored event (an admin can only truncate ($tb) or delete a stream: the truncation and deletion tests)',
    async truncateStream(streamId, beforePosition) {
      await admin.setStreamMetadata(
        names.toServer(streamId),
        { truncateBefore: beforePosition - 1 },
        { deadline: DEADLINE_MS },
      );
    },
    async deleteStream(streamId) {
      await admin.deleteStream(names.toServer(streamId), { deadline: DEADLINE_MS });
    },
    async teardown() {
      await admin.dispose();
    },
  };
}
