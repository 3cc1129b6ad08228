import type { Actor } from '@caseflow/domain';
import type { Caller } from '@caseflow/identity';

/**
 * The actor a ticket records, from the verified caller, exactly as before tokens: staff by id
 * (`engineer:eve`), a customer contact by e-mail, which the workflow turns into
 * `customer-contact:<subject id>`. A service acting for someone is that someone.
 */
export function actorOf(caller: Caller): Actor {
  if (caller.role === 'customer') return { id: caller.email as string, role: 'customer' };
  if (caller.role === 'engineer' || caller.role === 'manager') return { id: caller.id, role: caller.role };
  throw new Error(`${caller.role} callers do not act on tickets (the access policy refuses them first)`);
}
