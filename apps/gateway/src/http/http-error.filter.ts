import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { CODE_BY_STATUS } from './error-body';

/**
 * Every HttpException in the one error shape: ours already carry `code` and pass through as they
 * are; Nest's own (an unknown path's 404, a bad Accept's 406) get a code for their status.
 */
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  catch(error: HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const status = error.getStatus();
    response.status(status).json(errorBodyOf(error));
  }
}

export function errorBodyOf(error: HttpException): Record<string, unknown> {
  const body = error.getResponse();
  if (typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string')
    return body as Record<string, unknown>;
  const status = error.getStatus();
  const message = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
  return { code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message };
}
