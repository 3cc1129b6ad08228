import { DeadlineExceededError, UnavailableError, UnknownError } from '@kurrent/kurrentdb-client';
import { ConcurrencyError, EventStoreError, StoreUnavailableError } from '../errors';
import { isInvalidPosition, translate } from './translate';

/** A grpc-js ServiceError as the client's server-features probe rejects with it (not converted). */
const serviceError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

describe('translate: vendor errors as the port’s', () => {
  it.each([
    ['gRPC 14 UNAVAILABLE', serviceError(14, 'No connection established')],
    ['gRPC 4 DEADLINE_EXCEEDED', serviceError(4, 'Deadline exceeded')],
    ['the client’s UnavailableError', new UnavailableError()],
    ['the client’s DeadlineExceededError', new DeadlineExceededError()],
    [
      'a read’s gRPC Unavailable through the Rust bridge',
      new UnknownError(undefined, 'Server-side error: status: Unavailable, message: "Server Is Not Ready"'),
    ],
    ['a read’s deadline through the Rust bridge', new UnknownError(undefined, 'Deadline exceeded')],
  ])('%s → StoreUnavailableError (retryable)', (_, error) => {
    const translated = translate(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect(translated).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE', cause: error });
  });

  it('anything else is an EVENT_STORE_FAILURE; the port’s own errors pass through', () => {
    expect(translate(serviceError(3, 'bad argument'))).toMatchObject({ code: 'EVENT_STORE_FAILURE' });
    expect(translate(new Error('odd'))).toMatchObject({ code: 'EVENT_STORE_FAILURE' });
    expect(translate(new UnknownError(undefined, 'Unmapped gRPC error: code: Invalid argument'))).toMatchObject({
      code: 'EVENT_STORE_FAILURE',
    });
    const own = new ConcurrencyError('s', 'any', 2);
    expect(translate(own)).toBe(own);
    expect(translate(undefined)).toBeInstanceOf(EventStoreError);
  });

  it("recognises the server's answers to a $all read from inside a record", () => {
    const legacy = 'status: Unknown, message: "Unexpected FilteredReadAllResult: InvalidPosition >> Log record at…"';
    expect(isInvalidPosition(new UnknownError(undefined, legacy))).toBe(true);
    expect(isInvalidPosition(new UnknownError(undefined, 'Trying to read from an invalid position.'))).toBe(true);
    expect(isInvalidPosition(new UnknownError(undefined, 'something else'))).toBe(false);
    expect(isInvalidPosition(new Error('InvalidPosition'))).toBe(false);
  });
});
