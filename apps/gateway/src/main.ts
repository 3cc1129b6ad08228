import 'reflect-metadata';
import { checkpointConfigFromEnv, isSingleProcessDatabase, persistenceConfigFromEnv } from '@caseflow/persistence';
import { temporalConfigFromEnv } from '@caseflow/temporal';
import { codecServerConfigFromEnv } from './codec';
import { createGatewayApp, OPENAPI_PATH } from './gateway.app';

async function main(): Promise<void> {
  const { database, auditLog } = persistenceConfigFromEnv();
  const temporal = temporalConfigFromEnv();
  const codecServer = codecServerConfigFromEnv();
  const inProcessWorker = isSingleProcessDatabase(database) || process.env.CASEFLOW_WORKER_IN_GATEWAY === 'true';
  const app = await createGatewayApp({
    database,
    auditLog,
    checkpoints: checkpointConfigFromEnv(),
    temporal,
    worker: inProcessWorker ? {} : undefined,
    codecServer,
  });
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  const base = `http://localhost:${port}`;
  console.log(
    `Caseflow gateway: ${base}/v1/tickets  OpenAPI: ${base}/${OPENAPI_PATH}${inProcessWorker ? '  (worker in process)' : ''}`,
  );
  console.log(
    `Payload codec: new payloads sealed under ${temporal.codec.keys.current.id} (keys: ${temporal.codec.keys.source}); ` +
      `codec server ${base}/codec for ${codecServer.uiOrigins.join(', ')}`,
  );
  if (!codecServer.access) console.warn('Codec server: no token verifier is wired yet, so every request is refused.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
