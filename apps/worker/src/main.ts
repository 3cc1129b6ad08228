import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DirectoryModule } from '../../../libs/directory/src';
import { checkpointConfigFromEnv, isSingleProcessDatabase, PersistenceModule, persistenceConfigFromEnv } from '../../../libs/persistence/src';
import { temporalConfigFromEnv } from '../../../libs/temporal/src/temporal.config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const { database, auditLog } = persistenceConfigFromEnv();
  const checkpoints = checkpointConfigFromEnv();
  if (isSingleProcessDatabase(database)) {
    throw new Error('the embedded store (pglite) runs worker and gateway in one process: start the gateway, or set CASEFLOW_STORE=postgres');
  }
  @Module({ imports: [PersistenceModule.register(database, auditLog, checkpoints), DirectoryModule, WorkerModule.register({ temporal: temporalConfigFromEnv(), checkpointEveryMs: checkpoints.everyMs })] })
  class WorkerAppModule {}
  const app = await NestFactory.createApplicationContext(WorkerAppModule);
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
