/**
 * Identity: who a caller is, proven by a verified JWT (jose 5.10: jest 29 cannot load the ESM-only
 * jose 6) or a revocable API key. Shared by the gateway (verification) and the `caseflow` CLI
 * (the embedded issuer's tokens, API key management).
 */
export * from './roles';
export * from './caller';
export * from './claims';
export * from './config';
export * from './secret-file';
export * from './issue-token';
export * from './verify-token';
export * from './api-keys';
