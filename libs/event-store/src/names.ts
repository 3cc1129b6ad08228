import { InvalidEventError } from './errors';
import type { NewEvent } from './port';

/** Stable code of the error raised when a stream id, event id or event type holds a control character. */
export const CONTROL_CHARACTER = 'EVENT_STORE_CONTROL_CHARACTER';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Refuses control characters (U+0000–U+001F, U+007F) in the names an event is found by: they are
 * never meant, cannot be shown in a log line or a UI, NUL cannot be stored by PostgreSQL at all,
 * and the PostgreSQL read path splits rows on U+0001 (postgres/event-text.ts).
 */
export function assertPrintableNames(streamId: string, events: readonly NewEvent[]): void {
  if (CONTROL.test(streamId))
    throw refused(`Stream id ${JSON.stringify(streamId)} holds a control character`, 'streamId');
  for (const e of events) {
    if (CONTROL.test(e.id))
      throw refused(`Stream "${streamId}": event id ${JSON.stringify(e.id)} holds a control character`, 'id');
    if (CONTROL.test(e.type))
      throw refused(
        `Stream "${streamId}": event ${e.id} has a type with a control character: ${JSON.stringify(e.type)}`,
        'type',
      );
  }
}

function refused(message: string, field: string): InvalidEventError {
  return new InvalidEventError(message, { code: CONTROL_CHARACTER, field });
}
