import { createHash } from 'node:crypto';
import { DomainError } from '@caseflow/domain';
import {
  ConcurrencyError,
  runMigrations,
  type Database,
  type DataSubjects,
  type EventMetadata,
  type MigrationReport,
  type NewEvent,
  type Queryable,
  type TransactionalEventStore,
} from '@caseflow/event-store';
import { CUSTOMER_FIELDS, customerStreamId, type AuthorizedContact, type CustomerRecord } from './customer';
import { withContactSubjects } from './contact-subjects';
import { validateCustomer, type FieldProblem } from './validate-customer';

export const DIRECTORY_NAMESPACE = 'directory';

export const DIRECTORY_MIGRATIONS = [
  {
    version: 1,
    name: 'customers',
    sql: `CREATE TABLE IF NOT EXISTS customers (
      id         text        PRIMARY KEY,
      record     jsonb       NOT NULL,
      version    integer     NOT NULL,
      updated_at timestamptz
    )`,
  },
] as const;

/** The events on `customer-<id>`. */
export interface CustomerRegisteredData {
  customerId: string;
  record: CustomerRecord;
}
export interface CustomerChangedData {
  customerId: string;
  /** Top-level fields that changed, in CUSTOMER_FIELDS order. */
  fields: string[];
  /** Their values before and after; a field absent from `after` was removed. */
  before: Partial<CustomerRecord>;
  after: Partial<CustomerRecord>;
}
/**
 * 003: the customer named a new authorized person. Same shape as CustomerChanged of the one field
 * `authorizedContacts`, but its own type, so the log shows the change of who may act for the client.
 */
export type AuthorizedPersonChangedData = CustomerChangedData & { fields: ['authorizedContacts'] };
export type CustomerEvent =
  | { type: 'CustomerRegistered'; data: CustomerRegisteredData }
  | { type: 'CustomerChanged'; data: CustomerChangedData }
  | { type: 'AuthorizedPersonChanged'; data: AuthorizedPersonChangedData };

export interface RegisterResult {
  customerId: string;
  outcome: 'registered' | 'changed' | 'unchanged';
  /** Events on the customer's stream after the call (= the row's version). */
  version: number;
  changedFields: string[];
}

export interface RegisterOptions {
  correlationId?: string;
}

/**
 * Customers in PostgreSQL (server or PGlite): a `customers` table for reads, and every change as
 * one event on `customer-<id>`, written in the same transaction as the row. The row's version is
 * the stream's position, so a register racing another fails with STORE_CONFLICT instead of losing
 * an update. In the events each contact carries its person's subject id (`subject`), under which
 * the store seals the contact's name and e-mail.
 */
export class CustomerDirectory {
  constructor(
    private readonly db: Database,
    private readonly store: TransactionalEventStore,
    private readonly subjects: DataSubjects,
  ) {}

  /** Creates the `customers` table (namespace 'directory'); safe to run at every start. */
  static migrate(db: Database): Promise<MigrationReport> {
    return runMigrations(db, DIRECTORY_MIGRATIONS, DIRECTORY_NAMESPACE);
  }

  async get(id: string): Promise<CustomerRecord | undefined> {
    const { rows } = await this.db.query<{ record: unknown }>('SELECT record FROM customers WHERE id = $1', [id]);
    return rows.length ? parseRecord(rows[0].record) : undefined;
  }

  async list(): Promise<CustomerRecord[]> {
    const { rows } = await this.db.query<{ record: unknown }>('SELECT record FROM customers ORDER BY id');
    return rows.map((row) => parseRecord(row.record));
  }

