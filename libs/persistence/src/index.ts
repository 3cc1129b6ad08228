export * from './persistence.config';
export * from './persistence.tokens';
export * from './persistence.module';
export * from './personal-data';
export * from './event-stores';
export * from './personal-references';
