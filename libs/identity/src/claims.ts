import type { Caller } from './caller';
import { ALL_CUSTOMERS, CUSTOMER_ID, EMAIL, PERSON_ID, isRole, isTier, type Role, type Tier } from './roles';

/**
 * Caseflow's claims beside the registered ones (iss, aud, sub, iat, exp):
 * - `role`: one of ROLES;
 * - `tier`: engineers, L1 | L2 | L3;
 * - `customer` and `email`: customer contacts, the one customer they belong to and their address
 *   (`sub` stays the issuer's opaque id for the person);
 * - `customers`: services, the customer ids they may touch (`["*"]` for every customer).
 */
export interface CaseflowClaims {
  sub: string;
  role: Role;
  tier?: Tier;
  customer?: string;
  email?: string;
  customers?: string[];
}

export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';
}

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The caller a verified token describes; throws InvalidClaimsError naming the first claim that does not fit. */
export function callerFromClaims(payload: Record<string, unknown>): Caller {
  const { sub, role } = payload;
  if (!text(sub) || !PERSON_ID.test(sub)) throw new InvalidClaimsError('sub claim missing or malformed');
  if (!isRole(role)) throw new InvalidClaimsError('role claim missing or unknown');
  switch (role) {
    case 'customer': {
      const { customer } = payload;
      const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : undefined;
      if (!text(customer) || !CUSTOMER_ID.test(customer))
        throw new InvalidClaimsError('customer claim missing or malformed');
      if (!text(email) || !EMAIL.test(email)) throw new InvalidClaimsError('email claim missing or malformed');
      return { role, id: sub, customerId: customer, email, scope: [customer] };
    }
    case 'engineer':
      if (!isTier(payload.tier)) throw new InvalidClaimsError('tier claim missing or not L1, L2 or L3');
      return { role, id: sub, tier: payload.tier, scope: ALL_CUSTOMERS };
    case 'service': {
      const scope = serviceScope(payload.customers);
      return { role, id: sub, scope, service: { id: sub, credential: 'token' } };
    }
    default:
      return { role, id: sub, scope: ALL_CUSTOMERS };
  }
}

function serviceScope(customers: unknown): Caller['scope'] {
  if (!Array.isArray(customers) || customers.length === 0)
    throw new InvalidClaimsError('customers claim must list customer ids (or "*")');
  if (customers.includes(ALL_CUSTOMERS)) return ALL_CUSTOMERS;
  if (!customers.every((c) => text(c) && CUSTOMER_ID.test(c)))
    throw new InvalidClaimsError('customers claim must list customer ids (or "*")');
  return customers as string[];
}
