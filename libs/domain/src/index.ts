export * from './events';
export * from './ticket-state';
export * from './errors';
