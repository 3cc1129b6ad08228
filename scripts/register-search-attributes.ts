import { Connection } from '@temporalio/client';
import { registerSearchAttributes } from '@caseflow/temporal';
import { temporalConfigFromEnv } from '@caseflow/temporal';

async function main(): Promise<void> {
  const { address, namespace } = temporalConfigFromEnv();
  const connection = await Connection.connect({ address, connectTimeout: 10_000 });
  try {
    const added = await registerSearchAttributes(connection, namespace);
    console.log(added.length ? `search attributes added: ${added.join(', ')}` : 'search attributes already registered');
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
