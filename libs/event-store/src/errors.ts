import type { ExpectedPosition } from './port';

/** Base of the port's errors; `code` is stable and safe to map (e.g. to HTTP 409). */
export class EventStoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stream's last position did not match the expected one. Nothing was written. */
export class ConcurrencyError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expectedPosition: ExpectedPosition,
    readonly actualPosition: number,
    options?: { cause?: unknown },
  ) {
    super(
      'EVENT_STORE_CONCURRENCY',
      `Stream "${streamId}": expected position ${String(expectedPosition)}, actual ${actualPosition}`,
      options,
    );
  }
}

/** The store could not be reached or answered too late; retrying may succeed. */
export class StoreUnavailableError extends EventStoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('EVENT_STORE_UNAVAILABLE', message, options);
  }
}

/** The call itself is wrong (bad argument, unknown schema version); retrying will not help. */
export class InvalidEventError extends EventStoreError {
  /** The offending field's path (e.g. `data.account.password`), when one field is to blame. */
  readonly field?: string;
  constructor(message: string, options?: { cause?: unknown; code?: string; field?: string }) {
    super(options?.code ?? 'EVENT_STORE_INVALID', message, options);
    if (options?.field) this.field = options.field;
  }
}

/**
 * The stream's last events exist on the server but cannot be read (deleted, or hidden by a
 * truncation or a retention rule behind the store), so its hash chain cannot be continued: the
 * append is refused and nothing was written. Retrying will not help; an operator has to look.
 */
export class StreamDeletedError extends EventStoreError {
  constructor(
    readonly streamId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('EVENT_STORE_STREAM_DELETED', `Stream "${streamId}": ${message}`, options);
  }
}
