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
import type { CalendarDefinition, SlaPolicy } from '@caseflow/sla';
import { customerStreamId, type AuthorizedContact, type CustomerRecord } from './customer';
import { uncompilableCalendars } from './compilable-calendars';
import { canonical, changedFields, diff, keptVersions, mergePatch, pick, plain, presentFields } from './record-changes';
import { nextVersion, slaCatalogOf } from './sla-catalog';
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
  {
    version: 2,
    name: 'customers-updated-by',
    // Who wrote the row last: the seed leaves alone what someone else has changed since.
    sql: `ALTER TABLE customers ADD COLUMN IF NOT EXISTS updated_by text`,
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
/** A new version of one of the customer's own SLA policies (versions are never changed, only added). */
export interface SlaPolicyVersionAddedData {
  customerId: string;
  policy: SlaPolicy;
}
/** A new version of one of the customer's own calendars. */
export interface CalendarVersionAddedData {
  customerId: string;
  calendar: CalendarDefinition;
}
export type CustomerEvent =
  | { type: 'CustomerRegistered'; data: CustomerRegisteredData }
  | { type: 'CustomerChanged'; data: CustomerChangedData }
  | { type: 'AuthorizedPersonChanged'; data: AuthorizedPersonChangedData }
  | { type: 'SlaPolicyVersionAdded'; data: SlaPolicyVersionAddedData }
  | { type: 'CalendarVersionAdded'; data: CalendarVersionAddedData };

/** The fields a change (merge patch) may set; own policy and calendar versions are only ever added. */
export type CustomerPatch = Partial<Omit<CustomerRecord, 'id' | 'slaPolicies' | 'calendars'>>;

export interface RegisterResult {
  customerId: string;
  outcome: 'registered' | 'changed' | 'unchanged';
  /** Events on the customer's stream after the call (= the row's version). */
  version: number;
  changedFields: string[];
  /** The version an add created (addSlaPolicyVersion, addCalendarVersion). */
  added?: { id: string; version: number };
}

export interface RegisterOptions {
  correlationId?: string;
  /**
   * The version (events on the stream) the caller last read; another one is STORE_CONFLICT and
   * nothing is written. 0 = the customer must not exist yet. Absent: whatever is current.
   */
  expectedVersion?: number;
}

export type ChangeOptions = Omit<RegisterOptions, 'correlationId'>;

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

  /** The record and its version (events on `customer-<id>`), for If-Match. */
  async getVersioned(id: string): Promise<{ record: CustomerRecord; version: number } | undefined> {
    const { rows } = await this.db.query<{ record: unknown; version: number }>(
      'SELECT record, version FROM customers WHERE id = $1',
      [id],
    );
    return rows[0] ? { record: parseRecord(rows[0].record), version: Number(rows[0].version) } : undefined;
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
        checkExpected(next.id, version, options.expectedVersion);
        const kept = [
          ...(current ? keptVersions(current.record, next) : []),
          ...uncompilableCalendars(next, current?.record, at),
        ];
        if (kept.length > 0) throw invalid(next.id, kept);
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
    options: ChangeOptions = {},
  ): Promise<RegisterResult> {
    return this.changeWith(customerId, actor, at, options, (current) => {
      if (!current.processOptions.authorizedContactsOnly)
        throw invalid(customerId, [
          {
            field: 'processOptions.authorizedContactsOnly',
            rule: 'must be true: only such customers have one authorized person',
          },
        ]);
      const next = { ...current, authorizedContacts: [{ email: person.email, name: person.name }] };
      return {
        next,
        event: (fields) => ({
          type: 'AuthorizedPersonChanged',
          data: diff(customerId, current, next, fields) as AuthorizedPersonChangedData,
        }),
      };
    });
  }

  /**
   * A manager's change: `patch` merged into the record as a JSON merge patch (RFC 7396: objects
   * merge, lists and values replace, null removes an optional field). One CustomerChanged event
   * naming the changed top-level fields, and the row, in one transaction; a patch that changes
   * nothing writes nothing. Throws CUSTOMER_NOT_FOUND, CUSTOMER_INVALID or STORE_CONFLICT.
   */
  async change(
    customerId: string,
    patch: CustomerPatch,
    actor: string,
    at: string,
    options: ChangeOptions = {},
  ): Promise<RegisterResult> {
    const forbidden = (['id', 'slaPolicies', 'calendars'] as const).filter((key) => key in (patch as object));
    if (forbidden.length > 0)
      throw invalid(
        customerId,
        forbidden.map((field) => ({
          field,
          rule: field === 'id' ? 'cannot be changed' : 'versions are added one at a time, never changed',
        })),
      );
    return this.changeWith(customerId, actor, at, options, (current) => {
      const next = mergePatch(current, patch) as CustomerRecord;
      return { next, event: (fields) => ({ type: 'CustomerChanged', data: diff(customerId, current, next, fields) }) };
    });
  }

  /**
   * Adds a version of one of the customer's own SLA policies: one past the highest of that id
   * (preset included; a preset's policy id makes a customer-specific successor of it). Tickets keep
   * the version they were identified with; `policy` in the record says which one new tickets get.
   */
  addSlaPolicyVersion(
    customerId: string,
    policy: Omit<SlaPolicy, 'version'>,
    actor: string,
    at: string,
    options: ChangeOptions = {},
  ): Promise<RegisterResult> {
    return this.changeWith(customerId, actor, at, options, (current) => {
      const catalog = slaCatalogOf(current);
      const added: SlaPolicy = { ...policy, version: nextVersion(catalog?.policies ?? [], policy.id) };
      const next = { ...current, slaPolicies: [...(current.slaPolicies ?? []), added] };
      return { next, added, event: () => ({ type: 'SlaPolicyVersionAdded', data: { customerId, policy: added } }) };
    });
  }

  /** Adds a version of a calendar (own, or a customer-specific successor of the preset's); new tickets compile the newest. */
  addCalendarVersion(
    customerId: string,
    calendar: Omit<CalendarDefinition, 'version'>,
    actor: string,
    at: string,
    options: ChangeOptions = {},
  ): Promise<RegisterResult> {
    return this.changeWith(customerId, actor, at, options, (current) => {
      const catalog = slaCatalogOf(current);
      const added: CalendarDefinition = { ...calendar, version: nextVersion(catalog?.calendars ?? [], calendar.id) };
      const next = { ...current, calendars: [...(current.calendars ?? []), added] };
      return {
        next,
        added,
        event: () => ({ type: 'CalendarVersionAdded', data: { customerId, calendar: added } }),
      };
    });
  }

  /**
   * One change of an existing customer: lock the row, check the expected version, build the next
   * record, validate it, and append its event with the row in one transaction (nothing when
   * nothing changed).
   */
  private async changeWith(
    customerId: string,
    actor: string,
    at: string,
    options: ChangeOptions,
    build: (current: CustomerRecord) => {
      next: CustomerRecord;
      added?: { id: string; version: number };
      event: (fields: string[]) => CustomerEvent;
    },
  ): Promise<RegisterResult> {
    const streamId = customerStreamId(customerId);
    try {
      return await this.db.transaction(async (tx) => {
        const current = await lockRow(tx, customerId);
        if (!current)
          throw new DomainError('CUSTOMER_NOT_FOUND', `customer ${customerId} is not in the directory`, { customerId });
        checkExpected(customerId, current.version, options.expectedVersion);
        const change = build(current.record);
        const next = plain(change.next);
        const problems = [...validateCustomer(next), ...keptVersions(current.record, next)];
        if (problems.length === 0) problems.push(...uncompilableCalendars(next, current.record, at));
        if (problems.length > 0) throw invalid(customerId, problems);
        const fields = changedFields(current.record, next);
        if (fields.length === 0)
          return { customerId, outcome: 'unchanged', version: current.version, changedFields: [] };
        const position = await this.write(tx, next, current.version, change.event(fields), {
          actor,
          occurredAt: at,
          correlationId: `${streamId}@${current.version + 1}`,
        });
        const added = change.added ? { added: { id: change.added.id, version: change.added.version } } : {};
        return { customerId, outcome: 'changed', version: position, changedFields: fields, ...added };
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
            'UPDATE customers SET record = $2::jsonb, version = $3, updated_at = $4, updated_by = $6 WHERE id = $1 AND version = $5',
            [next.id, JSON.stringify(next), appended.lastPosition, metadata.occurredAt, version, metadata.actor],
          )
        : await tx.query(
            'INSERT INTO customers (id, record, version, updated_at, updated_by) VALUES ($1, $2::jsonb, $3, $4, $5)',
            [next.id, JSON.stringify(next), appended.lastPosition, metadata.occurredAt, metadata.actor],
          );
    if (written.rowCount !== 1) throw new ConcurrencyError(streamId, expected, appended.lastPosition);
    return appended.lastPosition;
  }

  /**
   * Registers each customer of `fixture`; re-running changes nothing (every result 'unchanged').
   * A customer someone else has changed since the seed wrote it (a manager over the API) is left
   * as they made it.
   */
  async seed(fixture: readonly CustomerRecord[], at: string, actor = 'directory-seed'): Promise<RegisterResult[]> {
    const results: RegisterResult[] = [];
    for (const record of fixture) {
      const { rows } = await this.db.query<{ version: number; updated_by: string | null }>(
        'SELECT version, updated_by FROM customers WHERE id = $1',
        [record.id],
      );
      const managed = rows[0] && rows[0].updated_by !== null && rows[0].updated_by !== actor;
      results.push(
        managed
          ? { customerId: record.id, outcome: 'unchanged', version: Number(rows[0].version), changedFields: [] }
          : await this.register(record, actor, at, { correlationId: `directory-seed:${record.id}` }),
      );
    }
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

function checkExpected(customerId: string, current: number, expected: number | undefined): void {
  if (expected === undefined || expected === current) return;
  throw new DomainError(
    'STORE_CONFLICT',
    expected === 0
      ? `customer ${customerId} exists already`
      : `customer ${customerId} is at version ${current}, not ${expected}; read it again and retry`,
    { customerId, streamId: customerStreamId(customerId), expectedVersion: expected, currentVersion: current },
  );
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

function digest(record: CustomerRecord): string {
  return createHash('sha256').update(canonical(record)).digest('hex').slice(0, 16);
}

/** pg and PGlite return jsonb parsed; a text column or driver setting may hand back a string. */
function parseRecord(value: unknown): CustomerRecord {
  return (typeof value === 'string' ? JSON.parse(value) : value) as CustomerRecord;
}
