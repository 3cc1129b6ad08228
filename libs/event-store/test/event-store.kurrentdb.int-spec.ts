import { describeEventStoreContract } from '../src/contract/event-store-contract';
import { kurrentHarness } from '../src/contract/kurrentdb-harness';

const url = process.env.CASEFLOW_KURRENTDB_URL;

if (url) {
  // Each harness works in a namespace of its own, so runs never collide on a shared server.
  describeEventStoreContract('KurrentDB', async () => kurrentHarness(url));
} else {
  process.stdout.write(
    '\nNOT RUN: KurrentDB (no connection string) — set CASEFLOW_KURRENTDB_URL, e.g. kurrentdb://localhost:2113?tls=false\n',
  );
  describe('EventStore contract: KurrentDB', () => {
    it.skip('NOT RUN: KurrentDB (no connection string)', () => undefined);
  });
}
