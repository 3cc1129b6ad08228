export type UnavailableCode = 'TEMPORAL_UNAVAILABLE' | 'WORKER_UNAVAILABLE';

/**
 * Temporal or the ticket workers did not answer within the bound: the command was not taken (503
 * with Retry-After). Not a DomainError: no business rule said no; infrastructure is away.
 */
export class ServiceUnavailable extends Error {
  constructor(
    readonly code: UnavailableCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'ServiceUnavailable';
  }
}
