import type { NextFunction, Request, Response } from 'express';

/**
 * Errors of the JSON body parser, in the one error shape: 413 PAYLOAD_TOO_LARGE past the body
 * limit, 400 MALFORMED_JSON for a body that does not parse. Anything else goes on to Nest.
 */
export function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    const limit = (error as { limit?: number }).limit;
    res
      .status(413)
      .json({ code: 'PAYLOAD_TOO_LARGE', message: `the request body is larger than ${limit} bytes`, limit });
    return;
  }
  if (type === 'entity.parse.failed') {
    res.status(400).json({ code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' });
    return;
  }
  next(error);
}
