import { PersonalDataStore, type EventStore, type Subscription } from '@caseflow/event-store';
import { TICKET_EVENT_TYPES, type TicketProjector } from './ticket-projector';

/** The store as stored: personal fields sealed (the projection keeps them sealed and opens them on read). */
export const sealedStoreOf = (store: EventStore): EventStore =>
  store instanceof PersonalDataStore ? store.sealed : store;

export interface ProjectorRunnerOptions {
  /** Events per round; default 1,000. */
  batchSize?: number;
  /** Poll interval once caught up, ms; default 100. */
  pollIntervalMs?: number;
  /** First wait before a failed subscription starts again, ms (doubles up to 30 s); default 1,000. */
  retryMs?: number;
  /** Told about every failure (the subscription restarts from the stored checkpoint after it). */
  onError?: (error: unknown) => void;
}

/**
 * Keeps the projection following the store: a subscription from the stored checkpoint whose rounds
 * are applied as batches; when it fails (database away, a rebuild running), it starts again from
 * the checkpoint after a growing pause.
 */
export class ProjectorRunner {
  private subscription?: Subscription;
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly projector: TicketProjector,
    private readonly store: EventStore,
    private readonly options: ProjectorRunnerOptions = {},
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Resolves once the projection has applied everything committed before the call. */
  async caughtUp(): Promise<void> {
    for (;;) {
      const subscription = this.subscription;
      if (subscription) {
        // A subscription that ends meanwhile never answers caughtUp(): wait on its end too.
        const ended = subscription.done.then(() => {
          throw new Error('projection subscription stopped');
        });
        try {
          return await Promise.race([subscription.caughtUp(), ended]);
        } catch (error) {
          if (this.stopped) throw error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.subscription?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    let retryMs = this.options.retryMs ?? 1_000;
    while (!this.stopped) {
      const { handler, checkpoints } = this.projector.subscriptionParts();
      this.subscription = this.store.subscribe({
        subscriptionId: 'projection-tickets',
        types: TICKET_EVENT_TYPES,
        handler,
        checkpoints,
        batchSize: this.options.batchSize ?? 1_000,
        pollIntervalMs: this.options.pollIntervalMs ?? 100,
      });
      try {
        await this.subscription.done;
        retryMs = this.options.retryMs ?? 1_000;
      } catch (error) {
        this.subscription = undefined;
        if (this.stopped) break;
        this.options.onError?.(error);
        await this.pause(retryMs);
        retryMs = Math.min(retryMs * 2, 30_000);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
