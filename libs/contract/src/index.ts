/**
 * @caseflow/contract — the ticket workflow's contract, shared by workflows, gateway and worker:
 * updates, queries, signals, search-attribute keys, inputs, the activities' types, and how a
 * DomainError crosses the Temporal boundary.
 * Workflow-safe only: it is bundled into the workflow sandbox.
 */
export * from './definitions';
export * from './activity-types';
export * from './domain-failure';
