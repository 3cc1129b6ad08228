export * from './temporal.config';
export * from './temporal.tokens';
export * from './temporal-client.module';
export * from './register-search-attributes';
