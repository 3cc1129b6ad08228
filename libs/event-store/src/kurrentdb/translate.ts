import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamTombstonedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
} from '@kurrent/kurrentdb-client';
import { EventStoreError, StoreUnavailableError, StreamDeletedError } from '../errors';

/** gRPC status codes after which the call may succeed later (grpc-js `status`). */
const DEADLINE_EXCEEDED = 4;
const UNAVAILABLE = 14;

/** The client's errors as the port's. `streamId`: the port's name of the stream (no namespace). */
export function translate(error: unknown, streamId?: string): Error {
  if (error instanceof EventStoreError) return error;
  const message = (error as Error)?.message ?? String(error);
  if (error instanceof ClientStreamDeletedError || error instanceof StreamTombstonedError) {
    const name = streamId ?? ('streamName' in error ? error.streamName : error.stream) ?? '?';
    return new StreamDeletedError(name, 'the stream was hard-deleted (tombstoned) on the server', { cause: error });
  }
  if (isTransient(error)) return new StoreUnavailableError(`KurrentDB unavailable: ${message}`, { cause: error });
  return new EventStoreError('EVENT_STORE_FAILURE', `KurrentDB failure: ${message}`, { cause: error });
}

/**
 * Errors after which retrying may succeed: the client's own classes, and raw gRPC statuses that
 * reach the caller unconverted (the client's server-features probe rejects with the grpc-js
 * ServiceError itself, e.g. `14 UNAVAILABLE: No connection established`).
 */
function isTransient(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (error instanceof UnknownError) return TRANSIENT_BRIDGE_ERROR.test(error.message);
  const code = (error as { code?: unknown } | null)?.code;
  return code === DEADLINE_EXCEEDED || code === UNAVAILABLE;
}

/**
 * Reads go through the Rust client, which turns gRPC Unavailable/Internal/DataLoss into
 * `ServerError("status: Unavailable, …")`, DeadlineExceeded into "Deadline exceeded" and a closed
 * connection into "Connection is closed." (KurrentDB-Client-Rust `Error::from_grpc`); the bridge
 * hands each over as an UnknownError with that text (KurrentDB-Bridge-Client `error.rs`).
 */
const TRANSIENT_BRIDGE_ERROR = /status: (Unavailable|Internal|DataLoss)\b|^Deadline exceeded|^Connection is closed/;

/**
 * The server refused a `$all` read's start position (not a record boundary). Servers answer gRPC
 * `Unknown "Unexpected FilteredReadAllResult: InvalidPosition >> …"` (Enumerator.ReadAllForwardsFiltered.cs
 * passes the result to RpcExceptions.UnknownError) or `InvalidArgument "Trying to read from an invalid
 * position."` (RpcExceptions.InvalidPositionException); the Rust bridge hands both over as
 * UnknownError with the status text as the message.
 */
export function isInvalidPosition(error: unknown): boolean {
  return error instanceof UnknownError && /invalid ?position/i.test(error.message);
}
