export interface WaitOptions {
  /** How long to keep asking, in real milliseconds. */
  timeoutMs: number;
  /** Pause between two asks. */
  intervalMs?: number;
  /** What was awaited, for the timeout's message; a function is called only on timeout (e.g. to show the last value). */
  what?: string | (() => string);
}

/**
 * Asks `probe` (in real time, never moving a test server's clock) until it answers something other
 * than `undefined` or `false`, and returns that answer; throws once `timeoutMs` has passed.
 */
export async function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs, intervalMs = 50, what = 'the condition' }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== undefined && answer !== false) return answer;
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
