import { ALL_CUSTOMERS, type Role, type Tier } from './roles';

/**
 * Who a request acts as, once its credential is verified: the token's person, or the person a
 * service names (X-On-Behalf-Of). `role` is the role authorization is decided on.
 */
export interface Caller {
  role: Role;
  /** Staff and services: their id. Customer contacts: the token's opaque `sub`. */
  id: string;
  /** Engineers only. */
  tier?: Tier;
  /** Customer contacts only: the one customer they belong to, and their e-mail address. */
  customerId?: string;
  email?: string;
  /** The customers this caller may see: `'*'` for every customer, else a list. */
  scope: readonly string[] | typeof ALL_CUSTOMERS;
  /** Set when a service authenticated: it, and how. */
  service?: { id: string; credential: 'token' | 'api-key' };
}

/** Whether the caller may see anything of `customerId`. */
export const inScope = (caller: Caller, customerId: string): boolean =>
  caller.scope === ALL_CUSTOMERS || caller.scope.includes(customerId);

/**
 * How a caller is named in logs: role and id, the customer for contacts and the service that acts.
 * Never a token, never an e-mail address.
 */
export function describeCaller(caller: Caller | undefined): string {
  if (!caller) return 'anonymous';
  const who = caller.role === 'customer' ? `customer:${caller.id}@${caller.customerId}` : `${caller.role}:${caller.id}`;
  return caller.service && caller.service.id !== caller.id ? `${who} via service:${caller.service.id}` : who;
}
