/** Stable codes callers can switch on; the message says what exactly is wrong. */
export type SlaErrorCode =
  | 'INVALID_CALENDAR'
  | 'INVALID_POLICY'
  | 'INVALID_ARGUMENT'
  | 'HORIZON_EXCEEDED'
  | 'CALENDAR_TAMPERED'
  | 'UNKNOWN_CALENDAR'
  | 'UNKNOWN_POLICY'
  | 'NO_MATCHING_TARGETS'
  | 'INVALID_EVENT_SEQUENCE';

export class SlaError extends Error {
  constructor(
    readonly code: SlaErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'SlaError';
  }
}
