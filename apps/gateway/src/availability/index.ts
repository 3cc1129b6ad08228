export * from './availability.options';
export * from './availability.module';
export * from './temporal-calls.service';
export * from './unavailable';
export * from './unavailable.filter';
