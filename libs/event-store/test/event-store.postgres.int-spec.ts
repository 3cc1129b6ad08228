import { describeEventStoreContract } from '../src/contract/event-store-contract';
import { postgresServerHarness } from '../src/contract/postgres-harness';

describeEventStoreContract('PostgreSQL server', postgresServerHarness);
