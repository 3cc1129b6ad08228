export * from './events';
export * from './severity';
export * from './ticket-state';
export * from './commands';
export * from './decide';
export * from './errors';
export * from './sla-events';
export * from './customer-deadlines';
