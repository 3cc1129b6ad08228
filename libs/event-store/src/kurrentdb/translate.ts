import {
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, EventStoreError, StoreUnavailableError } from '../errors';

/** The client's errors as the port's. `streamId`: the port's name of the stream (no namespace). */
export function translate(error: unknown, streamId?: string): Error {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) + 1 : 0;
    const expected =
      typeof error.expectedState === 'bigint'
        ? Number(error.expectedState) + 1
        : error.expectedState === NO_STREAM
          ? 'no_stream'
          : 'any';
    return new ConcurrencyError(streamId ?? error.streamName, expected, actual, { cause: error });
  }
  const message = (error as Error)?.message ?? String(error);
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  ) {
    return new StoreUnavailableError(`KurrentDB unavailable: ${message}`, { cause: error });
  }
  return new EventStoreError('EVENT_STORE_FAILURE', `KurrentDB failure: ${message}`, { cause: error });
}
