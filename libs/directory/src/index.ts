/**
 * The customer directory: records the ticket workflow decides on, the pure identify check, the
 * demo fixture, the PostgreSQL-backed directory (every change an event on `customer-<id>`) and its
 * Nest module. Workflow code imports `./identify` and `./customer` directly, never this index.
 */
export * from './customer';
export * from './identify';
export * from './validate-customer';
export * from './fixture';
export * from './directory.tokens';
export * from './customer-directory';
export * from './directory.module';
export * from './sla-setup';
export * from './ticket-history';
export * from './sla-catalog';
export * from './record-changes';
