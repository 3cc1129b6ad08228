import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../database';
import { EventStoreError, StoreUnavailableError } from '../errors';
import { runMigrations, type Migration } from '../migrations';

/** Migration namespace of the key table (apart from the log's: it may sit beside a KurrentDB log). */
export const SUBJECT_KEYS_NAMESPACE = 'subject_keys';

/**
 * subject_keys is mutable on purpose, and lives outside the log: erasing a subject sets its key
 * to NULL, which makes every ciphertext under it unreadable while the log stays untouched.
 * One live key per subject; after an erasure a new event for the subject gets a new key.
 */
export const SUBJECT_KEYS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'per-subject data keys',
    sql: `
      CREATE TABLE subject_keys (
        key_id     text        PRIMARY KEY,
        subject_id text        NOT NULL,
        key        bytea       CHECK (key IS NULL OR octet_length(key) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at  timestamptz,
        CHECK ((key IS NULL) = (erased_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX subject_keys_live ON subject_keys (subject_id) WHERE erased_at IS NULL;
    `,
  },
  {
    version: 2,
    name: "data subjects: a person's identifier to an opaque subject id",
    // The only link between a person and the id the log carries; erasing the subject clears it.
    sql: `
      CREATE TABLE data_subjects (
        subject_id text        PRIMARY KEY,
        identifier text,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at  timestamptz,
        CHECK ((identifier IS NULL) = (erased_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX data_subjects_identifier ON data_subjects (identifier) WHERE identifier IS NOT NULL;
    `,
  },
];

export interface SubjectKey {
  keyId: string;
  key: Buffer;
}

/** Per-subject AES-256 keys in a PostgreSQL/PGlite table. Every call runs under the Database's timeouts. */
export class SubjectKeys {
  private constructor(private readonly db: Database) {}

  /** Runs the key table's migration, then returns the key store. */
  static async open(db: Database): Promise<SubjectKeys> {
    await runMigrations(db, SUBJECT_KEYS_MIGRATIONS, SUBJECT_KEYS_NAMESPACE);
    return new SubjectKeys(db);
  }

  /** The subject's live key, created on first use; `via` is a transaction to run in (default the database). */
  async keyFor(subjectId: string, via: Queryable = this.db): Promise<SubjectKey> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { rows } = await this.call(() =>
        via.query<{ key_id: string; key: Buffer | Uint8Array }>(
          `WITH created AS (
             INSERT INTO subject_keys (key_id, subject_id, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key_id, key
           )
           SELECT key_id, key FROM created
           UNION ALL SELECT key_id, key FROM subject_keys WHERE subject_id = $2 AND erased_at IS NULL`,
          [randomUUID(), subjectId, randomBytes(32)],
        ),
      );
      if (rows[0]) return { keyId: rows[0].key_id, key: Buffer.from(rows[0].key) };
    }
    throw new EventStoreError('EVENT_STORE_KEYS', `No key could be created for subject ${subjectId}`);
  }

  /** Keys by id; an erased or unknown id maps to undefined. */
  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | undefined>> {
    const found = new Map<string, Buffer | undefined>(keyIds.map((id) => [id, undefined]));
    if (!keyIds.length) return found;
    const { rows } = await this.call(() =>
      this.db.query<{ key_id: string; key: Buffer | Uint8Array | null }>(
        'SELECT key_id, key FROM subject_keys WHERE key_id = ANY($1::text[])',
        [[...keyIds]],
      ),
    );
    for (const r of rows) found.set(r.key_id, r.key ? Buffer.from(r.key) : undefined);
    return found;
  }

  /** Destroys every key of the subject; returns how many. Its personal data reads as `[erased]` from now on. */
  async erase(subjectId: string): Promise<number> {
    const { rows } = await this.call(() =>
      this.db.query<{ key_id: string }>(
        'UPDATE subject_keys SET key = NULL, erased_at = now() WHERE subject_id = $1 AND erased_at IS NULL RETURNING key_id',
        [subjectId],
      ),
    );
    return rows.length;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof EventStoreError) throw error;
      throw new StoreUnavailableError(`Subject keys: ${(error as Error).message}`, { cause: error });
    }
  }
}
