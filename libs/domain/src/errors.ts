/** A business rule said no. `code` is stable: clients and controllers switch on it, never on text. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  | 'TICKET_NOT_FOUND'
  | 'TICKET_ALREADY_EXISTS'
  | 'STORE_CONFLICT'
  | 'COMMAND_REJECTED'
  | 'CUSTOMER_NOT_FOUND'
  | 'ACTOR_NOT_AUTHORIZED'
  | 'RELATED_TICKET_NOT_FOUND'
  | 'CUSTOMER_INVALID';
