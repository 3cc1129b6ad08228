/** The stream KurrentEventStore.checkpoint() appends to (KurrentDB reserves `$` names). */
export const KURRENT_CHECKPOINT_STREAM = 'caseflow-store-checkpoints';

const NAMESPACE_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * Maps the port's stream ids to KurrentDB stream names and back. With a namespace, every stream of
 * the store is `<namespace>/<streamId>` on the server, so stores sharing a server (test runs) see
 * only their own streams in readAll, verify('all') and checkpoints. Without one, names map as is.
 */
export class StreamNames {
  private readonly prefix: string;

  constructor(
    namespace: string | undefined,
    /** Prefix of the streams holding subscription progress. */
    readonly subscriptionPrefix: string,
  ) {
    if (namespace !== undefined && !NAMESPACE_PATTERN.test(namespace)) {
      throw new Error(`KurrentDB namespace must match ${NAMESPACE_PATTERN}: "${namespace}"`);
    }
    this.prefix = namespace === undefined ? '' : `${namespace}/`;
  }

  toServer(streamId: string): string {
    return this.prefix + streamId;
  }

  fromServer(name: string): string {
    return name.startsWith(this.prefix) ? name.slice(this.prefix.length) : name;
  }

  /** Names callers may not append to: system streams and the store's own bookkeeping streams. */
  isReserved(streamId: string): boolean {
    return (
      streamId.startsWith('$') || streamId.startsWith(this.subscriptionPrefix) || streamId === KURRENT_CHECKPOINT_STREAM
    );
  }

  /** $all filter for readAll and subscriptions: the callers' streams only. */
  callerStreamsRegex(): string {
    return `^${escapeRegex(this.prefix)}(?!\\$|${escapeRegex(this.subscriptionPrefix)}|${escapeRegex(KURRENT_CHECKPOINT_STREAM)}$)`;
  }

  /** $all filter for verify and checkpoints: the callers' streams and the checkpoint stream (chained too). */
  auditedStreamsRegex(): string {
    return `^${escapeRegex(this.prefix)}(?!\\$|${escapeRegex(this.subscriptionPrefix)})`;
  }
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
