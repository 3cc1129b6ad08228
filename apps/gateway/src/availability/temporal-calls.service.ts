import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '@caseflow/temporal';
import {
  AVAILABILITY_OPTIONS,
  DEFAULT_RETRY_AFTER_SECONDS,
  DEFAULT_TEMPORAL_TIMEOUT_MS,
  PROBE_TIMEOUT_MS,
  type AvailabilityOptions,
} from './availability.options';
import { ServiceUnavailable } from './unavailable';

/** gRPC outcomes that mean "nobody answered in time" (DEADLINE_EXCEEDED, UNAVAILABLE), not an answer that says no. */
const UNANSWERED: readonly number[] = [4, 14];

/**
 * Every call the gateway makes to Temporal runs under a deadline. An update that no worker takes
 * never completes, and a server that is gone is retried by the SDK for a long while: past the
 * bound, the gateway asks Temporal whether it is there at all, and answers 503 naming the missing
 * piece (TEMPORAL_UNAVAILABLE: the server does not answer; WORKER_UNAVAILABLE: it does, but no
 * worker took the ticket's task) with Retry-After.
 */
@Injectable()
export class TemporalCalls {
  private readonly logger = new Logger('Availability');
  private readonly timeoutMs: number;
  private readonly retryAfterSeconds: number;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(AVAILABILITY_OPTIONS) options: AvailabilityOptions,
  ) {
    this.timeoutMs = options.temporalTimeoutMs ?? DEFAULT_TEMPORAL_TIMEOUT_MS;
    this.retryAfterSeconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  }

  async bounded<T>(work: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + this.timeoutMs, () => work(this.client));
    } catch (error) {
      if (!unanswered(error)) throw error;
      const unavailable = await this.whoIsMissing();
      this.logger.warn(`${unavailable.code}: ${unavailable.message} (${String(error)})`);
      throw unavailable;
    }
  }

  /** Whether the Temporal server itself answers (its system info, under a short deadline of its own). */
  async serverAnswers(): Promise<boolean> {
    return this.client
      .withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => this.client.workflowService.getSystemInfo({}))
      .then(
        () => true,
        () => false,
      );
  }

  private async whoIsMissing(): Promise<ServiceUnavailable> {
    const seconds = this.timeoutMs / 1000;
    if (!(await this.serverAnswers()))
      return new ServiceUnavailable(
        'TEMPORAL_UNAVAILABLE',
        `the Temporal server did not answer within ${seconds} s; nothing was done`,
        this.retryAfterSeconds,
      );
    return new ServiceUnavailable(
      'WORKER_UNAVAILABLE',
      `no ticket worker answered within ${seconds} s (Temporal is up; is the worker running?)`,
      this.retryAfterSeconds,
    );
  }
}

/** A deadline or an unreachable server, however deep the SDK wrapped it. */
export function unanswered(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(e) && UNANSWERED.includes(e.code)) return true;
  }
  return false;
}
