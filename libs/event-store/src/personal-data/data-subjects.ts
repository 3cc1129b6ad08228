import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../database';
import { EventStoreError, StoreUnavailableError } from '../errors';
import { runMigrations } from '../migrations';
import { SUBJECT_KEYS_MIGRATIONS, SUBJECT_KEYS_NAMESPACE } from './subject-keys';

/** Subject ids look like `ds-<random UUID>`: nothing in them derives from the person. */
export const SUBJECT_ID_PREFIX = 'ds-';

/** E-mail addresses compare case-insensitively, without surrounding blanks. */
export const normalizeIdentifier = (identifier: string): string => identifier.trim().toLowerCase();

/**
 * Who is who, outside the log: a person's identifier (an e-mail address) maps to an opaque, random
 * subject id, and the log only ever carries that id (as the key's subject and in `actor`). The
 * table `data_subjects` is mutable on purpose: erasing a subject clears its identifier, after which
 * nothing links the id in the log back to the person.
 */
export class DataSubjects {
  private constructor(private readonly db: Database) {}

  /** Runs the key tables' migrations (the registry sits beside `subject_keys`), then returns the registry. */
  static async open(db: Database): Promise<DataSubjects> {
    await runMigrations(db, SUBJECT_KEYS_MIGRATIONS, SUBJECT_KEYS_NAMESPACE);
    return new DataSubjects(db);
  }

  /** The person's subject id, created on first use; `via` is a transaction to run in (default the database). */
  async idFor(identifier: string, via: Queryable = this.db): Promise<string> {
    const normalized = normalizeIdentifier(identifier);
    if (!normalized) throw new EventStoreError('EVENT_STORE_NO_SUBJECT', 'A data subject needs a non-empty identifier');
    for (let attempt = 0; attempt < 3; attempt++) {
      const { rows } = await this.call(() =>
        via.query<{ subject_id: string }>(
          `WITH created AS (
             INSERT INTO data_subjects (subject_id, identifier) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING subject_id
           )
           SELECT subject_id FROM created
           UNION ALL SELECT subject_id FROM data_subjects WHERE identifier = $2`,
          [`${SUBJECT_ID_PREFIX}${randomUUID()}`, normalized],
        ),
      );
      if (rows[0]) return rows[0].subject_id;
    }
    throw new EventStoreError('EVENT_STORE_KEYS', 'No subject id could be created');
  }

  /** The live subject id of a person, without creating one. */
  async find(identifier: string): Promise<string | undefined> {
    const { rows } = await this.call(() =>
      this.db.query<{ subject_id: string }>('SELECT subject_id FROM data_subjects WHERE identifier = $1', [
        normalizeIdentifier(identifier),
      ]),
    );
    return rows[0]?.subject_id;
  }

  /**
   * Forgets who the subject is (its identifier is cleared; the id stays, marked erased). A later
   * event for the same address gets a new subject id. Returns false when there was nothing to forget.
   */
  async forget(subjectId: string): Promise<boolean> {
    const { rows } = await this.call(() =>
      this.db.query<{ subject_id: string }>(
        'UPDATE data_subjects SET identifier = NULL, erased_at = now() WHERE subject_id = $1 AND erased_at IS NULL RETURNING subject_id',
        [subjectId],
      ),
    );
    return rows.length > 0;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof EventStoreError) throw error;
      throw new StoreUnavailableError(`Data subjects: ${(error as Error).message}`, { cause: error });
    }
  }
}
