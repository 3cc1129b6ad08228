import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Database } from '@caseflow/event-store';
import { ApiKeys, TokenVerifier, type AuthConfig } from '@caseflow/identity';
import { DATABASE } from '@caseflow/persistence';
import { AccessGuard } from './access.guard';
import { API_KEYS, TOKEN_VERIFIER } from './auth.tokens';
import { Authenticator } from './authenticator';
import { CallerThrottlerGuard } from './caller-throttler.guard';
import { DenialLog } from './denial-log';
import { TicketAccess } from './ticket-access.service';

export interface RateLimit {
  /** Requests per caller in each window. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 600, windowMs: 60_000 };

/**
 * Authentication, rate limits and authorization for every route (AccessGuard is the app's only
 * guard). Exports TicketAccess for controllers that need a ticket's owner; needs PersistenceModule
 * and DirectoryModule beside it.
 */
@Module({})
export class AuthModule {
  static register(config: AuthConfig, rateLimit: RateLimit = DEFAULT_RATE_LIMIT): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [ThrottlerModule.forRoot({ throttlers: [{ ttl: rateLimit.windowMs, limit: rateLimit.limit }] })],
      providers: [
        { provide: TOKEN_VERIFIER, useFactory: (): TokenVerifier => TokenVerifier.fromConfig(config) },
        { provide: API_KEYS, inject: [DATABASE], useFactory: (db: Database): Promise<ApiKeys> => ApiKeys.open(db) },
        Authenticator,
        CallerThrottlerGuard,
        DenialLog,
        TicketAccess,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TicketAccess, DenialLog, Authenticator],
    };
  }
}
