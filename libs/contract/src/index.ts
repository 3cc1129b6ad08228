/**
 * @caseflow/contract — the ticket workflow's contract, shared by workflows, gateway and worker:
 * updates, queries, signals, search-attribute keys, inputs and the activities' types.
 * Pure declarations only: it is bundled into the workflow sandbox.
 */
export * from './definitions';
export * from './activity-types';
