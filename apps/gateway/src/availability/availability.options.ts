export interface AvailabilityOptions {
  /** How long a call to Temporal (start, update, query) may take before the gateway answers 503; default 10 s. */
  temporalTimeoutMs?: number;
  /** The Retry-After of that 503, in seconds; default 30. */
  retryAfterSeconds?: number;
  /** `/health/ready` is 503 while the projection is more events than this behind the store's head; default 1,000. */
  readyMaxLag?: number;
}

export const DEFAULT_TEMPORAL_TIMEOUT_MS = 10_000;
export const DEFAULT_RETRY_AFTER_SECONDS = 30;
export const DEFAULT_READY_MAX_LAG = 1_000;
/** How long the gateway waits for Temporal's own answer when it asks whether the server is there. */
export const PROBE_TIMEOUT_MS = 2_000;

export const AVAILABILITY_OPTIONS = Symbol('AVAILABILITY_OPTIONS');

/** CASEFLOW_TEMPORAL_TIMEOUT_MS, CASEFLOW_RETRY_AFTER_SECONDS, CASEFLOW_READY_MAX_LAG (positive whole numbers). */
export function availabilityFromEnv(env: NodeJS.ProcessEnv = process.env): AvailabilityOptions {
  return {
    temporalTimeoutMs: positive(env, 'CASEFLOW_TEMPORAL_TIMEOUT_MS'),
    retryAfterSeconds: positive(env, 'CASEFLOW_RETRY_AFTER_SECONDS'),
    readyMaxLag: positive(env, 'CASEFLOW_READY_MAX_LAG'),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}
