import { Module, type DynamicModule, type INestApplication, type LoggerService, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AuthConfig } from '@caseflow/identity';
import { SwaggerModule } from '@nestjs/swagger';
import { DirectoryModule } from '@caseflow/directory';
import {
  PersistenceModule,
  type AuditLogConfig,
  type CheckpointConfig,
  type DatabaseConfig,
} from '@caseflow/persistence';
import { ProjectionsModule, type ProjectionsOptions } from '@caseflow/projections';
import { TemporalClientModule, type TemporalConfig } from '@caseflow/temporal';
import { WorkerModule } from '@caseflow/worker';
import type { WorkerHostOptions } from '@caseflow/worker';
import { CodecServerModule, uiOriginsForPort, DEFAULT_TEMPORAL_UI_PORT, type CodecServerOptions } from './codec';
import { AuthModule, type RateLimit } from './auth';
import { AvailabilityModule, ServiceUnavailableFilter, type AvailabilityOptions } from './availability';
import { CustomersModule } from './customers/customers.module';
import { HealthController } from './health/health.controller';
import { bodyErrorHandler } from './http/body-errors';
import { DomainErrorFilter } from './http/domain-error.filter';
import { HttpErrorFilter } from './http/http-error.filter';
import { methodNotAllowed } from './http/method-not-allowed';
import { validationPipe } from './http/validation';
import { IdempotencyModule, type IdempotencyOptions } from './idempotency';
import { declaredRoutes } from './openapi/declared-routes';
import { createOpenApiDocument } from './openapi/openapi-document';
import { ReadsModule } from './reads/reads.module';
import { TicketsModule } from './tickets/tickets.module';

export interface GatewayOptions {
  database: DatabaseConfig;
  auditLog?: AuditLogConfig;
  checkpoints?: CheckpointConfig;
  temporal: TemporalConfig;
  /** How bearer tokens are verified (the embedded HS256 default, or an issuer's JWKS). */
  auth: AuthConfig;
  /** Requests per caller per window (default 600 a minute). */
  rateLimit?: RateLimit;
  /** Run the Temporal worker in this process too (required with the embedded single-connection store). */
  worker?: Omit<WorkerHostOptions, 'temporal'>;
  /** The codec server for Temporal UI at /codec; by default for the UI on port 8233, and nobody let in. */
  codecServer?: CodecServerOptions;
  /** The projector runs in this process unless `runProjector: false` (then the tables are read only). */
  projections?: ProjectionsOptions;
  /** How long calls to Temporal may take before commands answer 503 (TEMPORAL_UNAVAILABLE, WORKER_UNAVAILABLE). */
  availability?: AvailabilityOptions;
  /** false: silent; a LoggerService: every log line goes there (tests read the access log so). */
  logger?: false | LoggerService;
  /** Idempotency-Key retention and lease (default: 24 hours, 15 s). */
  idempotency?: Partial<IdempotencyOptions>;
}

export const OPENAPI_PATH = 'docs';
/** Largest JSON body accepted (a ticket's description is at most 20,000 characters). */
export const BODY_LIMIT = '256kb';

/** The gateway's root module: every feature module, and the worker when it runs in this process. */
export function gatewayModule(options: GatewayOptions): Type {
  const imports: Array<DynamicModule | Type> = [
    PersistenceModule.register(options.database, options.auditLog, options.checkpoints),
    TemporalClientModule.register(options.temporal),
    AvailabilityModule.register(options.availability),
    DirectoryModule,
    // The read side's tables, kept from the ticket streams by the projector this process runs.
    ProjectionsModule.register(options.projections),
    AuthModule.register(options.auth, options.rateLimit),
    IdempotencyModule.register(options.idempotency),
    CustomersModule,
    TicketsModule,
    ReadsModule,
    CodecServerModule.register(options.codecServer ?? { uiOrigins: uiOriginsForPort(DEFAULT_TEMPORAL_UI_PORT) }),
  ];
  if (options.worker)
    imports.push(
      WorkerModule.register({
        checkpointEveryMs: options.checkpoints?.everyMs,
        ...options.worker,
        temporal: options.temporal,
      }),
    );

  @Module({ imports, controllers: [HealthController] })
  class GatewayAppModule {}
  return GatewayAppModule;
}

export async function createGatewayApp(options: GatewayOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(gatewayModule(options), {
    bodyParser: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", 'https:', "'unsafe-inline'"] },
      },
    }),
  );
  app.use(methodNotAllowed(() => [...declaredRoutes(app), ...openApiRoutes()]));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // The codec server's sign-in page posts a form (Temporal UI over http sends cookies, not tokens).
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.use(bodyErrorHandler);
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new HttpErrorFilter(), new DomainErrorFilter(), new ServiceUnavailableFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup(OPENAPI_PATH, app, () => createOpenApiDocument(app));
  return app;
}

/** The document's own routes (served by the Swagger module, not by a controller). */
const openApiRoutes = () =>
  ['', '-json', '-yaml'].map((suffix) => ({ method: 'GET', path: `/${OPENAPI_PATH}${suffix}` }));
