import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { runMigrations, type Database, type TransactionalEventStore } from '@caseflow/event-store';
import type { Caller } from './caller';
import { ALL_CUSTOMERS, API_KEY_ROLES, CUSTOMER_ID, PERSON_ID, type ApiKeyRole } from './roles';

export const API_KEY_MIGRATIONS = [
  {
    version: 1,
    name: 'api keys',
    sql: `CREATE TABLE IF NOT EXISTS api_keys (
      id          text        PRIMARY KEY,
      name        text        NOT NULL,
      role        text        NOT NULL,
      customers   jsonb       NOT NULL,
      secret_hash bytea       NOT NULL,
      created_at  timestamptz NOT NULL,
      created_by  text        NOT NULL,
      revoked_at  timestamptz
    )`,
  },
] as const;

/** Keys read `cfk_<id>_<secret>`: the id finds the row, only the secret's SHA-256 is stored. */
const KEY_PATTERN = /^cfk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
export const isApiKey = (credential: string): boolean => credential.startsWith('cfk_');

export interface ApiKeyRecord {
  id: string;
  /** Who holds it, e.g. `mail-robot`: the caller id in logs and, for a service acting itself, in events. */
  name: string;
  role: ApiKeyRole;
  /** Customer ids the key may touch, or ['*']. */
  customers: string[];
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

export interface NewApiKey {
  name: string;
  role: ApiKeyRole;
  customers: string[];
}

export class ApiKeyError extends Error {
  override readonly name = 'ApiKeyError';
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();
/** Compared against when the id is unknown, so a miss costs what a hit costs. */
const NO_KEY = sha256('no such key');

/**
 * Revocable API keys for service callers (internal tools, the e-mail robot). The secret is shown
 * once at creation; the table keeps its SHA-256 and compares in constant time. Issuing and
 * revoking are audited: ApiKeyIssued / ApiKeyRevoked on `api-key-<id>`, in the same transaction.
 */
export class ApiKeys {
  private constructor(
    private readonly db: Database,
    private readonly store?: TransactionalEventStore,
  ) {}

  /** Migrates (namespace `api-keys`); `store` is needed only to create or revoke. */
  static async open(db: Database, store?: TransactionalEventStore): Promise<ApiKeys> {
    await runMigrations(db, API_KEY_MIGRATIONS, 'api-keys');
    return new ApiKeys(db, store);
  }

  async create(spec: NewApiKey, createdBy: string, at = new Date()): Promise<{ key: string; record: ApiKeyRecord }> {
    checkSpec(spec);
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const customers = spec.customers.includes(ALL_CUSTOMERS) ? [ALL_CUSTOMERS] : [...new Set(spec.customers)].sort();
    const record: ApiKeyRecord = { id, ...spec, customers, createdAt: at.toISOString(), createdBy };
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO api_keys (id, name, role, customers, secret_hash, created_at, created_by)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
        [id, spec.name, spec.role, JSON.stringify(customers), sha256(secret), record.createdAt, createdBy],
      );
      await this.audit(
        tx,
        id,
        'ApiKeyIssued',
        { keyId: id, name: spec.name, role: spec.role, customers },
        createdBy,
        at,
      );
    });
    return { key: `cfk_${id}_${secret}`, record };
  }

  /** False when there is no such key or it was revoked already. */
  async revoke(id: string, revokedBy: string, at = new Date()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        'UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
        [id, at.toISOString()],
      );
      if (rows.length === 0) return false;
      await this.audit(tx, id, 'ApiKeyRevoked', { keyId: id }, revokedBy, at);
      return true;
    });
  }

  async list(): Promise<ApiKeyRecord[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at, id`);
    return rows.map(toRecord);
  }

  /** The caller a presented key stands for, or undefined (unknown, wrong secret, revoked). */
  async verify(presented: string): Promise<Caller | undefined> {
    const match = KEY_PATTERN.exec(presented);
    const { rows } = match
      ? await this.db.query<Row & { secret_hash: Buffer | Uint8Array }>(
          `SELECT ${COLUMNS}, secret_hash FROM api_keys WHERE id = $1`,
          [match[1]],
        )
      : { rows: [] };
    const stored = rows[0] ? Buffer.from(rows[0].secret_hash) : NO_KEY;
    const same = timingSafeEqual(stored, sha256(match?.[2] ?? ''));
    if (!same || !rows[0] || rows[0].revoked_at) return undefined;
    const record = toRecord(rows[0]);
    return {
      role: record.role,
      id: record.name,
      scope: record.customers.includes(ALL_CUSTOMERS) ? ALL_CUSTOMERS : record.customers,
      service: { id: record.name, credential: 'api-key' },
    };
  }

  private async audit(
    tx: Parameters<Parameters<Database['transaction']>[0]>[0],
    id: string,
    type: 'ApiKeyIssued' | 'ApiKeyRevoked',
    data: Record<string, unknown>,
    actor: string,
    at: Date,
  ): Promise<void> {
    if (!this.store) throw new ApiKeyError('issuing or revoking a key needs the event store');
    await this.store.appendWithin(tx, `api-key-${id}`, [
      {
        id: `api-key-${id}:${type}`,
        type,
        data,
        metadata: { actor, occurredAt: at.toISOString(), correlationId: `api-key-${id}` },
      },
    ]);
  }
}

function checkSpec(spec: NewApiKey): void {
  if (!PERSON_ID.test(spec.name ?? '')) throw new ApiKeyError('name must be 1-254 characters without blanks');
  if (!API_KEY_ROLES.includes(spec.role))
    throw new ApiKeyError(`role must be one of ${API_KEY_ROLES.join(', ')} (people use tokens)`);
  if (!Array.isArray(spec.customers) || spec.customers.length === 0)
    throw new ApiKeyError('a key needs its customers: customer ids, or * for every customer');
  const bad = spec.customers.filter((c) => c !== ALL_CUSTOMERS && !CUSTOMER_ID.test(c));
  if (bad.length > 0) throw new ApiKeyError(`not customer ids: ${bad.join(', ')}`);
}

const COLUMNS = 'id, name, role, customers, created_at, created_by, revoked_at';
interface Row {
  id: string;
  name: string;
  role: ApiKeyRole;
  customers: string[] | string;
  created_at: Date | string;
  created_by: string;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();
function toRecord(row: Row): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    customers: typeof row.customers === 'string' ? (JSON.parse(row.customers) as string[]) : row.customers,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    ...(row.revoked_at ? { revokedAt: iso(row.revoked_at) } : {}),
  };
}
