import 'reflect-metadata';
import { checkpointConfigFromEnv, isSingleProcessDatabase, persistenceConfigFromEnv } from '@caseflow/persistence';
import { temporalConfigFromEnv } from '@caseflow/temporal';
import { createGatewayApp, OPENAPI_PATH } from './gateway.app';

async function main(): Promise<void> {
  const { database, auditLog } = persistenceConfigFromEnv();
  const inProcessWorker = isSingleProcessDatabase(database) || process.env.CASEFLOW_WORKER_IN_GATEWAY === 'true';
  const app = await createGatewayApp({
    database,
    auditLog,
    checkpoints: checkpointConfigFromEnv(),
    temporal: temporalConfigFromEnv(),
    worker: inProcessWorker ? {} : undefined,
  });
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  const base = `http://localhost:${port}`;
  console.log(
    `Caseflow gateway: ${base}/v1/tickets  OpenAPI: ${base}/${OPENAPI_PATH}${inProcessWorker ? '  (worker in process)' : ''}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
