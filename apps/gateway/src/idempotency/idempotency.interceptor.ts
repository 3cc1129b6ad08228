import {
  BadRequestException,
  ConflictException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DomainError } from '@caseflow/domain';
import { PERSONAL_REFERENCES, type PersonalReferences } from '@caseflow/persistence';
import type { AuthenticatedRequest } from '../auth/request';
import { domainErrorBody, domainErrorStatus } from '../http/domain-error.filter';
import { errorBodyOf } from '../http/http-error.filter';
import {
  callerScope,
  fingerprintOf,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  operationIdOf,
} from './idempotency-key';
import { IdempotencyStore, type KeyId, type KeyRecord } from './idempotency.store';
import { isSealedAnswer, type IdempotentHttpRequest, type SealedAnswer } from './idempotent-request';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Every authenticated POST with an Idempotency-Key: the key is claimed before the handler runs
 * (so before any Temporal call) and the answer kept after it; the same key with the same body
 * answers that answer again without running anything, with another body 422, while the first is
 * still running 409. Runs after the access guard (the caller is known) and before validation (the
 * body is compared as sent), so a refused body is an answer like any other.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly log = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    @Inject(PERSONAL_REFERENCES) private readonly references: Pick<PersonalReferences, 'open'>,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest & IdempotentHttpRequest>();
    const key = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (req.method !== 'POST' || key === undefined || !req.caller) return next.handle();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) throw malformedKey();
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const id: KeyId = { caller: callerScope(req.caller), scope: `POST ${path}`, key };
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return from(this.run(id, req, status, context.switchToHttp().getResponse<Response>(), next));
  }

  private async run(
    id: KeyId,
    req: IdempotentHttpRequest,
    successStatus: number,
    res: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const begun = await this.store.begin(id, fingerprintOf(req.body), operationIdOf(id.caller, id.scope, id.key));
    switch (begun.kind) {
      case 'mismatch':
        throw keyReused();
      case 'inFlight':
        res.setHeader('Retry-After', String(Math.ceil(this.store.options.leaseMs / 1000)));
        throw keyInFlight();
      case 'replay':
        res.setHeader(REPLAYED_HEADER, 'true');
        if (begun.status === successStatus) return this.opened(begun.body);
        throw new HttpException(begun.body as Record<string, unknown>, begun.status);
      case 'run': {
        let sealed: SealedAnswer | undefined;
        req.idempotency = {
          operationId: begun.record.operationId,
          resumed: begun.resumed,
          resource: (allocate) =>
            begun.record.resource ? Promise.resolve(begun.record.resource) : this.store.resource(id, allocate),
          keepSealed: (answer, subject) => void (sealed = { sealedUnder: subject, answer }),
        };
        return this.handle(begun.record, successStatus, next, () => sealed);
      }
    }
  }

  private opened(body: unknown): Promise<unknown> {
    return isSealedAnswer(body)
      ? this.references.open(body.answer, { subject: body.sealedUnder })
      : Promise.resolve(body);
  }

  private async handle(
    record: KeyRecord,
    successStatus: number,
    next: CallHandler,
    sealed: () => SealedAnswer | undefined,
  ): Promise<unknown> {
    const renewal = setInterval(
      () => void this.store.renew(record).catch((e: Error) => this.log.warn(`lease renewal: ${e.message}`)),
      this.store.options.leaseMs / 3,
    );
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.keep(record, successStatus, sealed() ?? body);
      return body;
    } catch (error) {
      const answer = answerOf(error);
      if (answer && answer.status < 500) await this.keep(record, answer.status, answer.body);
      else await this.store.release(record).catch((e: Error) => this.log.warn(`release: ${e.message}`));
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }

  /** The answer is given even when it cannot be kept: the key stays claimed and a retry re-drives the same ids. */
  private async keep(record: KeyRecord, status: number, body: unknown): Promise<void> {
    await this.store
      .complete(record, status, body)
      .catch((e: Error) => this.log.warn(`the answer under a key was not kept: ${e.message}`));
  }
}

function answerOf(error: unknown): { status: number; body: unknown } | undefined {
  if (error instanceof DomainError) return { status: domainErrorStatus(error), body: domainErrorBody(error) };
  if (error instanceof HttpException) return { status: error.getStatus(), body: errorBodyOf(error) };
  return undefined;
}

const malformedKey = (): BadRequestException =>
  new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: `invalid request: ${IDEMPOTENCY_KEY_HEADER}`,
    errors: [{ field: IDEMPOTENCY_KEY_HEADER, rules: { pattern: 'must be 1–255 visible ASCII characters' } }],
  });

const keyReused = (): UnprocessableEntityException =>
  new UnprocessableEntityException({
    code: 'IDEMPOTENCY_KEY_REUSED',
    message: `this ${IDEMPOTENCY_KEY_HEADER} was used with another body; use a new key for a new request`,
    field: IDEMPOTENCY_KEY_HEADER,
  });

const keyInFlight = (): ConflictException =>
  new ConflictException({
    code: 'IDEMPOTENCY_KEY_IN_FLIGHT',
    message: `a request with this ${IDEMPOTENCY_KEY_HEADER} is still running; retry later`,
    field: IDEMPOTENCY_KEY_HEADER,
  });
