import { describeEventStoreContract } from '../src/contract/event-store-contract';
import { pgliteHarness } from '../src/contract/postgres-harness';

describeEventStoreContract('PGlite (embedded)', pgliteHarness);
