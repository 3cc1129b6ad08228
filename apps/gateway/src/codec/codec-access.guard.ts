import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { CODEC_ROLES, type CodecAccess, type CodecAccessDecision } from './codec-access';
import { CODEC_ACCESS } from './codec.tokens';
import { authorizationOf } from './codec-session';

export function accessError(decision: Exclude<CodecAccessDecision, 'allowed'>, response: Response): Error {
  if (decision === 'forbidden')
    return new ForbiddenException({
      code: 'FORBIDDEN',
      message: `decoded payloads are for ${CODEC_ROLES.join(', ')} only`,
    });
  response.setHeader('WWW-Authenticate', 'Bearer realm="caseflow-codec"');
  return new UnauthorizedException({
    code: 'UNAUTHENTICATED',
    message: 'a valid bearer token (Authorization header or codec session cookie) is required',
  });
}

/** Lets a request through only when CODEC_ACCESS allows its token; fails closed if the check throws. */
@Injectable()
export class CodecAccessGuard implements CanActivate {
  private readonly logger = new Logger('codec');

  constructor(@Inject(CODEC_ACCESS) private readonly access: CodecAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const decision = await this.decide(authorizationOf(http.getRequest<Request>()));
    if (decision === 'allowed') return true;
    throw accessError(decision, http.getResponse<Response>());
  }

  async decide(authorization: string | undefined): Promise<CodecAccessDecision> {
    try {
      return await this.access(authorization);
    } catch (error) {
      // Only the error's kind: a verifier's message might quote the token.
      this.logger.warn(`codec access check failed (${(error as Error).name}): refused`);
      return 'unauthenticated';
    }
  }
}
