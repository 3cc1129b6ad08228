import { describeEventStoreContract } from '../src/contract/event-store-contract';
import { createKurrentEventStore } from '../src/kurrentdb/kurrentdb-event-store';

const url = process.env.CASEFLOW_KURRENTDB_URL;

if (url) {
  describeEventStoreContract('KurrentDB', async () => ({
    // Stream names carry a per-run suffix, so runs never collide on a shared server.
    open: (schemas) => createKurrentEventStore({ connectionString: url, schemas }),
    async teardown() {},
  }));
} else {
  process.stdout.write('\nNOT RUN: KurrentDB (no connection string) — set CASEFLOW_KURRENTDB_URL, e.g. kurrentdb://localhost:2113?tls=false\n');
  describe('EventStore contract: KurrentDB', () => {
    it.skip('NOT RUN: KurrentDB (no connection string)', () => undefined);
  });
}
