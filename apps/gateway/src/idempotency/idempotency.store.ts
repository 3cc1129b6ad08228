import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { runMigrations, type Database } from '@caseflow/event-store';
import { DATABASE } from '@caseflow/persistence';
import type { IdempotencyOptions } from './idempotency.options';
import { IDEMPOTENCY_OPTIONS } from './idempotency.tokens';

const MIGRATIONS = [
  {
    version: 1,
    name: 'idempotency keys',
    sql: `CREATE TABLE IF NOT EXISTS idempotency_keys (
      caller       text NOT NULL,
      scope        text NOT NULL,
      key          text NOT NULL,
      fingerprint  text NOT NULL,
      operation_id text NOT NULL,
      resource     text,
      status       integer,
      body         jsonb,
      lease_until  timestamptz NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (caller, scope, key)
    );
    CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at)`,
  },
];

/** A key's row: who, which path, which key. */
export interface KeyId {
  caller: string;
  scope: string;
  key: string;
}

export interface KeyRecord extends KeyId {
  fingerprint: string;
  operationId: string;
  /** What the first attempt allocated under this key (a ticket number), reused by every retry. */
  resource?: string;
}

export type Begun =
  /** This request runs (first, or a retry after the one before it died): the record holds its ids. */
  | { kind: 'run'; record: KeyRecord; resumed: boolean }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'inFlight' }
  | { kind: 'mismatch' };

interface Row {
  fingerprint: string;
  operation_id: string;
  resource: string | null;
  status: number | null;
  body: unknown;
  running: boolean;
}

/**
 * Idempotency keys in the gateway's database. A key is claimed with a lease before the work starts
 * and the lease renewed while it runs; the answer is written when it ends. A lease that ran out
 * means its process died mid-flight: the next retry takes the key over and re-drives the same
 * Temporal ids. Rows live `retentionHours` (≥ 24).
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('Idempotency');
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(IDEMPOTENCY_OPTIONS) readonly options: IdempotencyOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await runMigrations(this.db, MIGRATIONS, 'idempotency');
    this.purgeTimer = setInterval(() => void this.purge().catch((e: Error) => this.log.warn(e.message)), 3_600_000);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  async begin(id: KeyId, fingerprint: string, operationId: string): Promise<Begun> {
    await this.db.query(
      `DELETE FROM idempotency_keys WHERE caller = $1 AND scope = $2 AND key = $3
         AND created_at < now() - make_interval(hours => $4)`,
      [id.caller, id.scope, id.key, this.options.retentionHours],
    );
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (caller, scope, key, fingerprint, operation_id, lease_until)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
       ON CONFLICT DO NOTHING RETURNING key`,
      [id.caller, id.scope, id.key, fingerprint, operationId, this.leaseSeconds()],
    );
    if (inserted.rows.length === 1) return { kind: 'run', record: { ...id, fingerprint, operationId }, resumed: false };
    const row = await this.read(id);
    if (!row) return { kind: 'inFlight' };
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.status !== null) return { kind: 'replay', status: row.status, body: row.body };
    if (row.running || !(await this.takeOver(id))) return { kind: 'inFlight' };
    return {
      kind: 'run',
      record: { ...id, fingerprint, operationId: row.operation_id, resource: row.resource ?? undefined },
      resumed: true,
    };
  }

  /** The resource this key stands for: the one recorded, or `allocate()`'s, recorded now. */
  async resource(id: KeyId, allocate: () => Promise<string>): Promise<string> {
    const candidate = await allocate();
    const { rows } = await this.db.query<{ resource: string }>(
      `UPDATE idempotency_keys SET resource = COALESCE(resource, $4)
       WHERE caller = $1 AND scope = $2 AND key = $3 RETURNING resource`,
      [id.caller, id.scope, id.key, candidate],
    );
    return rows[0]?.resource ?? candidate;
  }

  async renew(id: KeyId): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET lease_until = now() + make_interval(secs => $4)
       WHERE caller = $1 AND scope = $2 AND key = $3 AND status IS NULL`,
      [id.caller, id.scope, id.key, this.leaseSeconds()],
    );
  }

  async complete(id: KeyId, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET status = $4, body = $5::jsonb, lease_until = now()
       WHERE caller = $1 AND scope = $2 AND key = $3`,
      [id.caller, id.scope, id.key, status, JSON.stringify(body ?? null)],
    );
  }

  /** The work failed without an answer to keep (a 5xx): the next retry re-drives at once, with the same ids. */
  async release(id: KeyId): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET lease_until = now() WHERE caller = $1 AND scope = $2 AND key = $3 AND status IS NULL`,
      [id.caller, id.scope, id.key],
    );
  }

  async purge(): Promise<number> {
    const { rowCount } = await this.db.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)
         AND (status IS NOT NULL OR lease_until < now())`,
      [this.options.retentionHours],
    );
    return rowCount;
  }

  private leaseSeconds(): number {
    return this.options.leaseMs / 1000;
  }

  private async read(id: KeyId): Promise<Row | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT fingerprint, operation_id, resource, status, body, lease_until > now() AS running
       FROM idempotency_keys WHERE caller = $1 AND scope = $2 AND key = $3`,
      [id.caller, id.scope, id.key],
    );
    return rows[0];
  }

  private async takeOver(id: KeyId): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE idempotency_keys SET lease_until = now() + make_interval(secs => $4)
       WHERE caller = $1 AND scope = $2 AND key = $3 AND status IS NULL AND lease_until <= now() RETURNING key`,
      [id.caller, id.scope, id.key, this.leaseSeconds()],
    );
    return rows.length === 1;
  }
}