  /**
   * Validates `record`, then in one transaction appends CustomerRegistered (first time) or
   * CustomerChanged (the changed top-level fields) and upserts the row. Registering what is
   * already there writes nothing. Throws DomainError CUSTOMER_INVALID (details.errors lists each
   * failing field and rule) or STORE_CONFLICT (someone else changed the customer meanwhile).
   */
  async register(
    record: CustomerRecord,
    actor: string,
    at: string,
    options: RegisterOptions = {},
  ): Promise<RegisterResult> {
    const problems = validateCustomer(record);
    if (!actor || typeof actor !== 'string') problems.push({ field: '(actor)', rule: 'must be a non-empty string' });
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)))
      problems.push({ field: '(at)', rule: 'must be an ISO-8601 instant' });
    if (problems.length > 0)
      throw invalid(typeof (record as { id?: unknown })?.id === 'string' ? record.id : '(no id)', problems);
    const next = plain(record);
    const streamId = customerStreamId(next.id);
    try {
      return await this.db.transaction(async (tx) => {
        const current = await lockRow(tx, next.id);
        const version = current?.version ?? 0;
        const fields = current ? changedFields(current.record, next) : [...presentFields(next)];
        if (current && fields.length === 0)
          return { customerId: next.id, outcome: 'unchanged', version, changedFields: [] };

        const event: CustomerEvent = current
          ? {
              type: 'CustomerChanged',
              data: { customerId: next.id, fields, before: pick(current.record, fields), after: pick(next, fields) },
            }
          : { type: 'CustomerRegistered', data: { customerId: next.id, record: next } };
        const position = await this.write(tx, next, current?.version, event, {
          actor,
          occurredAt: at,
          correlationId: options.correlationId ?? `${streamId}@${version + 1}`,
        });
        return {
          customerId: next.id,
          outcome: current ? 'changed' : 'registered',
          version: position,
          changedFields: current ? fields : [],
        };
      });
    } catch (error) {
      throw conflictOr(error, next.id);
    }
  }

  /**
   * 003: the customer's one authorized person becomes `person` (the client named a new one by
   * notice). One AuthorizedPersonChanged event and the row, in one transaction; naming the
   * current person again writes nothing. Only for customers with `authorizedContactsOnly`.
   * Throws CUSTOMER_NOT_FOUND, CUSTOMER_INVALID (not such a customer, or a bad e-mail/name) or STORE_CONFLICT.
   */
  async changeAuthorizedPerson(
    customerId: string,
    person: AuthorizedContact,
    actor: string,
    at: string,
  ): Promise<RegisterResult> {
    const streamId = customerStreamId(customerId);
    try {
      return await this.db.transaction(async (tx) => {
        const current = await lockRow(tx, customerId);
        if (!current)
          throw new DomainError('CUSTOMER_NOT_FOUND', `customer ${customerId} is not in the directory`, { customerId });
        const next: CustomerRecord = {
          ...current.record,
          authorizedContacts: [{ email: person.email, name: person.name }],
        };
        const problems = current.record.processOptions.authorizedContactsOnly
          ? validateCustomer(next)
          : [
              {
                field: 'processOptions.authorizedContactsOnly',
                rule: 'must be true: only such customers have one authorized person',
              },
            ];
        if (problems.length > 0) throw invalid(customerId, problems);
        if (changedFields(current.record, next).length === 0)
          return { customerId, outcome: 'unchanged', version: current.version, changedFields: [] };
        const fields: ['authorizedContacts'] = ['authorizedContacts'];
        const event: CustomerEvent = {
          type: 'AuthorizedPersonChanged',
          data: { customerId, fields, before: pick(current.record, fields), after: pick(next, fields) },
        };
        const position = await this.write(tx, next, current.version, event, {
          actor,
          occurredAt: at,
          correlationId: `${streamId}@${current.version + 1}`,
        });
        return { customerId, outcome: 'changed', version: position, changedFields: fields };
      });
    } catch (error) {
      throw conflictOr(error, customerId);
    }
  }

  /** Appends `event` (expecting the row's version) and writes the row; returns the stream's new position. */
  private async write(
    tx: Queryable,
    next: CustomerRecord,
    version: number | undefined,
    event: CustomerEvent,
    metadata: EventMetadata,
  ): Promise<number> {
    const streamId = customerStreamId(next.id);
    const expected = version ?? 0;
    const newEvent: NewEvent = {
      // Content-derived: an identical concurrent change is a no-op, a different one a conflict.
      id: `${streamId}@${expected + 1}:${digest(next)}`,
      type: event.type,
      data: await withContactSubjects(event.data, (email) => this.subjects.idFor(email, tx)),
      metadata,
    };
    const appended = await this.store.appendWithin(tx, streamId, [newEvent], { expectedPosition: expected });
    const written =
      version !== undefined
        ? await tx.query(
            'UPDATE customers SET record = $2::jsonb, version = $3, updated_at = $4 WHERE id = $1 AND version = $5',
            [next.id, JSON.stringify(next), appended.lastPosition, metadata.occurredAt, version],
          )
        : await tx.query('INSERT INTO customers (id, record, version, updated_at) VALUES ($1, $2::jsonb, $3, $4)', [
            next.id,
            JSON.stringify(next),
            appended.lastPosition,
            metadata.occurredAt,
          ]);
    if (written.rowCount !== 1) throw new ConcurrencyError(streamId, expected, appended.lastPosition);
    return appended.lastPosition;
  }

  /** Registers each customer of `fixture`; re-running changes nothing (every result 'unchanged'). */
  async seed(fixture: readonly CustomerRecord[], at: string, actor = 'directory-seed'): Promise<RegisterResult[]> {
    const results: RegisterResult[] = [];
    for (const record of fixture)
      results.push(await this.register(record, actor, at, { correlationId: `directory-seed:${record.id}` }));
    return results;
  }
}

