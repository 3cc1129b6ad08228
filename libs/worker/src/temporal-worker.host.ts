import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, TransportError, Worker } from '@temporalio/worker';
import { dataConverterFor } from '@caseflow/codec';
import { TEMPORAL_CONFIG_FOR_WORKER, type WorkerHostOptions } from './worker-host.options';
import { ACTIVITY_SERVICES } from './activities';
import { bindActivities } from './bind-activities';
import { workflowSource } from './workflow-source';

/** How long the host waits before trying an unreachable Temporal server again. */
export const RECONNECT_MS = 5_000;

/**
 * Runs the Temporal worker for the life of the Nest application context. When the Temporal server
 * does not answer at start, the application starts anyway (the gateway hosting this worker serves
 * its reads) and the host tries again every RECONNECT_MS; any other failure fails the start.
 */
@Injectable()
export class TemporalWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerHost.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  private stopped = false;
  private retry?: { timer: NodeJS.Timeout; wake: () => void };
  private retrying?: Promise<void>;

  constructor(
    @Inject(TEMPORAL_CONFIG_FOR_WORKER) private readonly options: WorkerHostOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      this.unreachable(error);
      this.retrying = this.retryUntilStarted();
    }
  }

  private async retryUntilStarted(): Promise<void> {
    while (!this.stopped) {
      await new Promise<void>((wake) => (this.retry = { timer: setTimeout(wake, RECONNECT_MS), wake }));
      if (this.stopped) return;
      try {
        await this.start();
        return;
      } catch (error) {
        if (!(error instanceof TransportError)) {
          this.logger.error(`worker not started: ${String(error)}`);
          return;
        }
      }
    }
  }

  private unreachable(error: Error): void {
    const { address } = this.options.temporal;
    this.logger.warn(
      `Temporal at ${address} does not answer (${error.message}); trying again every ${RECONNECT_MS / 1000} s`,
    );
  }

  private async start(): Promise<void> {
    const { address, namespace, taskQueue, codec } = this.options.temporal;
    const connection = await NativeConnection.connect({ address });
    const services = ACTIVITY_SERVICES.map((service) => this.moduleRef.get(service, { strict: false }));
    try {
      this.worker = await Worker.create({
        connection,
        namespace,
        taskQueue,
        activities: bindActivities(services),
        dataConverter: dataConverterFor(codec),
        ...(this.options.workflowSource ?? workflowSource()),
      });
    } catch (error) {
      await connection.close();
      throw error;
    }
    this.connection = connection;
    this.running = this.worker.run();
    this.running.catch((error: unknown) => this.logger.error(`worker stopped: ${String(error)}`));
    this.logger.log(
      `worker polling ${namespace}/${taskQueue} at ${address}; payloads sealed under ${codec.keys.current.id} (${codec.keys.source})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops polling (or trying to connect) and closes the connection (tests stop a gateway's in-process worker so). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) {
      clearTimeout(this.retry.timer);
      this.retry.wake();
    }
    await this.retrying;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }
}
