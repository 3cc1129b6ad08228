/**
 * @caseflow/worker — the Temporal worker as a Nest module: activities are injectable services,
 * bound into one activities object; hosted by apps/worker, or by the gateway with the embedded store.
 */
export * from './activities';
export type { Notification, Notifier } from './activities/notifier.port';
export * from './bind-activities';
export * from './worker.module';
export { TemporalWorkerHost } from './temporal-worker.host';
export * from './worker-host.options';
export * from './workflow-source';
