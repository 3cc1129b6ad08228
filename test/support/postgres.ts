import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { postgresUrl } from './tools';

/** A fresh database on the real server, so suites never see each other's rows. */
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = postgresUrl();
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  await admin.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL at ${base} is unreachable (${error.message}): run bash scripts/setup.sh`);
  });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base, connectionTimeoutMillis: 5000 });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
