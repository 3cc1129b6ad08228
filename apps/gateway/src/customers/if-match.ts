import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';

const VERSION_TAG = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * The customer version the caller last read, from `If-Match: "<version>"` (the ETag the customer's
 * routes answer with); absent or `*`: whatever is current. Anything else is a 400 naming the header.
 */
export function expectedVersionOf(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '*') return undefined;
  const match = VERSION_TAG.exec(value.trim());
  if (match) return Number(match[1]);
  throw new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: 'invalid request: If-Match',
    errors: [{ field: 'If-Match', rules: { version: 'If-Match must be the ETag of the customer, e.g. "3"' } }],
  });
}

export const ExpectedVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  expectedVersionOf(context.switchToHttp().getRequest<Request>().headers['if-match']),
);

/** The customer's version as an entity tag, for the next If-Match. */
export const setVersionTag = (response: Response, version: number): void => {
  response.setHeader('ETag', `"${version}"`);
};
