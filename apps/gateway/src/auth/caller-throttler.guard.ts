import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { DenialLog } from './denial-log';
import type { AuthenticatedRequest } from './request';

/**
 * Per-caller rate limit over all routes: an authenticated caller by role and id (and the service
 * behind it), anyone else by address. 429 with the error shape; Retry-After is set by the base guard.
 * Not a global guard itself: the access guard runs it after authentication.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  private readonly denials = new DenialLog();

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const { caller, ip } = req as unknown as AuthenticatedRequest;
    return caller ? `caller:${caller.role}:${caller.id}:${caller.service?.id ?? ''}` : `ip:${ip ?? 'unknown'}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return createHash('sha256').update(`${name}:${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    this.denials.record({
      status: 429,
      reason: 'rate limit',
      caller: req.caller,
      route: `${req.method} ${req.route?.path ?? req.path}`,
      ip: req.ip,
    });
    throw new HttpException(
      {
        code: 'RATE_LIMITED',
        message: `too many requests: at most ${detail.limit} per ${detail.ttl / 1000} s; retry after ${detail.timeToBlockExpire} s`,
        retryAfterSeconds: detail.timeToBlockExpire,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
