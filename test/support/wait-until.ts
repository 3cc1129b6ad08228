export interface WaitOptions {
  /** How long to keep asking, in real milliseconds. */
  timeoutMs: number;
  /** Pause between two asks. */
  intervalMs?: number;
  /** What was awaited, for the timeout's message; a function is called only on timeout (e.g. to show the last value). */
  what?: string | (() => string);
  /** Count a probe that throws as "not yet" (a server restarting refuses connections for a while); the last error is reported on timeout. */
  retryErrors?: boolean;
}

/**
 * Asks `probe` (in real time, never moving a test server's clock) until it answers something other
 * than `undefined` or `false`, and returns that answer; throws once `timeoutMs` has passed.
 */
export async function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs, intervalMs = 50, what = 'the condition', retryErrors = false }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const answer = await probe();
      if (answer !== undefined && answer !== false) return answer;
    } catch (error) {
      if (!retryErrors) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}${why}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Rejects after `timeoutMs` unless `promise` settles first. */
export async function within<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
