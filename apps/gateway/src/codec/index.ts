export * from './codec-access';
export * from './codec-server.config';
export * from './codec-server.module';
export * from './codec.tokens';
