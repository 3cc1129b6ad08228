import { ArgumentsHost, Catch, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode } from '@caseflow/domain';

/** The one place where domain error codes become HTTP statuses. */
const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  TICKET_NOT_FOUND: HttpStatus.NOT_FOUND,
  TICKET_ALREADY_EXISTS: HttpStatus.CONFLICT,
  STORE_CONFLICT: HttpStatus.CONFLICT,
  COMMAND_REJECTED: HttpStatus.UNPROCESSABLE_ENTITY,
  CUSTOMER_NOT_FOUND: HttpStatus.NOT_FOUND,
  ACTOR_NOT_AUTHORIZED: HttpStatus.FORBIDDEN,
  RELATED_TICKET_NOT_FOUND: HttpStatus.UNPROCESSABLE_ENTITY,
  CUSTOMER_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
};

@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(domainErrorStatus(error)).json(domainErrorBody(error));
  }
}

export const domainErrorStatus = (error: DomainError): HttpStatus => STATUS_BY_CODE[error.code];

export const domainErrorBody = (error: DomainError): Record<string, unknown> => ({
  code: error.code,
  message: error.message,
  ...error.details,
});
