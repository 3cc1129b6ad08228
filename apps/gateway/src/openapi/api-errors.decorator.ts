import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody } from '../http/error-body';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 503;

/**
 * The error answers a route gives beyond those every route of its kind gives (see
 * `completeErrorResponses`: 401/403/429/503 for authenticated routes, 400/413 for a body, 404 for
 * a path parameter, 400/409/422 for an Idempotency-Key), each in the one error shape, with what it
 * means here: `@ApiErrors({ 404: 'No such customer (code CUSTOMER_NOT_FOUND).' })`.
 */
export const ApiErrors = (answers: Partial<Record<ErrorStatus, string>>): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...Object.entries(answers).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type: ErrorBody }),
    ),
  );
