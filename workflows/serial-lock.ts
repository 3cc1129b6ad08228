/**
 * Update handlers interleave while they await activities; this runs their transitions one at a
 * time, in arrival order (deterministic: it is only promise chaining).
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
