/** The gateway's auth: what controllers use. */
export { Authorize, Public, type AccessTarget } from './authorize.decorator';
export { Caller } from './caller.decorator';
export { DenialLog } from './denial-log';
export { TicketAccess, ticketNotFound, type TicketOwner } from './ticket-access.service';
export { AuthModule, DEFAULT_RATE_LIMIT, type RateLimit } from './auth.module';
export { actorOf } from './actor';
export { ACCESS, COMMAND_ROLES, type Action } from './access-policy';
export { Authenticator } from './authenticator';
