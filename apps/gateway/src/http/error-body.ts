import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One failing field of a request and the rules it broke (rule name → message). */
export class FieldErrorBody {
  @ApiProperty({ example: 'title' })
  field!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { isNotEmpty: 'title should not be empty' },
    description: 'A body field: each rule it broke and what the rule says.',
  })
  rules?: Record<string, string>;

  @ApiPropertyOptional({
    example: 'must be true: only such customers have one authorized person',
    description: "A directory record's field (code CUSTOMER_INVALID): the rule it broke.",
  })
  rule?: string;
}

/**
 * The one error shape every 4xx (and 503) answers with: a stable `code` clients switch on, a
 * message for people, the failing fields for a rejected body, and the error's own details
 * (`number`, `field`, `limit`, `retryAfterSeconds`…).
 */
export class ErrorBody {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable: clients switch on it, never on the message.' })
  code!: string;

  @ApiProperty({ example: 'invalid request: title' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorBody], description: 'VALIDATION_FAILED: every failing field.' })
  errors?: FieldErrorBody[];
}

/** The code of an HttpException that carries no code of its own (Nest's built-in ones), by status. */
export const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};
