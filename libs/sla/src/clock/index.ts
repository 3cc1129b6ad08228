export * from './sla-event';
export * from './sla-state';
export * from './sla-context';
export * from './target-clock';
export * from './sla-clocks';
