import { testCodecConfig } from './codec-keys';
import { waitUntil } from './wait-until';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { createGatewayApp, type GatewayOptions } from '@caseflow/gateway';
import { SubjectKeys, createEventStore, openDatabase, type Database, type EventStore } from '@caseflow/event-store';
import {
  contactSubject,
  issueEmbeddedToken,
  loadOrCreateSecret,
  type AuthConfig,
  type CaseflowClaims,
} from '@caseflow/identity';
import { withCaseflowPersonalData } from '@caseflow/persistence';
import { TemporalWorkerHost } from '@caseflow/worker';
import { createScratchDatabase } from './postgres';

export interface HarnessOptions {
  /**
   * Where this suite's ticket numbers start. Every e2e suite shares one Temporal dev server, and
   * each suite's scratch database would number from 1: ticket workflow ids would collide. Give
   * each suite its own block (tickets 0, others 100000, 200000, …).
   */
  numbersFrom: number;
  /** Default: the embedded issuer with a secret in a fresh temporary data folder. */
  auth?: AuthConfig;
  rateLimit?: GatewayOptions['rateLimit'];
  checkpoints?: GatewayOptions['checkpoints'];
  logger?: LoggerService;
  /** The codec server's options (its UI origins); access is the gateway's own authenticator. */
  codecServer?: GatewayOptions['codecServer'];
  /** Run the Temporal worker in the gateway (default true; suites that open no ticket skip it). */
  worker?: boolean;
  idempotency?: GatewayOptions['idempotency'];
  /** Bounds of the gateway's calls to Temporal (suites that stop the worker shorten them). */
  availability?: GatewayOptions['availability'];
  /** The projector's options (`runProjector: false`: the gateway only reads the tables). */
  projections?: GatewayOptions['projections'];
  /** Another Temporal address than the e2e dev server (a port nobody listens on: Temporal is down). */
  temporalAddress?: string;
  /** Another suite gateway's database (Harness.databaseUrl): both serve the same tickets; the owner drops it. */
  databaseUrl?: string;
  /** The Temporal task queue (default a fresh one); two gateways of a suite share one so. */
  taskQueue?: string;
}

export interface Harness {
  baseUrl: string;
  app: INestApplication;
  /** Read side of the suite's database: the audit store (personal data opened) and raw SQL. */
  store: EventStore;
  db: Database;
  /** The scratch database's URL (another gateway of the suite may share it; tools run as processes). */
  databaseUrl: string;
  /** The embedded issuer's secret file (also what `caseflow token` reads with CASEFLOW_AUTH_SECRET_FILE). */
  secretFile: string;
  token(claims: CaseflowClaims, lifetimeSeconds?: number): Promise<string>;
  /** A customer contact's token as `caseflow token --role customer` makes it. */
  customerToken(customerId: string, email: string): Promise<string>;
  request(
    method: string,
    url: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Stops the gateway's in-process worker: Temporal stays up, nobody takes the tickets' tasks. */
  stopWorker(): Promise<void>;
  /** Polls until the probe gives a value (100 ms apart, 10 s at most). */
  eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T>;
  close(): Promise<void>;
}

const EMBEDDED = { issuer: 'caseflow', audience: 'caseflow', clockSkewSeconds: 30 };

/** The gateway over real HTTP with a worker in process, on the e2e Temporal dev server and a scratch PostgreSQL database. */
export async function startGateway(options: HarnessOptions): Promise<Harness> {
  const temporalAddress = options.temporalAddress ?? process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS;
  if (!temporalAddress) throw new Error('the e2e global setup did not start the Temporal dev server');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-e2e-data-'));
  const secretFile = path.join(dataDir, 'auth-hs256.secret');
  const auth: AuthConfig = options.auth ?? { kind: 'embedded', secretFile, ...EMBEDDED };
  const scratch = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createScratchDatabase('cf_e2e');
  const app = await createGatewayApp({
    database: { kind: 'postgres', connectionString: scratch.url },
    temporal: {
      address: temporalAddress,
      namespace: 'default',
      taskQueue: options.taskQueue ?? `e2e-${randomUUID()}`,
      codec: testCodecConfig(),
    },
    worker: options.worker === false ? undefined : {},
    checkpoints: options.checkpoints ?? { sink: path.join(dataDir, 'checkpoints.jsonl'), everyMs: 3_600_000 },
    auth,
    rateLimit: options.rateLimit,
    codecServer: options.codecServer,
    availability: options.availability,
    projections: options.projections,
    logger: options.logger ?? false,
    idempotency: options.idempotency,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
  if (!options.databaseUrl)
    await db.query(
      `INSERT INTO ticket_number_counters (year, last_value) VALUES ($1, $2)
     ON CONFLICT (year) DO UPDATE SET last_value = EXCLUDED.last_value`,
      [new Date().getUTCFullYear(), options.numbersFrom],
    );
  const store = withCaseflowPersonalData(await createEventStore(db), await SubjectKeys.open(db));
  const secret = (): Uint8Array => loadOrCreateSecret(secretFile);
  const token = (claims: CaseflowClaims, lifetimeSeconds = 3_600) =>
    issueEmbeddedToken(secret(), claims, { ...EMBEDDED, expiresInSeconds: lifetimeSeconds });
  return {
    baseUrl,
    app,
    store,
    db,
    databaseUrl: scratch.url,
    secretFile,
    token,
    customerToken: (customer, email) =>
      token({ sub: contactSubject(secret(), customer, email), role: 'customer', customer, email }),
    request: (method, url, { token: bearer, body, headers = {} } = {}) =>
      fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    stopWorker: () => app.get(TemporalWorkerHost, { strict: false }).stop(),
    eventually: (probe, what) => waitUntil(probe, { timeoutMs: 10_000, intervalMs: 100, what }),
    close: async () => {
      await app.close();
      await db.close();
      await scratch.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Captures every log line of the app (the access log among them). */
export class CapturingLogger implements LoggerService {
  /** Each line as the app logged it: the message, then its context and other arguments. */
  readonly lines: string[] = [];
  private readonly messages: string[] = [];
  log(message: unknown, ...rest: unknown[]): void {
    this.messages.push(String(message));
    this.lines.push(
      [message, ...rest].map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '),
    );
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
  /** The access log's denial lines, parsed. */
  denials(): Array<{ event: string; status: number; reason: string; caller: string; route: string; ip?: string }> {
    return this.messages.filter((message) => message.startsWith('{"event":"access.denied"')).map((m) => JSON.parse(m));
  }
}
