import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { DEFAULT_IDEMPOTENCY, type IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency.store';
import { IDEMPOTENCY_OPTIONS } from './idempotency.tokens';

/** Idempotency-Key for every POST (a global interceptor); needs PersistenceModule beside it. */
@Module({})
export class IdempotencyModule {
  static register(options: Partial<IdempotencyOptions> = {}): DynamicModule {
    const resolved = { ...DEFAULT_IDEMPOTENCY, ...options };
    if (resolved.retentionHours < 24) throw new Error('idempotency keys are kept at least 24 hours');
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: resolved },
        IdempotencyStore,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
