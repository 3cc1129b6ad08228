export interface IdempotencyOptions {
  /** How long a key and its answer are kept (at least 24). */
  retentionHours: number;
  /**
   * A running request holds its key for this long and renews it at a third of it; a key whose
   * lease ran out belonged to a process that died, and the next retry takes it over.
   */
  leaseMs: number;
}

export const DEFAULT_IDEMPOTENCY: IdempotencyOptions = { retentionHours: 24, leaseMs: 15_000 };
