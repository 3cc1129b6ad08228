import * as path from 'node:path';
import { checkpointConfigFromEnv, isSingleProcessDatabase, persistenceConfigFromEnv } from './persistence.config';

describe('persistenceConfigFromEnv', () => {
  it('defaults to the embedded store under ./data, one process', () => {
    const config = persistenceConfigFromEnv({});
    expect(config).toEqual({
      database: { kind: 'pglite', dataDir: path.resolve('data', 'pglite') },
      auditLog: { kind: 'database' },
    });
    expect(isSingleProcessDatabase(config.database)).toBe(true);
  });

  it('uses a PostgreSQL server for tables and streams', () => {
    expect(persistenceConfigFromEnv({ CASEFLOW_STORE: 'postgres', CASEFLOW_PG_URL: 'postgres://u:p@h/db' })).toEqual({
      database: { kind: 'postgres', connectionString: 'postgres://u:p@h/db' },
      auditLog: { kind: 'database' },
    });
  });

  it('puts ticket streams in KurrentDB and keeps tables in PostgreSQL', () => {
    expect(
      persistenceConfigFromEnv({
        CASEFLOW_STORE: 'kurrentdb',
        CASEFLOW_PG_URL: 'postgres://u:p@h/db',
        CASEFLOW_KURRENTDB_URL: 'kurrentdb://k:2113?tls=false',
      }),
    ).toEqual({
      database: { kind: 'postgres', connectionString: 'postgres://u:p@h/db' },
      auditLog: { kind: 'kurrentdb', connectionString: 'kurrentdb://k:2113?tls=false' },
    });
  });

  it('names what is missing or wrong', () => {
    expect(() => persistenceConfigFromEnv({ CASEFLOW_STORE: 'postgres' })).toThrow(
      'CASEFLOW_STORE=postgres needs CASEFLOW_PG_URL',
    );
    expect(() => persistenceConfigFromEnv({ CASEFLOW_STORE: 'kurrentdb', CASEFLOW_PG_URL: 'postgres://x' })).toThrow(
      'needs CASEFLOW_KURRENTDB_URL',
    );
    expect(() => persistenceConfigFromEnv({ CASEFLOW_STORE: 'mongo' })).toThrow(
      'CASEFLOW_STORE must be "pglite", "postgres" or "kurrentdb", got "mongo"',
    );
  });
});

describe('checkpointConfigFromEnv', () => {
  it('writes hourly checkpoints to data/checkpoints.jsonl by default', () => {
    expect(checkpointConfigFromEnv({})).toEqual({
      sink: path.resolve('data', 'checkpoints.jsonl'),
      everyMs: 3_600_000,
    });
  });

  it('takes a webhook and a period, and refuses a nonsense period', () => {
    expect(
      checkpointConfigFromEnv({
        CASEFLOW_CHECKPOINT_SINK: 'https://audit.example.com/hook',
        CASEFLOW_CHECKPOINT_EVERY_MINUTES: '5',
      }),
    ).toEqual({ sink: 'https://audit.example.com/hook', everyMs: 300_000 });
    expect(() => checkpointConfigFromEnv({ CASEFLOW_CHECKPOINT_EVERY_MINUTES: 'often' })).toThrow(
      'CASEFLOW_CHECKPOINT_EVERY_MINUTES must be a positive number, got "often"',
    );
  });
});
