import { randomUUID } from 'node:crypto';
import type { Database } from '../database';
import { EventStoreError, StoreUnavailableError } from '../errors';
import { runMigrations, type Migration } from '../migrations';
import { ERASED, isSealed, open, seal, type FieldPlace, type SealedField } from './cipher';
import type { SubjectKeys } from './subject-keys';

export const PERSONAL_VALUES_NAMESPACE = 'personal_values';

/**
 * The vault behind claim checks: each row is one personal value (an e-mail address, a title, a
 * customer's message) sealed under its subject's key, the same key the audit store seals that
 * person's event fields with. Erasing the subject (SubjectKeys.erase) makes every row of theirs
 * read as `[erased]`; the rows themselves stay, like the log's ciphertext.
 */
export const PERSONAL_VALUES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'personal values behind claim checks',
    sql: `
      CREATE TABLE personal_values (
        value_id   text        PRIMARY KEY,
        subject_id text        NOT NULL,
        sealed     jsonb       NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

/** What a reference opens to: the value, `[erased]` once its subject's key is gone, or nothing when no such row exists. */
export type OpenedValue = string | typeof ERASED | undefined;

/** A value's place, bound into its ciphertext: a row cannot be moved to another subject or id unnoticed. */
const placeOf = (subjectId: string, valueId: string): FieldPlace => ({
  streamId: 'personal-values',
  eventId: valueId,
  path: subjectId,
});

/** One value in the vault: whose it is, and its row (a random UUID). Callers build their claim checks from it. */
export interface SealedValue {
  subjectId: string;
  valueId: string;
}

export class PersonalValues {
  private constructor(
    private readonly db: Database,
    private readonly keys: SubjectKeys,
  ) {}

  static async open(db: Database, keys: SubjectKeys): Promise<PersonalValues> {
    await runMigrations(db, PERSONAL_VALUES_MIGRATIONS, PERSONAL_VALUES_NAMESPACE);
    return new PersonalValues(db, keys);
  }

  /** Seals each text under the subject's live key (created on first use), in one statement; ids in order. */
  async seal(subjectId: string, values: readonly string[]): Promise<SealedValue[]> {
    if (!values.length) return [];
    const { keyId, key } = await this.keys.keyFor(subjectId);
    const rows = values.map((value) => {
      const valueId = randomUUID();
      return { valueId, sealed: seal(value, keyId, key, placeOf(subjectId, valueId)) };
    });
    const params: unknown[] = [];
    const tuples = rows.map(({ valueId, sealed }) => {
      params.push(valueId, subjectId, JSON.stringify(sealed));
      return `($${params.length - 2}, $${params.length - 1}, $${params.length}::jsonb)`;
    });
    await this.call(() =>
      this.db.query(`INSERT INTO personal_values (value_id, subject_id, sealed) VALUES ${tuples.join(', ')}`, params),
    );
    return rows.map(({ valueId }) => ({ subjectId, valueId }));
  }

  /**
   * The values by id, each checked against the subject the caller expects; `[erased]` when the
   * subject's key was destroyed. Throws when a stored ciphertext fails authentication.
   */
  async open(wanted: readonly SealedValue[]): Promise<Map<string, OpenedValue>> {
    const opened = new Map<string, OpenedValue>(wanted.map(({ valueId }) => [valueId, undefined]));
    if (!wanted.length) return opened;
    const { rows } = await this.call(() =>
      this.db.query<{ value_id: string; subject_id: string; sealed: unknown }>(
        'SELECT value_id, subject_id, sealed FROM personal_values WHERE value_id = ANY($1::text[])',
        [[...opened.keys()]],
      ),
    );
    const expected = new Map(wanted.map(({ subjectId, valueId }) => [valueId, subjectId]));
    const found = rows.filter((row) => expected.get(row.value_id) === row.subject_id);
    const sealedOf = (row: { sealed: unknown }): SealedField => {
      const sealed = typeof row.sealed === 'string' ? (JSON.parse(row.sealed) as unknown) : row.sealed;
      if (!isSealed(sealed)) throw new EventStoreError('EVENT_STORE_KEYS', 'A personal value is not sealed');
      return sealed;
    };
    const keys = await this.keys.keysById([...new Set(found.map((row) => sealedOf(row).kid))]);
    for (const row of found) {
      const sealed = sealedOf(row);
      const value = open(sealed, keys.get(sealed.kid), placeOf(row.subject_id, row.value_id));
      opened.set(row.value_id, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return opened;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof EventStoreError) throw error;
      throw new StoreUnavailableError(`Personal values: ${(error as Error).message}`, { cause: error });
    }
  }
}
