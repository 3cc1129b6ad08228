export const DOMAIN_ERROR_CODES = [
  'TICKET_NOT_FOUND',
  'TICKET_ALREADY_EXISTS',
  'STORE_CONFLICT',
  'COMMAND_REJECTED',
  'CUSTOMER_NOT_FOUND',
  'ACTOR_NOT_AUTHORIZED',
  'RELATED_TICKET_NOT_FOUND',
  'CUSTOMER_INVALID',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export const isDomainErrorCode = (value: unknown): value is DomainErrorCode =>
  (DOMAIN_ERROR_CODES as readonly unknown[]).includes(value);

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
