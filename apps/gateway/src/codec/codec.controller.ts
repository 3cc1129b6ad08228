import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExcludeController,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { JsonPayload } from '@caseflow/codec';
import { CodecAccessGuard, accessError } from './codec-access.guard';
import { parseCodecRequest } from './codec-request';
import { CODEC_SERVER_OPTIONS } from './codec.tokens';
import type { CodecServerOptions } from './codec-server.config';
import { clearSessionCookie, isWellFormedToken, isSameOrigin, setSessionCookie } from './codec-session';
import { SESSION_PAGE_CSP, signInPage, signedInPage, signedOutPage } from './codec-session.page';
import { PayloadDecoder } from './payload-decoder.service';
import { Public } from '../auth';

/**
 * Temporal's codec server protocol for Temporal UI and the CLI (`--codec-endpoint <gateway>/codec`):
 * decode only. There is no /encode: Caseflow's commands go through the gateway, and a workflow
 * refuses payloads the codec did not seal, so the UI cannot start or signal ticket workflows.
 */
@ApiTags('codec')
// Temporal's protocol for Temporal UI (docs/codec.md), not Caseflow's API: not in the OpenAPI document.
@ApiExcludeController()
// The gateway's access guard lets it through; CodecAccessGuard decides (cookie or bearer, codec roles only).
@Public()
@Controller('codec')
export class CodecController {
  constructor(
    private readonly decoder: PayloadDecoder,
    private readonly guard: CodecAccessGuard,
    @Inject(CODEC_SERVER_OPTIONS) private readonly options: CodecServerOptions,
  ) {}

  @Post('decode')
  @HttpCode(200)
  @UseGuards(CodecAccessGuard)
  @ApiOkResponse({
    description:
      'The payloads decoded, in order, personal references opened ("[erased]" for an erased person); one that cannot be opened reads "[undecodable: …]".',
  })
  @ApiBadRequestResponse({ description: 'Not a codec request (code VALIDATION_FAILED, with the failing fields).' })
  @ApiUnauthorizedResponse({ description: 'No valid token (code UNAUTHENTICATED).' })
  @ApiForbiddenResponse({ description: 'Not a supervisor, manager or auditor (code FORBIDDEN), or another origin.' })
  async decode(@Body() body: unknown): Promise<{ payloads: JsonPayload[] }> {
    return { payloads: await this.decoder.decode(parseCodecRequest(body)) };
  }

  @Get('session')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', SESSION_PAGE_CSP)
  sessionPage(): string {
    return signInPage(this.options.uiOrigins);
  }

  /** Signs this browser in (form field `token`, or an Authorization header): sets the codec session cookie. */
  @Post('session')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', SESSION_PAGE_CSP)
  async signIn(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Body() body: unknown,
  ): Promise<string> {
    if (!isSameOrigin(request)) throw accessError('forbidden', response);
    const field = (body as { token?: unknown } | undefined)?.token;
    const token = typeof field === 'string' ? field.trim() : request.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (!isWellFormedToken(token)) throw accessError('unauthenticated', response);
    const decision = await this.guard.decide(`Bearer ${token}`);
    if (decision !== 'allowed') throw accessError(decision, response);
    return signedInPage(setSessionCookie(request, response, token), this.options.uiOrigins);
  }

  @Post('session/end')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', SESSION_PAGE_CSP)
  signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): string {
    clearSessionCookie(request, response);
    return signedOutPage();
  }
}
