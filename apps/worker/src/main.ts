import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DirectoryModule } from '@caseflow/directory';
import {
  checkpointConfigFromEnv,
  isSingleProcessDatabase,
  PersistenceModule,
  persistenceConfigFromEnv,
} from '@caseflow/persistence';
import { temporalConfigFromEnv } from '@caseflow/temporal';
import { WorkerModule } from '@caseflow/worker';

async function main(): Promise<void> {
  const { database, auditLog } = persistenceConfigFromEnv();
  const checkpoints = checkpointConfigFromEnv();
  if (isSingleProcessDatabase(database)) {
    throw new Error(
      'the embedded store (pglite) runs worker and gateway in one process: start the gateway, or set CASEFLOW_STORE=postgres',
    );
  }
  @Module({
    imports: [
      PersistenceModule.register(database, auditLog, checkpoints),
      DirectoryModule,
      WorkerModule.register({ temporal: temporalConfigFromEnv(), checkpointEveryMs: checkpoints.everyMs }),
    ],
  })
  class WorkerAppModule {}
  const app = await NestFactory.createApplicationContext(WorkerAppModule);
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
