/** What tests and tools outside the gateway may use: the application factory. */
export * from './gateway.app';
export { ACCESS, COMMAND_ROLES } from './auth/access-policy';
