import { DomainError } from '@caseflow/domain';
import { CUSTOMER_ID, EMAIL, PERSON_ID, inScope, isTier, type Caller } from '@caseflow/identity';

/** The header a service names the person it acts for with. */
export const ON_BEHALF_OF = 'x-on-behalf-of';

const FORMAT = `${ON_BEHALF_OF} must be engineer:<id>[:L1|L2|L3], manager:<id> or customer:<customer id>:<e-mail>`;

const refuse = (message: string): DomainError =>
  new DomainError('ACTOR_NOT_AUTHORIZED', message, { field: ON_BEHALF_OF });

/**
 * A service acting for a named person becomes that person for authorization, within the service's
 * own customers; the person is who the ticket records. Without the header a service acts as itself.
 */
export function actingFor(caller: Caller, header: string | string[] | undefined): Caller {
  if (header === undefined) return caller;
  if (caller.role !== 'service' || !caller.service)
    throw refuse(`only a service acts on behalf of someone; ${caller.role} callers act as themselves`);
  const value = Array.isArray(header) ? header.join(',') : header;
  const [role, ...rest] = value.split(':');
  const service = caller.service;
  if (role === 'engineer' || role === 'manager') {
    const [id, tier] = rest;
    if (!id || !PERSON_ID.test(id) || rest.length > (role === 'engineer' ? 2 : 1)) throw refuse(FORMAT);
    if (role === 'manager') return { role, id, scope: caller.scope, service };
    if (tier !== undefined && !isTier(tier)) throw refuse(FORMAT);
    return { role, id, tier: tier ?? 'L1', scope: caller.scope, service };
  }
  if (role === 'customer') {
    const [customerId, ...emailParts] = rest;
    const email = emailParts.join(':').trim().toLowerCase();
    if (!customerId || !CUSTOMER_ID.test(customerId) || !EMAIL.test(email)) throw refuse(FORMAT);
    if (!inScope(caller, customerId)) throw refuse(`service ${service.id} may not act for contacts of ${customerId}`);
    return { role, id: `contact-via-${service.id}`, customerId, email, scope: [customerId], service };
  }
  throw refuse(FORMAT);
}
