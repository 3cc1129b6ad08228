import { InvalidEventError } from './errors';
import { assertNoCredentials } from './integrity/credentials';
import { assertPrintableNames } from './names';
import type { ExpectedPosition, NewEvent } from './port';

/**
 * The port's checks on an append, the same for every adapter, before anything is sent: a stream id,
 * an array of events each with a non-empty string id, a type and metadata, a valid expected
 * position, no credential-like field, no control character in the names.
 */
export function validateAppend(streamId: string, events: NewEvent[], expected: ExpectedPosition | undefined): void {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new InvalidEventError('streamId must be a non-empty string');
  if (!Array.isArray(events)) throw new InvalidEventError('events must be an array');
  if (
    expected !== undefined &&
    expected !== 'any' &&
    expected !== 'no_stream' &&
    !(Number.isSafeInteger(expected) && expected >= 0)
  ) {
    throw new InvalidEventError(
      `expectedPosition must be 'any', 'no_stream' or an integer >= 0, got ${String(expected)}`,
    );
  }
  for (const e of events) {
    if (!e || typeof e.id !== 'string' || !e.id)
      throw new InvalidEventError(`Stream "${streamId}": every event needs a non-empty string id`);
    if (typeof e.type !== 'string' || !e.type)
      throw new InvalidEventError(`Stream "${streamId}": event ${e.id} needs a type`);
    if (!e.metadata || typeof e.metadata !== 'object')
      throw new InvalidEventError(`Stream "${streamId}": event ${e.id} needs metadata`);
    assertNoCredentials(streamId, e);
  }
  assertPrintableNames(streamId, events);
}

/** Whether a stream at `current` satisfies the caller's expected position. */
export function expectationHolds(expected: ExpectedPosition, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === 0;
  return expected === current;
}
