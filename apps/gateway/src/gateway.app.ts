import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DirectoryModule } from '@caseflow/directory';
import {
  PersistenceModule,
  type AuditLogConfig,
  type CheckpointConfig,
  type DatabaseConfig,
} from '@caseflow/persistence';
import { TemporalClientModule, type TemporalConfig } from '@caseflow/temporal';
import { WorkerModule } from '@caseflow/worker';
import type { WorkerHostOptions } from '@caseflow/worker';
import { CodecServerModule, uiOriginsForPort, DEFAULT_TEMPORAL_UI_PORT, type CodecServerOptions } from './codec';
import { CustomersModule } from './customers/customers.module';
import { HealthController } from './health/health.controller';
import { DomainErrorFilter } from './http/domain-error.filter';
import { validationPipe } from './http/validation';
import { TicketsModule } from './tickets/tickets.module';

export interface GatewayOptions {
  database: DatabaseConfig;
  auditLog?: AuditLogConfig;
  checkpoints?: CheckpointConfig;
  temporal: TemporalConfig;
  /** Run the Temporal worker in this process too (required with the embedded single-connection store). */
  worker?: Omit<WorkerHostOptions, 'temporal'>;
  /** The codec server for Temporal UI at /codec; by default for the UI on port 8233, and nobody let in. */
  codecServer?: CodecServerOptions;
  logger?: false;
}

export const OPENAPI_PATH = 'docs';

export async function createGatewayApp(options: GatewayOptions): Promise<INestApplication> {
  const imports: Array<DynamicModule | Type> = [
    PersistenceModule.register(options.database, options.auditLog, options.checkpoints),
    TemporalClientModule.register(options.temporal),
    DirectoryModule,
    CustomersModule,
    TicketsModule,
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

  const app = await NestFactory.create(GatewayAppModule, options.logger === false ? { logger: false } : {});
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Caseflow gateway')
    .setDescription('Support cases as durable Temporal workflows, every step an audited event.')
    .setVersion('1')
    .build();
  SwaggerModule.setup(OPENAPI_PATH, app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
