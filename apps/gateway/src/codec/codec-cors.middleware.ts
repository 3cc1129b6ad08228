import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CODEC_SERVER_OPTIONS } from './codec.tokens';
import type { CodecServerOptions } from './codec-server.config';

/** What Temporal UI sends: its JSON body, the namespace, and a bearer token when told to pass one. */
const ALLOWED_HEADERS = 'content-type, x-namespace, authorization, authorization-extras';
const PREFLIGHT_CACHE_SECONDS = 600;

/**
 * CORS for the codec endpoints: exactly the configured Temporal UI origins, with credentials
 * (the UI's "include cross-origin credentials" sends the codec session cookie). A request from any
 * other browser origin is refused outright, preflight or not; requests without an Origin (the
 * Temporal CLI, curl) are not browser requests and go on to the access check.
 */
@Injectable()
export class CodecCorsMiddleware implements NestMiddleware {
  private readonly origins: ReadonlySet<string>;

  constructor(@Inject(CODEC_SERVER_OPTIONS) options: CodecServerOptions) {
    this.origins = new Set(options.uiOrigins);
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    if (origin === undefined) return next();
    response.vary('Origin');
    if (!this.origins.has(origin)) {
      response.status(403).json({
        code: 'ORIGIN_NOT_ALLOWED',
        message: `origin ${origin} may not call the codec server; allowed: ${[...this.origins].join(', ')}`,
      });
      return;
    }
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    if (request.method !== 'OPTIONS') return next();
    response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    response.setHeader('Access-Control-Max-Age', String(PREFLIGHT_CACHE_SECONDS));
    response.status(204).end();
  }
}