async function lockRow(tx: Queryable, id: string): Promise<{ record: CustomerRecord; version: number } | undefined> {
  const { rows } = await tx.query<{ record: unknown; version: number }>(
    'SELECT record, version FROM customers WHERE id = $1 FOR UPDATE',
    [id],
  );
  return rows[0] ? { record: parseRecord(rows[0].record), version: Number(rows[0].version) } : undefined;
}

function invalid(customerId: string, problems: FieldProblem[]): DomainError {
  return new DomainError(
    'CUSTOMER_INVALID',
    `customer ${customerId} is invalid: ${problems.map((p) => `${p.field} ${p.rule}`).join('; ')}`,
    { customerId, errors: problems },
  );
}

function conflictOr(error: unknown, customerId: string): unknown {
  if (error instanceof ConcurrencyError || (error as { code?: string }).code === '23505')
    return new DomainError(
      'STORE_CONFLICT',
      `customer ${customerId} was changed concurrently; read it again and retry`,
      {
        customerId,
        streamId: customerStreamId(customerId),
      },
    );
  return error;
}

/** Top-level fields whose values differ (JSON semantics: key order and undefined do not count). */
export function changedFields(before: CustomerRecord, after: CustomerRecord): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return orderFields(keys).filter(
    (key) =>
      canonical((before as unknown as Record<string, unknown>)[key]) !==
      canonical((after as unknown as Record<string, unknown>)[key]),
  );
}

function presentFields(record: CustomerRecord): string[] {
  return orderFields(new Set(Object.keys(record)));
}

function orderFields(keys: Set<string>): string[] {
  const known = CUSTOMER_FIELDS.filter((field) => keys.has(field)) as string[];
  const extra = [...keys].filter((key) => !known.includes(key)).sort();
  return [...known, ...extra];
}

/** Stable JSON: object keys sorted, undefined members dropped. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function digest(record: CustomerRecord): string {
  return createHash('sha256').update(canonical(record)).digest('hex').slice(0, 16);
}

function pick(record: CustomerRecord, fields: readonly string[]): Partial<CustomerRecord> {
  const source = record as unknown as Record<string, unknown>;
  return Object.fromEntries(
    fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]),
  ) as Partial<CustomerRecord>;
}

/** A JSON-only deep copy: no undefined members, no shared references with the caller. */
function plain(record: CustomerRecord): CustomerRecord {
  return JSON.parse(JSON.stringify(record)) as CustomerRecord;
}

/** pg and PGlite return jsonb parsed; a text column or driver setting may hand back a string. */
function parseRecord(value: unknown): CustomerRecord {
  return (typeof value === 'string' ? JSON.parse(value) : value) as CustomerRecord;
}
