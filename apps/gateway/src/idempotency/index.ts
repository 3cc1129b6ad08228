export { IdempotencyModule } from './idempotency.module';
export { Idempotency, type IdempotentRequest } from './idempotent-request';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN } from './idempotency-key';
export { DEFAULT_IDEMPOTENCY, type IdempotencyOptions } from './idempotency.options';
export { REPLAYED_HEADER } from './idempotency.interceptor';
