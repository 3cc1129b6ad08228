import 'reflect-metadata';
import { checkpointConfigFromEnv, isSingleProcessDatabase, persistenceConfigFromEnv } from '@caseflow/persistence';
import { authConfigFromEnv } from '@caseflow/identity';
import { temporalConfigFromEnv } from '@caseflow/temporal';
import { codecServerConfigFromEnv } from './codec';
import { DEFAULT_RATE_LIMIT } from './auth';
import { availabilityFromEnv } from './availability';
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
    auth: authConfigFromEnv(),
    rateLimit: rateLimitFromEnv(),
    worker: inProcessWorker ? {} : undefined,
    codecServer,
    idempotency: idempotencyFromEnv(),
    availability: availabilityFromEnv(),
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
}

/** CASEFLOW_RATE_LIMIT_PER_MINUTE: requests per caller a minute (default 600). */
function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const raw = env.CASEFLOW_RATE_LIMIT_PER_MINUTE;
  if (raw === undefined) return DEFAULT_RATE_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit <= 0)
    throw new Error(`CASEFLOW_RATE_LIMIT_PER_MINUTE must be a positive whole number, got "${raw}"`);
  return { limit, windowMs: 60_000 };
}

/** CASEFLOW_IDEMPOTENCY_LEASE_SECONDS: how soon a key left running by a dead process is taken over (default 15). */
function idempotencyFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const raw = env.CASEFLOW_IDEMPOTENCY_LEASE_SECONDS;
  if (raw === undefined) return {};
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`CASEFLOW_IDEMPOTENCY_LEASE_SECONDS must be a positive number, got "${raw}"`);
  return { leaseMs: seconds * 1000 };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
