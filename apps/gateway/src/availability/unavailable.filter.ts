import { ArgumentsHost, Catch, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ServiceUnavailable } from './unavailable';

/** 503 with the error shape and Retry-After, like the rate limit's 429. */
@Catch(ServiceUnavailable)
export class ServiceUnavailableFilter implements ExceptionFilter {
  catch(error: ServiceUnavailable, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .setHeader('Retry-After', String(error.retryAfterSeconds))
      .json({ code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds });
  }
}
