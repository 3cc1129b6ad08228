import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import { dataConverterFor } from '@caseflow/codec';
import { TEMPORAL_CONFIG_FOR_WORKER, type WorkerHostOptions } from './worker-host.options';
import { ACTIVITY_SERVICES } from './activities';
import { bindActivities } from './bind-activities';
import { workflowSource } from './workflow-source';

/** Runs the Temporal worker for the life of the Nest application context. */
@Injectable()
export class TemporalWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerHost.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(TEMPORAL_CONFIG_FOR_WORKER) private readonly options: WorkerHostOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue, codec } = this.options.temporal;
    this.connection = await NativeConnection.connect({ address });
    const services = ACTIVITY_SERVICES.map((service) => this.moduleRef.get(service, { strict: false }));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      activities: bindActivities(services),
      dataConverter: dataConverterFor(codec),
      ...(this.options.workflowSource ?? workflowSource()),
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => this.logger.error(`worker stopped: ${String(error)}`));
    this.logger.log(
      `worker polling ${namespace}/${taskQueue} at ${address}; payloads sealed under ${codec.keys.current.id} (${codec.keys.source})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops polling and closes the connection (tests stop a gateway's in-process worker so). */
  async stop(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }
}
