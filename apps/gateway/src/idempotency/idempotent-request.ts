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
}

export interface IdempotentHttpRequest extends Request {
  idempotency?: IdempotentRequest;
}

/** `@Idempotency() idempotency?: IdempotentRequest`: undefined when the request has no Idempotency-Key. */
export const Idempotency = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotentRequest | undefined =>
    context.switchToHttp().getRequest<IdempotentHttpRequest>().idempotency,
);
