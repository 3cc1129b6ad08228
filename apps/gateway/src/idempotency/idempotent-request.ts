import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** What a handler running under an Idempotency-Key uses to make its side effects happen once. */
export interface IdempotentRequest {
  /** The Temporal update id of this key (the same on every retry). */
  readonly operationId: string;
  /** A retry of a request whose process died before it answered. */
  readonly resumed: boolean;
  /** The resource the key stands for (a ticket number): the one recorded by an earlier attempt, else `allocate()`'s. */
  resource(allocate: () => Promise<string>): Promise<string>;
  /**
   * Keep `answer` in place of the response: the answer as the workflow gave it, personal values
   * still references sealed under `subject`, opened again on replay (`[erased]` once erased), so the
   * idempotency table never holds a person's data in clear.
   */
  keepSealed(answer: unknown, subject: string): void;
}

/** How a sealed answer is kept in the idempotency table. */
export interface SealedAnswer {
  sealedUnder: string;
  answer: unknown;
}

export const isSealedAnswer = (body: unknown): body is SealedAnswer =>
  typeof body === 'object' && body !== null && typeof (body as SealedAnswer).sealedUnder === 'string';

export interface IdempotentHttpRequest extends Request {
  idempotency?: IdempotentRequest;
}

/** `@Idempotency() idempotency?: IdempotentRequest`: undefined when the request has no Idempotency-Key. */
export const Idempotency = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotentRequest | undefined =>
    context.switchToHttp().getRequest<IdempotentHttpRequest>().idempotency,
);
