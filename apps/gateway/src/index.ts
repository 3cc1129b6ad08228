/** What tests and tools outside the gateway may use: the application factory and the codec server's access port. */
export * from './gateway.app';
export * from './codec';
export { ACCESS, COMMAND_ROLES } from './auth/access-policy';
export { offlineOpenApiDocument, formatOpenApiDocument } from './openapi/offline-document';
export { IDEMPOTENCY_KEY_HEADER, REPLAYED_HEADER } from './idempotency';
